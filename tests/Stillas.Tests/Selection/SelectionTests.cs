using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Selection;

using Stillas.Web.Platform.Access;

namespace Stillas.Tests.Selection;

/// <summary>
/// Selection rounds through the real pages and the API, on both database providers. Tests that need a
/// team's load in a school year use a school year of their own, so they do not depend on each other.
/// </summary>
public abstract class SelectionTests(StillasApp app)
{
    private static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    /// <summary>The page's text with tags removed and white space collapsed, as a reader sees it.</summary>
    private static string Plain(string html) => System.Text.RegularExpressions.Regex.Replace(Html.Text(html), @"\s+", " ");
    private static int IdFrom(Uri location) => int.Parse(location.ToString().Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> NordvikId() => app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
    private Task<int> SchoolId(string name) => app.WithDbAsync(db => db.Schools.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    private Task<int> TeamId(string name) => app.WithDbAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());
    private Task<SelectionCandidate> CandidateAsync(int id) => app.WithDbAsync(db => db.SelectionCandidates.AsNoTracking().SingleAsync(c => c.Id == id));
    private Task<int> DemoCandidate(string schoolYear, string school) => app.WithDbAsync(db =>
        db.SelectionCandidates.Where(c => c.SchoolYear == schoolYear && c.School!.Name == school && c.Round!.Title.StartsWith("Utvalg av skoler")).Select(c => c.Id).SingleAsync());

    /// <summary>A Nordvik round of its own school year with candidates as given: (school, decision, team).</summary>
    private async Task<(int Round, int[] Candidates)> SeedRoundAsync(string schoolYear, params (string School, CandidateDecision Decision, string? Team)[] candidates)
    {
        var nordvik = await NordvikId();
        var first = int.Parse(schoolYear[..4], System.Globalization.CultureInfo.InvariantCulture);
        return await app.WithDbAsync(async db =>
        {
            var round = new SelectionRound { OwnerId = nordvik, SchoolYear = schoolYear, Title = $"Testrunde {schoolYear}", AgreementDeadline = new DateOnly(first, 2, DateTime.DaysInMonth(first, 2)) };
            db.SelectionRounds.Add(round);
            await db.SaveChangesAsync();
            var ids = new List<int>();
            foreach (var (school, decision, team) in candidates)
            {
                var c = new SelectionCandidate
                {
                    RoundId = round.Id, OwnerId = nordvik, SchoolYear = schoolYear, Reason = "Fra kvalitetsmeldingen.", Decision = decision,
                    SchoolId = await db.Schools.Where(s => s.Name == school).Select(s => s.Id).SingleAsync(),
                    TeamId = team is null ? null : await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync(),
                };
                db.SelectionCandidates.Add(c);
                await db.SaveChangesAsync();
                ids.Add(c.Id);
            }
            return (round.Id, ids.ToArray());
        });
    }

    private static Dictionary<string, string> FollowUp(string date, string notes, CandidateDecision decision, int? teamId, int version, string decisionNote = "") => new()
    {
        ["Input.FirstTalkDate"] = date, ["Input.FirstTalkNotes"] = notes, ["Input.Decision"] = decision.ToString(),
        ["Input.DecisionNote"] = decisionNote, ["Input.TeamId"] = teamId is int t ? S(t) : "", ["Input.Version"] = S(version),
    };

    [Fact]
    public async Task Owner_admin_opens_a_round_for_2027_28_adds_Sentrum_and_records_the_first_talk_and_the_decision()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        var created = await client.PostFormAsync("/Selection/Create", new()
        {
            ["Input.OwnerId"] = S(nordvik), ["Input.SchoolYear"] = "2027/28", ["Input.Title"] = "Veiledning fra høsten 2027", ["Input.AgreementDeadline"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var roundId = IdFrom(created.Headers.Location!);
        var round = Plain(await client.GetStringAsync($"/Selection/Details/{roundId}"));
        Assert.Contains("Utvalgsrunde 2027/28", round);
        Assert.Contains("Frist for avtaler 28.02.2027", round);
        Assert.Contains("Januar 2027", round);
        Assert.Contains("Ingen skoler er lagt til ennå", round);
        Assert.Contains("value=\"2027-02-28\"", await client.GetStringAsync($"/Selection/Edit/{roundId}"));

        var sentrum = await SchoolId("Sentrum skole");
        var page = $"/Selection/Details/{roundId}";
        var added = await client.PostFormAsync(page + "?handler=AddCandidate", new()
        {
            ["Candidate.SchoolId"] = S(sentrum), ["Candidate.Reason"] = "Kvalitetsmeldingen viser at elevene på mellomtrinnet opplever lite mestring i matematikk.",
            ["Candidate.ReasonSource"] = nameof(ReasonSource.QualityReport),
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var candidateId = await app.WithDbAsync(db => db.SelectionCandidates.Where(c => c.RoundId == roundId && c.SchoolId == sentrum).Select(c => c.Id).SingleAsync());
        var candidate = await CandidateAsync(candidateId);
        Assert.Equal(nordvik, candidate.OwnerId);
        Assert.Equal("2027/28", candidate.SchoolYear);

        var team1 = await TeamId("Veilederteam 1");
        var saved = await client.PostFormAsync($"/Selection/Candidate/{candidateId}",
            FollowUp("2027-01-14", "Rektor er motivert. SKUT er på plass.", CandidateDecision.Accepted, team1, candidate.Version, "Avtale signeres 20. februar."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var raw = await client.GetStringAsync($"/Selection/Candidate/{candidateId}");
        // The date input carries the ISO date a browser can show, so a second save keeps it.
        Assert.Matches("name=\"Input.FirstTalkDate\" type=\"date\" value=\"2027-01-14\"", raw);
        var html = Plain(raw);
        Assert.Contains("Endringene er lagret.", html);
        Assert.Contains("14.01.2027", html);
        Assert.Contains("Takket ja", html);
        Assert.Contains("Veilederteam 1", html);
        Assert.Contains("Rektor er motivert.", html);

        var after = await CandidateAsync(candidateId);
        Assert.Equal(CandidateDecision.Accepted, after.Decision);
        Assert.Equal(team1, after.TeamId);
        Assert.Equal(new DateOnly(2027, 1, 14), after.FirstTalkDate);
        Assert.NotNull(after.DecidedAt);
        Assert.Equal(candidate.Version + 1, after.Version);

        var list = Plain(await client.GetStringAsync(page));
        Assert.Contains("Sentrum skole", list);
        Assert.Contains("14.01.2027", list);
        Assert.Contains("Takket ja", list);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(SelectionCandidate) && a.EntityId == S(candidateId)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("Kari Nordmann", a.ActorName));
        Assert.All(audit, a => Assert.Equal(nordvik, a.OwnerId));
        Assert.Contains("Accepted", audit[1].Changes);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SelectionRound) && a.EntityId == S(roundId))));
    }

    [Fact]
    public async Task Capacity_warning_when_team_1_already_has_three_schools_in_the_school_year_does_not_block_saving()
    {
        var (_, ids) = await SeedRoundAsync("2028/29",
            ("Bjørkly skole", CandidateDecision.Accepted, "Veilederteam 1"), ("Solbakken skole", CandidateDecision.Accepted, "Veilederteam 1"),
            ("Strandå skole", CandidateDecision.Offered, "Veilederteam 1"), ("Havnå skole", CandidateDecision.Pending, null));
        var havna = ids[3];
        var team1 = await TeamId("Veilederteam 1");
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var roundId = (await CandidateAsync(havna)).RoundId;
        // Three schools within a capacity of three: no warning yet.
        var within = await client.GetFromJsonAsync<List<SelectionApi.CandidateDto>>($"/api/v1/selection-rounds/{roundId}/candidates");
        Assert.All(within!, c => Assert.Empty(c.Warnings));

        // Before saving: the team picker says the team is full.
        var before = Plain(await client.GetStringAsync($"/Selection/Candidate/{havna}"));
        Assert.Contains("Veilederteam 1 – 3 av 3 skoler i 2028/29 (fullt)", before);
        Assert.Contains("Veilederteam 2 – 0 av 2 skoler i 2028/29", before);

        var saved = await client.PostFormAsync($"/Selection/Candidate/{havna}", FollowUp("2028-01-10", "", CandidateDecision.Offered, team1, 0));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Plain(await client.GetStringAsync($"/Selection/Candidate/{havna}"));
        Assert.Contains("Veilederteam 1 har allerede 3 av 3 skoler i 2028/29.", after);
        Assert.Equal(team1, (await CandidateAsync(havna)).TeamId);

        // The round page and the API carry the same warning.
        Assert.Contains("Veilederteam 1 har allerede 3 av 3 skoler i 2028/29.", Plain(await client.GetStringAsync($"/Selection/Details/{roundId}")));
        var api = await client.GetFromJsonAsync<List<SelectionApi.CandidateDto>>($"/api/v1/selection-rounds/{roundId}/candidates");
        Assert.Contains("Veilederteam 1 har allerede 3 av 3 skoler i 2028/29.", api!.Single(c => c.Id == havna).Warnings);
        // A school that is not offered takes no place and gets no capacity warning.
        Assert.Empty(api!.Where(c => c.TeamId is null).SelectMany(c => c.Warnings));
    }

    [Fact]
    public async Task Conflict_warning_names_Anne_Lederstad_when_team_1_would_guide_Fjellheim_where_she_is_principal()
    {
        var (_, ids) = await SeedRoundAsync("2030/31", ("Fjellheim skole", CandidateDecision.Pending, null));
        var fjellheim = ids[0];
        var team1 = await TeamId("Veilederteam 1");
        var client = await app.LoginAsync("skoleeier@nordvik.test");

        var before = Plain(await client.GetStringAsync($"/Selection/Candidate/{fjellheim}"));
        Assert.Contains("Veilederteam 1 – 0 av 3 skoler i 2030/31 – mulig inhabilitet", before);
        Assert.Contains("Mulig inhabilitet: Anne Lederstad i Veilederteam 1 leder skolen (rektor ved Fjellheim skole).", before);

        var saved = await client.PostFormAsync($"/Selection/Candidate/{fjellheim}", FollowUp("", "", CandidateDecision.Offered, team1, 0));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Plain(await client.GetStringAsync($"/Selection/Candidate/{fjellheim}"));
        Assert.Contains("Vær oppmerksom på", after);
        Assert.Contains("Anne Lederstad i Veilederteam 1 leder skolen", after);
        Assert.Equal(team1, (await CandidateAsync(fjellheim)).TeamId);

        // A role she no longer holds still counts: she has led the school.
        var anne = await app.WithDbAsync(db => db.People.Where(p => p.Email == "anne.lederstad@nordvik.test").Select(p => p.Id).SingleAsync());
        await app.WithDbAsync(db => db.Memberships.Where(m => m.PersonId == anne && m.Role == Role.Principal).ExecuteUpdateAsync(u => u.SetProperty(m => m.Active, false)));
        try
        {
            Assert.Contains("Anne Lederstad i Veilederteam 1 har ledet skolen (tidligere rektor ved Fjellheim skole).", Plain(await client.GetStringAsync($"/Selection/Candidate/{fjellheim}")));
        }
        finally
        {
            await app.WithDbAsync(db => db.Memberships.Where(m => m.PersonId == anne && m.Role == Role.Principal).ExecuteUpdateAsync(u => u.SetProperty(m => m.Active, true)));
        }
    }

    [Fact]
    public async Task Offer_history_shows_earlier_rounds_and_suggestions_put_never_offered_schools_first()
    {
        var (roundId, ids) = await SeedRoundAsync("2026/27", ("Havnå skole", CandidateDecision.Pending, null));
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var html = Plain(await client.GetStringAsync($"/Selection/Candidate/{ids[0]}"));
        Assert.Contains("Tilbud til Havnå skole over tid", html);
        Assert.Contains("2025/26 Takket nei – Skolen prioriterer ny leseplan dette året.", html);
        Assert.Contains("2026/27 (denne runden)", html);

        var round = Plain(await client.GetStringAsync($"/Selection/Details/{roundId}"));
        var suggestions = round[round.IndexOf("Forslag: skoler som står for tur", StringComparison.Ordinal)..];
        Assert.Contains("Kvitberg ungdomsskole – aldri fått tilbud", suggestions);
        // Sentrum accepted in 2025/26 (one year ago) and Havnå is already in the round.
        Assert.DoesNotContain("Sentrum skole", suggestions);
        Assert.DoesNotContain("Havnå skole", suggestions);

        // Years later Havnå is suggested again, and the list says it was offered (it declined in 2025/26).
        var (later, _) = await SeedRoundAsync("2038/39");
        var laterRound = Plain(await client.GetStringAsync($"/Selection/Details/{later}"));
        var laterSuggestions = laterRound[laterRound.IndexOf("Forslag: skoler som står for tur", StringComparison.Ordinal)..];
        Assert.Contains("Havnå skole – sist tilbud", laterSuggestions);
        Assert.DoesNotContain("Havnå skole – aldri fått tilbud", laterSuggestions);
        Assert.True(laterSuggestions.IndexOf("Kvitberg ungdomsskole", StringComparison.Ordinal) < laterSuggestions.IndexOf("Havnå skole", StringComparison.Ordinal), "never offered first");

        // The school's page lists its candidacies for those who may see them, the principal included.
        var sentrum = await SchoolId("Sentrum skole");
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var school = Plain(await principal.GetStringAsync($"/Schools/Details/{sentrum}"));
        Assert.Contains("Tilbud om veiledning", school);
        // The principal sees the decision; the team is the owner's staff's and the team's own to see.
        Assert.Contains("2025/26: Takket ja", school);
        Assert.Contains("2025/26: Takket ja – Veilederteam 1", Plain(await client.GetStringAsync($"/Schools/Details/{sentrum}")));
        Assert.DoesNotContain("Utvalg", Plain(await principal.GetStringAsync("/")));
        // The university guide on team 1 sees the candidacy team 1 took on.
        var guide = await app.LoginAsync("uh@nordvik.test");
        Assert.Contains("2025/26: Takket ja – Veilederteam 1", Plain(await guide.GetStringAsync($"/Schools/Details/{sentrum}")));
    }

    [Fact]
    public async Task Bad_input_gets_Norwegian_messages_keeps_what_was_typed_and_saves_nothing()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        var year = await client.PostFormAsync("/Selection/Create", new()
        {
            ["Input.OwnerId"] = S(nordvik), ["Input.SchoolYear"] = "2027/2029", ["Input.Title"] = "Feil skoleår-runden", ["Input.AgreementDeadline"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        var yearHtml = await year.Content.ReadAsStringAsync();
        Assert.Contains("Et skoleår går over to år som følger etter hverandre, for eksempel 2027/28.", Html.FieldErrors(yearHtml));
        Assert.Contains("value=\"2027/2029\"", yearHtml);
        Assert.Contains("value=\"Feil skoleår-runden\"", yearHtml);
        Assert.False(await app.WithDbAsync(db => db.SelectionRounds.AnyAsync(r => r.Title == "Feil skoleår-runden")));

        var deadline = await client.PostFormAsync("/Selection/Create", new()
        {
            ["Input.OwnerId"] = S(nordvik), ["Input.SchoolYear"] = "2027/28", ["Input.Title"] = "Feil frist-runden", ["Input.AgreementDeadline"] = "2027-09-01",
        });
        Assert.Contains("Fristen for avtaler må være før skoleåret starter (01.08.2027).", Html.FieldErrors(await deadline.Content.ReadAsStringAsync()));

        var (roundId, _) = await SeedRoundAsync("2032/33");
        var page = $"/Selection/Details/{roundId}";
        var kvitberg = await SchoolId("Kvitberg ungdomsskole");
        var empty = await client.PostFormAsync(page + "?handler=AddCandidate",
            new() { ["Candidate.SchoolId"] = S(kvitberg), ["Candidate.Reason"] = "  ", ["Candidate.ReasonSource"] = nameof(ReasonSource.SchoolRequest) }, formPage: page);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Skriv begrunnelsen for at skolen er aktuell.", Html.FieldErrors(emptyHtml));
        Assert.Contains($"<option selected=\"selected\" value=\"{kvitberg}\">", emptyHtml);

        var longReason = "Lang begrunnelse. " + new string('x', 10_000);
        var huge = await client.PostFormAsync(page + "?handler=AddCandidate",
            new() { ["Candidate.SchoolId"] = S(kvitberg), ["Candidate.Reason"] = longReason, ["Candidate.ReasonSource"] = nameof(ReasonSource.QualityReport) }, formPage: page);
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        var hugeHtml = await huge.Content.ReadAsStringAsync();
        Assert.Contains("Begrunnelsen kan ha høyst 4000 tegn.", Html.FieldErrors(hugeHtml));
        Assert.Contains(longReason, hugeHtml);
        Assert.False(await app.WithDbAsync(db => db.SelectionCandidates.AnyAsync(c => c.RoundId == roundId)));

        // The API answers the same rules as validation problems.
        var api = await client.PostAsJsonAsync("/api/v1/selection-rounds", new { ownerId = nordvik, schoolYear = "2027/2029" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Et skoleår går over to år som følger etter hverandre", await api.Content.ReadAsStringAsync());
        var apiReason = await client.PostAsJsonAsync($"/api/v1/selection-rounds/{roundId}/candidates", new { schoolId = kvitberg, reason = longReason, reasonSource = (int)ReasonSource.QualityReport });
        Assert.Equal(HttpStatusCode.BadRequest, apiReason.StatusCode);
        Assert.Contains("Begrunnelsen kan ha høyst 4000 tegn.", await apiReason.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.SelectionCandidates.AnyAsync(c => c.RoundId == roundId)));
    }

    [Fact]
    public async Task A_save_from_an_old_version_is_refused_and_shows_both_texts()
    {
        var (_, ids) = await SeedRoundAsync("2033/34", ("Øyvågen skole", CandidateDecision.Pending, null));
        var id = ids[0];
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var advisor = await app.LoginAsync("veileder@nordvik.test");
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Selection/Candidate/{id}", FollowUp("2033-01-09", "Notatet til veilederen.", CandidateDecision.Pending, null, 0))).StatusCode);

        var stale = await admin.PostFormAsync($"/Selection/Candidate/{id}", FollowUp("2033-01-10", "Notatet til administratoren.", CandidateDecision.Pending, null, 0));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = Plain(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Noen andre har lagret endringer i mellomtiden.", html);
        Assert.Contains("Notatet til veilederen.", html);
        Assert.Contains("Notatet til administratoren.", html);
        Assert.Equal("Notatet til veilederen.", (await CandidateAsync(id)).FirstTalkNotes);

        var api = await admin.PutAsJsonAsync($"/api/v1/selection-candidates/{id}", new { firstTalkDate = "2033-01-10", decision = (int)CandidateDecision.Pending, version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
    }

    [Fact]
    public async Task Fjordland_admin_cannot_see_or_change_Nordvik_rounds_or_candidates()
    {
        var nordvik = await NordvikId();
        var roundId = await app.WithDbAsync(db => db.SelectionRounds.Where(r => r.OwnerId == nordvik && r.SchoolYear == "2027/28" && r.Title.StartsWith("Utvalg av skoler")).Select(r => r.Id).SingleAsync());
        var candidateId = await DemoCandidate("2027/28", "Elvebakken skole");
        var before = await CandidateAsync(candidateId);
        var client = await app.LoginAsync("skoleeier@fjordland.test");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Selection/Details/{roundId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Selection/Edit/{roundId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Selection/Candidate/{candidateId}")).StatusCode);
        var list = Plain(await client.GetStringAsync("/Selection"));
        Assert.Contains("Ingen utvalgsrunder ennå", list);
        Assert.DoesNotContain("2027/28", list);

        Refused.Assert(await client.PostFormAsync($"/Selection/Candidate/{candidateId}", FollowUp("2027-01-05", "Kapret", CandidateDecision.Declined, null, before.Version), formPage: "/Selection/Create"), "Fjordland admin saving a Nordvik candidate");
        Refused.Assert(await client.PostFormAsync($"/Selection/Details/{roundId}?handler=Close", [], formPage: "/Selection/Create"), "Fjordland admin closing a Nordvik round");
        Refused.Assert(await client.PostFormAsync($"/Selection/Edit/{roundId}", new() { ["Input.SchoolYear"] = "2029/30" }, formPage: "/Selection/Create"), "Fjordland admin editing a Nordvik round");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/selection-rounds/{roundId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/selection-rounds/{roundId}", new { ownerId = nordvik, schoolYear = "2029/30" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/selection-rounds/{roundId}/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/selection-rounds/{roundId}/candidates", new { schoolId = before.SchoolId, reason = "x", reasonSource = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/selection-candidates/{candidateId}", new { decision = (int)CandidateDecision.Declined, version = before.Version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/selection-rounds", new { ownerId = nordvik, schoolYear = "2029/30" })).StatusCode);
        var apiList = await client.GetStringAsync("/api/v1/selection-rounds");
        Assert.DoesNotContain("2027/28", apiList);

        var after = await CandidateAsync(candidateId);
        Assert.Equal(before.Decision, after.Decision);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("2027/28", await app.WithDbAsync(db => db.SelectionRounds.Where(r => r.Id == roundId).Select(r => r.SchoolYear).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.SelectionRounds.AnyAsync(r => r.SchoolYear == "2029/30")));
    }

    [Fact]
    public async Task Principal_of_Sentrum_cannot_open_the_round_and_reads_the_candidacy_without_changing_it()
    {
        var nordvik = await NordvikId();
        var closedRound = await app.WithDbAsync(db => db.SelectionRounds.Where(r => r.OwnerId == nordvik && r.SchoolYear == "2025/26").Select(r => r.Id).SingleAsync());
        var sentrumCandidacy = await DemoCandidate("2025/26", "Sentrum skole");
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        Refused.Assert(await client.GetAsync("/Selection"), "principal opening the list of rounds");
        Refused.Assert(await client.GetAsync($"/Selection/Details/{closedRound}"), "principal opening the round");
        // The candidacy their programme links to opens read-only (issue 20): no form, no round.
        var candidacy = await client.GetAsync($"/Selection/Candidate/{sentrumCandidacy}");
        Assert.Equal(HttpStatusCode.OK, candidacy.StatusCode);
        var page = await candidacy.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Input.FirstTalkDate", page);
        Assert.DoesNotContain($"/Selection/Details/{closedRound}", page);
        Refused.Assert(await client.GetAsync("/Selection/Create"), "principal opening the create form");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/selection-rounds/{closedRound}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/selection-candidates/{sentrumCandidacy}", new { decision = (int)CandidateDecision.Declined, version = 0 })).StatusCode);
        Assert.Equal(CandidateDecision.Accepted, (await CandidateAsync(sentrumCandidacy)).Decision);
        Assert.DoesNotContain("href=\"/Selection\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Development_advisor_records_a_first_talk_but_cannot_create_a_round_or_decide()
    {
        var nordvik = await NordvikId();
        var team1 = await TeamId("Veilederteam 1");
        var lyngstad = await DemoCandidate("2027/28", "Lyngstad skole");
        var client = await app.LoginAsync("veileder@nordvik.test");

        Refused.Assert(await client.GetAsync("/Selection/Create"), "advisor opening the create form");
        Refused.Assert(await client.PostFormAsync("/Selection/Create", new() { ["Input.OwnerId"] = S(nordvik), ["Input.SchoolYear"] = "2034/35" }, formPage: "/Account/Logout"), "advisor opening a round");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/selection-rounds", new { ownerId = nordvik, schoolYear = "2034/35" })).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SelectionRounds.AnyAsync(r => r.SchoolYear == "2034/35")));

        var page = await client.GetStringAsync($"/Selection/Candidate/{lyngstad}");
        Assert.Contains("Dato for første samtale", Plain(page));
        Assert.DoesNotContain("name=\"Input.Decision\"", page);
        Assert.DoesNotContain("name=\"Input.TeamId\"", page);

        // Decision and team in the posted form are ignored: the advisor records the talk only.
        var saved = await client.PostFormAsync($"/Selection/Candidate/{lyngstad}",
            FollowUp("2027-01-12", "Samtale med rektor og tillitsvalgt.", CandidateDecision.Accepted, team1, (await CandidateAsync(lyngstad)).Version));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await CandidateAsync(lyngstad);
        Assert.Equal(new DateOnly(2027, 1, 12), after.FirstTalkDate);
        Assert.Equal("Samtale med rektor og tillitsvalgt.", after.FirstTalkNotes);
        Assert.Equal(CandidateDecision.Pending, after.Decision);
        Assert.Null(after.TeamId);

        var decide = await client.PutAsJsonAsync($"/api/v1/selection-candidates/{lyngstad}", new { decision = (int)CandidateDecision.Accepted, teamId = team1, version = after.Version });
        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        var talk = await client.PutAsJsonAsync($"/api/v1/selection-candidates/{lyngstad}",
            new { firstTalkDate = "2027-01-13", firstTalkNotes = "Flyttet en dag.", decision = (int)CandidateDecision.Pending, version = after.Version });
        Assert.Equal(HttpStatusCode.OK, talk.StatusCode);
        var dto = (await talk.Content.ReadFromJsonAsync<SelectionApi.CandidateDto>())!;
        Assert.Equal(new DateOnly(2027, 1, 13), dto.FirstTalkDate);
        Assert.Equal(after.Version + 1, dto.Version);
        Assert.Equal(CandidateDecision.Pending, (await CandidateAsync(lyngstad)).Decision);
    }

    [Fact]
    public async Task Owner_admin_runs_a_round_through_the_API()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await NordvikId();
        var created = await client.PostAsJsonAsync("/api/v1/selection-rounds", new { ownerId = nordvik, schoolYear = "2035-2036" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = (await created.Content.ReadFromJsonAsync<SelectionApi.RoundDto>())!;
        Assert.Equal("2035/36", round.SchoolYear);
        Assert.Equal(new DateOnly(2035, 2, 28), round.AgreementDeadline);
        Assert.Equal("Utvalg av skoler til veiledning 2035/36", round.Title);

        var school = await SchoolId("Nordvik ungdomsskole");
        var added = await client.PostAsJsonAsync($"/api/v1/selection-rounds/{round.Id}/candidates", new { schoolId = school, reason = "Skolen har søkt selv.", reasonSource = (int)ReasonSource.SchoolRequest });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var candidate = (await added.Content.ReadFromJsonAsync<SelectionApi.CandidateDto>())!;
        var twice = await client.PostAsJsonAsync($"/api/v1/selection-rounds/{round.Id}/candidates", new { schoolId = school, reason = "Igjen.", reasonSource = (int)ReasonSource.SchoolRequest });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Skolen er allerede med i runden.", await twice.Content.ReadAsStringAsync());

        var team2 = await TeamId("Veilederteam 2");
        var updated = await client.PutAsJsonAsync($"/api/v1/selection-candidates/{candidate.Id}",
            new { firstTalkDate = "2035-01-16", decision = (int)CandidateDecision.Accepted, teamId = team2, version = candidate.Version });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var dto = (await updated.Content.ReadFromJsonAsync<SelectionApi.CandidateDto>())!;
        Assert.Equal("Takket ja", dto.DecisionName);
        Assert.Equal("Veilederteam 2", dto.TeamName);
        Assert.NotNull(dto.DecidedAt);

        var closed = await client.PutAsJsonAsync($"/api/v1/selection-rounds/{round.Id}", new { ownerId = nordvik, schoolYear = "2035/36", status = (int)RoundStatus.Closed });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(RoundStatus.Closed, (await closed.Content.ReadFromJsonAsync<SelectionApi.RoundDto>())!.Status);
        var late = await client.PostAsJsonAsync($"/api/v1/selection-rounds/{round.Id}/candidates", new { schoolId = await SchoolId("Strandå skole"), reason = "For sent.", reasonSource = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("Runden er avsluttet.", await late.Content.ReadAsStringAsync());
    }
}

public sealed class SelectionOnSqlite(StillasApp app) : SelectionTests(app), IClassFixture<StillasApp>;

public sealed class SelectionOnPostgres(PostgresApp app) : SelectionTests(app), IClassFixture<PostgresApp>;
