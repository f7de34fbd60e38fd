using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.People;
using static Stillas.Tests.People.PeopleTestSupport;

using Stillas.Web.Platform.Access;

namespace Stillas.Tests.People;

/// <summary>The people API (/api/v1/people) with a logged-in cookie, on both providers.</summary>
public abstract class PeopleApiTests(StillasApp app)
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<List<string>> NamesAsync(HttpClient client, string url) =>
        (await Json(await client.GetAsync(url))).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();

    [Fact]
    public async Task Admin_invites_through_the_API_and_the_invitation_mail_is_sent()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await app.OwnerIdAsync("Nordvik kommune");
        var sentrum = await app.SchoolIdAsync("Sentrum skole");
        var response = await admin.PostAsJsonAsync("/api/v1/people", new { name = "Api Person", email = "api.person@nordvik.test", ownerId = nordvik, role = (int)Role.SkutMember, schoolId = sentrum });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        var id = body.GetProperty("person").GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/people/{id}", response.Headers.Location!.ToString());
        var membership = Assert.Single(body.GetProperty("memberships").EnumerateArray());
        Assert.Equal("SKUT-medlem", membership.GetProperty("roleName").GetString());
        Assert.Equal(sentrum, membership.GetProperty("schoolId").GetInt32());

        var mail = await app.MailToAsync("api.person@nordvik.test");
        Assert.Contains("/Account/SetPassword?token=", mail.TextBody);

        var list = await Json(await admin.GetAsync("/api/v1/people?q=api.person"));
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_input_gives_validation_problem_details_in_Norwegian()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await app.OwnerIdAsync("Nordvik kommune");
        var invalid = await admin.PostAsJsonAsync("/api/v1/people", new { name = "", email = "ikke-en-epost", ownerId = nordvik });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var body = await invalid.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _), body);
        Assert.Equal("Skriv inn navnet.", errors.GetProperty("name")[0].GetString());
        Assert.StartsWith("Skriv inn en gyldig e-postadresse", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);

        var taken = await admin.PostAsJsonAsync("/api/v1/people", new { name = "Dobbel", email = "LISE.laerer@nordvik.test", ownerId = nordvik });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal("E-postadressen er allerede i bruk.", (await Json(taken)).GetProperty("errors").GetProperty("email")[0].GetString());

        var lise = await app.PersonIdAsync("lise.laerer@nordvik.test");
        var noSchool = await admin.PostAsJsonAsync($"/api/v1/people/{lise}/memberships", new { role = (int)Role.Principal });
        Assert.Equal(HttpStatusCode.BadRequest, noSchool.StatusCode);
        Assert.StartsWith("Velg skole.", (await Json(noSchool)).GetProperty("errors").GetProperty("schoolId")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "Dobbel")));
    }

    [Fact]
    public async Task Memberships_are_added_and_removed_through_the_API()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var hanne = await app.PersonIdAsync("hanne.inspektor@nordvik.test");
        var fjellheim = await app.SchoolIdAsync("Fjellheim skole");
        var added = await admin.PostAsJsonAsync($"/api/v1/people/{hanne}/memberships", new { role = (int)Role.SchoolLeader, schoolId = fjellheim });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var membershipId = (await Json(added)).GetProperty("id").GetInt32();
        Assert.Equal(await app.OwnerIdAsync("Nordvik kommune"), await app.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.OwnerId).SingleAsync()));

        var again = await admin.PostAsJsonAsync($"/api/v1/people/{hanne}/memberships", new { role = (int)Role.SchoolLeader, schoolId = fjellheim });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/people/{hanne}/memberships/{membershipId}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Active).SingleAsync()));
        var details = await Json(await admin.GetAsync($"/api/v1/people/{hanne}"));
        Assert.Contains(details.GetProperty("memberships").EnumerateArray(), m => m.GetProperty("id").GetInt32() == membershipId && !m.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Update_changes_the_person_and_deactivate_stops_the_login()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        await app.CreateLoginAsync("Api Endring", "api.endring@nordvik.test", NewPassword);
        var id = await app.PersonIdAsync("api.endring@nordvik.test");
        var put = await admin.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Api Endret", email = "api.endret@nordvik.test", title = "Inspektør" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Api Endret", (await Json(put)).GetProperty("person").GetProperty("name").GetString());
        await app.LoginAsync("api.endret@nordvik.test", NewPassword);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/people/{id}")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoginAsync("api.endret@nordvik.test", NewPassword));
        var self = await app.PersonIdAsync("skoleeier@nordvik.test");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/people/{self}")).StatusCode);
    }

    [Fact]
    public async Task Fjordland_admin_gets_404_for_Nordvik_people_and_principal_gets_403_for_inviting()
    {
        var fjordland = await app.LoginAsync("skoleeier@fjordland.test");
        var per = await app.PersonIdAsync("rektor.sentrum@nordvik.test");
        Assert.Equal(HttpStatusCode.NotFound, (await fjordland.GetAsync($"/api/v1/people/{per}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fjordland.PutAsJsonAsync($"/api/v1/people/{per}", new { name = "Kapret", email = "kapret@fjordland.test" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fjordland.DeleteAsync($"/api/v1/people/{per}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fjordland.PostAsJsonAsync($"/api/v1/people/{per}/memberships", new { role = (int)Role.Teacher })).StatusCode);
        var list = await NamesAsync(fjordland, "/api/v1/people?pageSize=200");
        Assert.DoesNotContain("Per Rektorsen", list);
        Assert.Contains("Rune Rektor", list);
        var nordvik = await app.OwnerIdAsync("Nordvik kommune");
        Assert.Equal(HttpStatusCode.Forbidden, (await fjordland.PostAsJsonAsync("/api/v1/people", new { name = "Feil Eier", email = "feil.eier@fjordland.test", ownerId = nordvik })).StatusCode);

        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var invite = await principal.PostAsJsonAsync("/api/v1/people", new { name = "Snik Api", email = "snik.api@nordvik.test", ownerId = nordvik });
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);
        Assert.Equal("application/problem+json", invite.Content.Headers.ContentType?.MediaType);
        var colleagues = await NamesAsync(principal, "/api/v1/people");
        Assert.Contains("Lise Lærer", colleagues);
        Assert.DoesNotContain("Anne Lederstad", colleagues);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/v1/people")).StatusCode);
    }
}

public sealed class PeopleApiOnSqlite(StillasApp app) : PeopleApiTests(app), IClassFixture<StillasApp>;

public sealed class PeopleApiOnPostgres(PostgresApp app) : PeopleApiTests(app), IClassFixture<PostgresApp>;
