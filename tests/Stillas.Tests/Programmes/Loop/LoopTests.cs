using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes.Sessions;

namespace Stillas.Tests.Programmes.Loop;

/// <summary>
/// The school's own process loop between sessions (seed 000 § 5.3: agenda → SKUT → staff meeting → documentation,
/// round after round) and the next session's agenda drafted from open work ("Lag dagsorden").
/// </summary>
public abstract class LoopTests(StillasApp app)
{
    private const string Skut = "erik.tillitsvalgt@nordvik.test";
    private const string Teacher = "lise.laerer@nordvik.test";
    private const string OwnerAdmin = "skoleeier@nordvik.test";
    private static readonly Regex Token = new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");

    /// <summary>Logs in; the teacher and the SKUT member have no demo login, so the access matrix's callers are made first.</summary>
    private async Task<HttpClient> LoginAsync(string email)
    {
        await Stillas.Tests.Access.MatrixCallers.ForAsync(app);
        return await app.LoginAsync(email);
    }

    private static async Task<string> Text(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    /// <summary>A fresh programme whose session 1 has a sent interim-work agreement with three points; returns (session 1, session 2).</summary>
    private async Task<(int First, int Second, HttpClient Advisor)> ProgrammeWithInterimWorkAsync()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var sessions = await app.SessionsAsync(advisor, programme);
        var sent = await advisor.PostAsJsonAsync($"/api/v1/sessions/{sessions[1]}/interim-work/send",
            SessionTestSupport.Agreement(["Presentere fremtidsbildet for personalet", "SKUT lager en observasjonsplan", "Informere FAU"], new DateOnly(2027, 4, 1)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return (sessions[1], sessions[2], advisor);
    }

    private static async Task<HttpResponseMessage> PostLoopAsync(HttpClient client, int session, Dictionary<string, string> fields, (byte[] Bytes, string Name)? file = null)
    {
        var page = await client.GetAsync($"/Programmes/Sessions/Loop/{session}");
        var token = Token.Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"no form on the loop page ({(int)page.StatusCode})");
        var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (file is { } f) form.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        return await client.PostAsync($"/Programmes/Sessions/Loop/{session}", form);
    }

    private Task<SchoolLoopRound> RoundAsync(int session, int round) =>
        app.WithDbAsync(db => db.Set<SchoolLoopRound>().AsNoTracking().SingleAsync(r => r.SessionId == session && r.LoopRound == round));

    [Fact]
    public async Task The_school_goes_round_the_loop_and_the_guide_sees_its_state_at_the_next_opening()
    {
        var (first, second, advisor) = await ProgrammeWithInterimWorkAsync();
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var skut = await LoginAsync(Skut);

        // The agenda is pre-filled from the interim work's points.
        var page = await Text(await principal.GetAsync($"/Programmes/Sessions/Loop/{first}"));
        Assert.Contains("Ny runde (runde 1)", page);
        Assert.Contains("1. Presentere fremtidsbildet for personalet\n2. SKUT lager en observasjonsplan", page);

        // The principal plans the SKUT meeting.
        var plan = await PostLoopAsync(principal, first, new() { ["Input.Agenda"] = "1. Fremtidsbildet\n2. Observasjonsplan", ["Input.SkutDate"] = "2027-03-10", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        var round = await RoundAsync(first, 1);
        Assert.Equal(new DateOnly(2027, 3, 10), round.SkutDate);
        Assert.False(round.SkutHeld);

        // A SKUT member records the meeting, then the staff meeting, then documents it with a file.
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoopAsync(skut, first, new()
        {
            ["Input.RoundId"] = round.Id.ToString(), ["Input.Version"] = round.Version.ToString(), ["Input.Agenda"] = round.SkutAgenda, ["Input.SkutDate"] = "2027-03-10",
            ["Input.SkutParticipants"] = "Ledelsen og tre lærere", ["Input.SkutDecisions"] = "Hvert team observerer to timer",
        })).StatusCode);
        round = await RoundAsync(first, 1);
        Assert.True(round.SkutHeld);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoopAsync(principal, first, new()
        {
            ["Input.RoundId"] = round.Id.ToString(), ["Input.Version"] = round.Version.ToString(), ["Input.Agenda"] = round.SkutAgenda, ["Input.SkutDate"] = "2027-03-10",
            ["Input.SkutDecisions"] = round.SkutDecisions!, ["Input.StaffDate"] = "2027-03-17", ["Input.StaffWork"] = "Teamene planla observasjonene",
            ["Input.Documentation"] = "Planene er samlet",
        }, (Encoding.UTF8.GetBytes("Prosessdokument fra Sentrum skole\n"), "prosess.txt"))).StatusCode);
        round = await RoundAsync(first, 1);
        Assert.True(round.Documented);
        Assert.Equal("prosess.txt", round.FileName);

        // The file is read by the school and the team, not by the owner's administrator outside the team.
        var file = await advisor.GetAsync($"/Programmes/Sessions/Loop/{first}?handler=File");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("Prosessdokument fra Sentrum skole", await file.Content.ReadAsStringAsync());
        var owner = await app.LoginAsync(OwnerAdmin);
        Refused.Assert(await owner.GetAsync($"/Programmes/Sessions/Loop/{first}?handler=File"), "the owner's administrator reading the school's process document");

        // The owner's administrator sees the state, not the text.
        var ownerPage = await Text(await owner.GetAsync($"/Programmes/Sessions/Loop/{first}"));
        Assert.Contains("Runde 1: SKUT-møte 10.03.2027 ✓, personalmøte 17.03.2027 ✓, dokumentert ✓", ownerPage);
        Assert.DoesNotContain("Hvert team observerer to timer", ownerPage);
        Assert.DoesNotContain("Lagre runden", ownerPage);

        // A teacher reads the text; the round is done, so the form offers round 2 with SKUT's decision carried over.
        var teacherPage = await Text(await (await LoginAsync(Teacher)).GetAsync($"/Programmes/Sessions/Loop/{first}"));
        Assert.Contains("Hvert team observerer to timer", teacherPage);
        Assert.DoesNotContain("Lagre runden", teacherPage);
        var next = await Text(await principal.GetAsync($"/Programmes/Sessions/Loop/{first}"));
        Assert.Contains("Ny runde (runde 2)", next);
        Assert.Contains("Fra forrige runde (runde 1):\nHvert team observerer to timer", next);

        // The guide sees the loop's state at session 2's opening, with a link to the loop.
        var session = await Text(await advisor.GetAsync($"/Programmes/Sessions/Session/{second}"));
        Assert.Contains("Runde 1: SKUT-møte 10.03.2027 ✓, personalmøte 17.03.2027 ✓, dokumentert ✓", session);
        Assert.Contains($"/Programmes/Sessions/Loop/{first}", session);
        // The interim-work page leads to the loop too.
        Assert.Contains($"/Programmes/Sessions/Loop/{first}", await Text(await principal.GetAsync($"/Programmes/Sessions/InterimWork/{first}")));
    }

    [Fact]
    public async Task Only_the_schools_leaders_and_SKUT_write_the_loop()
    {
        var (first, _, advisor) = await ProgrammeWithInterimWorkAsync();
        var fields = new Dictionary<string, string> { ["Input.Agenda"] = "Uvedkommende", ["Input.Version"] = "0" };
        foreach (var (who, client) in new[] { ("the guide", advisor), ("a teacher", await LoginAsync(Teacher)), ("the owner's administrator", await app.LoginAsync(OwnerAdmin)) })
            Refused.Assert(await PostLoopAsync(client, first, fields), $"{who} writing the school's loop");
        Refused.Assert(await (await app.LoginAsync("skoleeier@fjordland.test")).GetAsync($"/Programmes/Sessions/Loop/{first}"), "another owner's loop");
        Assert.False(await app.WithDbAsync(db => db.Set<SchoolLoopRound>().AnyAsync(r => r.SessionId == first)));
    }

    [Fact]
    public async Task Bad_input_is_named_at_its_field_and_kept_and_a_stale_save_is_refused()
    {
        var (first, _, _) = await ProgrammeWithInterimWorkAsync();
        var principal = await app.LoginAsync(SessionTestSupport.Principal);

        var empty = await PostLoopAsync(principal, first, new() { ["Input.Agenda"] = " ", ["Input.SkutDecisions"] = "Vi bestemte noe", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await Text(empty);
        Assert.Equal(["Skriv dagsordenen for SKUT-møtet.", "Skriv datoen for SKUT-møtet."], Html.FieldErrors(html));
        Assert.Contains("Vi bestemte noe", html);

        var order = await PostLoopAsync(principal, first, new()
        {
            ["Input.Agenda"] = "Dagsorden", ["Input.SkutDate"] = "2027-03-10", ["Input.StaffDate"] = "2027-03-01", ["Input.StaffWork"] = "Personalet arbeidet", ["Input.Version"] = "0",
        });
        var errors = Html.FieldErrors(await Text(order));
        Assert.Contains("Skriv hva SKUT bestemte før dere fører inn personalmøtet.", errors);
        Assert.Contains("Personalmøtet kan ikke være før SKUT-møtet (10.03.2027).", errors);

        var refusedFile = await PostLoopAsync(principal, first, new() { ["Input.Agenda"] = "Dagsorden", ["Input.Version"] = "0" }, ([0x4d, 0x5a, 0x90, 0x00], "virus.exe"));
        Assert.Equal(HttpStatusCode.OK, refusedFile.StatusCode);
        Assert.NotEmpty(Html.FieldErrors(await Text(refusedFile)));
        Assert.False(await app.WithDbAsync(db => db.Set<SchoolLoopRound>().AnyAsync(r => r.SessionId == first)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostLoopAsync(principal, first, new() { ["Input.Agenda"] = "Dagsorden", ["Input.Version"] = "0" })).StatusCode);
        var round = await RoundAsync(first, 1);
        var skut = await LoginAsync(Skut);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoopAsync(skut, first, new() { ["Input.RoundId"] = round.Id.ToString(), ["Input.Version"] = round.Version.ToString(), ["Input.Agenda"] = "SKUTs dagsorden" })).StatusCode);
        // The principal's form was read before SKUT's save.
        var stale = await PostLoopAsync(principal, first, new() { ["Input.RoundId"] = round.Id.ToString(), ["Input.Version"] = round.Version.ToString(), ["Input.Agenda"] = "Rektors dagsorden" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await Text(stale);
        Assert.Contains("SKUTs dagsorden", conflict);
        Assert.Contains("Rektors dagsorden", conflict);
        Assert.Equal("SKUTs dagsorden", (await RoundAsync(first, 1)).SkutAgenda);
    }

    [Fact]
    public async Task Lag_dagsorden_drafts_the_opening_from_open_work_and_the_guide_keeps_it()
    {
        var (first, second, advisor) = await ProgrammeWithInterimWorkAsync();
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        // The school describes point 1 as done, point 2 as partly done, and leaves point 3 out; SKUT has met once.
        Assert.Equal(HttpStatusCode.OK, (await principal.PutAsJsonAsync($"/api/v1/sessions/{first}/interim-work/feedback",
            new { pointStatus = new[] { "Gjennomført på planleggingsdagen", "Delvis gjort; to team mangler", "" }, wishedTopic = "Motstand i personalet", submit = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoopAsync(principal, first, new()
            { ["Input.Agenda"] = "Dagsorden", ["Input.SkutDate"] = "2027-03-10", ["Input.SkutDecisions"] = "Observere", ["Input.Version"] = "0" })).StatusCode);

        var url = $"/Programmes/Sessions/Session/{second}";
        var draft = await advisor.PostFormAsync(url + "?handler=DraftAgenda", [], url);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var html = await Text(draft);
        var agenda = Regex.Match(html, "<textarea[^>]*id=\"agenda-text\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Åpne punkter fra mellomarbeidet etter veiledning 1:", agenda);
        Assert.DoesNotContain("Presentere fremtidsbildet", agenda); // done
        Assert.Contains("2. SKUT lager en observasjonsplan (skolen: Delvis gjort; to team mangler)", agenda);
        Assert.Contains("3. Informere FAU (ingen beskrivelse fra skolen)", agenda);
        Assert.Contains("Runde 1: SKUT-møte 10.03.2027 ✓, personalmøte —, dokumentert —", agenda);
        Assert.Contains("Ønsket tema: Motstand i personalet", agenda);
        Assert.Null(await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == second).Select(s => s.Agenda).SingleAsync())); // a draft only

        // The guide edits and saves it; the school reads it.
        var version = await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == second).Select(s => s.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(url + "?handler=Agenda", new() { ["agenda"] = agenda + "\nEkstra: lesestrategier", ["agendaVersion"] = version.ToString() }, url)).StatusCode);
        Assert.EndsWith("Ekstra: lesestrategier", await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == second).Select(s => s.Agenda).SingleAsync()));
        Assert.Contains("Ekstra: lesestrategier", await Text(await principal.GetAsync(url)));
        // A save on the version read before is refused, and both texts are shown.
        var stale = await advisor.PostFormAsync(url + "?handler=Agenda", new() { ["agenda"] = "Gammel dagsorden", ["agendaVersion"] = version.ToString() }, url);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.EndsWith("Ekstra: lesestrategier", await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == second).Select(s => s.Agenda).SingleAsync()));
        // Too long: said at the field, kept.
        var tooLong = await advisor.PostFormAsync(url + "?handler=Agenda", new() { ["agenda"] = new string('x', GuidanceSession.AgendaMax + 1) }, url);
        Assert.Equal(["Dagsordenen kan ha høyst 8000 tegn."], Html.FieldErrors(await Text(tooLong)));

        // Only the team drafts and keeps it.
        Refused.Assert(await principal.PostFormAsync(url + "?handler=DraftAgenda", [], url), "the principal drafting the team's agenda");
        Refused.Assert(await (await app.LoginAsync(OwnerAdmin)).PostFormAsync(url + "?handler=Agenda", new() { ["agenda"] = "Nei" }, url), "the owner's administrator saving the agenda");
    }

    [Fact]
    public async Task An_agenda_with_nothing_open_says_so()
    {
        var (first, second, advisor) = await ProgrammeWithInterimWorkAsync();
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        Assert.Equal(HttpStatusCode.OK, (await principal.PutAsJsonAsync($"/api/v1/sessions/{first}/interim-work/feedback",
            new { pointStatus = new[] { "Gjort", "Gjort", "Gjort" }, submit = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostLoopAsync(principal, first, new()
        {
            ["Input.Agenda"] = "Dagsorden", ["Input.SkutDate"] = "2027-03-10", ["Input.SkutDecisions"] = "Observere", ["Input.StaffDate"] = "2027-03-11",
            ["Input.StaffWork"] = "Observerte", ["Input.Documentation"] = "Skrevet ned", ["Input.Version"] = "0",
        })).StatusCode);
        var url = $"/Programmes/Sessions/Session/{second}";
        var html = await Text(await advisor.PostFormAsync(url + "?handler=DraftAgenda", [], url));
        Assert.Contains("Hvor er vi? Ingen åpne punkter fra mellomarbeidet, skolens prosesser eller målene.", html);
        Assert.Contains("Ingen åpne punkter fra mellomarbeidet, skolens prosesser eller målene. Utkastet sier det", html);
        Assert.Contains("Hva blir neste skritt? Avtalt tema: Motstand", html); // no wished topic sent: the one agreed

        // Session 1 has no interim work before it: nothing open either.
        var firstUrl = $"/Programmes/Sessions/Session/{first}";
        Assert.Contains("Hvor er vi? Ingen åpne punkter", await Text(await advisor.PostFormAsync(firstUrl + "?handler=DraftAgenda", [], firstUrl)));
    }

    [Fact]
    public void A_point_is_open_when_not_described_or_described_as_unfinished()
    {
        Assert.True(SessionAgenda.IsOpen(null));
        Assert.True(SessionAgenda.IsOpen("  "));
        Assert.True(SessionAgenda.IsOpen("Delvis gjennomført; to av fire team har levert."));
        Assert.True(SessionAgenda.IsOpen("Ikkje ferdig enno"));
        Assert.False(SessionAgenda.IsOpen("Gjennomført på planleggingsdagen."));
    }

    [Fact]
    public async Task The_demo_shows_a_documented_round_and_one_under_way()
    {
        var rounds = await app.WithDbAsync(db => db.Set<SchoolLoopRound>().AsNoTracking().Where(r => r.Session!.Number == 1 || r.Session!.Number == 4)
            .Select(r => new { r.Session!.Number, r.StoragePath, r.SkutDecisions, r.StaffWork }).ToListAsync());
        Assert.Contains(rounds, r => r.Number == 1 && r.StoragePath != null);
        Assert.Contains(rounds, r => r.Number == 4 && r.SkutDecisions != null && r.StaffWork == null);
    }
}

public sealed class LoopTestsOnSqlite(StillasApp app) : LoopTests(app), IClassFixture<StillasApp>;

public sealed class LoopTestsOnPostgres(PostgresApp app) : LoopTests(app), IClassFixture<PostgresApp>;
