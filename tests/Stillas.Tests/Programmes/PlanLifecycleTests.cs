using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Agreement;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Selection;
using static Stillas.Tests.Programmes.StartUp.DocumentTestSupport;

namespace Stillas.Tests.Programmes;

/// <summary>
/// A programme's life from the selection round to its dated plan: started from an accepted candidacy,
/// only Forfase until both sides approve the agreement, the plan made once; the principal sees who
/// guides the school; bad input on steps and uploads. Real pages and API, both providers.
/// </summary>
public abstract partial class PlanLifecycleTests(StillasApp app)
{
    private const string Owner = "skoleeier@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";
    private const string Waiting = "lages når samarbeidsavtalen er godkjent av både skoleeier og rektor";

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<List<PlanStep>> StepsAsync(int programmeId) =>
        app.WithDbAsync(db => db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programmeId).OrderBy(s => s.Order).ToListAsync());

    /// <summary>A new programme for Sentrum skole with team 1 from 1 March 2027, as the create page makes it: Forfase only.</summary>
    private Task<int> NewSentrumProgrammeAsync() => app.WithDbAsync(async db =>
    {
        var school = await db.Schools.SingleAsync(s => s.Name == "Sentrum skole");
        var team = await db.Teams.SingleAsync(t => t.Name == "Veilederteam 1");
        var holidays = await ProgrammePlanning.HolidaysAsync(db, school.OwnerId, default);
        var model = ProgrammeTemplates.TromsoV1;
        var programme = ProgrammePlanning.CreateBeforeAgreement(school.OwnerId, school.Id, team.Id, model, ProgressPlanner.Plan(model, new DateOnly(2027, 3, 1), holidays.Ranges));
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    private static async Task<HttpResponseMessage> ApproveByApiAsync(HttpClient client, int programmeId)
    {
        var agreement = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/agreement");
        var draft = agreement.GetProperty("draft");
        return await client.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/agreement/approve",
            new { number = draft.GetProperty("number").GetInt32(), version = draft.GetProperty("version").GetInt32() });
    }

    [Fact]
    public async Task The_plan_appears_when_the_second_approval_lands_and_a_new_version_of_the_agreement_does_not_make_it_again()
    {
        var programme = await NewSentrumProgrammeAsync();
        var forfase = ProgrammeTemplates.TromsoV1.StepsIn("forfase").Count();
        Assert.Equal(forfase, (await StepsAsync(programme)).Count);
        var owner = await app.LoginAsync(Owner);
        var advisor = await app.LoginAsync(Advisor);
        var principal = await app.LoginAsync(Principal);
        Assert.Contains(Waiting, await principal.GetStringAsync($"/Programmes/Details/{programme}"));

        Assert.Equal(HttpStatusCode.Redirect, (await advisor.EditAsync(programme, _ => { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApproveByApiAsync(owner, programme)).StatusCode);
        Assert.Equal(forfase, (await StepsAsync(programme)).Count);

        // The second approval, through the API, makes the plan in the same request.
        var second = await ApproveByApiAsync(principal, programme);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Den daterte fremdriftsplanen er laget", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        var steps = await StepsAsync(programme);
        Assert.Equal(ProgrammeTemplates.TromsoV1.Steps.Select(s => s.Key), steps.Select(s => s.Key));
        var expected = ProgressPlanner.Plan(ProgrammeTemplates.TromsoV1, new DateOnly(2027, 3, 1),
            (await app.WithDbAsync(db => ProgrammePlanning.HolidaysAsync(db, steps[0].OwnerId, default))).Ranges);
        Assert.Equal(expected.Steps.Select(s => s.Date), steps.Select(s => s.Date));
        Assert.Equal(StepStatus.Done, steps.Single(s => s.Key == ProgrammePlanning.AgreementStepKey).Status);
        Assert.DoesNotContain(Waiting, await principal.GetStringAsync($"/Programmes/Details/{programme}"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PlanStep" && a.ActorName == "Per Rektorsen")));
        // The principal sees the school's next deliveries of the new plan on the start page.
        var documentsStep = steps.Single(s => s.Key == "fase1.documents");
        // The delivery leads to where the school uploads the documents (StepLinks), not to the step's form.
        Assert.Contains($"href=\"/Programmes/StartUp/Documents/{programme}\"", await principal.GetStringAsync("/"));

        // The team moves a session; then the agreement changes and both approve version 2.
        var session2 = steps.Single(s => s.Key == "fase4.session2");
        var moved = await advisor.PostFormAsync($"/Programmes/Step/{session2.Id}", new()
        {
            ["Input.Date"] = Iso(session2.Date.AddDays(7)), ["Input.Status"] = "Planned", ["Input.ResponsibleNote"] = "", ["Input.Note"] = "Flyttet etter ønske fra skolen",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.EditAsync(programme, f => f["Input.DevelopmentArea"] = "Lesing i alle fag")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.ApproveAsync(app, programme, "Owner")).StatusCode);
        var reapproved = await principal.ApproveAsync(app, programme, "School");
        Assert.Equal(HttpStatusCode.Redirect, reapproved.StatusCode);
        Assert.Equal(2, (await app.AgreementAsync(programme)).Agreement.CurrentVersion);

        var after = await StepsAsync(programme);
        Assert.Equal(steps.Select(s => s.Id), after.Select(s => s.Id));
        var kept = after.Single(s => s.Key == "fase4.session2");
        Assert.Equal((StepStatus.Moved, session2.Date.AddDays(7), "Flyttet etter ønske fra skolen"), (kept.Status, kept.Date, kept.Note));
        Assert.DoesNotContain("Den daterte fremdriftsplanen er laget", Html.Alert(await principal.GetStringAsync(reapproved.Headers.Location!.ToString())));
    }

    [Fact]
    public async Task An_accepted_candidacy_with_a_team_starts_one_programme_linked_both_ways()
    {
        var owner = await app.LoginAsync(Owner);
        var (candidacy, schoolId, schoolName) = await app.WithDbAsync(async db =>
        {
            var c = await db.SelectionCandidates.Include(x => x.School).Where(x => x.SchoolYear == "2027/28" && x.Decision == CandidateDecision.Pending)
                .OrderBy(x => x.Id).FirstAsync(x => !db.Programmes.Any(p => p.SchoolId == x.SchoolId));
            return (c.Id, c.SchoolId, c.School!.Name);
        });
        var page = await owner.GetStringAsync($"/Selection/Candidate/{candidacy}");
        Assert.DoesNotContain("Start veiledningsforløp", page);

        var team2 = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Veilederteam 2").Select(t => t.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var c = await db.SelectionCandidates.SingleAsync(x => x.Id == candidacy);
            c.Decision = CandidateDecision.Accepted;
            c.TeamId = team2;
            c.Version++;
            await db.SaveChangesAsync();
        });
        page = await owner.GetStringAsync($"/Selection/Candidate/{candidacy}");
        Assert.Contains("Start veiledningsforløp", page);
        Assert.Contains($"href=\"/Programmes/Create?candidate={candidacy}\"", page);
        // The development advisor follows up the candidacy but does not start programmes.
        Assert.DoesNotContain("Start veiledningsforløp", await (await app.LoginAsync(Advisor)).GetStringAsync($"/Selection/Candidate/{candidacy}"));

        var create = await owner.GetStringAsync($"/Programmes/Create?candidate={candidacy}");
        Assert.Contains("utvalgsrunden 2027/28", create);
        Assert.Contains($"<option selected=\"selected\" value=\"{schoolId}\">{schoolName}</option>", create);
        Assert.Contains($"<option selected=\"selected\" value=\"{team2}\">Veilederteam 2</option>", create);
        var start = StartValue().Match(create).Groups[1].Value;
        Assert.StartsWith("2027-08-", start);
        var form = new Dictionary<string, string>
        {
            ["Input.SchoolId"] = S(schoolId), ["Input.TeamId"] = S(team2), ["Input.StartDate"] = start, ["Input.Model"] = "tromso:1", ["Input.CandidacyId"] = S(candidacy),
        };
        var preview = await (await owner.PostFormAsync("/Programmes/Create?handler=Preview", form, $"/Programmes/Create?candidate={candidacy}")).Content.ReadAsStringAsync();
        form["Previewed"] = WebUtility.HtmlDecode(PreviewedField().Match(preview).Groups[1].Value);
        var confirmed = await owner.PostFormAsync("/Programmes/Create?handler=Confirm", form, $"/Programmes/Create?candidate={candidacy}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var programme = await app.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.CandidacyId == candidacy));
        Assert.Equal((schoolId, team2, "2027/28"), (programme.SchoolId, programme.TeamId, programme.SchoolYear));

        // Linked both ways.
        var details = await owner.GetStringAsync($"/Programmes/Details/{programme.Id}");
        Assert.Contains($"href=\"/Selection/Candidate/{candidacy}\"", details);
        Assert.Contains(Waiting, details);
        page = await owner.GetStringAsync($"/Selection/Candidate/{candidacy}");
        Assert.Contains($"href=\"/Programmes/Details/{programme.Id}\"", page);
        Assert.DoesNotContain("Start veiledningsforløp", page);

        // A second programme for the same candidacy is refused with a message, on the page and in the API.
        var again = await owner.GetStringAsync($"/Programmes/Create?candidate={candidacy}");
        Assert.Contains("Et kandidatur kan bare gi ett forløp.", again);
        Assert.Contains($"href=\"/Programmes/Details/{programme.Id}\"", again);
        var refused = await (await owner.PostFormAsync("/Programmes/Create?handler=Preview", form, $"/Programmes/Create?candidate={candidacy}")).Content.ReadAsStringAsync();
        Assert.Contains("Et kandidatur kan bare gi ett forløp.", refused);
        Assert.DoesNotContain("Opprett forløpet", refused);
        var api = await owner.PostAsJsonAsync("/api/v1/programmes", new { schoolId, teamId = team2, startDate = start, model = "tromso:1", candidacyId = candidacy });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Et kandidatur kan bare gi ett forløp.", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("candidacyId")[0].GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Programmes.CountAsync(p => p.SchoolId == schoolId)));
    }

    [Fact]
    public async Task A_candidacy_that_is_not_accepted_cannot_start_a_programme()
    {
        var owner = await app.LoginAsync(Owner);
        var (candidacy, schoolId) = await app.WithDbAsync(async db =>
        {
            var c = await db.SelectionCandidates.Where(x => x.Decision == CandidateDecision.Declined).OrderBy(x => x.Id).FirstAsync();
            return (c.Id, c.SchoolId);
        });
        var team = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Veilederteam 2").Select(t => t.Id).SingleAsync());
        var api = await owner.PostAsJsonAsync("/api/v1/programmes", new { schoolId, teamId = team, startDate = "2027-08-16", model = "tromso:1", candidacyId = candidacy });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("først når skolen har takket ja", await api.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.CandidacyId == candidacy)));
    }

    [Fact]
    public async Task Principal_sees_the_team_and_its_members_but_still_cannot_list_or_open_teams_nor_other_schools_programmes()
    {
        var principal = await app.LoginAsync(Principal);
        var sentrum = await app.WithDbAsync(db => db.Programmes.Where(p => p.School!.Name == "Sentrum skole").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var havna = await app.WithDbAsync(db => db.Programmes.Where(p => p.School!.Name == "Havnå skole").Select(p => p.Id).SingleAsync());
        var (team1, team2, members) = await app.WithDbAsync(async db => (
            await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync(),
            await db.Teams.Where(t => t.Name == "Veilederteam 2").Select(t => t.Id).SingleAsync(),
            await db.TeamMembers.Where(m => m.Team!.Name == "Veilederteam 1").Select(m => m.Person!.Name).ToListAsync()));
        Assert.NotEmpty(members);

        var details = Html.Text(await principal.GetStringAsync($"/Programmes/Details/{sentrum}"));
        Assert.Contains("Veilederteam 1", details);
        Assert.DoesNotContain("Ikke synlig for deg", details);
        Assert.All(members, m => Assert.Contains(m, details));
        var start = Html.Text(await principal.GetStringAsync("/"));
        Assert.Contains("Veilederteam 1", start);
        Assert.Contains("Veiledere:", start);
        Assert.All(members, m => Assert.Contains(m, start));

        // Teams stay out of the principal's scope: not listed, not opened, not in the API.
        var list = await principal.GetAsync("/Teams");
        if (list.StatusCode == HttpStatusCode.OK)
        {
            var html = await list.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Veilederteam 1", html);
            Assert.DoesNotContain("Veilederteam 2", html);
        }
        else Refused.Assert(list, "team list");
        Refused.Assert(await principal.GetAsync($"/Teams/Details/{team1}"), "team 1's page");
        Refused.Assert(await principal.GetAsync($"/Teams/Details/{team2}"), "team 2's page");
        var apiTeams = await principal.GetAsync("/api/v1/teams");
        if (apiTeams.StatusCode == HttpStatusCode.OK) Assert.DoesNotContain("Veilederteam", await apiTeams.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/api/v1/teams/{team1}")).StatusCode);
        // Another school's programme stays hidden, with its team.
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/Programmes/Details/{havna}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/api/v1/programmes/{havna}")).StatusCode);
        Assert.DoesNotContain("Veilederteam 2", await principal.GetStringAsync("/"));
        // The Fjordland administrator does not learn Nordvik's team through a programme either.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.LoginAsync("skoleeier@fjordland.test")).GetAsync($"/Programmes/Details/{sentrum}")).StatusCode);
    }

    [Fact]
    public async Task A_step_moved_after_the_programmes_end_is_refused_on_the_page_and_in_the_API()
    {
        var advisor = await app.LoginAsync(Advisor);
        var followUp = await app.WithDbAsync(db => db.PlanSteps.AsNoTracking().Where(s => s.Programme!.School!.Name == "Sentrum skole" && s.Key == "fase6.followup").OrderBy(s => s.ProgrammeId).FirstAsync());
        var end = Stillas.Web.Platform.Calendar.SchoolYear.Of(followUp.LastDay).End;
        var tooLate = Stillas.Web.Platform.Calendar.NorwegianCalendar.SchoolDayOnOrAfter(end.AddDays(30), []);

        var page = await advisor.PostFormAsync($"/Programmes/Step/{followUp.Id}", new()
        {
            ["Input.Date"] = Iso(tooLate), ["Input.Status"] = "Planned", ["Input.ResponsibleNote"] = "", ["Input.Note"] = "Utsatt ett år",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"Forløpet varer til {end:dd.MM.yyyy}. Et steg kan ikke flyttes til etter forløpets slutt", string.Join(" ", Html.FieldErrors(html)));
        Assert.Contains("Utsatt ett år", html);

        var api = await advisor.PutAsJsonAsync($"/api/v1/programmes/{followUp.ProgrammeId}/steps/{followUp.Id}", new { date = Iso(tooLate), status = (int)StepStatus.Planned });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var body = await api.Content.ReadAsStringAsync();
        Assert.True(body.Contains("etter forløpets slutt", StringComparison.Ordinal), body);
        Assert.Equal(followUp.Date, (await app.WithDbAsync(db => db.PlanSteps.AsNoTracking().SingleAsync(s => s.Id == followUp.Id))).Date);

        // Within the programme's last school year the step still moves.
        var within = Stillas.Web.Platform.Calendar.NorwegianCalendar.SchoolDayOnOrAfter(followUp.Date.AddDays(14), await app.WithDbAsync(async db => (await ProgrammePlanning.HolidaysAsync(db, followUp.OwnerId, default)).Ranges));
        if (within <= end)
        {
            var ok = await advisor.PutAsJsonAsync($"/api/v1/programmes/{followUp.ProgrammeId}/steps/{followUp.Id}", new { date = Iso(within), status = (int)StepStatus.Planned });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }

    [Fact]
    public async Task An_empty_upload_is_refused_on_the_page_and_in_the_API_and_nothing_is_stored()
    {
        var programme = await NewProgrammeAsync(app);
        var ids = await OpenListAsync(app, await app.LoginAsync(Advisor), programme);
        var principal = await app.LoginAsync(Principal);

        var page = await UploadOnPageAsync(principal, programme, ids[0], [], "brukerundersokelse.pdf");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Filen er tom.", string.Join(" ", Html.FieldErrors(await page.Content.ReadAsStringAsync())));
        var api = await principal.PostAsync($"/api/v1/document-requests/{ids[0]}/files", FilePart([], "brukerundersokelse.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Filen er tom.", await api.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Request!.ProgrammeId == programme)));
    }

    [GeneratedRegex("name=\"Previewed\" value=\"([^\"]*)\"")]
    private static partial Regex PreviewedField();
    [GeneratedRegex("name=\"Input.StartDate\"[^>]*value=\"([0-9-]+)\"")]
    private static partial Regex StartValue();
}

public sealed class PlanLifecycleOnSqlite(StillasApp app) : PlanLifecycleTests(app), IClassFixture<StillasApp>;

public sealed class PlanLifecycleOnPostgres(PostgresApp app) : PlanLifecycleTests(app), IClassFixture<PostgresApp>;
