using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Indicators;

namespace Stillas.Tests.Indicators;

/// <summary>Issue 21, parts 9, 10, 12 and 15: importing Udir's exports through the page and the API, the trend page, who may do what.</summary>
public abstract partial class IndicatorImportTests(StillasApp app)
{
    private const string Admin = "skoleeier@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";
    private const string FjordlandAdmin = "skoleeier@fjordland.test";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
    [GeneratedRegex("name=\"Data\" value=\"([^\"]+)\"")]
    private static partial Regex DataField();

    private Task<(int Nordvik, string NordvikOrg, int Sentrum, string SentrumOrg, string HavnaOrg)> IdsAsync() => app.WithDbAsync(async db =>
    {
        var nordvik = await db.Owners.SingleAsync(o => o.Name == "Nordvik kommune");
        var sentrum = await db.Schools.SingleAsync(s => s.Name == "Sentrum skole");
        var havna = await db.Schools.SingleAsync(s => s.Name == "Havnå skole");
        return (nordvik.Id, nordvik.OrganisationNumber, sentrum.Id, sentrum.OrganisationNumber, havna.OrganisationNumber);
    });

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int ownerId, ExportKind kind, byte[] file)
    {
        var page = await client.GetAsync("/Indicators/Import");
        var match = Token().Match(await page.Content.ReadAsStringAsync());
        if (!match.Success) return page;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(match.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Owner" },
            { new StringContent(kind.ToString()), "Kind" },
        };
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(fileContent, "Upload", "udir.csv");
        return await client.PostAsync("/Indicators/Import?handler=Preview", content);
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, int ownerId, string html) =>
        await client.PostFormAsync("/Indicators/Import?handler=Confirm", new()
        {
            ["Owner"] = ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Data"] = WebUtility.HtmlDecode(DataField().Match(html).Groups[1].Value),
        }, "/Indicators/Import");

    private static byte[] Cp1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
    private static async Task<string> TextAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_administrator_previews_imports_and_reimports_a_year_keeping_the_previous_version_and_the_same_file_twice_changes_nothing()
    {
        var (nordvik, nordvikOrg, _, sentrumOrg, havnaOrg) = await IdsAsync();
        var admin = await app.LoginAsync(Admin);
        var year = 2040 + (app.Provider == Provider.Postgres ? 1 : 0);
        var y = $"{year}-{(year + 1) % 100:00}";

        // Unknown organisation number and line errors: listed, nothing importable.
        var bad = await UploadAsync(admin, nordvik, ExportKind.PupilSurvey, Cp1252(
            "Organisasjonsnummer;Enhetsnavn;Skoleår;Indikator;Trinn;Verdi\n"
            + $"{sentrumOrg};Sentrum skole;{y};Støtte fra lærerne;7;4,1\n"
            + $"974760673;Ukjent skole;{y};Trivsel;7;4,0\n"
            + $"{sentrumOrg};Sentrum skole;{y};Støtte fra lærerne;7;4,2\n"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badText = await TextAsync(bad);
        Assert.Contains("Ukjente organisasjonsnumre (1)", badText);
        Assert.Contains("974760673", badText);
        Assert.Contains("Samme tall (enhet, indikator, skoleår, trinn og kjønn) står også på linje 2.", badText);
        Assert.DoesNotContain("name=\"Data\"", badText);

        // A good Windows-1252 file: '*', '-', empty cell, decimal comma; owner, county and nation rows.
        var file = Cp1252("Nivå;Organisasjonsnummer;Enhetsnavn;Skoleår;Indikator;Trinn;Verdi\n"
            + $"Skole;{sentrumOrg};Sentrum skole;{y};Støtte fra lærerne;7;4,1\n"
            + $"Skole;{sentrumOrg};Sentrum skole;{y};Mobbing;7;*\n"
            + $"Skole;{sentrumOrg};Sentrum skole;{y};Mestring;7;-\n"
            + $"Skole;{havnaOrg};Havnå skole;{y};Trivsel;7;\n"
            + $"Kommune;{nordvikOrg};Nordvik kommune;{y};Trivsel;7;4,25\n"
            + $"Fylke;986105174;Nordfylket;{y};Trivsel;7;4,2\n"
            + $"Nasjonalt;;Nasjonalt;{y};Trivsel;7;4,3\n");
        var preview = await UploadAsync(admin, nordvik, ExportKind.PupilSurvey, file);
        var previewText = await TextAsync(preview);
        Assert.Contains("7 linjer: 4 tall, 1 skjermet (*), 1 mangler (-), 1 tomme celler (ikke lagret).", previewText);
        Assert.Contains("Importer 6 tall", previewText);
        var confirmed = await ConfirmAsync(admin, nordvik, await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<IndicatorValue>().AsNoTracking().Where(v => v.OwnerId == nordvik && v.SchoolYear == year).ToListAsync());
        Assert.Equal(6, stored.Count);
        Assert.Contains(stored, v => v.Status == ValueStatus.Suppressed && v.Value is null && v.Level == IndicatorLevel.School);
        Assert.Contains(stored, v => v.Status == ValueStatus.Missing && v.Value is null);
        Assert.Contains(stored, v => v.Level == IndicatorLevel.County && v.UnitName == "Nordfylket" && v.Value == 4.2m);
        Assert.DoesNotContain(stored, v => v.UnitName == "Havnå skole");

        // The same file again: nothing changes.
        var again = await UploadAsync(admin, nordvik, ExportKind.PupilSurvey, file);
        Assert.Contains("Ingenting er endret", await TextAsync(again));
        Assert.Equal(6, await app.WithDbAsync(db => db.Set<IndicatorValue>().CountAsync(v => v.OwnerId == nordvik && v.SchoolYear == year)));

        // A corrected file for the same year replaces it; the previous version is kept, not current.
        var corrected = await UploadAsync(admin, nordvik, ExportKind.PupilSurvey, Encoding.UTF8.GetBytes(
            $"Organisasjonsnummer;Skoleår;Indikator;Trinn;Verdi\n{sentrumOrg};{y};Støtte fra lærerne;7;4,4\n"));
        var correctedText = await TextAsync(corrected);
        Assert.Contains("Importen erstatter tallene for", correctedText);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(admin, nordvik, await corrected.Content.ReadAsStringAsync())).StatusCode);
        var after = await app.WithDbAsync(db => db.Set<IndicatorValue>().AsNoTracking().Where(v => v.OwnerId == nordvik && v.SchoolYear == year).ToListAsync());
        Assert.Equal(7, after.Count);
        Assert.Equal(4.4m, Assert.Single(after, v => v.Current).Value);
        var history = await TextAsync(await admin.GetAsync("/Indicators/Import"));
        Assert.Contains("Forrige versjon", history);
        Assert.Contains("Gjeldende", history);
    }

    [Fact]
    public async Task Only_the_owners_administrators_import_and_another_owners_school_is_not_found()
    {
        var (nordvik, nordvikOrg, sentrum, _, _) = await IdsAsync();
        await Stillas.Tests.Access.MatrixCallers.ForAsync(app);
        var principal = await app.LoginAsync(Principal);
        Refused.Assert(await principal.GetAsync("/Indicators/Import"), "a principal opens the import page");
        var csv = $"Nivå;Organisasjonsnummer;Skoleår;Verdi\nKommune;{nordvikOrg};2042-43;40,1\n";
        var body = new { ownerId = nordvik, kind = (int)ExportKind.PointsTotal, csv, confirm = true };
        Assert.Equal(HttpStatusCode.Forbidden, (await principal.PostAsJsonAsync("/api/v1/indicator-imports", body)).StatusCode);
        var fjordland = await app.LoginAsync(FjordlandAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await fjordland.PostAsJsonAsync("/api/v1/indicator-imports", body)).StatusCode);
        Refused.Assert(await fjordland.GetAsync($"/Indicators/Import?owner={nordvik}"), "Fjordland's administrator opens Nordvik's import");
        Assert.Equal(HttpStatusCode.NotFound, (await fjordland.GetAsync($"/api/v1/schools/{sentrum}/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fjordland.GetAsync($"/Indicators/Schools/{sentrum}")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IndicatorValue>().CountAsync(v => v.SchoolYear == 2042)));

        // The administrator through the API: a preview writes nothing, a confirm imports, the same text again changes nothing.
        var admin = await app.LoginAsync(Admin);
        var preview = await admin.PostAsJsonAsync("/api/v1/indicator-imports", body with { });
        var previewBody = await admin.PostAsJsonAsync("/api/v1/indicator-imports", new { ownerId = nordvik, kind = (int)ExportKind.PointsTotal, csv, confirm = false });
        Assert.Equal(HttpStatusCode.OK, previewBody.StatusCode);
        Assert.Equal(HttpStatusCode.Created, preview.StatusCode);
        var twice = await admin.PostAsJsonAsync("/api/v1/indicator-imports", body);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("\"sameFileImportedBefore\":true", await twice.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<IndicatorValue>().CountAsync(v => v.SchoolYear == 2042)));
        // Wrong columns: problem details with the Norwegian message, nothing written.
        var wrong = await admin.PostAsJsonAsync("/api/v1/indicator-imports", new { ownerId = nordvik, kind = (int)ExportKind.PointsTotal, csv = "A;B\n1;2\n", confirm = true });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Fant ikke kolonnene", await wrong.Content.ReadAsStringAsync());
        // An unknown organisation number on confirm: 422 and nothing.
        var unknown = await admin.PostAsJsonAsync("/api/v1/indicator-imports", new { ownerId = nordvik, kind = (int)ExportKind.PointsTotal, csv = "Organisasjonsnummer;Skoleår;Verdi\n974760673;2043-44;40\n", confirm = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<IndicatorValue>().CountAsync(v => v.SchoolYear == 2043)));
    }

    [Fact]
    public async Task The_trend_page_shows_five_years_with_suppressed_absent_and_a_series_break_and_the_api_gives_statuses()
    {
        var (_, _, sentrum, _, _) = await IdsAsync();
        await Stillas.Tests.Access.MatrixCallers.ForAsync(app);
        var teacher = await app.LoginAsync("lise.laerer@nordvik.test");
        var page = await teacher.GetAsync($"/Indicators/Schools/{sentrum}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await TextAsync(page);
        Assert.Contains("Indikatorer for Sentrum skole", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("skjermet – for få elever", html);
        Assert.Contains("Brudd i tidsserien fra", html);
        Assert.Contains("Fylket er et annet fra", html);
        Assert.Contains("<td>–</td>", html);
        Assert.Contains("Kilde: Utdanningsdirektoratet", html);
        Assert.DoesNotContain("Fjellheim skole", html);

        var api = await teacher.GetFromJsonAsync<IndicatorsApi.SchoolIndicatorsDto>($"/api/v1/schools/{sentrum}/indicators", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.NotNull(api);
        Assert.Contains(api.Values, v => v.Status == ValueStatus.Suppressed && v.Value is null);
        Assert.Contains(api.Values, v => v.Status == ValueStatus.Missing);
        Assert.All(api.Values, v => Assert.Equal(IndicatorLevel.School, v.Level));
        var catalogue = await teacher.GetStringAsync("/api/v1/indicators");
        Assert.Contains("Kilde: Utdanningsdirektoratet", catalogue);
    }
}

public sealed class IndicatorImportTestsOnSqlite(StillasApp app) : IndicatorImportTests(app), IClassFixture<StillasApp>;

public sealed class IndicatorImportTestsOnPostgres(PostgresApp app) : IndicatorImportTests(app), IClassFixture<PostgresApp>;
