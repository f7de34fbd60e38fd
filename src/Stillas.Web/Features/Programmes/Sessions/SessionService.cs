using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>A session as pages and the API show it: its plan step's date and status with the session's own details.</summary>
public sealed record SessionView(int Id, int ProgrammeId, int Number, int PlanStepId, DateOnly Date, StepStatus StepStatus, string PhaseKey,
    TimeOnly StartTime, int Minutes, string? Place, string? VideoLink, string? Participants, int? CycleStep, string? CycleNote, int Version)
{
    public TimeOnly EndTime => StartTime.AddMinutes(Minutes);
    public bool IsDone => StepStatus == StepStatus.Done;
    public DateTime StartsAt => Date.ToDateTime(StartTime);
}

public sealed record NoteView(int Id, SessionPart Part, int AuthorPersonId, string AuthorName, string Text, DateTimeOffset UpdatedAt, int Version);

/// <summary>The agreement of one session as shown: the latest version, the older ones, and the school's feedback.</summary>
public sealed record InterimWorkState(InterimWorkAgreement? Latest, IReadOnlyList<InterimWorkAgreement> Versions, InterimWorkFeedback? Feedback)
{
    public InterimWorkAgreement? Sent => Versions.Where(v => v.Status != InterimWorkStatus.Draft).OrderByDescending(v => v.Version).FirstOrDefault();
}

public static class SessionService
{
    /// <summary>The programme's sessions, in order. Missing session records are made from the plan's session steps when the caller runs sessions.</summary>
    public static async Task<List<SessionView>> SessionsAsync(StillasDb db, AccessScope scope, ProgrammeHead programme, CancellationToken ct)
    {
        var sessions = await Query(db, s => s.ProgrammeId == programme.Id).ToListAsync(ct);
        if (!scope.Can(Permission.RunProgramme, programme)) return [.. sessions.OrderBy(s => s.Number)];
        var steps = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programme.Id && s.Kind == StepKind.Session && s.SessionNumber != null)
            .Select(s => new { s.Id, s.SessionNumber }).ToListAsync(ct);
        var missing = steps.Where(st => sessions.All(s => s.PlanStepId != st.Id)).ToList();
        if (missing.Count == 0) return [.. sessions.OrderBy(s => s.Number)];
        foreach (var st in missing)
            db.Add(new GuidanceSession { ProgrammeId = programme.Id, PlanStepId = st.Id, Number = st.SessionNumber!.Value }.PlaceIn(programme));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // made by a parallel request
        return [.. (await Query(db, s => s.ProgrammeId == programme.Id).ToListAsync(ct)).OrderBy(s => s.Number)];
    }

    /// <summary>Sessions matching <paramref name="where"/> (on the entity: a filter on the projected record would not translate), as views.</summary>
    public static IQueryable<SessionView> Query(StillasDb db, System.Linq.Expressions.Expression<Func<GuidanceSession, bool>> where) =>
        db.Set<GuidanceSession>().AsNoTracking().Where(where).OrderBy(s => s.Number).Select(s => new SessionView(s.Id, s.ProgrammeId, s.Number, s.PlanStepId, s.PlanStep!.Date, s.PlanStep.Status, s.PlanStep.PhaseKey,
            s.StartTime, s.Minutes, s.Place, s.VideoLink, s.Participants, s.CycleStep, s.CycleNote, s.Version));

    public static Task<SessionView?> SessionAsync(StillasDb db, int id, CancellationToken ct) => Query(db, s => s.Id == id).SingleOrDefaultAsync(ct);

    public static async Task<SessionView?> NextAsync(StillasDb db, SessionView s, CancellationToken ct) =>
        await Query(db, x => x.ProgrammeId == s.ProgrammeId && x.Number == s.Number + 1).SingleOrDefaultAsync(ct);

    // ---- Session details ----

    public sealed record SessionInput(string? StartTime, int? Minutes, string? Place, string? VideoLink, string? Participants, int? CycleStep, string? CycleNote, int? Version = null);

    public static List<(string Field, string Message)> Check(SessionInput input, out TimeOnly start)
    {
        var errors = new List<(string, string)>();
        start = new TimeOnly(9, 0);
        if (string.IsNullOrWhiteSpace(input.StartTime) || !TimeOnly.TryParseExact(input.StartTime.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            errors.Add((nameof(SessionInput.StartTime), L.T("Skriv klokkeslettet som tt:mm, for eksempel 09:00.")));
        if (input.Minutes is not null and (< 30 or > 480)) errors.Add((nameof(SessionInput.Minutes), L.T("Varigheten må være mellom 30 og 480 minutter.")));
        if (input.Place?.Length > 200) errors.Add((nameof(SessionInput.Place), L.T("Stedet kan ha høyst 200 tegn.")));
        if (!string.IsNullOrWhiteSpace(input.VideoLink) && !(Uri.TryCreate(input.VideoLink.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http"))
            errors.Add((nameof(SessionInput.VideoLink), L.T("Videolenken må være en nettadresse som begynner med https://.")));
        if (input.Participants?.Length > GuidanceSession.TextMax) errors.Add((nameof(SessionInput.Participants), L.T("Deltakerlisten er for lang.")));
        if (input.CycleStep is not null and (< 1 or > 7)) errors.Add((nameof(SessionInput.CycleStep), L.T("Velg et trinn fra 1 til 7.")));
        if (input.CycleNote?.Length > GuidanceSession.TextMax) errors.Add((nameof(SessionInput.CycleNote), L.T("Notatet er for langt.")));
        return errors;
    }

    public static async Task SaveAsync(StillasDb db, int id, SessionInput input, TimeOnly start, TimeProvider clock, CancellationToken ct)
    {
        var s = await db.Set<GuidanceSession>().SingleAsync(x => x.Id == id, ct);
        db.Expect(s, input.Version);
        s.StartTime = start;
        s.Minutes = input.Minutes ?? s.Minutes;
        s.Place = Clean(input.Place);
        s.VideoLink = Clean(input.VideoLink);
        s.Participants = Clean(input.Participants);
        s.CycleStep = input.CycleStep;
        s.CycleNote = Clean(input.CycleNote);
        s.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Marks where the school stands in the learning cycle (the run page's quick form).</summary>
    public static async Task SaveCycleAsync(StillasDb db, int id, int? step, string? note, TimeProvider clock, CancellationToken ct)
    {
        var s = await db.Set<GuidanceSession>().SingleAsync(x => x.Id == id, ct);
        s.CycleStep = step;
        s.CycleNote = Clean(note);
        s.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    // ---- Notes ----

    /// <summary>The team's notes of a session (the filter lets only its members read them); the read is written to the audit log.</summary>
    public static async Task<List<NoteView>> NotesAsync(StillasDb db, AccessScope scope, int sessionId, string where, CancellationToken ct)
    {
        var notes = await db.Set<SessionNote>().AsNoTracking().Where(n => n.SessionId == sessionId).OrderBy(n => n.Part).ThenBy(n => n.CreatedAt)
            .Select(n => new NoteView(n.Id, n.Part, n.AuthorPersonId, n.AuthorName, n.Text, n.UpdatedAt, n.Version)).ToListAsync(ct);
        await Platform.Audit.ConfidentialReads.RecordAsync<SessionNote>(db, scope, sessionId, notes.Select(n => n.Id), where, ct);
        return notes;
    }

    public static string? CheckNote(string? text) => text?.Length > SessionNote.TextMax ? L.T("Notatet kan ha høyst {0} tegn.", SessionNote.TextMax) : null;

    /// <summary>Saves the caller's own note for one part (each guide has their own, see <see cref="SessionNote"/>).</summary>
    public static async Task<NoteView> SaveNoteAsync(StillasDb db, GuidanceSession session, AccessScope scope, SessionPart part, string? text, TimeProvider clock, CancellationToken ct, int? version = null)
    {
        var me = scope.PersonId ?? throw new AccessDeniedException("Notes need a person.");
        var now = clock.GetUtcNow();
        var note = await db.Set<SessionNote>().SingleOrDefaultAsync(n => n.SessionId == session.Id && n.Part == part && n.AuthorPersonId == me, ct);
        if (note is null)
        {
            note = new SessionNote
            {
                SessionId = session.Id, Part = part,
                AuthorPersonId = me, AuthorName = Trunc(scope.ActorName, 200), CreatedAt = now,
                Version = 1, // a form that saw no note yet sends 0
            }.PlaceIn(session);
            db.Add(note);
        }
        // A form sends the version it was written on (0: no note yet); another tab's save since then is a conflict.
        else if (version is int v) db.Expect(note, v);
        note.Text = text ?? "";
        note.UpdatedAt = now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (note.Id == 0)
        {
            // The same person's two tabs created the note at once: write into the one that won.
            db.ChangeTracker.Clear();
            return await SaveNoteAsync(db, session, scope, part, text, clock, ct, version);
        }
        return new NoteView(note.Id, note.Part, note.AuthorPersonId, note.AuthorName, note.Text, note.UpdatedAt, note.Version);
    }

    // ---- Interim work ----

    public static async Task<InterimWorkState> InterimWorkAsync(StillasDb db, int sessionId, bool includeDrafts, CancellationToken ct)
    {
        var versions = await db.Set<InterimWorkAgreement>().AsNoTracking().Where(a => a.SessionId == sessionId).OrderByDescending(a => a.Version).ToListAsync(ct);
        // The school sees what was sent, not the team's draft.
        if (!includeDrafts) versions = [.. versions.Where(v => v.Status != InterimWorkStatus.Draft)];
        var feedback = await db.Set<InterimWorkFeedback>().AsNoTracking().SingleOrDefaultAsync(f => f.SessionId == sessionId, ct);
        return new InterimWorkState(versions.FirstOrDefault(), versions, feedback);
    }

    /// <summary>
    /// The states of several sessions' agreements in two statements (the run page shows the previous
    /// session's and its own). Drafts are included for <paramref name="withDrafts"/> only.
    /// </summary>
    public static async Task<Dictionary<int, InterimWorkState>> InterimWorkAsync(StillasDb db, IReadOnlyCollection<int> sessionIds, int? withDrafts, CancellationToken ct)
    {
        var ids = sessionIds.ToArray();
        var versions = await db.Set<InterimWorkAgreement>().AsNoTracking().Where(a => ids.Contains(a.SessionId)).OrderByDescending(a => a.Version).ToListAsync(ct);
        var feedback = await db.Set<InterimWorkFeedback>().AsNoTracking().Where(f => ids.Contains(f.SessionId)).ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id =>
        {
            List<InterimWorkAgreement> mine = [.. versions.Where(v => v.SessionId == id && (id == withDrafts || v.Status != InterimWorkStatus.Draft))];
            return new InterimWorkState(mine.FirstOrDefault(), mine, feedback.SingleOrDefault(f => f.SessionId == id));
        });
    }

    public sealed class InterimWorkInput
    {
        public List<string?> Points { get; set; } = [];
        public DateOnly? FeedbackDeadline { get; set; }
        public DateOnly? NextSessionDate { get; set; }
        public string? NextSessionTime { get; set; }
        public string? ReadingAssignment { get; set; }
        public string? NextTopic { get; set; }
        /// <summary>The agreement version the form was written on (0: none yet) and that row's revision: a concurrency check when given.</summary>
        public int? BasedOn { get; set; }
        public int? Revision { get; set; }
    }

    public static List<(string Field, string Message)> Check(InterimWorkInput input, out DateTime? nextAt)
    {
        var errors = new List<(string, string)>();
        nextAt = null;
        var points = input.Points.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (points.Count == 0) errors.Add(("Points", L.T("Skriv minst ett punkt for mellomarbeidet.")));
        if (points.Count > 20) errors.Add(("Points", L.T("Avtalen kan ha høyst 20 punkter.")));
        if (points.Any(p => p!.Length > 1000)) errors.Add(("Points", L.T("Hvert punkt kan ha høyst 1000 tegn.")));
        if (input.FeedbackDeadline is null) errors.Add((nameof(InterimWorkInput.FeedbackDeadline), L.T("Velg datoen skolen skal gi tilbakemelding innen.")));
        if (input.NextSessionDate is { } d)
        {
            var time = new TimeOnly(9, 0);
            if (!string.IsNullOrWhiteSpace(input.NextSessionTime) && !TimeOnly.TryParseExact(input.NextSessionTime.Trim(), ["HH:mm", "H:mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
                errors.Add((nameof(InterimWorkInput.NextSessionTime), L.T("Skriv klokkeslettet som tt:mm, for eksempel 09:00.")));
            nextAt = d.ToDateTime(time);
            if (input.FeedbackDeadline is { } f && f > d) errors.Add((nameof(InterimWorkInput.FeedbackDeadline), L.T("Fristen for tilbakemelding må være før neste veiledning.")));
        }
        if (input.ReadingAssignment?.Length > GuidanceSession.TextMax) errors.Add((nameof(InterimWorkInput.ReadingAssignment), L.T("Lesebestillingen er for lang.")));
        if (input.NextTopic?.Length > 1000) errors.Add((nameof(InterimWorkInput.NextTopic), L.T("Temaet kan ha høyst 1000 tegn.")));
        return errors;
    }

    public enum InterimWorkAction { SaveDraft, Send }

    /// <summary>
    /// Saves the team's agreement. A draft is edited in place; sending makes it final and mails it. Once a
    /// version is sent it is never changed: an edit makes the next version, which is sent again at once.
    /// Returns the version now latest.
    /// </summary>
    public static async Task<InterimWorkAgreement> SaveInterimWorkAsync(StillasDb db, Outbox outbox, MailOptions mail, GuidanceSession session, ProgrammeHead programme,
        AccessScope scope, InterimWorkInput input, DateTime? nextAt, InterimWorkAction action, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var latest = await db.Set<InterimWorkAgreement>().Where(a => a.SessionId == session.Id).OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);
        // Written on what is latest now, unchanged since? Otherwise the save fails as a conflict (409, both versions).
        if (latest is not null && input.Revision is int revision)
            db.Expect(latest, (input.BasedOn ?? 0) == latest.Version ? revision : -1);
        InterimWorkAgreement target;
        if (latest is { Status: InterimWorkStatus.Draft })
        {
            target = latest;
            target.UpdatedAt = now;
        }
        else
        {
            target = new InterimWorkAgreement
            {
                SessionId = session.Id, ProgrammeId = session.ProgrammeId,
                Version = (latest?.Version ?? 0) + 1, CreatedAt = now,
            }.PlaceIn(session);
            db.Add(target);
        }
        target.Points = [.. input.Points.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())];
        target.FeedbackDeadline = input.FeedbackDeadline!.Value;
        target.NextSessionAt = nextAt;
        target.ReadingAssignment = Clean(input.ReadingAssignment);
        target.NextTopic = Clean(input.NextTopic);
        // An edit of a sent agreement is re-sent: the school must never work from a text it was not given.
        if (action == InterimWorkAction.Send || latest is { Status: InterimWorkStatus.Sent })
        {
            if (latest is { Status: InterimWorkStatus.Sent }) latest.Status = InterimWorkStatus.Superseded;
            target.Status = InterimWorkStatus.Sent;
            target.SentAt = now;
            target.SentByName = Trunc(scope.ActorName, 200);
            await EnqueueAgreementMailsAsync(db, outbox, mail, programme, session.Number, target, DateOnly.FromDateTime(NorwegianTime.ToOslo(now).DateTime), ct);
        }
        await db.SaveChangesAsync(ct);
        return target;
    }

    /// <summary>The outbox key of the agreement mail to one person; the team's page reads the sending state by it.</summary>
    public static string MailKey(InterimWorkAgreement a, int personId) =>
        string.Create(CultureInfo.InvariantCulture, $"interimwork:{a.SessionId}:v{a.Version}:p{personId}");

    public static string MailKeyPrefix(InterimWorkAgreement a) => string.Create(CultureInfo.InvariantCulture, $"interimwork:{a.SessionId}:v{a.Version}:");

    private static async Task EnqueueAgreementMailsAsync(StillasDb db, Outbox outbox, MailOptions mail, ProgrammeHead programme, int sessionNumber, InterimWorkAgreement a, DateOnly today, CancellationToken ct)
    {
        var leaders = await SchoolLeadersAsync(db, programme.SchoolId, ct);
        var link = $"{mail.BaseUrl.TrimEnd('/')}/Programmes/Sessions/InterimWork/{a.SessionId}";
        // Each leader gets the mail and the PDF in their own language (one rendering per language).
        foreach (var language in leaders.GroupBy(p => Languages.Normalize(p.Language) ?? Languages.Bokmal))
        {
            using (Languages.Use(language.Key))
            {
                var pdf = Platform.Pdf.PdfWriter.Render(InterimWorkPdf.Build(programme, sessionNumber, a, today));
                var (text, html) = InterimWorkPdf.MailBody(programme, sessionNumber, a, link);
                var subject = a.Version > 1
                    ? L.T("Endret avtale om mellomarbeid etter veiledning {0} (versjon {1})", sessionNumber, a.Version)
                    : L.T("Avtale om mellomarbeid etter veiledning {0}", sessionNumber);
                foreach (var p in language)
                    outbox.Enqueue(p.Email, p.Name, subject, text, html, MailKey(a, p.Id), null, (InterimWorkPdf.FileName(programme, sessionNumber, a.Version), "application/pdf", pdf), programme.OwnerId);
            }
        }
    }

    /// <summary>Someone a mail goes to; <c>Language</c> is their choice (null: bokmål), which the mail is written in.</summary>
    public sealed record Recipient(int Id, string Name, string Email, string? Language = null);

    /// <summary>The school's principal and school leaders (the guidee).</summary>
    public static async Task<List<Recipient>> SchoolLeadersAsync(StillasDb db, int schoolId, CancellationToken ct) =>
        await db.Memberships.AsNoTracking().Where(m => m.SchoolId == schoolId && (m.Role == Role.Principal || m.Role == Role.SchoolLeader))
            .Select(m => new Recipient(m.Person!.Id, m.Person.Name, m.Person.Email, m.Person.Language)).Distinct().ToListAsync(ct);

    /// <summary>The members of the team.</summary>
    public static async Task<List<Recipient>> TeamMembersAsync(StillasDb db, int teamId, CancellationToken ct) =>
        await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId)
            .Select(m => new Recipient(m.Person!.Id, m.Person.Name, m.Person.Email, m.Person.Language)).Distinct().ToListAsync(ct);

    /// <summary>How the agreement mails of a version stand: (queued, sent, last error).</summary>
    public static async Task<(int Queued, int Sent, string? Error)> MailStateAsync(StillasDb db, InterimWorkAgreement a, CancellationToken ct)
    {
        var prefix = MailKeyPrefix(a);
        var rows = await db.Outbox.AsNoTracking().Where(m => m.IdempotencyKey != null && m.IdempotencyKey.StartsWith(prefix))
            .Select(m => new { m.SentAt, m.LastError }).ToListAsync(ct);
        return (rows.Count(r => r.SentAt == null), rows.Count(r => r.SentAt != null), rows.Where(r => r.SentAt == null).Select(r => r.LastError).FirstOrDefault(e => e != null));
    }

    // ---- Feedback ----

    public sealed class FeedbackInput
    {
        public List<string?> PointStatus { get; set; } = [];
        public string? WishedTopic { get; set; }
        /// <summary>The feedback's version the form or API caller read (0: none yet); a save based on an older one is refused.</summary>
        public int? Version { get; set; }
    }

    public static List<(string Field, string Message)> Check(FeedbackInput input, bool submit)
    {
        var errors = new List<(string, string)>();
        if (input.PointStatus.Any(p => p?.Length > GuidanceSession.TextMax)) errors.Add(("PointStatus", L.T("Beskrivelsen av et punkt er for lang.")));
        if (input.WishedTopic?.Length > 1000) errors.Add((nameof(FeedbackInput.WishedTopic), L.T("Temaet kan ha høyst 1000 tegn.")));
        if (submit && input.PointStatus.All(string.IsNullOrWhiteSpace) && string.IsNullOrWhiteSpace(input.WishedTopic))
            errors.Add(("PointStatus", L.T("Skriv hvordan dere har arbeidet med minst ett punkt før dere sender tilbakemeldingen.")));
        return errors;
    }

    /// <summary>Saves the school's feedback; <paramref name="submit"/> sends it to the team (late ones are accepted and flagged).</summary>
    public static async Task<InterimWorkFeedback> SaveFeedbackAsync(StillasDb db, GuidanceSession session, InterimWorkAgreement agreement, AccessScope scope,
        FeedbackInput input, bool submit, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var f = await db.Set<InterimWorkFeedback>().SingleOrDefaultAsync(x => x.SessionId == session.Id, ct);
        if (f is null)
        {
            // Version 1: a form that saw no feedback yet sends 0, so it cannot overwrite one made meanwhile.
            f = new InterimWorkFeedback { SessionId = session.Id, CreatedAt = now, Version = 1 }.PlaceIn(session);
            db.Add(f);
        }
        else if (input.Version is int v) db.Expect(f, v);
        f.PointStatus = [.. Enumerable.Range(0, agreement.Points.Count).Select(i => i < input.PointStatus.Count ? (input.PointStatus[i] ?? "").Trim() : "")];
        f.WishedTopic = Clean(input.WishedTopic);
        f.UpdatedAt = now;
        if (submit)
        {
            f.SubmittedAt = now;
            f.SubmittedByName = Trunc(scope.ActorName, 200);
            f.Late = DateOnly.FromDateTime(NorwegianTime.ToOslo(now).DateTime) > agreement.FeedbackDeadline;
        }
        await db.SaveChangesAsync(ct);
        return f;
    }

    // ---- Evaluations ----

    public sealed class EvaluationInput
    {
        public string? Clearer { get; set; }
        public string? TakeAway { get; set; }
        public string? Interest { get; set; }
        public string? Overall { get; set; }
        public int? Rating { get; set; }
        /// <summary>The version of the caller's own evaluation the form or API caller read (0: none yet); a save based on an older one is refused.</summary>
        public int? Version { get; set; }
    }

    public static List<(string Field, string Message)> Check(EvaluationInput input)
    {
        var errors = new List<(string, string)>();
        foreach (var (field, value) in new[] { (nameof(input.Clearer), input.Clearer), (nameof(input.TakeAway), input.TakeAway), (nameof(input.Interest), input.Interest), (nameof(input.Overall), input.Overall) })
            if (value?.Length > GuidanceSession.TextMax) errors.Add((field, L.T("Svaret kan ha høyst {0} tegn.", GuidanceSession.TextMax)));
        if (input.Rating is not null and (< 1 or > 6)) errors.Add((nameof(input.Rating), L.T("Velg en karakter fra 1 til 6, eller la feltet stå tomt.")));
        if (new[] { input.Clearer, input.TakeAway, input.Interest, input.Overall }.All(string.IsNullOrWhiteSpace) && input.Rating is null)
            errors.Add((nameof(input.Clearer), L.T("Svar på minst ett av spørsmålene.")));
        return errors;
    }

    public static async Task<SessionEvaluation> SaveEvaluationAsync(StillasDb db, GuidanceSession session, AccessScope scope, EvaluationInput input, TimeProvider clock, CancellationToken ct)
    {
        var me = scope.PersonId ?? throw new AccessDeniedException("Evaluations need a person.");
        var now = clock.GetUtcNow();
        var e = await db.Set<SessionEvaluation>().SingleOrDefaultAsync(x => x.SessionId == session.Id && x.PersonId == me, ct);
        if (e is null)
        {
            // Version 1: a form (another tab) that saw no evaluation yet sends 0, so it cannot overwrite one made meanwhile.
            e = new SessionEvaluation { SessionId = session.Id, PersonId = me, AuthorName = Trunc(scope.ActorName, 200), CreatedAt = now, Version = 1 }.PlaceIn(session);
            db.Add(e);
        }
        else
        {
            if (input.Version is int v) db.Expect(e, v);
            e.UpdatedAt = now;
        }
        e.Clearer = Clean(input.Clearer); e.TakeAway = Clean(input.TakeAway); e.Interest = Clean(input.Interest); e.Overall = Clean(input.Overall); e.Rating = input.Rating;
        await db.SaveChangesAsync(ct);
        return e;
    }

    public sealed record EvaluationSummary(int SessionId, int Number, DateOnly Date, int Answers, double? AverageRating);

    /// <summary>Per session of the programme: how many answered and the average rating.</summary>
    public static async Task<List<EvaluationSummary>> EvaluationSummaryAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var rows = await db.Set<SessionEvaluation>().AsNoTracking().Where(e => e.Session!.ProgrammeId == programmeId)
            .Select(e => new { e.SessionId, e.Rating }).ToListAsync(ct);
        var sessions = await Query(db, s => s.ProgrammeId == programmeId).ToListAsync(ct);
        return [.. sessions.Select(s =>
        {
            var mine = rows.Where(r => r.SessionId == s.Id).ToList();
            var rated = mine.Where(r => r.Rating != null).Select(r => (double)r.Rating!.Value).ToList();
            return new EvaluationSummary(s.Id, s.Number, s.Date, mine.Count, rated.Count == 0 ? null : Math.Round(rated.Average(), 1));
        })];
    }

    // ---- Phase evaluations ----

    public static readonly string[] EvaluatedPhases = ["fase4", "fase5"];

    public static string PhaseTitle(string phaseKey) => phaseKey == "fase4" ? L.T("Evaluering etter veiledning 4 (fase 4)") : L.T("Evaluering etter veiledning 8 (fase 5)");

    public sealed class PhaseFeedbackInput
    {
        public string? WorkedWell { get; set; }
        public string? ToImprove { get; set; }
        public string? Other { get; set; }
        /// <summary>The phase evaluation's version the form or API caller read (0: none yet); a save based on an older one is refused.</summary>
        public int? Version { get; set; }
    }

    public sealed class PhaseMeetingInput
    {
        public DateOnly? MeetingDate { get; set; }
        public string? Participants { get; set; }
        public string? Conclusions { get; set; }
        public string? ModelAdjustments { get; set; }
        /// <summary>The phase evaluation's version the form or API caller read (0: none yet); a save based on an older one is refused.</summary>
        public int? Version { get; set; }
    }

    public static List<(string Field, string Message)> Check(PhaseFeedbackInput i)
    {
        var errors = new List<(string, string)>();
        if (new[] { i.WorkedWell, i.ToImprove, i.Other }.All(string.IsNullOrWhiteSpace)) errors.Add((nameof(i.WorkedWell), L.T("Skriv en tilbakemelding i minst ett av feltene.")));
        foreach (var (f, v) in new[] { (nameof(i.WorkedWell), i.WorkedWell), (nameof(i.ToImprove), i.ToImprove), (nameof(i.Other), i.Other) })
            if (v?.Length > GuidanceSession.TextMax) errors.Add((f, L.T("Teksten er for lang.")));
        return errors;
    }

    public static List<(string Field, string Message)> Check(PhaseMeetingInput i)
    {
        var errors = new List<(string, string)>();
        if (i.MeetingDate is null) errors.Add((nameof(i.MeetingDate), L.T("Velg datoen for evalueringsmøtet.")));
        if (string.IsNullOrWhiteSpace(i.Participants)) errors.Add((nameof(i.Participants), L.T("Skriv hvem som deltok.")));
        if (string.IsNullOrWhiteSpace(i.Conclusions)) errors.Add((nameof(i.Conclusions), L.T("Skriv konklusjonene fra møtet.")));
        foreach (var (f, v) in new[] { (nameof(i.Participants), i.Participants), (nameof(i.Conclusions), i.Conclusions), (nameof(i.ModelAdjustments), i.ModelAdjustments) })
            if (v?.Length > GuidanceSession.TextMax) errors.Add((f, L.T("Teksten er for lang.")));
        return errors;
    }

    /// <summary>The phase's evaluation to write (made when missing); the save must find it at <paramref name="version"/> when given.</summary>
    public static async Task<PhaseEvaluation> PhaseAsync(StillasDb db, ProgrammeHead p, string phaseKey, TimeProvider clock, CancellationToken ct, int? version = null)
    {
        var e = await db.Set<PhaseEvaluation>().SingleOrDefaultAsync(x => x.ProgrammeId == p.Id && x.PhaseKey == phaseKey, ct);
        if (e is not null)
        {
            if (version is int v) db.Expect(e, v);
            return e;
        }
        // Version 1: a form that saw no evaluation yet sends 0, so it cannot overwrite one made meanwhile.
        e = new PhaseEvaluation { ProgrammeId = p.Id, PhaseKey = phaseKey, CreatedAt = clock.GetUtcNow(), Version = 1 }.PlaceIn(p);
        db.Add(e);
        return e;
    }

    public static async Task<PhaseEvaluation> SavePhaseFeedbackAsync(StillasDb db, ProgrammeHead p, string phaseKey, AccessScope scope, PhaseFeedbackInput i, TimeProvider clock, CancellationToken ct)
    {
        var e = await PhaseAsync(db, p, phaseKey, clock, ct, i.Version);
        e.WorkedWell = Clean(i.WorkedWell); e.ToImprove = Clean(i.ToImprove); e.FeedbackOther = Clean(i.Other);
        e.FeedbackByName = Trunc(scope.ActorName, 200); e.FeedbackAt = clock.GetUtcNow();
        await MarkStepDoneAsync(db, p.Id, $"{phaseKey}.feedback", scope, clock, ct);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public static async Task<PhaseEvaluation> SavePhaseMeetingAsync(StillasDb db, ProgrammeHead p, string phaseKey, AccessScope scope, PhaseMeetingInput i, TimeProvider clock, CancellationToken ct)
    {
        var e = await PhaseAsync(db, p, phaseKey, clock, ct, i.Version);
        e.MeetingDate = i.MeetingDate; e.MeetingParticipants = Clean(i.Participants); e.Conclusions = Clean(i.Conclusions); e.ModelAdjustments = Clean(i.ModelAdjustments);
        e.RecordedByName = Trunc(scope.ActorName, 200); e.RecordedAt = clock.GetUtcNow();
        await MarkStepDoneAsync(db, p.Id, $"{phaseKey}.evaluationmeeting", scope, clock, ct);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>Recording the evaluation marks its plan step done, when the writer may (the step's own rules decide).</summary>
    private static async Task MarkStepDoneAsync(StillasDb db, int programmeId, string key, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var step = await db.PlanSteps.SingleOrDefaultAsync(s => s.ProgrammeId == programmeId && s.Key == key, ct);
        if (step is null || !step.IsOpen) return;
        if (!(scope.Can(Permission.RunProgramme, step) || (step.Responsible == StepResponsible.School && scope.Can(Permission.ActForSchool, step)))) return;
        step.Status = StepStatus.Done;
        step.DoneAt = clock.GetUtcNow();
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    internal static string Trunc(string s, int max) => s.Length <= max ? s : s[..max];
}
