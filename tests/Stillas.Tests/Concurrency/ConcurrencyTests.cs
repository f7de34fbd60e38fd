using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Concurrency;

/// <summary>Every edited record carries a concurrency token (the model).</summary>
public sealed class ConcurrencyModelTests(StillasApp app) : IClassFixture<StillasApp>
{
    // Rows no person edits through a page or an endpoint, written by the system or by Identity with its own stamp.
    private static readonly HashSet<string> SystemOwned =
    [
        "OutboxMessage",        // the mail queue: claimed and marked by the dispatcher (leases), not edited by a person
        "DataProtectionKeyRow", // the key ring, written by ASP.NET Core data protection
        "InvitationToken",      // a single-use token: consumed once
        "ApiToken",             // its last use is stamped by authentication on every call; a revoke is idempotent
        "UserSession",          // last seen is stamped by authentication; ending a session is idempotent
    ];

    [Fact]
    public void Every_entity_is_versioned_or_declared_written_once()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var type = entity.ClrType;
            if (type.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true) continue; // Identity's claims, logins, tokens
            if (SystemOwned.Contains(type.Name)) continue;
            var hasToken = entity.GetProperties().Any(p => p.IsConcurrencyToken);
            var declared = type.GetCustomAttribute<NotEditedAttribute>() is not null || type.GetCustomAttribute<VersionedWithAttribute>() is not null;
            if (typeof(IVersioned).IsAssignableFrom(type))
            {
                var token = entity.FindProperty(Versioned.TokenOf(type));
                if (token is null || !token.IsConcurrencyToken) missing.Add($"{type.Name}: IVersioned but {Versioned.TokenOf(type)} is no concurrency token");
            }
            else if (!hasToken && !declared) missing.Add($"{type.Name}: neither IVersioned (a concurrency token) nor [NotEdited]/[VersionedWith]");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void A_person_cannot_edit_a_row_declared_written_once()
    {
        // The declaration is enforced by the write guard, so it cannot silently stop being true.
        var type = typeof(Stillas.Web.Features.Teams.TeamChange);
        Assert.NotNull(type.GetCustomAttribute<NotEditedAttribute>());
    }
}

/// <summary>Two people (or two tabs) saving one record: the later save is refused with both versions, nothing is lost.</summary>
public abstract class ConcurrencyTests(StillasApp app)
{
    private static readonly Regex HiddenVersion = new("name=\"(?:Input\\.)?Version\"[^>]*value=\"(\\d*)\"|value=\"(\\d*)\"[^>]*name=\"(?:Input\\.)?Version\"", RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private static string VersionIn(string html)
    {
        var m = HiddenVersion.Match(html);
        Assert.True(m.Success, "the form carries its version");
        return m.Groups[1].Success && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : m.Groups[2].Value;
    }

    private Task<int> SentrumId() => app.WithDbAsync(db => db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync());

    private async Task<Dictionary<string, string>> SchoolFormAsync(HttpClient client, int id)
    {
        var html = await client.GetStringAsync($"/Schools/Edit/{id}");
        var s = await app.WithDbAsync(db => db.Schools.AsNoTracking().SingleAsync(x => x.Id == id));
        return new()
        {
            ["Input.Version"] = VersionIn(html), ["Input.OwnerId"] = s.OwnerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = s.Name, ["Input.OrganisationNumber"] = s.OrganisationNumber, ["Input.Level"] = s.Level.ToString(),
            ["Input.FirstGrade"] = s.FirstGrade.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LastGrade"] = s.LastGrade.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Pupils"] = s.Pupils.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [Fact]
    public async Task Two_logins_edit_one_school_on_the_page_and_the_later_save_shows_both_versions_keeping_its_own()
    {
        var id = await SentrumId();
        var owner = await app.LoginAsync("skoleeier@nordvik.test");
        var admin = await app.LoginAsync("admin@stillas.test");
        var first = await SchoolFormAsync(owner, id);
        var second = await SchoolFormAsync(admin, id);

        first["Input.Pupils"] = "311";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync($"/Schools/Edit/{id}", first)).StatusCode);

        second["Input.Pupils"] = "422";
        var refused = await admin.PostFormAsync($"/Schools/Edit/{id}", second);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Noen andre har endret dette", html);
        Assert.Contains("Deres versjon:", html);
        Assert.Matches("Deres versjon:\\s*</span>\\s*<span class=\"conflict-text\">311", html);
        Assert.Contains("value=\"422\"", html); // what the second person typed stays in the form
        Assert.Equal(311, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Pupils).SingleAsync()));

        // Saving again from the refused form (now carrying the stored version) replaces theirs deliberately.
        second["Input.Version"] = VersionIn(html);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Schools/Edit/{id}", second)).StatusCode);
        Assert.Equal(422, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Pupils).SingleAsync()));
    }

    [Fact]
    public async Task Two_logins_put_one_school_through_the_API_and_the_later_gets_409_with_theirs_and_yours()
    {
        var id = await SentrumId();
        var owner = await app.LoginAsync("skoleeier@nordvik.test");
        var admin = await app.LoginAsync("admin@stillas.test");
        var a = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{id}");
        var b = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/schools/{id}");
        object Body(JsonElement s, int pupils) => new
        {
            ownerId = s.GetProperty("ownerId").GetInt32(), name = s.GetProperty("name").GetString(), organisationNumber = s.GetProperty("organisationNumber").GetString(),
            level = s.GetProperty("level"), firstGrade = s.GetProperty("firstGrade").GetInt32(), lastGrade = s.GetProperty("lastGrade").GetInt32(),
            pupils, version = s.GetProperty("version").GetInt32(),
        };
        var ok = await owner.PutAsJsonAsync($"/api/v1/schools/{id}", Body(a, 512));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await admin.PutAsJsonAsync($"/api/v1/schools/{id}", Body(b, 633));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Noen andre har endret dette i mellomtiden.", problem.GetProperty("title").GetString());
        Assert.Equal("512", problem.GetProperty("theirs").GetProperty("pupils").GetString());
        Assert.Equal("633", problem.GetProperty("yours").GetProperty("pupils").GetString());
        var current = problem.GetProperty("currentVersion").GetInt32();
        Assert.Equal(512, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Pupils).SingleAsync()));
        Assert.Equal((await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32(), current);
    }

    [Fact]
    public async Task Two_tabs_of_one_guide_save_the_same_session_note_and_the_later_is_refused_not_overwriting()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var sessions = await app.SessionsAsync(advisor, programme);
        var id = sessions[1];
        var url = $"/Programmes/Sessions/Session/{id}?handler=Note";
        Dictionary<string, string> Note(string text, string version) => new() { ["part"] = "Opening", ["text"] = text, ["version"] = version };

        // Both tabs opened the page before any note existed (version 0).
        var first = await advisor.PostFormAsync(url, Note("Fra fane 1", "0"), $"/Programmes/Sessions/Session/{id}");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await advisor.PostFormAsync(url, Note("Fra fane 2", "0"), $"/Programmes/Sessions/Session/{id}");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Noen andre har endret dette", html);
        Assert.Contains("Fra fane 1", html); // theirs
        Assert.Contains("Fra fane 2", html); // mine, still in the form
        Assert.Equal("Fra fane 1", await app.WithDbAsync(db => db.SessionNotes.Where(n => n.SessionId == id).Select(n => n.Text).SingleAsync()));

        // Autosave from a stale tab: JSON 409 with conflict, nothing saved.
        var page = await advisor.GetStringAsync($"/Programmes/Sessions/Session/{id}");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(Note("Autolagret fra gammel fane", "0").Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)))),
        };
        request.Headers.Add("X-Autosave", "1");
        var auto = await advisor.SendAsync(request);
        Assert.Equal(HttpStatusCode.Conflict, auto.StatusCode);
        Assert.True((await auto.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conflict").GetBoolean());

        // The API with the version it read: stale → 409 with both texts.
        var api = $"/api/v1/sessions/{id}/notes/opening";
        var stored = await app.WithDbAsync(db => db.SessionNotes.Where(n => n.SessionId == id).Select(n => n.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync(api, new { text = "API 1", version = stored })).StatusCode);
        var stale = await advisor.PutAsJsonAsync(api, new { text = "API 2", version = stored });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("API 1", problem.GetProperty("theirs").GetProperty("text").GetString());
        Assert.Equal("API 2", problem.GetProperty("yours").GetProperty("text").GetString());
    }

    /// <summary>Two saves of one record from two logins, each with the version it read: the first lands, the second is 409 with both.</summary>
    private static async Task<JsonElement> SecondIsRefusedAsync(HttpClient first, HttpClient second, string url, object firstBody, object secondBody)
    {
        var ok = await first.PutAsJsonAsync(url, firstBody);
        Assert.True(ok.IsSuccessStatusCode, $"{url}: first save {(int)ok.StatusCode} {await ok.Content.ReadAsStringAsync()}");
        var stale = await second.PutAsJsonAsync(url, secondBody);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(EditConflict.Title, problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("theirs", out _) && problem.TryGetProperty("yours", out _), "both versions in the problem details");
        return problem;
    }

    [Fact]
    public async Task Two_guides_save_the_interim_work_draft_the_session_and_a_plan_step_and_the_later_is_refused_each_time()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var guide = await app.LoginAsync(SessionTestSupport.Guide);
        var sessions = await app.SessionsAsync(advisor, programme);
        var id = sessions[2];

        // Interim work: both opened the session before any draft existed.
        object Draft(string point) => new { points = new[] { point }, feedbackDeadline = "2027-05-01", basedOn = 0, revision = 0 };
        var work = await SecondIsRefusedAsync(advisor, guide, $"/api/v1/sessions/{id}/interim-work", Draft("Ola sitt punkt"), Draft("Kari sitt punkt"));
        Assert.Contains("Ola sitt punkt", work.GetProperty("theirs").GetProperty("points").GetString());
        Assert.Contains("Kari sitt punkt", work.GetProperty("yours").GetProperty("points").GetString());
        Assert.Equal(["Ola sitt punkt"], await app.WithDbAsync(db => db.InterimWorkAgreements.Where(a => a.SessionId == id).Select(a => a.Points).SingleAsync()));

        // The session's time and place.
        var session = await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{id}");
        var v = session.GetProperty("version").GetInt32();
        var place = await SecondIsRefusedAsync(advisor, guide, $"/api/v1/sessions/{id}",
            new { startTime = "09:00", minutes = 180, place = "Møterom A", version = v }, new { startTime = "10:00", minutes = 180, place = "Biblioteket", version = v });
        Assert.Equal("Møterom A", place.GetProperty("theirs").GetProperty("place").GetString());
        Assert.Equal("Biblioteket", place.GetProperty("yours").GetProperty("place").GetString());

        // A step of the progress plan.
        var detail = await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}");
        var step = detail.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("sessionNumber").ValueKind == JsonValueKind.Number);
        var stepId = step.GetProperty("id").GetInt32();
        var date = step.GetProperty("date").GetString();
        var sv = step.GetProperty("version").GetInt32();
        var status = step.GetProperty("status");
        var stepConflict = await SecondIsRefusedAsync(advisor, guide, $"/api/v1/programmes/{programme}/steps/{stepId}",
            new { date, status, note = "Ola: flyttes kanskje", version = sv }, new { date, status, note = "Kari: blir som planlagt", version = sv });
        Assert.Equal("Ola: flyttes kanskje", stepConflict.GetProperty("theirs").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Two_guides_save_one_assessment_note_and_one_day_plan_slot_and_the_later_is_refused_each_time()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var guide = await app.LoginAsync(SessionTestSupport.Guide);

        var created = await advisor.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/notes", new { kind = 1, group = "Ansatte", text = "Første utkast" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var note = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("note");
        var noteId = note.GetProperty("id").GetInt32();
        var nv = note.GetProperty("version").GetInt32();
        var noteConflict = await SecondIsRefusedAsync(advisor, guide, $"/api/v1/programmes/{programme}/assessment/notes/{noteId}",
            new { kind = 1, group = "Ansatte", text = "Olas tillegg", version = nv }, new { kind = 1, group = "Ansatte", text = "Karis tillegg", version = nv });
        Assert.Equal("Olas tillegg", noteConflict.GetProperty("theirs").GetProperty("text").GetString());
        Assert.Equal("Olas tillegg", await app.WithDbAsync(db => db.AssessmentNotes.Where(n => n.Id == noteId).Select(n => n.Text).SingleAsync()));
        Assert.Equal("Ola Veileder", await app.WithDbAsync(db => db.AssessmentNotes.Where(n => n.Id == noteId).Select(n => n.UpdatedByName).SingleAsync()));

        var slot = await advisor.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/schedule/slots", new { date = "2027-03-08", start = "08:00", end = "09:00", title = "Samtale med elevrådet", schoolTakesPart = true });
        Assert.True(slot.IsSuccessStatusCode, await slot.Content.ReadAsStringAsync());
        var s = await slot.Content.ReadFromJsonAsync<JsonElement>();
        var slotId = s.GetProperty("id").GetInt32();
        var slv = s.GetProperty("version").GetInt32();
        var slotConflict = await SecondIsRefusedAsync(advisor, guide, $"/api/v1/programmes/{programme}/assessment/schedule/slots/{slotId}",
            new { date = "2027-03-08", start = "08:00", end = "09:00", title = "Samtale med elevrådet, rom 2", version = slv },
            new { date = "2027-03-08", start = "09:00", end = "10:00", title = "Samtale med elevrådet", version = slv });
        Assert.Equal("Samtale med elevrådet, rom 2", slotConflict.GetProperty("theirs").GetProperty("title").GetString());
    }
}

public sealed class ConcurrencyOnSqlite(StillasApp app) : ConcurrencyTests(app), IClassFixture<StillasApp>;

public sealed class ConcurrencyOnPostgres(PostgresApp app) : ConcurrencyTests(app), IClassFixture<PostgresApp>;
