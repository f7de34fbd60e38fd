using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;

namespace Stillas.Tests.Schools;

/// <summary>Schools through the real pages, on both database providers.</summary>
public abstract class SchoolPagesTests(StillasApp app)
{
    private static Dictionary<string, string> Form(string name, string orgNo, int ownerId, string level = "Barneskole", string first = "1", string last = "7", string pupils = "120") => new()
    {
        ["Input.OwnerId"] = ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = name, ["Input.OrganisationNumber"] = orgNo,
        ["Input.Level"] = level, ["Input.FirstGrade"] = first, ["Input.LastGrade"] = last, ["Input.Pupils"] = pupils,
    };

    private Task<int> NordvikId() => app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
    private Task<int> SentrumId() => app.WithDbAsync(db => db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task Owner_admin_creates_a_school_and_the_change_is_audited()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        var response = await client.PostFormAsync("/Schools/Edit", Form("Testvik skole", "974760673", nordvik));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Testvik skole", details);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "School" && a.Changes.Contains("Testvik skole")).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("Kari Nordmann", entry.ActorName);
        Assert.Equal(nordvik, entry.OwnerId);
    }

    [Fact]
    public async Task Invalid_organisation_number_is_refused_in_Norwegian_and_the_form_keeps_what_was_typed()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var response = await client.PostFormAsync("/Schools/Edit", Form("Feilnummer skole", "123456789", await NordvikId()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Organisasjonsnummeret er ikke gyldig", string.Join(" ", Html.FieldErrors(html)));
        Assert.Contains("value=\"Feilnummer skole\"", html);
        Assert.Contains("value=\"123456789\"", html);
        Assert.False(await app.WithDbAsync(db => db.Schools.AnyAsync(s => s.Name == "Feilnummer skole")));
    }

    [Fact]
    public async Task Empty_name_and_a_name_of_ten_thousand_characters_are_refused()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        var empty = await (await client.PostFormAsync("/Schools/Edit", Form("", "974760673", nordvik))).Content.ReadAsStringAsync();
        Assert.Contains("Skriv inn skolens navn.", Html.FieldErrors(empty));
        var huge = await (await client.PostFormAsync("/Schools/Edit", Form(new string('x', 10_000), "974760673", nordvik))).Content.ReadAsStringAsync();
        Assert.Contains("Navnet kan ha høyst 200 tegn.", Html.FieldErrors(huge));
    }

    [Fact]
    public async Task Script_in_a_name_is_shown_as_text_never_as_HTML()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var response = await client.PostFormAsync("/Schools/Edit", Form("<script>alert(1)</script> skole", "986105174", await NordvikId()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; skole", html);
    }

    [Fact]
    public async Task Fjordland_admin_cannot_open_or_edit_a_Nordvik_school()
    {
        var client = await app.LoginAsync("skoleeier@fjordland.test");
        var sentrum = await SentrumId();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Schools/Details/{sentrum}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Schools/Edit/{sentrum}")).StatusCode);
        var list = await client.GetStringAsync("/Schools?status=all");
        Assert.DoesNotContain("Sentrum skole", list);
        Assert.Contains("Fjordland videregående skole", list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/schools/{sentrum}")).StatusCode);
    }

    [Fact]
    public async Task Principal_sees_own_school_but_cannot_create_schools()
    {
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Schools/Details/{await SentrumId()}")).StatusCode);
        Refused.Assert(await client.GetAsync("/Schools/Create"), "principal opening the create form");
        var list = await client.GetStringAsync("/Schools");
        Assert.Contains("Sentrum skole", list);
        Assert.DoesNotContain("Fjellheim skole", list);
    }
}

public sealed class SchoolPagesOnSqlite(StillasApp app) : SchoolPagesTests(app), IClassFixture<StillasApp>;

public sealed class SchoolPagesOnPostgres(PostgresApp app) : SchoolPagesTests(app), IClassFixture<PostgresApp>;
