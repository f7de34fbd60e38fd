using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Audit;

namespace Stillas.Tests.Access;

/// <summary>
/// What a guide and a school say in trust is the team's: the owner's administrator does not read a team's
/// session notes by page or API (404) — until she joins the team, which the team sees on its page and in its
/// mail, and then every read she makes is in the audit log.
/// </summary>
public abstract class ConfidentialContentTests(StillasApp app)
{
    private const string OwnerAdmin = "skoleeier@nordvik.test";

    [Fact]
    public async Task The_owners_administrator_reads_a_teams_notes_only_after_joining_and_the_team_is_told()
    {
        var (session, team, adminId) = await app.WithDbAsync(async db => (
            await db.Sessions.Where(s => s.Number == 1 && db.Programmes.Any(p => p.Id == s.ProgrammeId && p.School!.Name == "Sentrum skole")).Select(s => s.Id).FirstAsync(),
            await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync(),
            await db.People.Where(p => p.Email == OwnerAdmin).Select(p => p.Id).SingleAsync()));
        var guide = await app.LoginAsync("uh@nordvik.test");
        Assert.Equal(HttpStatusCode.OK, (await guide.PutAsJsonAsync($"/api/v1/sessions/{session}/notes/opening", new { text = "Fortrolig: rektor er sliten." })).StatusCode);

        var admin = await app.LoginAsync(OwnerAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/sessions/{session}/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/sessions/{session}/notes/opening", new { text = "x" })).StatusCode);
        var page = await admin.GetAsync($"/Programmes/Sessions/Session/{session}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("rektor er sliten", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var system = await app.LoginAsync("admin@stillas.test");
        Assert.Equal(HttpStatusCode.NotFound, (await system.GetAsync($"/api/v1/sessions/{session}/notes")).StatusCode);

        // She adds herself to the team through the API: the change is on the team's page and in the members' mail.
        var mailsBefore = app.Smtp.Messages.Count;
        var join = await admin.PostAsJsonAsync($"/api/v1/teams/{team}/members", new { personId = adminId, role = (int)TeamRole.DevelopmentAdvisor });
        Assert.Equal(HttpStatusCode.Created, join.StatusCode);
        var teamPage = await (await app.LoginAsync("uh@nordvik.test")).GetStringAsync($"/Teams/Details/{team}");
        Assert.Contains("Kari Nordmann ble lagt til av Kari Nordmann", Html.Text(teamPage), StringComparison.Ordinal);
        var told = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "uh@nordvik.test") && (m.Subject ?? "").Contains("Veilederteam 1", StringComparison.Ordinal));
        Assert.Contains("Kari Nordmann er lagt til i teamet", told.TextBody, StringComparison.Ordinal);
        Assert.True(app.Smtp.Messages.Count > mailsBefore);

        // Now a member: she reads the notes, and the read is audited (without an owner: the log of reads is not the owner's).
        admin = await app.LoginAsync(OwnerAdmin); // a fresh scope: access is computed per request from the memberships
        var notes = await admin.GetAsync($"/api/v1/sessions/{session}/notes");
        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
        Assert.Contains("rektor er sliten", await notes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Read && a.ActorPersonId == adminId && a.EntityId == session.ToString()).ToListAsync());
        Assert.Contains(reads, r => r.EntityType == "SessionNotes" && r.OwnerId == null);
        Assert.Equal("Notater fra veiledning (lest)", AuditEntry.EntityName("SessionNotes"));
    }
}

public sealed class ConfidentialContentOnSqlite(StillasApp app) : ConfidentialContentTests(app), IClassFixture<StillasApp>;

public sealed class ConfidentialContentOnPostgres(PostgresApp app) : ConfidentialContentTests(app), IClassFixture<PostgresApp>;
