using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;

namespace Stillas.Tests.Programmes;

/// <summary>
/// The model pages in three languages: the Tromsø model's seed texts (phase and step names, stored in bokmål) are shown
/// in the reader's language through L.Data, while a step an administrator typed is shown as typed in all three.
/// </summary>
public abstract class ModelLanguageTests(StillasApp app)
{
    private const string Typed = "Nettverksmøte med nabokommunen";
    private static string Plain(string html) => Regex.Replace(Html.Text(html), @"\s+", " ");

    private async Task<HttpClient> OwnerAdminIn(string? language)
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A copy of the Tromsø model with a step of the administrator's own in Fase 4; returns the model's page.</summary>
    private async Task<string> OwnModelWithTypedStepAsync()
    {
        var client = await OwnerAdminIn(null);
        var nordvik = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
        var copied = await client.PostFormAsync("/Models?handler=Copy", new()
        {
            ["Copy.OwnerId"] = nordvik.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Copy.Name"] = "Språkmodellen", ["Copy.Source"] = "tromso:1",
        }, "/Models");
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var modelUrl = copied.Headers.Location!.ToString();
        var id = modelUrl.Split('/').Last();
        var stepUrl = $"/Models/Step/{id}?phase=fase4";
        var added = await client.PostFormAsync(stepUrl, new()
        {
            ["Phase"] = "fase4", ["Form.Title"] = Typed, ["Form.Kind"] = "Meeting", ["Form.Responsible"] = "Team", ["Form.Anchor"] = "PreviousStep",
            ["Form.SchoolWeeks"] = "1", ["Form.SchoolDays"] = "0", ["Form.Years"] = "0", ["Form.Month"] = "", ["Form.Position"] = "First",
            ["Form.Days"] = "1", ["Form.Hours"] = "", ["Form.Description"] = "", ["Form.AfterKey"] = "",
        }, stepUrl);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return modelUrl.Split('#')[0];
    }

    [Fact]
    public async Task Seed_phase_and_step_names_follow_the_reader_and_a_typed_step_name_stays_as_typed()
    {
        var modelUrl = await OwnModelWithTypedStepAsync();

        var bokmal = Plain(await (await OwnerAdminIn("nb-NO")).GetStringAsync(modelUrl));
        Assert.Contains("Fase 4: Veiledning 1–4", bokmal);
        Assert.Contains("Veiledning 1", bokmal);
        Assert.Contains("Innen utgangen av februar", bokmal);
        Assert.Contains(Typed, bokmal);

        var nynorsk = Plain(await (await OwnerAdminIn("nn-NO")).GetStringAsync(modelUrl));
        Assert.Contains("Fase 4: Rettleiing 1–4", nynorsk);
        Assert.Contains("Rettleiing 1", nynorsk);
        Assert.Contains("Fase 2: Framtidsbilete", nynorsk);
        Assert.Contains("Innan utgangen av februar", nynorsk);
        Assert.Contains("Fasar og steg", nynorsk);
        Assert.DoesNotContain("Veiledning 1", nynorsk);
        Assert.Contains(Typed, nynorsk);

        var english = Plain(await (await OwnerAdminIn("en-GB")).GetStringAsync(modelUrl));
        Assert.Contains("Phase 4: Guidance sessions 1–4", english);
        Assert.Contains("Guidance session 1", english);
        Assert.Contains("Preliminary phase: Selection and agreement", english);
        Assert.Contains("By the end of February", english);
        Assert.Contains("Phases and steps", english);
        Assert.DoesNotContain("Veiledning 1", english);
        Assert.Contains(Typed, english);
    }

    [Fact]
    public async Task The_built_in_model_reads_in_English_and_a_bad_cadence_is_refused_in_nynorsk()
    {
        var english = Plain(await (await OwnerAdminIn("en-GB")).GetStringAsync("/Models/BuiltIn/tromso/1"));
        Assert.Contains("The Tromsø model, version 1", english);
        Assert.Contains("Phase 3: Assessment days", english);
        Assert.Contains("Start-up meeting", english);

        var modelUrl = await OwnModelWithTypedStepAsync();
        var client = await OwnerAdminIn("nn-NO");
        var bad = await client.PostFormAsync($"{modelUrl}?handler=Cadence", new() { ["Cadence.SessionsPerHalfYear"] = "9", ["Cadence.SessionHours"] = "3" }, modelUrl);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Talet på rettleiingar per halvår må vere frå 1 til 6.", Html.FieldErrors(await bad.Content.ReadAsStringAsync()));
    }
}

public sealed class ModelLanguageOnSqlite(StillasApp app) : ModelLanguageTests(app), IClassFixture<StillasApp>;

public sealed class ModelLanguageOnPostgres(PostgresApp app) : ModelLanguageTests(app), IClassFixture<PostgresApp>;
