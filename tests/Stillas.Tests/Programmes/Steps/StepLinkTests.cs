using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Features.Selection;

namespace Stillas.Tests.Programmes.Steps;

/// <summary>Issue 20, part 1: every step leads to its work, on one rule (<see cref="StepLinks"/>).</summary>
public sealed class StepLinkRuleTests
{
    [Theory]
    [InlineData("forfase.firsttalk", "/Programmes/Step/7")]
    [InlineData("forfase.agreement", "/Programmes/Agreement/Details/3")]
    [InlineData("fase1.startup", "/Programmes/StartUp/3")]
    [InlineData("fase1.documents", "/Programmes/StartUp/Documents/3")]
    [InlineData("fase2.futurepicture", "/Programmes/FuturePicture/3")]
    [InlineData("fase3.assessmentdays", "/Programmes/Assessment/3")]
    [InlineData("fase4.session2", "/Programmes/StepWork/7")]
    [InlineData("fase4.feedback", "/Programmes/Sessions/Phase/3/fase4")]
    [InlineData("fase5.evaluationmeeting", "/Programmes/Sessions/Phase/3/fase5")]
    [InlineData("fase6.followup", "/Programmes/FollowUp/3")]
    public void Every_step_of_the_Tromso_model_leads_to_its_page(string key, string expected)
    {
        var step = ProgrammeTemplates.TromsoV1.Step(key);
        Assert.Equal(expected, StepLinks.WorkUrl(7, 3, step.Kind, step.Key, step.PhaseKey));
        // Without the phase (a stored summary keeps only kind and key) the key's first part is the phase.
        Assert.Equal(expected, StepLinks.WorkUrl(7, 3, step.Kind, step.Key, phaseKey: null));
    }

    [Fact]
    public void A_session_with_its_id_links_straight_to_it_and_the_first_talk_to_a_visible_candidacy()
    {
        Assert.Equal("/Programmes/Sessions/Session/42", StepLinks.WorkUrl(7, 3, StepKind.Session, "fase4.session1", "fase4", sessionId: 42));
        Assert.Equal("/Selection/Candidate/9", StepLinks.WorkUrl(7, 3, StepKind.Meeting, "forfase.firsttalk", "forfase", candidacyId: 9));
        // A step an owner added to its own model has no page but its own; an evaluation outside the evaluated phases neither.
        Assert.Equal("/Programmes/Step/7", StepLinks.WorkUrl(7, 3, StepKind.Delivery, "fase2.skut-plan", "fase2"));
        Assert.Equal("/Programmes/Step/7", StepLinks.WorkUrl(7, 3, StepKind.Evaluation, "fase3.owner-eval", "fase3"));
        Assert.False(StepLinks.HasWorkPage(StepKind.Delivery, "fase2.skut-plan", "fase2"));
        Assert.True(StepLinks.HasWorkPage(StepKind.AssessmentDays, "fase3.assessmentdays", "fase3"));
    }

    [Fact]
    public void The_rounds_first_talk_notes_are_cut_to_fit_a_steps_note()
    {
        var longNotes = new string('x', 4000);
        var note = new CandidacyFacts(1, "2027/28", new DateOnly(2027, 1, 12), longNotes, new DateOnly(2027, 2, 28)).Note()!;
        Assert.Equal(CandidacyFacts.NoteMax, note.Length);
        Assert.EndsWith("…", note);
        Assert.Null(new CandidacyFacts(1, "2027/28", null, "   ", null).Note());
    }
}

public abstract class StepLinkTests(StillasApp app)
{
    private const string Owner = "skoleeier@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string Guide = "uh@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";
    private const string OtherOwner = "skoleeier@fjordland.test";

    private static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private Task<int> SentrumProgrammeAsync() =>
        app.WithDbAsync(db => db.Programmes.Where(p => p.School!.Name == "Sentrum skole").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private Task<PlanStep> StepAsync(int programme, string key) =>
        app.WithDbAsync(db => db.PlanSteps.AsNoTracking().SingleAsync(s => s.ProgrammeId == programme && s.Key == key));

    [Fact]
    public async Task The_plan_links_each_step_to_its_work_and_the_date_form_one_click_further()
    {
        var programme = await SentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var details = Decode(await advisor.GetStringAsync($"/Programmes/Details/{programme}"));
        var future = await StepAsync(programme, "fase2.futurepicture");
        var assessment = await StepAsync(programme, "fase3.assessmentdays");
        var session5 = await StepAsync(programme, "fase5.session5");
        var documents = await StepAsync(programme, "fase1.documents");

        Assert.Contains($"href=\"/Programmes/FuturePicture/{programme}\">Fremtidsbilde ferdig</a>", details);
        Assert.Contains($"href=\"/Programmes/Assessment/{programme}\">Vurderingsdager</a>", details);
        Assert.Contains($"href=\"/Programmes/StartUp/Documents/{programme}\">Dokumentasjon sendt til veilederteamet</a>", details);
        // A session step leads to its session (made by now, or found through the step when not).
        var sessionId = await app.WithDbAsync(db => db.Set<GuidanceSession>().Where(s => s.PlanStepId == session5.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync());
        Assert.Contains(sessionId is int sid ? $"href=\"/Programmes/Sessions/Session/{sid}\">Veiledning 5</a>" : $"href=\"/Programmes/StepWork/{session5.Id}\">Veiledning 5</a>", details);
        // The date and status form, for those who keep the plan.
        Assert.Contains($"href=\"/Programmes/Step/{assessment.Id}\" aria-label=\"Endre dato og status for Vurderingsdager\">Endre dato og status</a>", details);
        // The overdue future picture (Fase 2) while the programme is in Fase 4: a link to where it is written, "fra fase 2".
        var alert = details[..details.IndexOf("Forløpets deler", StringComparison.Ordinal)];
        Assert.Matches(new Regex($"href=\"/Programmes/FuturePicture/{programme}\">Fremtidsbilde ferdig</a>\\s*<span class=\"ds-tag\"[^>]*>fra fase 2</span>"), alert);
        Assert.DoesNotContain($"/Programmes/Step/{future.Id}\">Fremtidsbilde", details);
        _ = documents;

        // The principal: the same places; "Marker som levert" for the school's own steps.
        var principal = await app.LoginAsync(Principal);
        var seen = Decode(await principal.GetStringAsync($"/Programmes/Details/{programme}"));
        Assert.Contains($"href=\"/Programmes/FuturePicture/{programme}\">Fremtidsbilde ferdig</a>", seen);
        Assert.Contains($"href=\"/Programmes/Step/{future.Id}\" aria-label=\"Marker som levert: Fremtidsbilde ferdig\">Marker som levert</a>", seen);
        Assert.Contains($"href=\"/Programmes/Step/{assessment.Id}\" aria-label=\"Om steget: Vurderingsdager\">Om steget</a>", seen);

        // The step page leads on to the work too.
        var stepPage = Decode(await advisor.GetStringAsync($"/Programmes/Step/{assessment.Id}"));
        Assert.Contains($"href=\"/Programmes/Assessment/{programme}\">Gå til vurderingsdagene</a>", stepPage);
    }

    [Fact]
    public async Task Start_pages_link_the_next_step_and_the_overdue_ones_to_their_work()
    {
        var programme = await SentrumProgrammeAsync();
        var principal = await app.LoginAsync(Principal);
        var start = Decode(await principal.GetStringAsync("/"));
        // "Dette skal skolen levere": the overdue future picture, from Fase 2, to the page where the school writes it.
        var deliveries = start[start.IndexOf("Dette skal skolen levere", StringComparison.Ordinal)..];
        Assert.Matches(new Regex($"href=\"/Programmes/FuturePicture/{programme}\">Fremtidsbilde ferdig</a>\\s*<span class=\"muted\">fra fase 2</span>"), deliveries);

        var summary = await app.WithDbAsync(db => db.Programmes.AsNoTracking().Where(p => p.Id == programme)
            .Select(p => new { p.NextStepId, p.NextStepKind, p.NextStepKey, p.NextStepTitle }).SingleAsync());
        Assert.NotNull(summary.NextStepId);
        var next = await app.WithDbAsync(db => db.PlanSteps.AsNoTracking().SingleAsync(s => s.Id == summary.NextStepId));
        Assert.Equal((next.Kind, next.Key, next.Title), (summary.NextStepKind!.Value, summary.NextStepKey!, summary.NextStepTitle!));
        var nextUrl = StepLinks.WorkUrl(next.Id, programme, next.Kind, next.Key, null);
        var nextLink = new Regex($"Neste steg: <strong>\\s*<a class=\"ds-link\" href=\"{Regex.Escape(nextUrl)}\">");
        Assert.Matches(nextLink, start);

        // The team's start page: the card's overdue list leads to the work, with the phase it is from.
        var advisor = await app.LoginAsync(Advisor);
        var team = Decode(await advisor.GetStringAsync("/"));
        var card = team[team.IndexOf("Mine veiledningsforløp", StringComparison.Ordinal)..];
        Assert.Matches(new Regex($"href=\"/Programmes/FuturePicture/{programme}\">Fremtidsbilde ferdig</a>\\s*<span class=\"ds-tag\"[^>]*>fra fase 2</span>"), card);
        Assert.Matches(nextLink, card);

        // A step changes: the stored next step follows in the same save.
        await app.WithDbAsync(async db =>
        {
            var s = await db.PlanSteps.SingleAsync(x => x.Id == next.Id);
            s.Status = StepStatus.Done;
            await db.SaveChangesAsync();
        });
        var after = await app.WithDbAsync(db => db.Programmes.AsNoTracking().Where(p => p.Id == programme).Select(p => p.NextStepId).SingleAsync());
        Assert.NotEqual(next.Id, after);
        await app.WithDbAsync(async db =>
        {
            var s = await db.PlanSteps.SingleAsync(x => x.Id == next.Id);
            s.Status = next.Status;
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_session_step_finds_its_session_and_others_outside_the_programme_are_not_let_through()
    {
        var programme = await app.NewProgrammeAsync(new DateOnly(2027, 3, 1));
        var step = await StepAsync(programme, "fase4.session3");
        var principal = await app.LoginAsync(Principal);
        // Before the team has opened the sessions, the school is sent to the programme's sessions.
        var early = await principal.GetAsync($"/Programmes/StepWork/{step.Id}");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal($"/Programmes/Sessions/{programme}", early.Headers.Location!.ToString());

        // The team's first visit makes the session and lands on it.
        var advisor = await app.LoginAsync(Advisor);
        var found = await advisor.GetAsync($"/Programmes/StepWork/{step.Id}");
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var session = await app.WithDbAsync(db => db.Set<GuidanceSession>().Where(s => s.PlanStepId == step.Id).Select(s => s.Id).SingleAsync());
        Assert.Equal($"/Programmes/Sessions/Session/{session}", found.Headers.Location!.ToString());
        Assert.Equal($"/Programmes/Sessions/Session/{session}", (await principal.GetAsync($"/Programmes/StepWork/{step.Id}")).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/Programmes/Sessions/Session/{session}")).StatusCode);

        // Every other kind goes straight to its page.
        var documents = await StepAsync(programme, "fase1.documents");
        Assert.Equal($"/Programmes/StartUp/Documents/{programme}", (await principal.GetAsync($"/Programmes/StepWork/{documents.Id}")).Headers.Location!.ToString());

        // Another owner's administrator does not find the step at all, nor an unknown one anybody.
        Refused.Assert(await (await app.LoginAsync(OtherOwner)).GetAsync($"/Programmes/StepWork/{step.Id}"), "Fjordland's administrator");
        Assert.Equal(HttpStatusCode.NotFound, (await advisor.GetAsync("/Programmes/StepWork/999999")).StatusCode);
    }

    [Fact]
    public async Task The_candidacy_the_programme_links_to_opens_read_only_for_the_guide_and_the_principal()
    {
        var programme = await SentrumProgrammeAsync();
        var candidacy = await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == programme).Select(p => p.CandidacyId).SingleAsync());
        Assert.NotNull(candidacy);
        foreach (var who in new[] { Guide, Principal })
        {
            var client = await app.LoginAsync(who);
            var details = Decode(await client.GetStringAsync($"/Programmes/Details/{programme}"));
            Assert.Contains($"href=\"/Selection/Candidate/{candidacy}\"", details);
            var page = await client.GetAsync($"/Selection/Candidate/{candidacy}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = Decode(await page.Content.ReadAsStringAsync());
            Assert.Contains("Rektor og inspektør motiverte.", html);
            Assert.Contains("14.01.2025", html);
            Assert.Contains("Veilederteam 1", html);
            Assert.Contains($"href=\"/Programmes/Details/{programme}\"", html);
            // Read-only: no forms, no round, no other rounds' history.
            Assert.DoesNotContain("Input.FirstTalkDate", html);
            Assert.DoesNotContain("/Selection/Details/", html);
            Assert.DoesNotContain("over tid", html);
            // And no write: the first talk stays the owner's staff's.
            var post = await client.PostFormAsync($"/Selection/Candidate/{candidacy}", new() { ["Input.FirstTalkDate"] = "2025-01-15", ["Input.Version"] = "0" }, $"/Programmes/Details/{programme}");
            Refused.Assert(post, who + " saving the first talk");
        }
        // The first talk in the plan is the round's: its date, done, with the round's notes, and it leads to the candidacy.
        var talk = await StepAsync(programme, CandidacyFacts.FirstTalkKey);
        Assert.Equal((new DateOnly(2025, 1, 14), StepStatus.Done), (talk.Date, talk.Status));
        Assert.StartsWith("Rektor og inspektør motiverte.", talk.Note);
        var advisorPlan = Decode(await (await app.LoginAsync(Advisor)).GetStringAsync($"/Programmes/Details/{programme}"));
        Assert.Contains($"href=\"/Selection/Candidate/{candidacy}\">Første samtale</a>", advisorPlan);
        Assert.Contains($"href=\"/Selection/Candidate/{candidacy}\">Gå til første samtale</a>", Decode(await (await app.LoginAsync(Advisor)).GetStringAsync($"/Programmes/Step/{talk.Id}")));
        Refused.Assert(await (await app.LoginAsync(OtherOwner)).GetAsync($"/Selection/Candidate/{candidacy}"), "Fjordland's administrator");
    }

    [Fact]
    public async Task Starting_from_a_candidacy_carries_the_first_talk_the_agreement_deadline_and_the_team_and_survives_its_removal()
    {
        var owner = await app.LoginAsync(Owner);
        var team1 = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync());
        var notes = "Rektor vil ha SKUT på plass før start.\n" + new string('n', 2500);
        var (candidacy, round, schoolId) = await app.WithDbAsync(async db =>
        {
            var c = await db.SelectionCandidates.Where(x => x.SchoolYear == "2027/28" && x.Decision == CandidateDecision.Pending)
                .OrderByDescending(x => x.Id).FirstAsync(x => !db.Programmes.Any(p => p.SchoolId == x.SchoolId));
            c.FirstTalkDate = new DateOnly(2027, 1, 12);
            c.FirstTalkNotes = notes;
            c.Decision = CandidateDecision.Accepted;
            c.TeamId = team1;
            c.Version++;
            await db.SaveChangesAsync();
            return (c.Id, c.RoundId, c.SchoolId);
        });
        var deadline = await app.WithDbAsync(db => db.SelectionRounds.Where(r => r.Id == round).Select(r => r.AgreementDeadline).SingleAsync());
        var create = Decode(await owner.GetStringAsync($"/Programmes/Create?candidate={candidacy}"));
        var startValue = Regex.Match(create, "name=\"Input.StartDate\"[^>]*value=\"([0-9-]+)\"").Groups[1].Value;
        Assert.NotEmpty(startValue);
        var form = new Dictionary<string, string>
        {
            ["Input.SchoolId"] = S(schoolId), ["Input.TeamId"] = S(team1), ["Input.StartDate"] = startValue, ["Input.Model"] = "tromso:1", ["Input.CandidacyId"] = S(candidacy),
        };
        var preview = Decode(await (await owner.PostFormAsync("/Programmes/Create?handler=Preview", form, $"/Programmes/Create?candidate={candidacy}")).Content.ReadAsStringAsync());
        Assert.Contains("Første samtale 12.01.2027 blir stående som gjennomført", preview);
        Assert.Contains($"innen {deadline:dd.MM.yyyy}, rundens frist", preview);
        form["Previewed"] = Regex.Match(preview, "name=\"Previewed\" value=\"([^\"]*)\"").Groups[1].Value;
        var confirmed = await owner.PostFormAsync("/Programmes/Create?handler=Confirm", form, $"/Programmes/Create?candidate={candidacy}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var programme = await app.WithDbAsync(db => db.Programmes.AsNoTracking().Include(p => p.Steps).SingleAsync(p => p.CandidacyId == candidacy));
        Assert.Equal(team1, programme.TeamId);
        var talk = programme.Steps.Single(s => s.Key == CandidacyFacts.FirstTalkKey);
        Assert.Equal((new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 12), StepStatus.Done), (talk.Date, talk.OriginalDate, talk.Status));
        Assert.NotNull(talk.DoneAt);
        Assert.Equal(CandidacyFacts.NoteMax, talk.Note!.Length);
        Assert.StartsWith("Rektor vil ha SKUT på plass før start.", talk.Note);
        // The agreement is on the round's deadline and still to do: the approval of the agreement itself marks it.
        var agreement = programme.Steps.Single(s => s.Key == ProgrammePlanning.AgreementStepKey);
        Assert.Equal((deadline, StepStatus.Planned), (agreement.Date, agreement.Status));

        // The candidacy is removed from its round (the decision undone first, as the page demands): the programme stays, unlinked.
        await app.WithDbAsync(async db =>
        {
            var c = await db.SelectionCandidates.SingleAsync(x => x.Id == candidacy);
            c.Decision = CandidateDecision.Pending;
            c.FirstTalkDate = null;
            c.Version++;
            await db.SaveChangesAsync();
        });
        var removed = await owner.PostFormAsync($"/Selection/Details/{round}?handler=RemoveCandidate", new() { ["candidateId"] = S(candidacy) }, $"/Selection/Details/{round}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SelectionCandidates.AnyAsync(c => c.Id == candidacy)));
        Assert.Null(await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == programme.Id).Select(p => p.CandidacyId).SingleAsync()));
        var details = await owner.GetAsync($"/Programmes/Details/{programme.Id}");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var html = await details.Content.ReadAsStringAsync();
        Assert.DoesNotContain("/Selection/Candidate/", html);
        // The first talk keeps its date and notes; it now leads to its own step.
        Assert.Contains($"href=\"/Programmes/Step/{talk.Id}\">", html);
        var stepPage = await owner.GetStringAsync($"/Programmes/Step/{talk.Id}");
        Assert.DoesNotContain("/Selection/Candidate/", stepPage);
        Assert.Contains("Rektor vil ha SKUT på plass før start.", stepPage);
    }
}

public sealed class StepLinkTestsOnSqlite(StillasApp app) : StepLinkTests(app), IClassFixture<StillasApp>;

public sealed class StepLinkTestsOnPostgres(PostgresApp app) : StepLinkTests(app), IClassFixture<PostgresApp>;
