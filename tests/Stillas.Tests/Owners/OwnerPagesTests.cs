using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Owners;

namespace Stillas.Tests.Owners;

/// <summary>School owners through the real pages and the API, on both database providers.</summary>
public abstract class OwnerPagesTests(StillasApp app)
{
    private static Dictionary<string, string> Form(string name, string orgNo, string kind = "Kommune") => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.OrganisationNumber"] = orgNo,
    };

    private Task<int> OwnerId(string name) => app.WithDbAsync(db => db.Owners.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
    private Task<string> OrgNo(string name) => app.WithDbAsync(db => db.Owners.Where(o => o.Name == name).Select(o => o.OrganisationNumber).SingleAsync());

    [Fact]
    public async Task System_admin_creates_an_owner_and_the_change_is_audited()
    {
        var client = await app.LoginAsync("admin@stillas.test");
        var response = await client.PostFormAsync("/Owners/Create", Form("Sørdal kommune", "974 760 673"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Sørdal kommune", details);
        Assert.Contains("974760673", details);
        Assert.Contains("/Schools/Create?owner=", details);
        Assert.Contains("/Import/Schools?owner=", details);

        var id = await OwnerId("Sørdal kommune");
        var entry = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "SchoolOwner" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync()));
        Assert.Equal("Siri Systemsen", entry.ActorName);
        var list = await client.GetStringAsync("/Owners?q=sørdal");
        Assert.Contains("Sørdal kommune", list);
        Assert.DoesNotContain("Nordvik kommune", list);
        Assert.DoesNotContain("Fjordland fylkeskommune", await client.GetStringAsync("/Owners?kind=Kommune"));
    }

    [Fact]
    public async Task Invalid_organisation_number_is_refused_in_Norwegian_and_the_form_keeps_what_was_typed()
    {
        var client = await app.LoginAsync("admin@stillas.test");
        var response = await client.PostFormAsync("/Owners/Create", Form("Feilvik kommune", "123456789"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Organisasjonsnummeret er ikke gyldig", string.Join(" ", Html.FieldErrors(html)));
        Assert.Contains("value=\"Feilvik kommune\"", html);
        Assert.Contains("value=\"123456789\"", html);
        Assert.False(await app.WithDbAsync(db => db.Owners.AnyAsync(o => o.Name == "Feilvik kommune")));

        var api = await client.PostAsJsonAsync("/api/v1/owners", new { name = "Feilvik kommune", kind = (int)OwnerKind.Kommune, organisationNumber = "123456789" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Organisasjonsnummeret er ikke gyldig", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Duplicate_organisation_number_is_refused_even_when_the_other_owner_is_not_visible()
    {
        var fjordlandNo = await OrgNo("Fjordland fylkeskommune");
        var admin = await app.LoginAsync("admin@stillas.test");
        var response = await admin.PostFormAsync("/Owners/Create", Form("Dobbelt kommune", fjordlandNo));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("En annen skoleeier har allerede dette organisasjonsnummeret.", Html.FieldErrors(await response.Content.ReadAsStringAsync()));

        // Nordvik's administrator cannot see Fjordland, but still cannot take its number.
        var nordvik = await OwnerId("Nordvik kommune");
        var owner = await app.LoginAsync("skoleeier@nordvik.test");
        var edit = await owner.PostFormAsync($"/Owners/Edit/{nordvik}", Form("Nordvik kommune", fjordlandNo));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Contains("En annen skoleeier har allerede dette organisasjonsnummeret.", Html.FieldErrors(await edit.Content.ReadAsStringAsync()));
        var api = await owner.PutAsJsonAsync($"/api/v1/owners/{nordvik}", new { name = "Nordvik kommune", kind = (int)OwnerKind.Kommune, organisationNumber = fjordlandNo });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.NotEqual(fjordlandNo, await OrgNo("Nordvik kommune"));
        Assert.False(await app.WithDbAsync(db => db.Owners.AnyAsync(o => o.Name == "Dobbelt kommune")));
    }

    [Fact]
    public async Task Only_the_system_admin_can_create_owners()
    {
        foreach (var email in new[] { "skoleeier@nordvik.test", "veileder@nordvik.test", "rektor.sentrum@nordvik.test" })
        {
            var client = await app.LoginAsync(email);
            Refused.Assert(await client.GetAsync("/Owners/Create"), $"{email} opening the create form");
            Refused.Assert(await client.PostFormAsync("/Owners/Create", Form("Uautorisert kommune", "986105174"), formPage: "/Account/Logout"), $"{email} posting the create form");
            var api = await client.PostAsJsonAsync("/api/v1/owners", new { name = "Uautorisert kommune", kind = (int)OwnerKind.Kommune, organisationNumber = "986105174" });
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.DoesNotContain("/Owners/Create", await client.GetStringAsync("/Owners"));
        }
        Assert.False(await app.WithDbAsync(db => db.Owners.AnyAsync(o => o.Name == "Uautorisert kommune")));
    }

    [Fact]
    public async Task Fjordland_admin_cannot_see_Nordvik()
    {
        var nordvik = await OwnerId("Nordvik kommune");
        var fjordland = await OwnerId("Fjordland fylkeskommune");
        var client = await app.LoginAsync("skoleeier@fjordland.test");
        var list = await client.GetStringAsync("/Owners?status=all");
        Assert.Contains("Fjordland fylkeskommune", list);
        Assert.DoesNotContain("Nordvik kommune", list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Owners/Details/{nordvik}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Owners/Edit/{nordvik}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/owners/{nordvik}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/owners/{nordvik}", new { name = "Kapret", kind = 1, organisationNumber = "974760673" })).StatusCode);
        Assert.DoesNotContain("Nordvik", await client.GetStringAsync("/api/v1/owners"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/owners/{fjordland}")).StatusCode);
        Assert.Equal("Nordvik kommune", await app.WithDbAsync(db => db.Owners.Where(o => o.Id == nordvik).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Owner_admin_edits_own_owner_but_cannot_deactivate_it()
    {
        var fjordland = await OwnerId("Fjordland fylkeskommune");
        var orgNo = await OrgNo("Fjordland fylkeskommune");
        var client = await app.LoginAsync("skoleeier@fjordland.test");
        var details = await client.GetStringAsync($"/Owners/Details/{fjordland}");
        Assert.Contains("/People/Create?owner=", details);
        Assert.DoesNotContain("Deaktiver", details);

        var saved = await client.PostFormAsync($"/Owners/Edit/{fjordland}", Form("Fjordland fylkeskommune", orgNo, "Fylkeskommune"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Refused.Assert(await client.PostFormAsync($"/Owners/Details/{fjordland}?handler=Deactivate", [], formPage: $"/Owners/Edit/{fjordland}"), "owner admin deactivating the owner");
        Assert.True(await app.WithDbAsync(db => db.Owners.Where(o => o.Id == fjordland).Select(o => o.Active).SingleAsync()));

        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var nordvik = await OwnerId("Nordvik kommune");
        var seen = await principal.GetStringAsync($"/Owners/Details/{nordvik}");
        Assert.Contains("Nordvik kommune", seen);
        Assert.DoesNotContain("/Owners/Edit/", seen);
        Refused.Assert(await principal.GetAsync($"/Owners/Edit/{nordvik}"), "principal opening the owner's edit form");
    }
}

public sealed class OwnerPagesOnSqlite(StillasApp app) : OwnerPagesTests(app), IClassFixture<StillasApp>;

public sealed class OwnerPagesOnPostgres(PostgresApp app) : OwnerPagesTests(app), IClassFixture<PostgresApp>;
