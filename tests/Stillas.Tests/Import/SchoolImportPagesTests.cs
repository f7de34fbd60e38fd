using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Import;

/// <summary>Importing schools from CSV through the real pages (upload → preview → confirm), on both database providers.</summary>
public abstract class SchoolImportPagesTests(StillasApp app)
{
    private const string Header = "Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn";

    private sealed record OwnerRef(int Id, string OrgNo);

    private Task<OwnerRef> OwnerAsync(string name) => app.WithDbAsync(async db =>
    {
        var o = await db.Owners.Where(o => o.Name == name).Select(o => new { o.Id, o.OrganisationNumber }).SingleAsync();
        return new OwnerRef(o.Id, o.OrganisationNumber);
    });

    private Task<OwnerRef> NordvikAsync() => OwnerAsync("Nordvik kommune");
    private Task<OwnerRef> FjordlandAsync() => OwnerAsync("Fjordland fylkeskommune");
    private Task<School?> SchoolAsync(string orgNo) => app.WithDbAsync(db => db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationNumber == orgNo));
    private Task<string> SchoolOrgNoAsync(string name) => app.WithDbAsync(db => db.Schools.Where(s => s.Name == name).Select(s => s.OrganisationNumber).SingleAsync());

    /// <summary>A valid (mod-11), fictional organisation number from a stem; stems are ten apart so that they never meet.</summary>
    private static string Org(int stem)
    {
        for (var s = stem; ; s++)
            if (OrganisationNumber.Complete(s.ToString(CultureInfo.InvariantCulture)) is { } n) return n;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, int ownerId, string data) =>
        await client.PostFormAsync("/Import/Schools?handler=Confirm",
            new() { ["Owner"] = ownerId.ToString(CultureInfo.InvariantCulture), ["Data"] = data }, formPage: "/Import/Schools");

    [Fact]
    public async Task Valid_csv_is_previewed_then_confirmed_creating_and_updating_schools()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikAsync();
        var strandaa = await SchoolOrgNoAsync("Strandå skole");
        string a = Org(97000010), b = Org(97000020);
        var csv = $"{Header};Antall elever\n"
                  + $"{a};Testvik nye skole;{nordvik.OrgNo};Barneskole;1-7;123\n"
                  + $"{b};Testvik ungdomsskole;{nordvik.OrgNo};Ungdomsskole;8–10;210\n"
                  + $"{strandaa};Strandå oppvekstsenter;{nordvik.OrgNo};Grunnskole 1-10;1-10;140\n";

        var preview = await client.UploadAsync(nordvik.Id, Utf8(csv));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("2 nye, 1 oppdateres, 0 med feil", Html.Text(html));
        Assert.Contains(">Ny<", html);
        Assert.Contains(">Oppdateres<", html);
        Assert.Contains("Importer 3 skoler", html);
        Assert.Null(await SchoolAsync(a));

        var data = ImportClient.ConfirmData(html);
        Assert.NotNull(data);
        var confirm = await ConfirmAsync(client, nordvik.Id, data);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var result = await client.GetStringAsync(confirm.Headers.Location!.ToString());
        Assert.Contains("3 skoler importert: 2 nye, 1 oppdatert.", Html.Alert(result));

        var created = await SchoolAsync(a);
        Assert.NotNull(created);
        Assert.Equal(("Testvik nye skole", nordvik.Id, SchoolLevel.Barneskole, 1, 7, 123), (created.Name, created.OwnerId, created.Level, created.FirstGrade, created.LastGrade, created.Pupils));
        var secondary = await SchoolAsync(b);
        Assert.Equal((SchoolLevel.Ungdomsskole, 8, 10), (secondary!.Level, secondary.FirstGrade, secondary.LastGrade));
        var updated = await SchoolAsync(strandaa);
        Assert.Equal(("Strandå oppvekstsenter", SchoolLevel.Kombinert, 1, 10, 140), (updated!.Name, updated.Level, updated.FirstGrade, updated.LastGrade, updated.Pupils));
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "School" && e.EntityId == created.Id.ToString() && e.ActorName == "Kari Nordmann"));
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Csv_with_wrong_columns_is_refused_naming_the_missing_ones()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikAsync();
        var response = await client.UploadAsync(nordvik.Id, Utf8($"Nummer;Navn;Eier\n{Org(97000030)};Feilkolonne skole;{nordvik.OrgNo}\n"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var error = Assert.Single(Html.FieldErrors(html));
        Assert.Contains("Filen mangler kolonnene Organisasjonsnummer, Skoleeier organisasjonsnummer, Skoletype og Trinn.", error);
        Assert.Null(ImportClient.ConfirmData(html));
        Assert.False(await app.WithDbAsync(db => db.Schools.AnyAsync(s => s.Name == "Feilkolonne skole")));
    }

    [Theory]
    [InlineData("utf8-bom", 97000110)]
    [InlineData("utf8", 97000120)]
    [InlineData("windows-1252", 97000130)]
    public async Task Norwegian_letters_survive_every_encoding_Excel_writes(string encoding, int stem)
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikAsync();
        string a = Org(stem), b = Org(stem + 5);
        // Comma-separated and lower-case headers on purpose: both are accepted.
        var csv = "organisasjonsnummer,navn,skoleeier organisasjonsnummer,skoletype,trinn\r\n"
                  + $"{a},Bjørnå skole,{nordvik.OrgNo},Barneskole,1-7\r\n"
                  + $"{b},\"Ærlige Åsen ungdomsskole, avd. Øst\",{nordvik.OrgNo},Ungdomsskole,8-10\r\n";
        var bytes = encoding switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
            "utf8" => Encoding.UTF8.GetBytes(csv),
            _ => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv),
        };

        var html = await (await client.UploadAsync(nordvik.Id, bytes)).Content.ReadAsStringAsync();
        Assert.Contains("Bjørnå skole", html);
        var data = ImportClient.ConfirmData(html);
        Assert.NotNull(data);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, nordvik.Id, data)).StatusCode);

        Assert.Equal("Bjørnå skole", (await SchoolAsync(a))?.Name);
        Assert.Equal("Ærlige Åsen ungdomsskole, avd. Øst", (await SchoolAsync(b))?.Name);
    }

    [Fact]
    public async Task One_bad_line_offers_no_confirm_and_saves_nothing()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikAsync();
        var csv = $"{Header}\n"
                  + $"{Org(97000210)};Godlinje skole;{nordvik.OrgNo};Barneskole;1-7\n"
                  + $"123456789;Feilnummer skole;{nordvik.OrgNo};Barneskole;1-7\n"
                  + $"{Org(97000220)};Godlinje ungdomsskole;{nordvik.OrgNo};Ungdomsskole;8-10\n"
                  + $"{Org(97000230)};Feiltrinn skole;{nordvik.OrgNo};Barneskole;1-10\n";

        var response = await client.UploadAsync(nordvik.Id, Utf8(csv));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Rett feilene i filen og last den opp på nytt", Html.Alert(html));
        Assert.Contains("2 nye, 0 oppdateres, 2 med feil", Html.Text(html));
        Assert.Contains("Organisasjonsnummeret «123456789» er ikke gyldig", html);
        Assert.Contains("Barneskole har trinn 1–7, ikke «1-10».", Html.Text(html));
        Assert.Null(ImportClient.ConfirmData(html));
        Assert.DoesNotContain("handler=Confirm", html);
        Assert.False(await app.WithDbAsync(db => db.Schools.AnyAsync(s => s.Name.StartsWith("Godlinje"))));
    }

    [Fact]
    public async Task A_tampered_or_replayed_preview_is_refused_and_nothing_is_saved()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikAsync();
        var orgNo = Org(97000310);
        var html = await (await client.UploadAsync(nordvik.Id, Utf8($"{Header}\n{orgNo};Manipulert skole;{nordvik.OrgNo};Barneskole;1-7\n"))).Content.ReadAsStringAsync();
        var data = ImportClient.ConfirmData(html)!;
        var middle = data.Length / 2;
        var tampered = data[..middle] + (data[middle] == 'A' ? 'B' : 'A') + data[(middle + 1)..];

        var response = await ConfirmAsync(client, nordvik.Id, tampered);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Last opp filen på nytt", string.Join(" ", Html.FieldErrors(await response.Content.ReadAsStringAsync())));
        Assert.Null(await SchoolAsync(orgNo));

        // A preview made for Nordvik cannot be confirmed for another owner, not even by the system administrator.
        var admin = await app.LoginAsync("admin@stillas.test");
        var adminHtml = await (await admin.UploadAsync(nordvik.Id, Utf8($"{Header}\n{orgNo};Manipulert skole;{nordvik.OrgNo};Barneskole;1-7\n"))).Content.ReadAsStringAsync();
        var adminData = ImportClient.ConfirmData(adminHtml)!;
        Assert.Equal(HttpStatusCode.BadRequest, (await ConfirmAsync(admin, (await FjordlandAsync()).Id, adminData)).StatusCode);
        // Nor by another user.
        Assert.Equal(HttpStatusCode.BadRequest, (await ConfirmAsync(client, nordvik.Id, adminData)).StatusCode);
        Assert.Null(await SchoolAsync(orgNo));
    }

    [Fact]
    public async Task Fjordland_admin_cannot_import_into_Nordvik()
    {
        var client = await app.LoginAsync("skoleeier@fjordland.test");
        var nordvik = await NordvikAsync();
        var fjordland = await FjordlandAsync();
        Refused.Assert(await client.GetAsync($"/Import/Schools?owner={nordvik.Id}"), "Fjordland admin opening the import for Nordvik");
        Refused.Assert(await client.UploadAsync(nordvik.Id, Utf8($"{Header}\n{Org(97000410)};Inntrenger skole;{nordvik.OrgNo};Barneskole;1-7\n")), "Fjordland admin uploading for Nordvik");

        var sentrum = await SchoolOrgNoAsync("Sentrum skole");
        var csv = $"{Header}\n"
                  + $"{Org(97000410)};Inntrenger skole;{nordvik.OrgNo};Barneskole;1-7\n"
                  + $"{sentrum};Sentrum skole overtatt;{fjordland.OrgNo};Barneskole;1-7\n";
        var html = await (await client.UploadAsync(fjordland.Id, Utf8(csv))).Content.ReadAsStringAsync();
        Assert.Contains($"Skoleeierens organisasjonsnummer {nordvik.OrgNo} er ikke Fjordland fylkeskommune sitt", html);
        Assert.Contains($"Organisasjonsnummeret {sentrum} tilhører en skole hos en annen skoleeier.", html);
        Assert.DoesNotContain("Nordvik kommune", html);
        Assert.Null(ImportClient.ConfirmData(html));
        Assert.Equal("Sentrum skole", (await SchoolAsync(sentrum))!.Name);
        Assert.False(await app.WithDbAsync(db => db.Schools.AnyAsync(s => s.Name == "Inntrenger skole")));
    }

    [Fact]
    public async Task Principal_is_refused_the_import_and_its_example_file()
    {
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        Refused.Assert(await client.GetAsync("/Import/Schools"), "principal opening the import");
        Refused.Assert(await client.GetAsync("/Import/Schools?handler=Example"), "principal downloading the example");
    }

    [Fact]
    public async Task Empty_and_too_big_files_are_refused_in_Norwegian()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikAsync();
        var empty = await (await client.UploadAsync(nordvik.Id, [])).Content.ReadAsStringAsync();
        Assert.Contains("Filen er tom.", Html.FieldErrors(empty));
        var headerOnly = await (await client.UploadAsync(nordvik.Id, Utf8(Header + "\n"))).Content.ReadAsStringAsync();
        Assert.Contains("Filen har bare overskriftslinjen og ingen skoler.", Html.FieldErrors(headerOnly));
        var big = await client.UploadAsync(nordvik.Id, new byte[2 * 1024 * 1024 + 1]);
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        Assert.Contains("Filen er for stor", string.Join(" ", Html.FieldErrors(await big.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task The_example_file_downloads_and_previews_without_errors()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikAsync();
        var page = await client.GetStringAsync($"/Import/Schools?owner={nordvik.Id}");
        Assert.Contains($"href=\"/Import/Schools?handler=Example&amp;owner={nordvik.Id}\"", page);

        var response = await client.GetAsync($"/Import/Schools?handler=Example&owner={nordvik.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Contains(nordvik.OrgNo, Encoding.UTF8.GetString(bytes));

        var html = await (await client.UploadAsync(nordvik.Id, bytes, "skoler-eksempel.csv")).Content.ReadAsStringAsync();
        Assert.True(Html.Text(html).Contains("4 nye, 0 oppdateres, 0 med feil", StringComparison.Ordinal), Html.Text(html));
        Assert.Contains("Øvre Eksempeldal oppvekstsenter", html);
        Assert.NotNull(ImportClient.ConfirmData(html));
    }
}

public sealed class SchoolImportPagesOnSqlite(StillasApp app) : SchoolImportPagesTests(app), IClassFixture<StillasApp>;

public sealed class SchoolImportPagesOnPostgres(PostgresApp app) : SchoolImportPagesTests(app), IClassFixture<PostgresApp>;
