using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Agreement;
using Stillas.Tests.Support;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;

namespace Stillas.Tests.Programmes.Conflicts;

/// <summary>
/// Conflict of interest wherever a team meets a school (issue 20, part 5): at the start of a programme, on the
/// programme's and the team's pages (also after a member is added), until the owner's staff record how it is handled.
/// Anne Lederstad of Veilederteam 1 is the principal of Fjellheim skole in the demo.
/// </summary>
public sealed class ConflictTests(StillasApp app) : IClassFixture<StillasApp>
{
    private const string Owner = "skoleeier@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string UniversityGuide = "uh@nordvik.test";
    private const string Teacher = "lise.laerer@nordvik.test";
    private const string AnneLeads = "Anne Lederstad i Veilederteam 1 leder skolen (rektor ved Fjellheim skole).";

    private Task<int> ProgrammeAsync(string school, string team) => app.WithDbAsync(async db =>
    {
        var s = await db.Schools.Where(x => x.Name == school).Select(x => new { x.Id, x.OwnerId }).SingleAsync();
        var t = await db.Teams.Where(x => x.Name == team).Select(x => x.Id).SingleAsync();
        var model = ProgrammeTemplates.TromsoV1;
        var programme = new GuidanceProgramme
        {
            OwnerId = s.OwnerId, SchoolId = s.Id, TeamId = t, SchoolYear = "2026/27",
            TemplateKey = model.Key, TemplateVersion = model.Version, TemplateName = model.Name, TemplateJson = ProgrammeModelJson.Write(model),
            StartDate = new DateOnly(2027, 3, 1),
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    private async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    [Fact]
    public async Task Starting_a_programme_warns_of_a_member_who_leads_the_school_but_does_not_block_it()
    {
        var owner = await app.LoginAsync(Owner);
        // Anne Lederstad also leads Lyngstad skole (a school of its own, so no other test's programme is in the way).
        var ids = await app.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Name == "Lyngstad skole");
            var anne = await db.People.Where(p => p.Email == "anne.lederstad@nordvik.test").Select(p => p.Id).SingleAsync();
            db.Memberships.Add(new Membership { PersonId = anne, Role = Role.SchoolLeader, OwnerId = school.OwnerId, SchoolId = school.Id });
            await db.SaveChangesAsync();
            return new { School = school.Id, Team = await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync() };
        });
        var fields = new Dictionary<string, string>
        {
            ["Input.SchoolId"] = ids.School.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TeamId"] = ids.Team.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartDate"] = "2027-03-01",
            ["Input.Model"] = ProgrammePlanning.BuiltInValue(ProgrammeTemplates.Latest(ProgrammeTemplates.TromsoKey)),
        };
        var preview = await owner.PostFormAsync("/Programmes/Create?handler=Preview", fields, "/Programmes/Create");
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(html.Contains("Mulig inhabilitet: Anne Lederstad i Veilederteam 1 leder skolen (skoleleder ved Lyngstad skole).", StringComparison.Ordinal),
            string.Join("; ", Html.FieldErrors(html)) + " | " + Html.Alert(html));
        // The same choices without the conflict (team 2) give no such warning: the test can tell them apart.
        var other = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Veilederteam 2").Select(t => t.Id).SingleAsync());
        var clean = await owner.PostFormAsync("/Programmes/Create?handler=Preview", new(fields) { ["Input.TeamId"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Programmes/Create");
        Assert.DoesNotContain("Mulig inhabilitet", WebUtility.HtmlDecode(await clean.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_programme_page_warns_the_owner_and_team_until_the_owner_records_how_it_is_handled()
    {
        var programme = await ProgrammeAsync("Fjellheim skole", "Veilederteam 1");
        var owner = await app.LoginAsync(Owner);
        var guide = await app.LoginAsync(UniversityGuide);
        Assert.Contains(AnneLeads, await PageAsync(owner, $"/Programmes/Details/{programme}"));
        Assert.Contains(AnneLeads, await PageAsync(guide, $"/Programmes/Details/{programme}"));
        Assert.Contains(AnneLeads, await PageAsync(guide, $"/Programmes/Conflicts/{programme}"));
        var team = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync());
        Assert.Contains(AnneLeads, await PageAsync(owner, $"/Teams/Details/{team}"));

        // A guide sees it but does not record the handling; a teacher of another school does not see the programme.
        var anne = await app.WithDbAsync(db => db.People.Where(p => p.Email == "anne.lederstad@nordvik.test").Select(p => p.Id).SingleAsync());
        var form = new Dictionary<string, string> { ["Input.PersonId"] = anne.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Handling"] = "Ola Veileder tar samtalene med rektor." };
        Refused.Assert(await guide.PostFormAsync($"/Programmes/Conflicts/{programme}", form), "a guide recording the handling");
        Assert.False(await app.WithDbAsync(db => db.Set<ConflictHandling>().AnyAsync(h => h.ProgrammeId == programme)));
        await app.EnsureLoginAsync(Teacher);
        Refused.Assert(await (await app.LoginAsync(Teacher)).GetAsync($"/Programmes/Conflicts/{programme}"), "a teacher at Sentrum");

        // Without a text: the message at the field, the choice kept, nothing saved.
        var empty = await owner.PostFormAsync($"/Programmes/Conflicts/{programme}", new(form) { ["Input.Handling"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Skriv hvordan inhabiliteten håndteres.", Html.FieldErrors(await empty.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<ConflictHandling>().AnyAsync(h => h.ProgrammeId == programme)));

        var saved = await owner.PostFormAsync($"/Programmes/Conflicts/{programme}", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await app.WithDbAsync(db => db.Set<ConflictHandling>().SingleAsync(h => h.ProgrammeId == programme));
        Assert.Equal("Kari Nordmann", record.ByName);
        Assert.Equal("Ola Veileder tar samtalene med rektor.", record.Handling);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(ConflictHandling) && e.EntityId == record.Id.ToString())));

        // Handled: the warnings are gone; the record is shown; a second record for the same person is refused.
        Assert.DoesNotContain(AnneLeads, await PageAsync(owner, $"/Programmes/Details/{programme}"));
        var page = await PageAsync(owner, $"/Programmes/Conflicts/{programme}");
        Assert.Contains("Inhabilitet håndtert", page);
        Assert.Contains("Ola Veileder tar samtalene med rektor.", page);
        var again = await owner.PostFormAsync($"/Programmes/Conflicts/{programme}", form);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // Nothing is open any more, so the form is gone: the message is in the error summary.
        Assert.Contains("Det er allerede registrert hvordan dette håndteres.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ConflictHandling>().CountAsync(h => h.ProgrammeId == programme)));
    }

    [Fact]
    public async Task A_member_added_to_a_team_with_a_running_programme_is_flagged_on_the_team_page()
    {
        // A new team of its own guides Sentrum skole; Lise Lærer teaches at Sentrum.
        var (team, programme) = await app.WithDbAsync(async db =>
        {
            var nordvik = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync();
            var t = new GuidanceTeam { OwnerId = nordvik, Name = "Inhabilitetsteam" };
            db.Teams.Add(t);
            await db.SaveChangesAsync();
            return (t.Id, 0);
        });
        programme = await ProgrammeAsync("Sentrum skole", "Inhabilitetsteam");
        var owner = await app.LoginAsync(Owner);
        Assert.DoesNotContain("Mulig inhabilitet", await PageAsync(owner, $"/Teams/Details/{team}"));
        var lise = await app.WithDbAsync(db => db.People.Where(p => p.Email == Teacher).Select(p => p.Id).SingleAsync());
        var added = await owner.PostFormAsync($"/Teams/Details/{team}?handler=AddMember",
            new() { ["Member.PersonId"] = lise.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Member.Role"] = nameof(TeamRole.SchoolLeaderGuide) }, $"/Teams/Details/{team}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await PageAsync(owner, $"/Teams/Details/{team}");
        Assert.Contains("Lise Lærer i Inhabilitetsteam arbeider ved skolen (", page);
        Assert.Contains($"/Programmes/Conflicts/{programme}", page);
    }

    [Fact]
    public async Task A_role_ended_more_than_five_years_ago_is_no_conflict_and_a_recent_one_is()
    {
        var today = app.Today;
        var ids = await app.WithDbAsync(async db => new
        {
            Tor = await db.People.Where(p => p.Email == "tor.skolesjef@nordvik.test").Select(p => p.Id).SingleAsync(),
            Solbakken = await db.Schools.Where(s => s.Name == "Solbakken skole").Select(s => new { s.Id, s.OwnerId }).SingleAsync(),
            Elvebakken = await db.Schools.Where(s => s.Name == "Elvebakken skole").Select(s => new { s.Id, s.OwnerId }).SingleAsync(),
            Team2 = await db.Teams.Where(t => t.Name == "Veilederteam 2").Select(t => t.Id).SingleAsync(),
        });
        // Deactivating a role through a save stamps the day it ended.
        var recent = await app.WithDbAsync(async db =>
        {
            var m = new Membership { PersonId = ids.Tor, Role = Role.Teacher, OwnerId = ids.Solbakken.OwnerId, SchoolId = ids.Solbakken.Id };
            db.Memberships.Add(m);
            db.Memberships.Add(new Membership { PersonId = ids.Tor, Role = Role.Principal, OwnerId = ids.Elvebakken.OwnerId, SchoolId = ids.Elvebakken.Id, Active = false, EndedOn = today.AddYears(-6) });
            await db.SaveChangesAsync();
            m.Active = false;
            await db.SaveChangesAsync();
            return m.Id;
        });
        Assert.Equal(today, await app.WithDbAsync(db => db.Memberships.Where(m => m.Id == recent).Select(m => m.EndedOn).SingleAsync()));

        var found = await app.WithDbAsync(db => ConflictOfInterest.FindAsync(db, [(1, ids.Solbakken.Id, ids.Team2), (2, ids.Elvebakken.Id, ids.Team2)], today, CancellationToken.None));
        var conflict = Assert.Single(found);
        Assert.Equal(1, conflict.Key);
        Assert.Equal("Tor Skolesjef i Veilederteam 2 har arbeidet ved skolen (tidligere lærer ved Solbakken skole).", conflict.Text);
    }
}
