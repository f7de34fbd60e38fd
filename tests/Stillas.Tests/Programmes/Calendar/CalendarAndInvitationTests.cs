using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;

namespace Stillas.Tests.Programmes.Calendar;

/// <summary>
/// Part 3 and 4 of issue 20: the calendar feed as Outlook, Google and Apple read it (timed events in Europe/Oslo,
/// deadlines, the whole programme, stable UIDs and a SEQUENCE that grows when a session moves), the calendar page,
/// and meeting invitations by mail with an .ics (a request, an update when it moves, a cancel, each once).
/// </summary>
public abstract partial class CalendarAndInvitationTests(StillasApp app)
{
    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"(http[^\"]+\\.ics)\"")]
    private static partial Regex FeedUrl();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> FeedPathAsync(HttpClient client)
    {
        var made = await client.PostFormAsync("/Programmes/Calendar?handler=Create", [], "/Programmes/Calendar");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await client.GetStringAsync("/Programmes/Calendar");
        var url = WebUtility.HtmlDecode(FeedUrl().Match(page).Groups[1].Value);
        Assert.StartsWith("http://localhost/calendar/", url);
        // The same address for a calendar program, and a copy button for those with script.
        Assert.Contains("href=\"webcal://localhost/calendar/", page);
        Assert.Contains("data-copy-target=\"feed-url\"", page);
        return new Uri(url).PathAndQuery;
    }

    private async Task<Ical.Net.Calendar> FeedAsync(string path)
    {
        var response = await app.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task The_feed_has_timed_sessions_in_oslo_deadlines_and_the_follow_up_and_a_moved_session_keeps_its_uid_with_a_higher_sequence()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var sessions = await app.SessionsAsync(advisor, programme);
        var id = sessions[2];
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/v1/sessions/{id}", new { startTime = "12:30", minutes = 150, place = "Biblioteket" })).StatusCode);
        // An interim-work agreement sent after session 1: its feedback deadline is in the feed.
        var sent = await advisor.PostAsJsonAsync($"/api/v1/sessions/{sessions[1]}/interim-work/send", new { points = new[] { "Presentere fremtidsbildet" }, feedbackDeadline = "2027-09-24" });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        var path = await FeedPathAsync(advisor);
        var calendar = await FeedAsync(path);
        var uid = $"stillas-session-{id}@localhost";
        var session = calendar.Events.Single(e => e.Uid == uid);
        Assert.True(session.DtStart!.HasTime);
        Assert.Equal("Europe/Oslo", session.DtStart.TzId);
        Assert.Equal(new TimeOnly(12, 30), TimeOnly.FromDateTime(session.DtStart.Value));
        Assert.Equal(new TimeOnly(15, 0), TimeOnly.FromDateTime(session.DtEnd!.Value));
        Assert.Equal("Biblioteket", session.Location);
        Assert.Equal(new Uri($"http://localhost/Programmes/Sessions/Session/{id}"), session.Url);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Oslo");
        var before = session.Sequence;

        // Deadlines without a clock time are all-day; the whole programme is there, through its follow-up (over two years ahead).
        var deadline = calendar.Events.Single(e => e.Uid == $"stillas-interimwork-deadline-{sessions[1]}@localhost");
        Assert.False(deadline.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2027, 9, 24), deadline.DtStart.Date);
        var followUp = await app.WithDbAsync(db => db.PlanSteps.Where(s => s.ProgrammeId == programme && s.Key == "fase6.followup").Select(s => new { s.Id, s.Date }).SingleAsync());
        Assert.True(followUp.Date > app.Today.AddYears(2));
        Assert.Contains(calendar.Events, e => e.Uid == $"stillas-step-{followUp.Id}@localhost");
        // Every UID once.
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());

        // The session moves (its step): the same UID on the new day, with a higher SEQUENCE.
        var step = await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => new { s.PlanStepId, s.PlanStep!.Date }).SingleAsync());
        var moved = step.Date.AddDays(7);
        var put = await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/steps/{step.PlanStepId}", new { date = Iso(moved), status = (int)StepStatus.Moved });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = (await FeedAsync(path)).Events.Single(e => e.Uid == uid);
        Assert.Equal(moved, after.DtStart!.Date);
        Assert.Equal(new TimeOnly(12, 30), TimeOnly.FromDateTime(after.DtStart.Value));
        Assert.True(after.Sequence > before, $"SEQUENCE {after.Sequence} after the move, {before} before");
    }

    [Fact]
    public async Task Turning_the_link_off_asks_first_and_every_role_finds_the_calendar_on_its_start_page()
    {
        var client = await app.LoginAsync(SessionTestSupport.Guide);
        var path = await FeedPathAsync(client);
        var page = await client.GetStringAsync("/Programmes/Calendar");
        Assert.Contains("/Programmes/Calendar?confirm=delete", page);
        var confirm = WebUtility.HtmlDecode(await client.GetStringAsync("/Programmes/Calendar?confirm=delete"));
        Assert.True(confirm.Contains("Slett lenken?"), confirm[Math.Max(0, confirm.IndexOf("<main", StringComparison.Ordinal))..]);
        Assert.Contains("handler=Delete", confirm);
        // Asking does not turn it off.
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(path)).StatusCode);
        var deleted = await client.PostFormAsync("/Programmes/Calendar?handler=Delete", [], "/Programmes/Calendar?confirm=delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(path)).StatusCode);

        foreach (var email in new[] { "skoleeier@nordvik.test", SessionTestSupport.Advisor, SessionTestSupport.Guide, SessionTestSupport.Principal, "rektor.fjell@fjordland.test", "skoleeier@fjordland.test" })
        {
            var home = await (await app.LoginAsync(email)).GetStringAsync("/");
            Assert.True(home.Contains("href=\"/Programmes/Calendar\"", StringComparison.Ordinal), $"{email} has no calendar link on the start page");
            // The owner's staff follow the objectives and the yearly evaluations from their start page; guides and principals have no such page.
            var staff = email is "skoleeier@nordvik.test" or "skoleeier@fjordland.test" or SessionTestSupport.Advisor;
            Assert.Equal(staff, home.Contains("href=\"/Programmes/Objectives/Overview\"", StringComparison.Ordinal));
            Assert.Equal(staff, home.Contains("href=\"/Programmes/Evaluation\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_session_invitation_goes_once_as_a_request_then_an_update_when_it_moves_then_a_cancel_and_who_lacks_an_address_is_listed()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var sessions = await app.SessionsAsync(advisor, programme);
        var id = sessions[3];
        var uid = $"stillas-session-{id}@localhost";
        // A school leader at Sentrum without a usable address: listed as not invited, the others still get theirs.
        var noMail = "Uten Epost " + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            var sentrum = await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => new { s.Id, s.OwnerId }).SingleAsync();
            db.People.Add(new Person { Name = noMail, Email = "", OwnerId = sentrum.OwnerId, Memberships = [new Membership { Role = Role.SchoolLeader, SchoolId = sentrum.Id, OwnerId = sentrum.OwnerId }] });
            await db.SaveChangesAsync();
        });

        // The school may not plan the session: refused, and nothing is sent.
        var refused = await principal.PutAsJsonAsync($"/api/v1/sessions/{id}", new { startTime = "08:00", minutes = 180 });
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());
        Assert.Equal(0, await MailsAsync(id));

        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/v1/sessions/{id}", new { startTime = "10:00", minutes = 180, place = "Møterommet" })).StatusCode);
        var invitation = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && Ics(m)?.Contains(uid) == true && Ics(m)!.Contains("METHOD:REQUEST"));
        Assert.StartsWith("Invitasjon: Veiledning 3 – Sentrum skole", invitation.Subject);
        var first = Event(invitation);
        Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(first.DtStart!.Value));
        Assert.Equal("Europe/Oslo", first.DtStart.TzId);
        Assert.Equal("Møterommet", first.Location);
        Assert.Contains(first.Attendees, a => a.Value!.ToString().Contains(SessionTestSupport.Guide, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(first.Organizer);
        // The team gets it too.
        await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Guide) && Ics(m)?.Contains(uid) == true);
        var page = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Programmes/Sessions/Session/{id}"));
        Assert.Contains("Ikke invitert, fordi de mangler en gyldig e-postadresse:", page);
        Assert.Contains(noMail, page);

        // Saving the same time again sends nothing.
        var perVersion = await MailsAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/v1/sessions/{id}", new { startTime = "10:00", minutes = 180, place = "Møterommet", participants = "Hele ledergruppen" })).StatusCode);
        Assert.Equal(perVersion, await MailsAsync(id));

        // It moves to 13:00: an update with the same UID and a higher SEQUENCE, not a second invitation.
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/v1/sessions/{id}", new { startTime = "13:00", minutes = 180, place = "Møterommet" })).StatusCode);
        var update = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && (m.Subject ?? "").StartsWith("Endret tidspunkt: Veiledning 3", StringComparison.Ordinal));
        var moved = Event(update);
        Assert.Equal(uid, moved.Uid);
        Assert.Equal(new TimeOnly(13, 0), TimeOnly.FromDateTime(moved.DtStart!.Value));
        Assert.True(moved.Sequence > first.Sequence);
        Assert.Equal(2 * perVersion, await MailsAsync(id));

        // The session's step is cancelled: a CANCEL with the same UID.
        var stepId = await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.PlanStepId).SingleAsync());
        var date = await app.WithDbAsync(db => db.PlanSteps.Where(s => s.Id == stepId).Select(s => s.Date).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/steps/{stepId}", new { date = Iso(date), status = (int)StepStatus.Cancelled })).StatusCode);
        var cancel = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && Ics(m)?.Contains("METHOD:CANCEL") == true && Ics(m)!.Contains(uid));
        Assert.StartsWith("Avlyst: Veiledning 3", cancel.Subject);
        var cancelled = Event(cancel);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > moved.Sequence);
        Assert.Equal(3 * perVersion, await MailsAsync(id));

        // Each version reached each person once.
        await Task.Delay(300);
        var toPrincipal = app.Smtp.Messages.Where(m => m.To.ToString().Contains(SessionTestSupport.Principal) && Ics(m)?.Contains(uid) == true).ToList();
        Assert.Equal(3, toPrincipal.Count);
    }

    [Fact]
    public async Task The_agenda_the_team_saves_goes_out_with_the_invitation_as_an_update_once_and_not_again_unchanged()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var id = (await app.SessionsAsync(advisor, programme))[2];
        var uid = $"stillas-session-{id}@localhost";
        var name = "Veiledning " + await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Number).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/v1/sessions/{id}", new { startTime = "09:00", minutes = 180, place = "Biblioteket" })).StatusCode);
        var invitation = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && Ics(m)?.Contains(uid) == true);
        Assert.DoesNotContain("Dagsorden", invitation.TextBody);
        var perVersion = await MailsAsync(id);

        var url = $"/Programmes/Sessions/Session/{id}";
        var version = await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        var agenda = "1. Åpning\n2. Observasjonsplanen (skolen: delvis)";
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(url + "?handler=Agenda", new() { ["agenda"] = agenda, ["agendaVersion"] = version.ToString(CultureInfo.InvariantCulture) }, url)).StatusCode);
        var stored = await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Agenda).SingleAsync());
        var subjects = await app.WithDbAsync(db => db.Outbox.Where(m => m.IdempotencyKey != null && m.IdempotencyKey.StartsWith($"invite:session:{id}:")).Select(m => m.Subject).ToListAsync());
        Assert.True(subjects.Any(x => x.StartsWith("Dagsorden: " + name, StringComparison.Ordinal)), $"agenda stored: {stored}; mails: {string.Join(" | ", subjects)}");
        var withAgenda = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && (m.Subject ?? "").StartsWith("Dagsorden: " + name, StringComparison.Ordinal));
        Assert.Contains("Observasjonsplanen (skolen: delvis)", withAgenda.TextBody);
        var ev = Event(withAgenda);
        Assert.Equal(uid, ev.Uid);
        Assert.Contains("Observasjonsplanen", ev.Description);
        Assert.True(ev.Sequence > Event(invitation).Sequence, "the agenda goes as an update of the same meeting");
        Assert.Equal(2 * perVersion, await MailsAsync(id));

        // Saving the same agenda again sends nothing.
        version = await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(url + "?handler=Agenda", new() { ["agenda"] = agenda, ["agendaVersion"] = version.ToString(CultureInfo.InvariantCulture) }, url)).StatusCode);
        Assert.Equal(2 * perVersion, await MailsAsync(id));
    }

    [Fact]
    public async Task Planning_the_start_up_meeting_invites_and_moving_the_date_updates_in_each_persons_language()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        await SetLanguageAsync(SessionTestSupport.Guide, "en");
        try
        {
            await StartUpAsync(programme, advisor);
        }
        finally
        {
            // The fixture is shared: the guide logs in to the other tests in bokmål.
            await SetLanguageAsync(SessionTestSupport.Guide, null);
        }
    }

    private Task SetLanguageAsync(string email, string? language) => app.WithDbAsync(async db =>
    {
        var person = await db.People.SingleAsync(p => p.Email == email);
        person.Language = language;
        await db.SaveChangesAsync();
    });

    private async Task StartUpAsync(int programme, HttpClient advisor)
    {
        var uid = $"stillas-startup-{programme}@localhost";
        var url = $"/Programmes/StartUp/{programme}";
        var saved = await advisor.PostFormAsync(url, new() { ["Input.Date"] = "2027-03-10", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var english = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Guide) && Ics(m)?.Contains(uid) == true);
        Assert.StartsWith("Invitation: Start-up meeting – Sentrum skole", english.Subject);
        var norwegian = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && Ics(m)?.Contains(uid) == true);
        Assert.StartsWith("Invitasjon: Oppstartsmøte – Sentrum skole", norwegian.Subject);
        Assert.Equal(new DateOnly(2027, 3, 10), Event(norwegian).DtStart!.Date);
        Assert.Contains("Invitasjon sendt", WebUtility.HtmlDecode(await advisor.GetStringAsync(url)));

        var version = await app.WithDbAsync(db => db.StartUpMeetings.Where(m => m.ProgrammeId == programme).Select(m => m.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(url, new() { ["Input.Date"] = "2027-03-12", ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture) })).StatusCode);
        var update = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && Ics(m)?.Contains(uid) == true && (m.Subject ?? "").StartsWith("Endret tidspunkt", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2027, 3, 12), Event(update).DtStart!.Date);
        Assert.True(Event(update).Sequence > Event(norwegian).Sequence);
        Assert.True(Event(update).IsAllDay);

        // An hour that is not one is refused at the field, the place kept; "9.30" as people type it gives the hour:
        // a timed update in Europe/Oslo with the place, and the same in the calendar feed.
        version = await app.WithDbAsync(db => db.StartUpMeetings.Where(m => m.ProgrammeId == programme).Select(m => m.Version).SingleAsync());
        var v = version.ToString(CultureInfo.InvariantCulture);
        var bad = await advisor.PostFormAsync(url, new() { ["Input.Date"] = "2027-03-12", ["Input.StartTime"] = "25:00", ["Input.Place"] = "Møterom 2", ["Input.Version"] = v });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badText = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Skriv klokkeslettet som tt:mm, for eksempel 09:00.", badText);
        Assert.Contains("value=\"Møterom 2\"", badText);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(url, new() { ["Input.Date"] = "2027-03-12", ["Input.StartTime"] = "9.30", ["Input.Place"] = "Møterom 2", ["Input.Version"] = v })).StatusCode);
        var timed = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(SessionTestSupport.Principal) && Ics(m)?.Contains(uid) == true && Ics(m)!.Contains("T093000", StringComparison.Ordinal));
        var e = Event(timed);
        Assert.False(e.IsAllDay);
        Assert.Equal("Europe/Oslo", e.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 3, 12, 9, 30, 0), e.DtStart.Value);
        Assert.Equal("Møterom 2", e.Location);
        var feed = (await FeedAsync(await FeedPathAsync(advisor))).Events.Single(x => x.Uid == uid);
        Assert.False(feed.IsAllDay);
        Assert.Equal(new DateTime(2027, 3, 12, 9, 30, 0), feed.DtStart!.Value);
    }

    private Task<int> MailsAsync(int sessionId) => app.WithDbAsync(db =>
        db.Outbox.CountAsync(m => m.IdempotencyKey != null && m.IdempotencyKey.StartsWith($"invite:session:{sessionId}:")));

    private static string? Ics(MimeMessage m)
    {
        var part = m.Attachments.OfType<MimePart>().FirstOrDefault(a => a.ContentType.MimeType == "text/calendar");
        if (part is null) return null;
        using var ms = new MemoryStream();
        part.Content!.DecodeTo(ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Event(MimeMessage m) => Assert.Single(Ical.Net.Calendar.Load(Ics(m)!)!.Events);
}

public sealed class CalendarAndInvitationsOnSqlite(StillasApp app) : CalendarAndInvitationTests(app), IClassFixture<StillasApp>;

public sealed class CalendarAndInvitationsOnPostgres(PostgresApp app) : CalendarAndInvitationTests(app), IClassFixture<PostgresApp>;
