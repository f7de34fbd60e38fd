using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Invitations;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// A person's steps as an iCalendar feed at a secret address (no login: calendar apps cannot log in).
/// The feed holds the steps of the running programmes of the person's teams and schools, and for an
/// owner administrator the owner's own steps (first talks, agreements, evaluation meetings), from
/// three months back to the end of the programme (its follow-up meeting). Sessions and assessment-day slots are
/// timed events in Europe/Oslo (with its VTIMEZONE); a date without a clock time is an all-day event. Every event has
/// a stable UID (<see cref="CalendarUids"/>) and a SEQUENCE that grows when it is saved again, and links to the page
/// where its work is done. Also: interim-work feedback deadlines, document deadlines and first talks.
/// </summary>
public static class ProgrammeCalendar
{
    public const string Route = "/calendar/{token}.ics";

    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/calendar/{token}.ics";

    /// <summary>The feed's address with the webcal: scheme, which calendar programs open as a subscription.</summary>
    public static string WebcalUrl(string feedUrl) =>
        "webcal://" + feedUrl[(feedUrl.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : 0)..];

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async Task<IResult> (string token, HttpContext http, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            if (await CalendarFeedTokens.PersonOfAsync(db, token, ct) is not int personId) return TypedResults.NotFound();
            var scope = await AccessScopeLoader.LoadAsync(db, personId, ct);
            if (!scope.IsAuthenticated) return TypedResults.NotFound();
            // From here on the query filters read the feed owner's scope, exactly as if they were logged in.
            current.Scope = scope;
            // The feed is the person's own: its texts in the language they chose (the request's when they chose none).
            var language = await db.LanguageOfAsync(personId, ct);
            ICalendarWriter calendar;
            using (language is null ? null : Languages.Use(language))
                calendar = await WriteAsync(db, scope, clock, $"{http.Request.Scheme}://{http.Request.Host}", ct);
            http.Response.Headers.CacheControl = "private, max-age=300";
            http.Response.ContentType = "text/calendar; charset=utf-8";
            await calendar.WriteToAsync(http.Response.BodyWriter, ct);
            return TypedResults.Empty;
        }).AllowAnonymous().WithTags("Kalender").WithName("CalendarFeed").ExcludeFromDescription();
        return app;
    }

    private static async Task<ICalendarWriter> WriteAsync(StillasDb db, AccessScope scope, TimeProvider clock, string baseUrl, CancellationToken ct)
    {
        var today = ProgrammePlanning.Today(clock);
        var (teams, schools, admin, staff) = (scope.TeamIds, scope.SchoolIds, scope.AdminOwnerIds, scope.StaffOwnerIds);
        // Three months back, and forward without end: the whole programme through its follow-up meeting.
        var from = today.AddMonths(-3);
        var host = CalendarUids.Host(db.MailBaseUrl);
        var steps = await db.PlanSteps.AsNoTracking()
            .Where(s => s.Programme!.Status == ProgrammeStatus.Active && s.Status != StepStatus.Cancelled && s.Date >= from
                        && (teams.Contains(s.TeamId) || schools.Contains(s.SchoolId) || (s.Responsible == StepResponsible.Owner && admin.Contains(s.OwnerId))))
            .OrderBy(s => s.Date).ThenBy(s => s.Id).Take(3000)
            .Select(s => new { s.Id, s.ProgrammeId, s.Key, s.Kind, s.Title, s.Date, s.EndDate, s.PhaseName, s.Responsible, s.ResponsibleNote, s.Status, s.Note, s.Hours, s.Version, School = s.Programme!.School!.Name })
            .ToListAsync(ct);
        // The sessions at their clock time (the step knows the day, the session the hour and the place).
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.PlanStep!.Programme!.Status == ProgrammeStatus.Active && s.PlanStep.Status != StepStatus.Cancelled && s.PlanStep.Date >= from
                        && (teams.Contains(s.TeamId) || schools.Contains(s.SchoolId)))
            .Select(s => new { s.Id, s.PlanStepId, s.StartTime, s.Minutes, s.Place, s.VideoLink, s.Version })
            .ToDictionaryAsync(s => s.PlanStepId, ct);
        // The start-up meeting on the date the meeting itself says (its step's date until it is saved).
        var startUps = await db.StartUpMeetings.AsNoTracking()
            .Where(m => m.Programme!.Status == ProgrammeStatus.Active && m.Date != null && (teams.Contains(m.TeamId) || schools.Contains(m.SchoolId)))
            .Select(m => new { m.ProgrammeId, m.Date, m.StartTime, m.Place, m.Version })
            .ToDictionaryAsync(m => m.ProgrammeId, ct);

        var calendar = new ICalendarWriter("-//Stillas//Veiledningsforløp//NB", L.T("Stillas: {0}", scope.ActorName), clock.GetUtcNow());
        foreach (var s in steps)
        {
            var details = new List<string>
            {
                $"{L.Data(s.PhaseName)} · {ProgrammeText.Label(s.Responsible)}{(s.ResponsibleNote is null ? "" : $" ({s.ResponsibleNote})")} · {ProgrammeText.Label(s.Status)}",
            };
            if (s.Hours is int h) details.Add(L.T("{0} timer", h));
            if (s.Note is not null) details.Add(s.Note);
            var summary = $"{L.Data(s.Title)} – {s.School}";
            if (s.Kind == StepKind.Session && sessions.TryGetValue(s.Id, out var session))
            {
                // A session: a timed event in Europe/Oslo, its page is where the work is done. SEQUENCE grows with
                // every save of the session or its step (a move), so the subscriber's calendar moves it.
                var url = $"{baseUrl}/Programmes/Sessions/Session/{session.Id}";
                var place = session.Place ?? session.VideoLink;
                if (session.VideoLink is not null && session.Place is not null) details.Add(session.VideoLink);
                details.Add(url);
                var start = s.Date.ToDateTime(session.StartTime);
                calendar.InOslo(CalendarUids.Session(session.Id, host), start, start.AddMinutes(session.Minutes), summary, string.Join("\n", details), url, place,
                    sequence: session.Version + s.Version);
                continue;
            }
            if (s.Key == StartUp.StartUpApi.StartUpStepKey && startUps.TryGetValue(s.ProgrammeId, out var startUp) && startUp.Date is DateOnly meetingDate)
            {
                var url = $"{baseUrl}/Programmes/StartUp/{s.ProgrammeId}";
                details.Add(url);
                if (startUp.StartTime is TimeOnly at)
                {
                    var start = meetingDate.ToDateTime(at);
                    calendar.InOslo(CalendarUids.StartUp(s.ProgrammeId, host), start, start.AddMinutes(Invitations.MeetingInvitations.DefaultStartUpMinutes), summary,
                        string.Join("\n", details), url, startUp.Place, sequence: startUp.Version + s.Version);
                }
                else calendar.AllDay(CalendarUids.StartUp(s.ProgrammeId, host), meetingDate, meetingDate, summary, string.Join("\n", details), url, sequence: startUp.Version + s.Version);
                continue;
            }
            var link = $"{baseUrl}{WorkPath(s.Kind, s.Key, s.Id, s.ProgrammeId)}";
            details.Add(link);
            // All-day: the plan knows the day, not the hour.
            calendar.AllDay(CalendarUids.Step(s.Id, host), s.Date, s.EndDate ?? s.Date, summary, string.Join("\n", details), link, sequence: s.Version);
        }
        // The assessment days' slots at their hours: all of them for the team, those the school takes part in for the school's people.
        await Assessment.AssessmentCalendar.WriteAsync(calendar, db, teams, schools, from, DateOnly.MaxValue, baseUrl, ct);
        await WriteDeadlinesAsync(calendar, db, teams, schools, staff, from, baseUrl, host, ct);
        return calendar;
    }

    /// <summary>
    /// The dates without a step of their own: the school's feedback on interim work, the documents the team asked
    /// for (one event a programme and day) and the first talks of the selection rounds the person may see.
    /// </summary>
    private static async Task WriteDeadlinesAsync(ICalendarWriter calendar, StillasDb db, int[] teams, int[] schools, int[] staff, DateOnly from, string baseUrl, string host, CancellationToken ct)
    {
        var feedback = await db.InterimWorkAgreements.AsNoTracking()
            .Where(a => a.Status == Sessions.InterimWorkStatus.Sent && a.FeedbackDeadline >= from
                        && a.Session!.PlanStep!.Programme!.Status == ProgrammeStatus.Active && (teams.Contains(a.TeamId) || schools.Contains(a.SchoolId)))
            .OrderBy(a => a.FeedbackDeadline).ThenBy(a => a.Id)
            .Select(a => new { a.SessionId, a.FeedbackDeadline, a.Version, Number = a.Session!.Number, School = a.Session.PlanStep!.Programme!.School!.Name })
            .ToListAsync(ct);
        foreach (var a in feedback)
        {
            var url = $"{baseUrl}/Programmes/Sessions/InterimWork/{a.SessionId}";
            calendar.AllDay(CalendarUids.FeedbackDeadline(a.SessionId, host), a.FeedbackDeadline, a.FeedbackDeadline,
                L.T("Frist for tilbakemelding på mellomarbeid etter veiledning {0} – {1}", a.Number, a.School), url, url, sequence: a.Version);
        }

        var documents = await db.DocumentRequests.AsNoTracking()
            .Where(r => r.Status == StartUp.DocumentStatus.Requested && r.DueDate >= from
                        && r.Programme!.Status == ProgrammeStatus.Active && (teams.Contains(r.TeamId) || schools.Contains(r.SchoolId)))
            .OrderBy(r => r.DueDate).ThenBy(r => r.ProgrammeId).ThenBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new { r.ProgrammeId, r.DueDate, r.Title, r.Version, School = r.Programme!.School!.Name })
            .ToListAsync(ct);
        foreach (var day in documents.GroupBy(r => (r.ProgrammeId, r.DueDate)))
        {
            var url = $"{baseUrl}/Programmes/StartUp/Documents/{day.Key.ProgrammeId}";
            var titles = string.Join("\n", day.Select(r => "- " + L.Data(r.Title)));
            calendar.AllDay(CalendarUids.DocumentDeadline(day.Key.ProgrammeId, day.Key.DueDate, host), day.Key.DueDate, day.Key.DueDate,
                L.T("Frist for dokumenter til veilederteamet – {0}", day.First().School), titles + "\n" + url, url, sequence: day.Sum(r => r.Version));
        }

        // First talks (forfase): the owner's staff, the team assigned and the school's leaders (the query filter keeps teachers out).
        var talks = await db.SelectionCandidates.AsNoTracking()
            .Where(c => c.FirstTalkDate != null && c.FirstTalkDate >= from && c.Decision != Selection.CandidateDecision.Declined
                        && (staff.Contains(c.OwnerId) || (c.TeamId != null && teams.Contains(c.TeamId.Value)) || schools.Contains(c.SchoolId)))
            .OrderBy(c => c.FirstTalkDate).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.FirstTalkDate, c.Version, School = c.School!.Name })
            .ToListAsync(ct);
        foreach (var c in talks)
        {
            var url = $"{baseUrl}/Selection/Candidate/{c.Id}";
            calendar.AllDay(CalendarUids.FirstTalk(c.Id, host), c.FirstTalkDate!.Value, c.FirstTalkDate.Value, L.T("Første samtale – {0}", c.School), url, url, sequence: c.Version);
        }
    }

    /// <summary>The page where a step's work is done (<see cref="StepLinks"/>: one rule for the plan, the start pages, the timeline and the feed).</summary>
    public static string WorkPath(StepKind kind, string key, int stepId, int programmeId) => StepLinks.WorkUrl(stepId, programmeId, kind, key, null);
}
