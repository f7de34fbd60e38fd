using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Teams;

namespace Stillas.Tests.Teams;

/// <summary>Guidance teams through the real pages and the API, on both database providers.</summary>
public abstract class TeamPagesTests(StillasApp app)
{
    private static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(string name, int ownerId, string capacity = "3", string description = "") => new()
    {
        ["Input.OwnerId"] = S(ownerId), ["Input.Name"] = name, ["Input.Description"] = description, ["Input.Capacity"] = capacity,
    };

    private Task<int> NordvikId() => app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
    private Task<int> TeamId(string name) => app.WithDbAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());
    private Task<int> PersonId(string email) => app.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    private static int IdFrom(Uri location) => int.Parse(location.ToString().Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Owner_admin_creates_a_team_puts_the_advisor_on_it_and_the_change_is_audited()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        var created = await client.PostFormAsync("/Teams/Create", Form("Veilederteam Testvik", nordvik, "2"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var teamId = IdFrom(created.Headers.Location!);
        var details = await client.GetStringAsync($"/Teams/Details/{teamId}");
        Assert.Contains("Veilederteam Testvik", details);
        Assert.Contains("Teamet mangler", details);

        var advisor = await PersonId("veileder@nordvik.test");
        var added = await client.PostFormAsync($"/Teams/Details/{teamId}?handler=AddMember",
            new() { ["Member.PersonId"] = S(advisor), ["Member.Role"] = nameof(TeamRole.DevelopmentAdvisor), ["Member.From"] = "2026-08-01", ["Member.To"] = "" },
            formPage: $"/Teams/Details/{teamId}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await client.GetStringAsync($"/Teams/Details/{teamId}");
        Assert.Contains("Ola Veileder", after);
        Assert.Contains("Utviklingsveileder (koordinator)", after);
        Assert.Contains("Fra 01.08.2026", after);

        var member = await app.WithDbAsync(db => db.TeamMembers.SingleAsync(m => m.TeamId == teamId));
        Assert.Equal(nordvik, member.OwnerId);
        Assert.Equal(TeamRole.DevelopmentAdvisor, member.Role);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "TeamMember" && a.EntityId == S(member.Id)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("Kari Nordmann", entry.ActorName);
        Assert.Equal(nordvik, entry.OwnerId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "GuidanceTeam" && a.EntityId == S(teamId))));

        // The same person twice is refused at the field; nothing is added.
        var again = await client.PostFormAsync($"/Teams/Details/{teamId}?handler=AddMember",
            new() { ["Member.PersonId"] = S(advisor), ["Member.Role"] = nameof(TeamRole.UniversityGuide) }, formPage: $"/Teams/Details/{teamId}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Personen er allerede med i teamet.", Html.FieldErrors(await again.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.TeamMembers.CountAsync(m => m.TeamId == teamId)));
    }

    [Fact]
    public async Task Capacity_out_of_range_is_refused_in_Norwegian_and_the_form_keeps_what_was_typed()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        foreach (var capacity in new[] { "0", "11" })
        {
            var response = await client.PostFormAsync("/Teams/Create", Form("For stort team", nordvik, capacity, "Beskrivelse som skal bli stående"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Kapasiteten må være mellom 1 og 10 skoler per skoleår.", Html.FieldErrors(html));
            Assert.Contains("value=\"For stort team\"", html);
            Assert.Contains($"value=\"{capacity}\"", html);
            Assert.Contains("Beskrivelse som skal bli stående", html);
        }
        var notANumber = await (await client.PostFormAsync("/Teams/Create", Form("For stort team", nordvik, "tre"))).Content.ReadAsStringAsync();
        Assert.Contains("«tre» er ikke en gyldig verdi.", Html.FieldErrors(notANumber));
        Assert.False(await app.WithDbAsync(db => db.Teams.AnyAsync(t => t.Name == "For stort team")));

        // The API answers the same rule as a validation problem.
        var api = await client.PostAsJsonAsync("/api/v1/teams", new { ownerId = nordvik, name = "For stort team", capacity = 42 });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Kapasiteten må være mellom 1 og 10", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fjordland_admin_cannot_open_edit_or_add_members_to_a_Nordvik_team()
    {
        var team1 = await TeamId("Veilederteam 1");
        var outsider = await PersonId("rektor@fjordland-vgs.test");
        var client = await app.LoginAsync("skoleeier@fjordland.test");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Teams/Details/{team1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Teams/Edit/{team1}")).StatusCode);
        Assert.DoesNotContain("Veilederteam 1", await client.GetStringAsync("/Teams?status=all"));

        var edit = await client.PostFormAsync($"/Teams/Edit/{team1}", Form("Kapret", await NordvikId()), formPage: "/Teams/Create");
        Refused.Assert(edit, "Fjordland admin editing a Nordvik team");
        var add = await client.PostFormAsync($"/Teams/Details/{team1}?handler=AddMember",
            new() { ["Member.PersonId"] = S(outsider), ["Member.Role"] = nameof(TeamRole.SchoolLeaderGuide) }, formPage: "/Teams/Create");
        Refused.Assert(add, "Fjordland admin adding a member to a Nordvik team");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/teams/{team1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/teams/{team1}", new { ownerId = await NordvikId(), name = "Kapret", capacity = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/teams/{team1}/members", new { personId = outsider, role = (int)TeamRole.SchoolLeaderGuide })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/teams/{team1}")).StatusCode);
        var list = await client.GetStringAsync("/api/v1/teams");
        Assert.DoesNotContain("Veilederteam 1", list);

        Assert.Equal("Veilederteam 1", await app.WithDbAsync(db => db.Teams.Where(t => t.Id == team1).Select(t => t.Name).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.TeamMembers.AnyAsync(m => m.PersonId == outsider)));
    }

    [Fact]
    public async Task Development_advisor_sees_team_1_but_cannot_edit_it()
    {
        var team1 = await TeamId("Veilederteam 1");
        var client = await app.LoginAsync("veileder@nordvik.test");
        var html = await client.GetStringAsync($"/Teams/Details/{team1}");
        Assert.Contains("Ingrid Forsker", html);
        Assert.Contains("Skolebasert vurdering", html);
        Assert.DoesNotContain("Legg til medlem", html);
        Assert.DoesNotContain("/Teams/Edit/", html);

        Refused.Assert(await client.GetAsync($"/Teams/Edit/{team1}"), "advisor opening the edit form");
        Refused.Assert(await client.GetAsync("/Teams/Create"), "advisor opening the create form");
        // The advisor's page has no form to take a token from; the logout page has one.
        Refused.Assert(await client.PostFormAsync($"/Teams/Details/{team1}?handler=Deactivate", [], formPage: "/Account/Logout"), "advisor deactivating the team");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/teams/{team1}", new { ownerId = await NordvikId(), name = "Omdøpt", capacity = 3 })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Teams.AnyAsync(t => t.Id == team1 && t.Active && t.Name == "Veilederteam 1")));
    }

    [Fact]
    public async Task University_guide_sees_team_1_and_not_team_2()
    {
        var team1 = await TeamId("Veilederteam 1");
        var team2 = await TeamId("Veilederteam 2");
        var client = await app.LoginAsync("uh@nordvik.test");
        var html = await client.GetStringAsync($"/Teams/Details/{team1}");
        Assert.Contains("Ola Veileder", html);
        Assert.Contains("Veileder fra UH", html);
        Assert.DoesNotContain("Legg til medlem", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Teams/Details/{team2}")).StatusCode);
        var list = await client.GetStringAsync("/Teams");
        Assert.Contains("Veilederteam 1", list);
        Assert.DoesNotContain("Veilederteam 2", list);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/teams/{team1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/teams/{team2}")).StatusCode);
    }

    [Fact]
    public async Task Owner_admin_records_and_deletes_training_for_a_member()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var team2 = await TeamId("Veilederteam 2");
        var member = await app.WithDbAsync(db => db.TeamMembers.Where(m => m.TeamId == team2 && m.Role == TeamRole.UniversityGuide).Select(m => m.Id).SingleAsync());
        var page = $"/Teams/Details/{team2}";

        var future = await client.PostFormAsync(page + "?handler=AddTraining",
            new() { ["TrainingForm.MemberId"] = S(member), ["TrainingForm.Title"] = "Veiledning i praksis", ["TrainingForm.CompletedOn"] = "2099-01-01" }, formPage: page);
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        var futureHtml = await future.Content.ReadAsStringAsync();
        Assert.Contains("Datoen kan ikke være fram i tid.", Html.FieldErrors(futureHtml));
        Assert.Contains("value=\"Veiledning i praksis\"", futureHtml);

        var ok = await client.PostFormAsync(page + "?handler=AddTraining",
            new() { ["TrainingForm.MemberId"] = S(member), ["TrainingForm.Title"] = "Veiledning i praksis", ["TrainingForm.Provider"] = "Universitetet i Nord", ["TrainingForm.CompletedOn"] = "2025-11-20" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("20.11.2025", await client.GetStringAsync(page));
        var record = await app.WithDbAsync(db => db.TrainingRecords.SingleAsync(r => r.Title == "Veiledning i praksis"));
        Assert.Equal(await NordvikId(), record.OwnerId);

        var deleted = await client.PostFormAsync($"{page}?handler=DeleteTraining&recordId={record.Id}", [], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.TrainingRecords.AnyAsync(r => r.Id == record.Id)));
    }

    [Fact]
    public async Task Removing_a_member_shows_the_missing_role_warning_and_the_API_can_put_one_back()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        var created = await client.PostAsJsonAsync("/api/v1/teams", new { ownerId = nordvik, name = "API-teamet", capacity = 2 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var team = (await created.Content.ReadFromJsonAsync<TeamsApi.TeamDto>())!;
        Assert.Equal(3, team.MissingRoles.Count);

        var guide = await PersonId("anne.lederstad@nordvik.test");
        var added = await client.PostAsJsonAsync($"/api/v1/teams/{team.Id}/members", new { personId = guide, role = (int)TeamRole.SchoolLeaderGuide });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var member = (await added.Content.ReadFromJsonAsync<TeamsApi.MemberDto>())!;
        Assert.Equal(nordvik, await app.WithDbAsync(db => db.TeamMembers.Where(m => m.Id == member.Id).Select(m => m.OwnerId).SingleAsync()));

        var page = $"/Teams/Details/{team.Id}";
        var html = await client.GetStringAsync(page);
        Assert.Contains("Anne Lederstad", html);
        Assert.Contains("Teamet mangler en utviklingsveileder (koordinator) og en veileder fra UH", html);

        var removed = await client.PostFormAsync($"{page}?handler=RemoveMember&memberId={member.Id}", [], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.TeamMembers.AnyAsync(m => m.Id == member.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "TeamMember" && a.EntityId == S(member.Id) && a.Action == Stillas.Web.Platform.Audit.AuditAction.Deleted)));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/teams/{team.Id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.Active).SingleAsync()));
    }
}

public sealed class TeamPagesOnSqlite(StillasApp app) : TeamPagesTests(app), IClassFixture<StillasApp>;

public sealed class TeamPagesOnPostgres(PostgresApp app) : TeamPagesTests(app), IClassFixture<PostgresApp>;
