using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;

namespace Stillas.Tests.Selection;

/// <summary>The selection pages, their dates, default titles and validation messages in nynorsk and English.</summary>
public abstract class SelectionLanguageTests(StillasApp app)
{
    private static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Plain(string html) => Regex.Replace(Html.Text(html), @"\s+", " ");

    private Task<int> NordvikId() => app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());

    private async Task<HttpClient> OwnerAdminIn(string language)
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Opens a round through the form with an empty title and deadline (so both get their defaults); returns its page.</summary>
    private async Task<string> OpenRoundAsync(HttpClient client, string schoolYear)
    {
        var created = await client.PostFormAsync("/Selection/Create", new()
        {
            ["Input.OwnerId"] = S(await NordvikId()), ["Input.SchoolYear"] = schoolYear, ["Input.Title"] = "", ["Input.AgreementDeadline"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created.Headers.Location!.ToString();
    }

    [Fact]
    public async Task Selection_reads_in_nynorsk_with_nynorsk_dates_titles_and_validation_messages()
    {
        var client = await OwnerAdminIn("nn-NO");
        var list = Plain(await client.GetStringAsync("/Selection"));
        Assert.Contains("Utval av skular", list);
        Assert.Contains("Opne ny utvalsrunde", list);
        Assert.Contains("Frist for avtalar", list);
        Assert.DoesNotContain("Åpne ny utvalgsrunde", list);

        var round = Plain(await client.GetStringAsync(await OpenRoundAsync(client, "2031/32")));
        Assert.Contains("Utvalsrunde 2031/32", round);
        // The default title is stored in bokmål and shown in the reader's language.
        Assert.Contains("Utval av skular til rettleiing 2031/32", round);
        Assert.Contains("28.02.2031", round);
        Assert.Contains("Kandidatskular", round);
        Assert.Contains("Forslag: skular som står for tur", round);
        Assert.Equal("Utvalg av skoler til veiledning 2031/32", await app.WithDbAsync(db => db.SelectionRounds.Where(r => r.SchoolYear == "2031/32").Select(r => r.Title).SingleAsync()));

        var year = await client.PostFormAsync("/Selection/Create", new()
        {
            ["Input.OwnerId"] = S(await NordvikId()), ["Input.SchoolYear"] = "2027/2029", ["Input.Title"] = "Feil år", ["Input.AgreementDeadline"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        Assert.Contains("Eit skuleår går over to år som følgjer etter kvarandre, til dømes 2027/28.", Html.FieldErrors(await year.Content.ReadAsStringAsync()));
        var deadline = await client.PostFormAsync("/Selection/Create", new()
        {
            ["Input.OwnerId"] = S(await NordvikId()), ["Input.SchoolYear"] = "2027/28", ["Input.Title"] = "Feil frist", ["Input.AgreementDeadline"] = "2027-09-01",
        });
        Assert.Contains("Fristen for avtalar må vere før skuleåret startar (01.08.2027).", Html.FieldErrors(await deadline.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Selection_reads_in_English_with_English_dates_and_titles()
    {
        var client = await OwnerAdminIn("en-GB");
        var list = Plain(await client.GetStringAsync("/Selection"));
        Assert.Contains("Selection of schools", list);
        Assert.Contains("Open a new selection round", list);
        Assert.Contains("Deadline for agreements", list);

        var round = Plain(await client.GetStringAsync(await OpenRoundAsync(client, "2033/34")));
        Assert.Contains("Selection round 2033/34", round);
        Assert.Contains("Selection of schools for guidance 2033/34", round);
        Assert.Contains("28/02/2033", round);
        Assert.Contains("January 2033", round);
        Assert.Contains("Candidate schools", round);
        Assert.DoesNotContain("28.02.2033", round);

        var deadline = await client.PostFormAsync("/Selection/Create", new()
        {
            ["Input.OwnerId"] = S(await NordvikId()), ["Input.SchoolYear"] = "2027/28", ["Input.Title"] = "Wrong deadline", ["Input.AgreementDeadline"] = "2027-09-01",
        });
        Assert.Contains("The deadline for agreements must be before the school year starts (01/08/2027).", Html.FieldErrors(await deadline.Content.ReadAsStringAsync()));
    }
}

public sealed class SelectionLanguageOnSqlite(StillasApp app) : SelectionLanguageTests(app), IClassFixture<StillasApp>;

public sealed class SelectionLanguageOnPostgres(PostgresApp app) : SelectionLanguageTests(app), IClassFixture<PostgresApp>;
