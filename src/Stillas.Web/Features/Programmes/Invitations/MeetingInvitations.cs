using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Features.Programmes.Assessment;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Features.Programmes.StartUp;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Invitations;

/// <summary>
/// Meeting invitations by mail with an iCalendar file (RFC 5546 iTIP): the start-up meeting, the assessment days and
/// each guidance session, to the team and the school's leadership, each in their own language. They are written in
/// the same save that plans or moves the meeting (<see cref="RecordAsync"/>, called by StillasDb.SaveChangesAsync
/// as the team's change mails are), so every way of moving a meeting (the session page, the step, the API) sends:
/// <list type="bullet">
/// <item>the first invitation (METHOD:REQUEST) when the meeting's time or place is saved (a session's time on its
/// page, the start-up meeting's date, the assessment days when they are planned);</item>
/// <item>an update (REQUEST, the same UID, a higher SEQUENCE) when an invited meeting moves, never a second invitation;</item>
/// <item>a CANCEL when an invited meeting's step is cancelled.</item>
/// </list>
/// The UID is the calendar feed's (<see cref="CalendarUids"/>), so the invitation and the subscription name one meeting.
/// Each version goes once to each person (idempotency key invite:{kind}:{id}:s{sequence}:p{person}); someone without
/// a usable e-mail address is recorded as not invited, and the rest still go.
/// </summary>
public static class MeetingInvitations
{
    public const int DefaultStartUpMinutes = 120;

    /// <summary>A meeting as it stands in this save (tracked values, before they are written).</summary>
    public sealed record Meeting(MeetingKind Kind, int SourceId, GuidanceProgramme Programme, string SchoolName, string Title,
        DateTime Starts, DateTime Ends, bool AllDay, string? Location, bool Cancelled, int Sequence, string Path, string? Details, string? Agenda = null);

    /// <summary>Finds the meetings this save plans or moves, and queues their invitations, updates and cancellations.</summary>
    public static async Task RecordAsync(StillasDb db, DateTimeOffset now, string baseUrl, string from, CancellationToken ct)
    {
        // (kind, source id) → whether this change may send the first invitation (planning) or only update one already sent.
        var found = new Dictionary<(MeetingKind, int), bool>();
        var sessionSteps = new List<int>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            switch (e.Entity)
            {
                case GuidanceSession s when e.State == EntityState.Modified
                                            && Changed(e, nameof(GuidanceSession.StartTime), nameof(GuidanceSession.Minutes), nameof(GuidanceSession.Place), nameof(GuidanceSession.VideoLink)):
                    found[(MeetingKind.Session, s.Id)] = true;
                    break;
                case GuidanceSession s when e.State == EntityState.Modified && Changed(e, nameof(GuidanceSession.Agenda)):
                    // The team's agenda goes out with the invitation: to those already invited as an update.
                    found.TryAdd((MeetingKind.Session, s.Id), false);
                    break;
                case PlanStep p when e.State == EntityState.Modified && Changed(e, nameof(PlanStep.Date), nameof(PlanStep.EndDate), nameof(PlanStep.Status)):
                    if (p.Kind == StepKind.Session) sessionSteps.Add(p.Id);
                    else if (p.Kind == StepKind.AssessmentDays) found.TryAdd((MeetingKind.AssessmentDays, p.Id), false);
                    else if (p.Key == StartUpApi.StartUpStepKey) found.TryAdd((MeetingKind.StartUp, p.ProgrammeId), false);
                    break;
                case StartUpMeeting m when m.Date is not null && (e.State == EntityState.Added
                                                                  || (e.State == EntityState.Modified && Changed(e, nameof(StartUpMeeting.Date), nameof(StartUpMeeting.StartTime), nameof(StartUpMeeting.Place)))):
                    found[(MeetingKind.StartUp, m.ProgrammeId)] = true;
                    break;
                case AssessmentSlot slot when e.State == EntityState.Added:
                    // The days are planned (their slots made): invite to the programme's assessment-days step.
                    var step = await db.PlanSteps.AsNoTracking().Where(p => p.ProgrammeId == slot.ProgrammeId && p.Kind == StepKind.AssessmentDays)
                        .OrderBy(p => p.Order).ThenBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
                    if (step is int stepId) found[(MeetingKind.AssessmentDays, stepId)] = true;
                    break;
            }
        }
        if (sessionSteps.Count > 0)
            foreach (var id in await db.Sessions.AsNoTracking().Where(s => sessionSteps.Contains(s.PlanStepId)).Select(s => s.Id).ToListAsync(ct))
                found.TryAdd((MeetingKind.Session, id), false);
        foreach (var ((kind, id), mayInvite) in found)
            if (await LoadAsync(db, kind, id, ct) is { } meeting)
                await EnqueueAsync(db, meeting, mayInvite, now, baseUrl, from, ct);
    }

    /// <summary>
    /// Queues the invitation (or its update or cancellation) of one meeting when it differs from what was last sent;
    /// the caller saves. <paramref name="mayInvite"/> false: only a meeting already invited gets mail (a move).
    /// Returns the invitation record, or null when nothing is or was sent.
    /// </summary>
    public static async Task<MeetingInvitation?> EnqueueAsync(StillasDb db, Meeting meeting, bool mayInvite, DateTimeOffset now, string baseUrl, string from, CancellationToken ct)
    {
        var sent = await db.Set<MeetingInvitation>().SingleOrDefaultAsync(i => i.Kind == meeting.Kind && i.SourceId == meeting.SourceId, ct);
        if (sent is null)
        {
            if (!mayInvite || meeting.Cancelled) return null;
        }
        else if (sent.Starts == meeting.Starts && sent.Ends == meeting.Ends && sent.AllDay == meeting.AllDay && sent.Location == meeting.Location && sent.Cancelled == meeting.Cancelled
                 && sent.AgendaDigest == Digest(meeting.Agenda))
        {
            return sent; // this version went already
        }
        else if (sent.Cancelled && meeting.Cancelled)
        {
            return sent;
        }
        // Higher than the last one sent, and never below the feed's (the saved versions of its records).
        var sequence = Math.Max(sent is null ? 0 : sent.Sequence + 1, meeting.Sequence);
        var recipients = await RecipientsAsync(db, meeting.Programme, ct);
        var (invited, missing) = (recipients.Where(r => HasAddress(r.Email)).ToList(), recipients.Where(r => !HasAddress(r.Email)).ToList());
        var teamName = await db.Teams.AsNoTracking().Where(t => t.Id == meeting.Programme.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "Stillas";
        var update = sent is not null && !sent.Cancelled;
        // Only the agenda changed: the same time and place, a new agenda.
        var agendaOnly = update && sent!.Starts == meeting.Starts && sent.Ends == meeting.Ends && sent.AllDay == meeting.AllDay
                         && sent.Location == meeting.Location && !meeting.Cancelled;
        var host = CalendarUids.Host(baseUrl);
        var link = $"{baseUrl.TrimEnd('/')}{meeting.Path}";
        var keys = invited.Select(r => Key(meeting, sequence, r.Id)).ToList();
        var already = (await db.Outbox.AsNoTracking().Where(m => m.IdempotencyKey != null && keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey!).ToListAsync(ct)).ToHashSet();
        foreach (var language in invited.GroupBy(r => Languages.Normalize(r.Language) ?? Languages.Bokmal))
        {
            using (Languages.Use(language.Key))
            {
                var ics = Ics(meeting, sequence, teamName, from, invited, host, link, now);
                var (subject, text) = Mail(meeting, update, agendaOnly, link);
                var attachment = ("invitasjon.ics", $"text/calendar; method={(meeting.Cancelled ? "CANCEL" : "REQUEST")}; charset=utf-8", Encoding.UTF8.GetBytes(ics));
                foreach (var r in language)
                {
                    var key = Key(meeting, sequence, r.Id);
                    if (already.Contains(key)) continue;
                    db.Outbox.Add(new OutboxMessage
                    {
                        ToAddress = r.Email, ToName = r.Name, Subject = subject, TextBody = text, IdempotencyKey = key, CreatedAt = now, DueAt = now,
                        OwnerId = meeting.Programme.OwnerId, AttachmentName = attachment.Item1, AttachmentContentType = attachment.Item2, Attachment = attachment.Item3,
                    });
                }
            }
        }
        if (sent is null)
        {
            sent = new MeetingInvitation { Kind = meeting.Kind, SourceId = meeting.SourceId, ProgrammeId = meeting.Programme.Id }.PlaceIn(meeting.Programme);
            db.Add(sent);
        }
        sent.Sequence = sequence;
        sent.Starts = meeting.Starts;
        sent.Ends = meeting.Ends;
        sent.AllDay = meeting.AllDay;
        sent.Location = meeting.Location;
        sent.Cancelled = meeting.Cancelled;
        sent.AgendaDigest = Digest(meeting.Agenda);
        sent.SentAt = now;
        sent.InvitedCount = invited.Count;
        var names = string.Join("\n", missing.Select(m => m.Name));
        sent.NotInvited = names.Length == 0 ? null : names.Length > 4000 ? names[..4000] : names;
        return sent;
    }

    /// <summary>
    /// The meeting as this save leaves it: a record this save adds from the change tracker, one it changes through a
    /// tracking query (EF Core's identity resolution returns the tracked row with its changed values), one it does
    /// not touch as stored.
    /// </summary>
    public static async Task<Meeting?> LoadAsync(StillasDb db, MeetingKind kind, int id, CancellationToken ct)
    {
        switch (kind)
        {
            case MeetingKind.Session:
            {
                var s = db.Sessions.Local.FirstOrDefault(x => x.Id == id) ?? await db.Sessions.SingleOrDefaultAsync(x => x.Id == id, ct);
                if (s is null) return null;
                var step = await db.PlanSteps.SingleOrDefaultAsync(p => p.Id == s.PlanStepId, ct);
                if (step is null || await ProgrammeAsync(db, s.ProgrammeId, ct) is not { } p) return null;
                var start = step.Date.ToDateTime(s.StartTime);
                var location = s.Place is null ? s.VideoLink : s.VideoLink is null ? s.Place : $"{s.Place} ({s.VideoLink})";
                return new Meeting(kind, id, p.Programme, p.School, "", start, start.AddMinutes(s.Minutes), false, Trim(location), step.Status == StepStatus.Cancelled,
                    Next(db, s) + Next(db, step), $"/Programmes/Sessions/Session/{id}", s.Number.ToString(CultureInfo.InvariantCulture),
                    string.IsNullOrWhiteSpace(s.Agenda) ? null : s.Agenda.Trim());
            }
            case MeetingKind.StartUp:
            {
                if (await ProgrammeAsync(db, id, ct) is not { } p) return null;
                // A meeting saved the first time is only in the change tracker (a query does not return an added row).
                var m = db.StartUpMeetings.Local.FirstOrDefault(x => x.ProgrammeId == id) ?? await db.StartUpMeetings.SingleOrDefaultAsync(x => x.ProgrammeId == id, ct);
                var step = await db.PlanSteps.FirstOrDefaultAsync(x => x.ProgrammeId == id && x.Key == StartUpApi.StartUpStepKey, ct);
                if (m?.Date is not DateOnly date) return null;
                // With an hour, a timed invitation of the usual length; with a date only, an all-day one.
                var (start, end, allDay) = m.StartTime is TimeOnly at
                    ? (date.ToDateTime(at), date.ToDateTime(at).AddMinutes(DefaultStartUpMinutes), false)
                    : (date.ToDateTime(TimeOnly.MinValue), date.AddDays(1).ToDateTime(TimeOnly.MinValue), true);
                return new Meeting(kind, id, p.Programme, p.School, "", start, end, allDay, Trim(m.Place),
                    step?.Status == StepStatus.Cancelled, Next(db, m) + (step is null ? 0 : Next(db, step)), $"/Programmes/StartUp/{id}", null);
            }
            case MeetingKind.AssessmentDays:
            {
                var step = await db.PlanSteps.SingleOrDefaultAsync(x => x.Id == id, ct);
                if (step is null || await ProgrammeAsync(db, step.ProgrammeId, ct) is not { } p) return null;
                return new Meeting(kind, id, p.Programme, p.School, "", step.Date.ToDateTime(TimeOnly.MinValue), step.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), true, null,
                    step.Status == StepStatus.Cancelled, Next(db, step), $"/Programmes/Assessment/DayPlan/{step.ProgrammeId}", null);
            }
            default:
                return null;
        }
    }

    /// <summary>The invitation state of a meeting, for its page: when it went, to how many, and who was not invited.</summary>
    public static Task<MeetingInvitation?> StateAsync(StillasDb db, InvitationRef meeting, CancellationToken ct) =>
        meeting.SourceId is int id
            ? db.Set<MeetingInvitation>().AsNoTracking().SingleOrDefaultAsync(i => i.Kind == meeting.Kind && i.SourceId == id, ct)
            : db.Set<MeetingInvitation>().AsNoTracking().Where(i => i.Kind == meeting.Kind && i.ProgrammeId == meeting.ProgrammeId).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);

    /// <summary>The team's members and the school's leadership (principal and school leaders), once each, active people only.</summary>
    public static async Task<List<SessionService.Recipient>> RecipientsAsync(StillasDb db, GuidanceProgramme programme, CancellationToken ct)
    {
        var team = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == programme.TeamId && m.Person!.Active)
            .Select(m => new SessionService.Recipient(m.Person!.Id, m.Person.Name, m.Person.Email, m.Person.Language)).ToListAsync(ct);
        var leaders = await db.Memberships.AsNoTracking()
            .Where(m => m.SchoolId == programme.SchoolId && m.Active && m.Person!.Active && (m.Role == Role.Principal || m.Role == Role.SchoolLeader))
            .Select(m => new SessionService.Recipient(m.Person!.Id, m.Person.Name, m.Person.Email, m.Person.Language)).ToListAsync(ct);
        return team.Concat(leaders).DistinctBy(r => r.Id).OrderBy(r => r.Name, StringComparer.Create(Languages.BokmalCulture, false)).ThenBy(r => r.Id).ToList();
    }

    public static string Key(Meeting m, int sequence, int personId) =>
        string.Create(CultureInfo.InvariantCulture, $"invite:{m.Kind.ToString().ToLowerInvariant()}:{m.SourceId}:s{sequence}:p{personId}");

    public static string Uid(Meeting m, string host) => m.Kind switch
    {
        MeetingKind.Session => CalendarUids.Session(m.SourceId, host),
        MeetingKind.StartUp => CalendarUids.StartUp(m.SourceId, host),
        _ => CalendarUids.Step(m.SourceId, host),
    };

    /// <summary>The meeting's name in the current language ("Veiledning 3", "Oppstartsmøte", "Vurderingsdager").</summary>
    public static string Name(Meeting m) => m.Kind switch
    {
        MeetingKind.Session => L.T("Veiledning {0}", m.Details ?? ""),
        MeetingKind.StartUp => L.T("Oppstartsmøte"),
        _ => L.T("Vurderingsdager"),
    };

    /// <summary>When, in words: "24.11.2026 kl. 09:00–12:00", or the day(s) of an all-day meeting.</summary>
    public static string When(Meeting m)
    {
        var first = DateOnly.FromDateTime(m.Starts);
        if (!m.AllDay) return L.T("{0} kl. {1}–{2}", NorwegianTime.Date(first), NorwegianTime.Time(TimeOnly.FromDateTime(m.Starts)), NorwegianTime.Time(TimeOnly.FromDateTime(m.Ends)));
        var last = DateOnly.FromDateTime(m.Ends).AddDays(-1);
        return last == first ? NorwegianTime.Date(first) : L.T("{0}–{1}", NorwegianTime.Date(first), NorwegianTime.Date(last));
    }

    private static string Ics(Meeting m, int sequence, string teamName, string from, List<SessionService.Recipient> invited, string host, string link, DateTimeOffset now)
    {
        var calendar = new ICalendarWriter("-//Stillas//Veiledningsforløp//NB", null, now, m.Cancelled ? "CANCEL" : "REQUEST");
        var parties = new EventParties(teamName, from, invited.Select(r => (r.Name, r.Email)).ToList(), m.Cancelled);
        var summary = $"{Name(m)} – {m.SchoolName}";
        var description = L.T("Se og forbered møtet i Stillas: {0}", link)
            + (m.Agenda is null || m.Cancelled ? "" : "\n\n" + L.T("Dagsorden") + ":\n" + m.Agenda);
        if (m.AllDay)
            calendar.AllDay(Uid(m, host), DateOnly.FromDateTime(m.Starts), DateOnly.FromDateTime(m.Ends).AddDays(-1), summary, description, link, m.Location, sequence, parties);
        else
            calendar.InOslo(Uid(m, host), m.Starts, m.Ends, summary, description, link, m.Location, sequence, parties);
        return calendar.ToString();
    }

    private static (string Subject, string Text) Mail(Meeting m, bool update, bool agendaOnly, string link)
    {
        var name = Name(m);
        var when = When(m);
        var subject = m.Cancelled ? L.T("Avlyst: {0} – {1}", name, m.SchoolName)
            : agendaOnly ? L.T("Dagsorden: {0} – {1}, {2}", name, m.SchoolName, when)
            : update ? L.T("Endret tidspunkt: {0} – {1}, {2}", name, m.SchoolName, when)
            : L.T("Invitasjon: {0} – {1}, {2}", name, m.SchoolName, when);
        var lines = new List<string> { L.T("Hei!"), "" };
        lines.Add(m.Cancelled ? L.T("{0} med {1} {2} er avlyst.", name, m.SchoolName, when)
            : agendaOnly ? L.T("Dagsordenen for {0} med {1} {2} er klar.", name, m.SchoolName, when)
            : update ? L.T("{0} med {1} er flyttet til {2}. Kalenderen din oppdateres når du åpner vedlegget.", name, m.SchoolName, when)
            : L.T("Du er invitert til {0} med {1} {2}.", name, m.SchoolName, when));
        if (!m.Cancelled && m.Location is not null) lines.Add(L.T("Sted: {0}", m.Location));
        if (!m.Cancelled && m.Agenda is not null)
        {
            lines.Add("");
            lines.Add(L.T("Dagsorden") + ":");
            lines.Add(m.Agenda);
        }
        lines.Add("");
        lines.Add(L.T("Se og forbered møtet i Stillas: {0}", link));
        lines.Add(m.Cancelled ? L.T("Vedlegget fjerner møtet fra kalenderen din.") : L.T("Vedlegget legger møtet i kalenderen din (Outlook, Google, Apple)."));
        lines.Add("");
        lines.Add(L.T("Hilsen Stillas"));
        return (subject, string.Join("\n", lines));
    }

    /// <summary>What identifies the agenda that went out (null: none), so a changed agenda sends an update and an unchanged one nothing.</summary>
    private static string? Digest(string? agenda) =>
        agenda is null ? null : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(agenda)))[..32];

    private static async Task<(GuidanceProgramme Programme, string School)?> ProgrammeAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().Where(x => x.Id == programmeId).Select(x => new { Programme = x, School = x.School!.Name }).SingleOrDefaultAsync(ct);
        return p is null ? null : (p.Programme, p.School);
    }

    /// <summary>The record's version after this save (Versioned.Bump steps a changed row by one): the invitation's SEQUENCE follows the feed's.</summary>
    private static int Next(StillasDb db, object entity)
    {
        var e = db.Entry(entity);
        var version = (int)e.Property("Version").CurrentValue!;
        return e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified) ? version + 1 : version;
    }

    private static bool Changed(EntityEntry e, params string[] properties) => properties.Any(p => e.Property(p).IsModified);

    private static bool HasAddress(string? email) => !string.IsNullOrWhiteSpace(email) && email.Contains('@', StringComparison.Ordinal);

    private static string? Trim(string? s) => s is null ? null : s.Length > 500 ? s[..500] : s;
}

/// <summary>Which meeting's invitation a page shows: by its source id, or (the assessment days) the programme's.</summary>
public sealed record InvitationRef(MeetingKind Kind, int ProgrammeId, int? SourceId = null);
