using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.StartUp;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Concurrency;

/// <summary>
/// The remaining edited records (issue 18, part 1): feedback on interim work, session and phase evaluations, the
/// school's checklist and the notes' retention, owners' models, document requests and people. Two saves from the
/// same version, by two logins or two tabs: the later is refused with both versions, the first one's text stays.
/// </summary>
public abstract class RemainingFormsConcurrencyTests(StillasApp app)
{
    private const string OwnerAdmin = "skoleeier@nordvik.test";
    private const string SystemAdmin = "admin@stillas.test";

    private static string Hidden(string html, string name)
    {
        var n = Regex.Escape(name);
        var m = Regex.Match(html, $"<input[^>]*name=\"{n}\"[^>]*value=\"(\\d*)\"|<input[^>]*value=\"(\\d*)\"[^>]*name=\"{n}\"");
        Assert.True(m.Success, $"the form carries {name}");
        return m.Groups[1].Success && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : m.Groups[2].Value;
    }

    private static string Decode(HttpResponseMessage r) => WebUtility.HtmlDecode(r.Content.ReadAsStringAsync().GetAwaiter().GetResult());

    /// <summary>The refused page: 409, the conflict summary with theirs, and the user's own text still in the form.</summary>
    private static void ShowsBoth(HttpResponseMessage refused, string theirs, string yours)
    {
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = Decode(refused);
        Assert.Contains("Noen andre har endret dette", html);
        Assert.Matches("Deres versjon:\\s*</span>\\s*<span class=\"conflict-text\">" + Regex.Escape(theirs), html);
        Assert.Contains(yours, html);
    }

    /// <summary>Two saves of one record with the version each read: the first lands, the second is 409 naming both.</summary>
    private static async Task<JsonElement> SecondIsRefusedAsync(HttpClient first, HttpClient second, string url, object firstBody, object secondBody)
    {
        var ok = await first.PutAsJsonAsync(url, firstBody);
        Assert.True(ok.IsSuccessStatusCode, $"{url}: first save {(int)ok.StatusCode} {await ok.Content.ReadAsStringAsync()}");
        var stale = await second.PutAsJsonAsync(url, secondBody);
        Assert.True(stale.StatusCode == HttpStatusCode.Conflict, $"{url}: second save {(int)stale.StatusCode} {await stale.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(EditConflict.Title, problem.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Number, problem.GetProperty("currentVersion").ValueKind);
        Assert.True(problem.TryGetProperty("theirs", out _) && problem.TryGetProperty("yours", out _), "both versions in the problem details");
        return problem;
    }

    private async Task<int> SessionWithAgreementAsync(HttpClient advisor, int programme, int number)
    {
        var id = (await app.SessionsAsync(advisor, programme))[number];
        var sent = await advisor.PostAsJsonAsync($"/api/v1/sessions/{id}/interim-work/send", SessionTestSupport.Agreement(["Lage en plan", "Prøve ut planen"], new DateOnly(2027, 5, 1)));
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        return id;
    }

    [Fact]
    public async Task Two_logins_of_the_school_answer_the_interim_work_on_the_page_and_the_API_and_the_later_is_refused()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var deputy = await app.LoginAsync(SessionTestSupport.Principal); // a second login (another browser) of the principal
        var id = await SessionWithAgreementAsync(advisor, programme, 1);
        var url = $"/Programmes/Sessions/InterimWork/{id}";

        // Both opened the page before any feedback existed.
        var a = Hidden(await principal.GetStringAsync(url), "Answer.Version");
        var b = Hidden(await deputy.GetStringAsync(url), "Answer.Version");
        Assert.Equal("0", a);
        Dictionary<string, string> Form(string text, string version) => new()
        {
            ["Answer.PointStatus[0]"] = text, ["Answer.PointStatus[1]"] = "", ["Answer.WishedTopic"] = "", ["Answer.Version"] = version, ["action"] = "draft",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync(url + "?handler=Feedback", Form("Rektor: planen er laget", a), url)).StatusCode);
        var refused = await deputy.PostFormAsync(url + "?handler=Feedback", Form("Inspektør: vi har ikke begynt", b), url);
        ShowsBoth(refused, "Rektor: planen er laget", "Inspektør: vi har ikke begynt");
        Assert.Matches(">Inspektør: vi har ikke begynt</textarea>", Decode(refused)); // kept in the form
        Assert.Equal("Rektor: planen er laget", await app.WithDbAsync(db => db.InterimWorkFeedback.Where(f => f.SessionId == id).Select(f => f.PointStatus[0]).SingleAsync()));

        // Saving again from the refused form (now carrying the stored version) replaces theirs deliberately.
        var again = Form("Inspektør: vi har ikke begynt", Hidden(Decode(refused), "Answer.Version"));
        Assert.Equal(HttpStatusCode.Redirect, (await deputy.PostFormAsync(url + "?handler=Feedback", again, url)).StatusCode);
        Assert.Equal("Inspektør: vi har ikke begynt", await app.WithDbAsync(db => db.InterimWorkFeedback.Where(f => f.SessionId == id).Select(f => f.PointStatus[0]).SingleAsync()));

        // The API: GET gives the version, a stale PUT gets 409 with both.
        var v = (await principal.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{id}/interim-work")).GetProperty("feedback").GetProperty("version").GetInt32();
        var problem = await SecondIsRefusedAsync(principal, deputy, $"/api/v1/sessions/{id}/interim-work/feedback",
            new { pointStatus = new[] { "x" }, wishedTopic = "Rektors tema", submit = false, version = v },
            new { pointStatus = new[] { "x" }, wishedTopic = "Inspektørens tema", submit = false, version = v });
        Assert.Equal("Rektors tema", problem.GetProperty("theirs").GetProperty("wishedTopic").GetString());
        Assert.Equal("Inspektørens tema", problem.GetProperty("yours").GetProperty("wishedTopic").GetString());
        Assert.Equal("Rektors tema", await app.WithDbAsync(db => db.InterimWorkFeedback.Where(f => f.SessionId == id).Select(f => f.WishedTopic).SingleAsync()));
    }

    [Fact]
    public async Task Two_tabs_save_one_session_evaluation_and_the_later_is_refused_on_the_page_and_the_API()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var id = (await app.SessionsAsync(advisor, programme))[2];
        var url = $"/Programmes/Sessions/Evaluate/{id}";
        var v = Hidden(await principal.GetStringAsync(url), "Input.Version"); // both tabs read the page before saving
        Dictionary<string, string> Form(string text) => new() { ["Input.Clearer"] = text, ["Input.Version"] = v };

        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync(url, Form("Fane 1: målene"))).StatusCode);
        var refused = await principal.PostFormAsync(url, Form("Fane 2: rollene"));
        ShowsBoth(refused, "Fane 1: målene", "Fane 2: rollene");
        Assert.Equal("Fane 1: målene", await app.WithDbAsync(db => db.SessionEvaluations.Where(e => e.SessionId == id).Select(e => e.Clearer).SingleAsync()));

        var mine = (await principal.GetFromJsonAsync<List<JsonElement>>($"/api/v1/sessions/{id}/evaluations"))!.Single();
        var version = mine.GetProperty("version").GetInt32();
        var problem = await SecondIsRefusedAsync(principal, principal, $"/api/v1/sessions/{id}/evaluations/mine",
            new { overall = "API fane 1", version }, new { overall = "API fane 2", version });
        Assert.Equal("API fane 1", problem.GetProperty("theirs").GetProperty("overall").GetString());
        Assert.Equal("API fane 2", problem.GetProperty("yours").GetProperty("overall").GetString());
        Assert.Equal("API fane 1", await app.WithDbAsync(db => db.SessionEvaluations.Where(e => e.SessionId == id).Select(e => e.Overall).SingleAsync()));
    }

    [Fact]
    public async Task Two_logins_save_a_phase_evaluation_and_the_later_is_refused_on_the_page_and_the_API()
    {
        var programme = await app.NewProgrammeAsync();
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var deputy = await app.LoginAsync(SessionTestSupport.Principal); // a second login (another browser) of the principal
        var url = $"/Programmes/Sessions/Phase/{programme}/fase4";
        var a = Hidden(await principal.GetStringAsync(url), "Feedback.Version");
        var b = Hidden(await deputy.GetStringAsync(url), "Feedback.Version");
        Dictionary<string, string> Form(string text, string version) => new() { ["Feedback.WorkedWell"] = text, ["Feedback.Version"] = version };

        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync(url + "?handler=Feedback", Form("Rektor: strukturen", a), url)).StatusCode);
        var refused = await deputy.PostFormAsync(url + "?handler=Feedback", Form("Inspektør: tiden", b), url);
        ShowsBoth(refused, "Rektor: strukturen", "Inspektør: tiden");
        Assert.Equal("Rektor: strukturen", await app.WithDbAsync(db => db.PhaseEvaluations.Where(e => e.ProgrammeId == programme && e.PhaseKey == "fase4").Select(e => e.WorkedWell).SingleAsync()));

        // The team's record of the meeting through the API.
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var guide = await app.LoginAsync(SessionTestSupport.Guide);
        var phase = (await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/evaluations")).GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("phaseKey").GetString() == "fase4");
        var v = phase.GetProperty("version").GetInt32();
        var problem = await SecondIsRefusedAsync(advisor, guide, $"/api/v1/programmes/{programme}/phase-evaluations/fase4/meeting",
            new { meetingDate = "2027-12-01", participants = "Alle", conclusions = "Olas konklusjon", version = v },
            new { meetingDate = "2027-12-01", participants = "Alle", conclusions = "Ingrids konklusjon", version = v });
        Assert.Equal("Olas konklusjon", problem.GetProperty("theirs").GetProperty("conclusions").GetString());
        Assert.Equal("Ingrids konklusjon", problem.GetProperty("yours").GetProperty("conclusions").GetString());
        Assert.Equal("Olas konklusjon", await app.WithDbAsync(db => db.PhaseEvaluations.Where(e => e.ProgrammeId == programme && e.PhaseKey == "fase4").Select(e => e.Conclusions).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_tick_of_the_schools_checklist_is_refused_on_the_page_and_the_API_and_a_repeated_tick_is_no_conflict()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var planned = await advisor.PostAsync($"/api/v1/programmes/{programme}/assessment/schedule/plan", null);
        Assert.True(planned.IsSuccessStatusCode, await planned.Content.ReadAsStringAsync());
        var tasks = (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tasks").EnumerateArray().ToList();
        var (first, second) = (tasks[0], tasks[1]);

        // The API: Ola ticks, then unticks; Rektor's tick from the version both read is refused.
        var api = $"/api/v1/programmes/{programme}/assessment/tasks/{first.GetProperty("id").GetInt32()}";
        var v = first.GetProperty("version").GetInt32();
        var ticked = await advisor.PutAsJsonAsync(api, new { done = true, version = v });
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        var problem = await SecondIsRefusedAsync(advisor, principal, api,
            new { done = false, version = (await ticked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32() }, new { done = true, version = v });
        Assert.Equal("Nei", problem.GetProperty("theirs").GetProperty("done").GetString());
        Assert.Equal("Ja", problem.GetProperty("yours").GetProperty("done").GetString());
        Assert.False(await app.WithDbAsync(db => db.AssessmentTasks.Where(t => t.Id == first.GetProperty("id").GetInt32()).Select(t => t.Done).SingleAsync()));

        // The page: both see the second task open; Ola ticks it, Rektor ticks it too (no conflict: it is as asked).
        var page = $"/Programmes/Assessment/{programme}";
        var taskId = second.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture);
        var read = second.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);
        Dictionary<string, string> Tick(bool done, string version) => new() { ["taskId"] = taskId, ["done"] = done ? "true" : "false", ["version"] = version };
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page + "?handler=Tick", Tick(true, read), page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync(page + "?handler=Tick", Tick(true, read), page)).StatusCode);
        Assert.Equal("Ola Veileder", await app.WithDbAsync(db => db.AssessmentTasks.Where(t => t.Id == second.GetProperty("id").GetInt32()).Select(t => t.DoneBy).SingleAsync()));
        // Rektor's untick from the page read before Ola's tick is refused; the task stays done.
        var refused = await principal.PostFormAsync(page + "?handler=Tick", Tick(false, read), page);
        ShowsBoth(refused, "Ja", "Nei");
        Assert.True(await app.WithDbAsync(db => db.AssessmentTasks.Where(t => t.Id == second.GetProperty("id").GetInt32()).Select(t => t.Done).SingleAsync()));
    }

    [Fact]
    public async Task Two_administrators_set_the_notes_retention_and_the_later_is_refused_on_the_page_and_the_API()
    {
        var nordvik = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
        var owner = await app.LoginAsync(OwnerAdmin);
        var admin = await app.LoginAsync(SystemAdmin);
        var url = $"/Programmes/Assessment/Retention/{nordvik}";
        var a = Hidden(await owner.GetStringAsync(url), "Version");
        var b = Hidden(await admin.GetStringAsync(url), "Version");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync(url, new() { ["Days"] = "120", ["Version"] = a })).StatusCode);
        var refused = await admin.PostFormAsync(url, new() { ["Days"] = "45", ["Version"] = b });
        ShowsBoth(refused, "120", "value=\"45\"");
        Assert.Equal(120, await app.WithDbAsync(db => db.AssessmentSettings.Where(s => s.OwnerId == nordvik).Select(s => s.NoteRetentionDays).SingleAsync()));

        var api = $"/api/v1/owners/{nordvik}/assessment-settings";
        var v = (await owner.GetFromJsonAsync<JsonElement>(api)).GetProperty("version").GetInt32();
        var problem = await SecondIsRefusedAsync(owner, admin, api, new { noteRetentionDays = 200, version = v }, new { noteRetentionDays = 30, version = v });
        Assert.Equal("200", problem.GetProperty("theirs").GetProperty("noteRetentionDays").GetString());
        Assert.Equal("30", problem.GetProperty("yours").GetProperty("noteRetentionDays").GetString());
        Assert.Equal(200, await app.WithDbAsync(db => db.AssessmentSettings.Where(s => s.OwnerId == nordvik).Select(s => s.NoteRetentionDays).SingleAsync()));
    }

    private Task<int> NewModelAsync() => app.WithDbAsync(async db =>
    {
        var source = await db.ProgrammeModels.AsNoTracking().Where(m => m.Owner!.Name == "Nordvik kommune").OrderBy(m => m.Id).FirstAsync();
        var model = new ProgrammeModel { OwnerId = source.OwnerId, Key = $"samtidig{Guid.NewGuid():N}"[..20], Name = "Samtidig modell", Json = source.Json };
        db.ProgrammeModels.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    });

    private Task<ProgrammeTemplate> TemplateAsync(int id) => app.WithDbAsync(async db => (await db.ProgrammeModels.AsNoTracking().SingleAsync(m => m.Id == id)).Template());

    [Fact]
    public async Task Two_administrators_edit_one_model_and_the_later_save_shows_both_and_keeps_its_own()
    {
        var id = await NewModelAsync();
        var owner = await app.LoginAsync(OwnerAdmin);
        var admin = await app.LoginAsync(SystemAdmin);

        // The cadence on the model's page.
        var details = $"/Models/Details/{id}";
        var a = Hidden(await owner.GetStringAsync(details), "Revision");
        var b = Hidden(await admin.GetStringAsync(details), "Revision");
        Dictionary<string, string> Cadence(int sessions, string revision) => new() { ["Cadence.SessionsPerHalfYear"] = sessions.ToString(CultureInfo.InvariantCulture), ["Cadence.SessionHours"] = "3", ["Revision"] = revision };
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync(details + "?handler=Cadence", Cadence(3, a), details)).StatusCode);
        var refused = await admin.PostFormAsync(details + "?handler=Cadence", Cadence(4, b), details);
        ShowsBoth(refused, "3", "value=\"4\"");
        Assert.Equal(3, (await TemplateAsync(id)).Cadence.SessionsPerHalfYear);

        // A step on the step page.
        var template = await TemplateAsync(id);
        var step = template.Steps.First(s => s.Offset.Anchor == OffsetAnchor.PreviousStep && s.Hours is null && s.Kind != StepKind.Session);
        var url = $"/Models/Step/{id}?key={Uri.EscapeDataString(step.Key)}";
        var ra = Hidden(await owner.GetStringAsync(url), "Revision");
        var rb = Hidden(await admin.GetStringAsync(url), "Revision");
        Dictionary<string, string> Step(string title, string revision) => new()
        {
            ["Key"] = step.Key, ["Revision"] = revision, ["Form.Title"] = title, ["Form.Kind"] = step.Kind.ToString(), ["Form.Responsible"] = step.Responsible.ToString(),
            ["Form.Anchor"] = step.Offset.Anchor.ToString(), ["Form.SchoolWeeks"] = step.Offset.SchoolWeeks.ToString(CultureInfo.InvariantCulture),
            ["Form.SchoolDays"] = step.Offset.SchoolDays.ToString(CultureInfo.InvariantCulture), ["Form.Years"] = "0", ["Form.Position"] = step.Offset.Position.ToString(),
            ["Form.Days"] = step.Days.ToString(CultureInfo.InvariantCulture), ["Form.Description"] = step.Description,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync(url, Step("Skoleeiers tittel", ra))).StatusCode);
        var stale = await admin.PostFormAsync(url, Step("Administratorens tittel", rb));
        ShowsBoth(stale, "Skoleeiers tittel", "value=\"Administratorens tittel\"");
        Assert.Equal("Skoleeiers tittel", (await TemplateAsync(id)).Step(step.Key).Title);
    }

    [Fact]
    public async Task Two_guides_set_the_status_of_one_document_request_and_the_later_is_refused()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var guide = await app.LoginAsync(SessionTestSupport.Guide);
        var requests = await advisor.GetFromJsonAsync<List<JsonElement>>($"/api/v1/programmes/{programme}/documents");
        var request = requests![0];
        var requestId = request.GetProperty("id").GetInt32();
        var v = request.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);
        var url = $"/Programmes/StartUp/Documents/{programme}";
        Assert.Equal(v, Hidden(await guide.GetStringAsync(url), "version"));
        Dictionary<string, string> Status(DocumentStatus s) => new() { ["requestId"] = requestId.ToString(CultureInfo.InvariantCulture), ["status"] = s.ToString(), ["version"] = v };

        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(url + "?handler=Status", Status(DocumentStatus.Approved), url)).StatusCode);
        var refused = await guide.PostFormAsync(url + "?handler=Status", Status(DocumentStatus.NotRelevant), url);
        ShowsBoth(refused, "Godkjent", "Ikke relevant");
        Assert.Equal(DocumentStatus.Approved, await app.WithDbAsync(db => db.DocumentRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_people_API_gives_the_version_and_a_put_based_on_an_older_one_is_refused()
    {
        var id = await app.WithDbAsync(db => db.People.Where(p => p.Email == "lise.laerer@nordvik.test").Select(p => p.Id).SingleAsync());
        var owner = await app.LoginAsync(OwnerAdmin);
        var admin = await app.LoginAsync(SystemAdmin);
        var person = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/people/{id}")).GetProperty("person");
        var v = person.GetProperty("version").GetInt32();
        Assert.Equal(await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()), v);
        var listed = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/people?q=lise.laerer")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(v, listed.GetProperty("version").GetInt32());

        object Body(string title) => new { name = person.GetProperty("name").GetString(), email = person.GetProperty("email").GetString(), title, version = v };
        var problem = await SecondIsRefusedAsync(owner, admin, $"/api/v1/people/{id}", Body("Kontaktlærer"), Body("Faglærer"));
        Assert.Equal("Kontaktlærer", problem.GetProperty("theirs").GetProperty("title").GetString());
        Assert.Equal("Faglærer", problem.GetProperty("yours").GetProperty("title").GetString());
        Assert.Equal("Kontaktlærer", await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }
}

public sealed class RemainingFormsConcurrencyOnSqlite(StillasApp app) : RemainingFormsConcurrencyTests(app), IClassFixture<StillasApp>;

public sealed class RemainingFormsConcurrencyOnPostgres(PostgresApp app) : RemainingFormsConcurrencyTests(app), IClassFixture<PostgresApp>;
