using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.FuturePicture;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>The programme an assessment page belongs to, as far as the user may see it, with its assessment-days step.</summary>
public sealed record AssessmentProgramme(int Id, int OwnerId, int SchoolId, int TeamId, string SchoolName, string OwnerName, ProgrammeStatus Status, DateOnly? StepDate, DateOnly? StepEndDate) : IProgrammeResource
{
    // Settable so the record is a programme-scoped resource (Access.Can); set only by the constructor.
    public int OwnerId { get; set; } = OwnerId;
    public int SchoolId { get; set; } = SchoolId;
    public int TeamId { get; set; } = TeamId;
    public bool IsActive => Status == ProgrammeStatus.Active;

    public static async Task<AssessmentProgramme?> LoadAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new { p.Id, p.OwnerId, p.SchoolId, p.TeamId, p.Status }).SingleOrDefaultAsync(ct);
        if (p is null) return null;
        // Names read on their own: the school's people see the programme but not every related record.
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == p.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == p.OwnerId).Select(o => o.Name).SingleOrDefaultAsync(ct);
        var step = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programmeId && s.Key == AssessmentRules.StepKey)
            .Select(s => new { s.Date, s.EndDate }).SingleOrDefaultAsync(ct);
        return new AssessmentProgramme(p.Id, p.OwnerId, p.SchoolId, p.TeamId, school ?? "skolen", owner ?? "skoleeier", p.Status, step?.Date, step?.EndDate);
    }

    /// <summary>Only what a save needs (one compiled query): the hot path of notes saved as you type.</summary>
    public static async Task<AssessmentProgramme?> LoadCoreAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var p = await CoreQuery.FirstOrDefaultAsync(db, programmeId, ct);
        return p is null ? null : new AssessmentProgramme(p.Id, p.OwnerId, p.SchoolId, p.TeamId, "", "", p.Status, null, null);
    }

    private sealed record CoreRow(int Id, int OwnerId, int SchoolId, int TeamId, ProgrammeStatus Status);

    private static readonly CompiledQuery<int, CoreRow> CoreQuery = new((db, id) =>
        db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(p => new CoreRow(p.Id, p.OwnerId, p.SchoolId, p.TeamId, p.Status)));

    public GuidanceProgramme ToProgramme() =>
        new() { Id = Id, OwnerId = OwnerId, SchoolId = SchoolId, TeamId = TeamId, SchoolYear = "", TemplateKey = "", TemplateName = "", TemplateJson = "" };
}

public sealed record NoteView(int Id, Guid ClientKey, string AuthorName, NoteKind Kind, string Group, string Text, IReadOnlyList<Guid> Signs, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Keep, string? KeepReason, string? KeptBy, int Version = 0, string? UpdatedBy = null)
{
    public static NoteView Of(AssessmentNote n) => new(n.Id, n.ClientKey, n.AuthorName, n.Kind, n.Group, n.Text, n.Signs, n.CreatedAt, n.UpdatedAt, n.Keep, n.KeepReason, n.KeptBy, n.Version, n.UpdatedByName ?? n.AuthorName);
}

public sealed record SectionView(int Id, Guid? SignKey, bool IsSummary, int Order, string Title, string Findings, string WorksWell, string ToDevelop, string Questions, int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static SectionView Of(ReportSection s) => new(s.Id, s.SignKey, s.IsSummary, s.Order, s.Title, s.Findings, s.WorksWell, s.ToDevelop, s.Questions, s.Version, s.UpdatedAt, s.UpdatedBy);
    public bool IsEmpty => IsSummary ? string.IsNullOrWhiteSpace(Findings)
        : string.IsNullOrWhiteSpace(Findings) && string.IsNullOrWhiteSpace(WorksWell) && string.IsNullOrWhiteSpace(ToDevelop) && string.IsNullOrWhiteSpace(Questions);
}

public sealed record PresentationView(int Id, Audience Audience, DateOnly Date, string? Note);

public sealed record ReportView(int Id, int ProgrammeId, ReportStatus Status, DateTimeOffset? FinalAt, string? FinalBy, DateOnly? NotesDeleteOn, IReadOnlyList<SectionView> Sections, IReadOnlyList<PresentationView> Presentations)
{
    public SectionView? Summary => Sections.FirstOrDefault(s => s.IsSummary);
    public IEnumerable<SectionView> SignSections => Sections.Where(s => !s.IsSummary);
}

public sealed record SectionVersionView(int Number, string Findings, string WorksWell, string ToDevelop, string Questions, string AuthorName, DateTimeOffset CreatedAt);

public abstract record SectionSave
{
    public sealed record Saved(SectionView Section) : SectionSave;
    /// <summary>Someone saved the section after the guide opened it: both texts are kept for the guide to choose.</summary>
    public sealed record Conflict(SectionView Theirs) : SectionSave;
    public sealed record Locked : SectionSave;
}

/// <summary>The questions for reflection under one sign, for session 1.</summary>
public sealed record ReflectionQuestions(string Sign, IReadOnlyList<string> Questions);

/// <summary>The public query service for other features (guidance sessions): the final report's questions for reflection.</summary>
public static class AssessmentReports
{
    /// <summary>
    /// The questions for reflection of the programme's final (or presented) report, per sign of good
    /// practice, in the report's order; empty while the report is a draft or does not exist.
    /// </summary>
    public static async Task<IReadOnlyList<ReflectionQuestions>> ReflectionQuestionsAsync(StillasDb db, int programmeId, CancellationToken ct = default)
    {
        var rows = await db.AssessmentReportSections.AsNoTracking()
            .Where(s => s.Report!.ProgrammeId == programmeId && s.Report.Status != ReportStatus.Draft)
            .OrderBy(s => s.Order).Select(s => new { s.Title, s.Questions, s.IsSummary }).ToListAsync(ct);
        return [.. rows.Select(r => new ReflectionQuestions(r.IsSummary ? L.T("Hele rapporten") : L.Data(r.Title), AssessmentRules.QuestionLines(r.Questions))).Where(r => r.Questions.Count > 0)];
    }
}

public static class AssessmentService
{
    // ---- Schedule and checklist -------------------------------------------------------------

    /// <summary>Makes the days' slots and the school's checklist from the template, dated from the plan step; false when already planned or no step.</summary>
    public static async Task<bool> PlanFromTemplateAsync(StillasDb db, AssessmentProgramme p, CancellationToken ct)
    {
        if (p.StepDate is not DateOnly first) return false;
        if (await db.AssessmentSlots.AnyAsync(s => s.ProgrammeId == p.Id, ct)) return false;
        var holidays = (await ProgrammePlanning.HolidaysAsync(db, p.OwnerId, ct)).Ranges;
        var days = AssessmentRules.Days(first, p.StepEndDate, holidays);
        db.AssessmentSlots.AddRange(AssessmentRules.SlotsFor(p.ToProgramme(), days));
        if (!await db.AssessmentTasks.AnyAsync(t => t.ProgrammeId == p.Id, ct))
            db.AssessmentTasks.AddRange(AssessmentRules.TasksFor(p.ToProgramme(), days[0], holidays));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static Task<List<AssessmentSlot>> SlotsAsync(StillasDb db, int programmeId, CancellationToken ct) =>
        db.AssessmentSlots.AsNoTracking().Where(s => s.ProgrammeId == programmeId).OrderBy(s => s.Date).ThenBy(s => s.Start).ThenBy(s => s.Id).ToListAsync(ct);

    public static Task<List<AssessmentTask>> TasksAsync(StillasDb db, int programmeId, CancellationToken ct) =>
        db.AssessmentTasks.AsNoTracking().Where(t => t.ProgrammeId == programmeId).OrderBy(t => t.DueDate).ThenBy(t => t.Order).ToListAsync(ct);

    /// <summary>
    /// Ticks a task done (or not). With the <paramref name="version"/> the caller read, someone else's tick or
    /// untick since then refuses the save (a conflict); a tick that finds the task as asked already changes nothing.
    /// </summary>
    public static async Task<bool> TickAsync(StillasDb db, int taskId, bool done, AccessScope scope, CancellationToken ct, int? version = null)
    {
        var task = await db.AssessmentTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return false;
        if (task.Done == done) return true;
        if (version is int v) db.Expect(task, v);
        task.Done = done;
        task.DoneAt = done ? db.Clock.GetUtcNow() : null;
        task.DoneBy = done ? scope.ActorName : null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    // ---- Notes ---------------------------------------------------------------------------------

    /// <summary>The team's notes of a programme, newest first; the read is written to the audit log.</summary>
    public static async Task<List<NoteView>> NotesAsync(StillasDb db, AssessmentProgramme p, AccessScope scope, string where, CancellationToken ct)
    {
        var notes = await db.AssessmentNotes.AsNoTracking().Where(n => n.ProgrammeId == p.Id).OrderByDescending(n => n.UpdatedAt).ThenByDescending(n => n.Id).ToListAsync(ct);
        await AuditReadAsync(db, scope, p.Id, notes.Select(n => n.Id), where, ct);
        return [.. notes.Select(NoteView.Of)];
    }

    /// <summary>One note (or null); the read is written to the audit log.</summary>
    public static async Task<NoteView?> NoteAsync(StillasDb db, int noteId, AccessScope scope, string where, CancellationToken ct)
    {
        var note = await db.AssessmentNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null) return null;
        await AuditReadAsync(db, scope, note.ProgrammeId, [note.Id], where, ct);
        return NoteView.Of(note);
    }

    private static Task AuditReadAsync(StillasDb db, AccessScope scope, int programmeId, IEnumerable<int> noteIds, string where, CancellationToken ct) =>
        ConfidentialReads.RecordAsync<AssessmentNote>(db, scope, programmeId, noteIds, where, ct);

    /// <summary>The audit log's entity type of a read of a programme's notes (entity id = the programme).</summary>
    public static readonly string NoteReadEntity = AuditPolicy.ReadEntityType(typeof(AssessmentNote));

    public sealed record NoteSaved(NoteView Note, bool Created, string? Warning);

    /// <summary>
    /// Creates or updates a note. A new note is found again by its client key, so a retried autosave
    /// updates instead of adding a second note. Null when <paramref name="noteId"/> is not the team's note.
    /// </summary>
    public static async Task<NoteSaved?> SaveNoteAsync(StillasDb db, AssessmentProgramme p, int? noteId, NoteInput input, AccessScope scope, CancellationToken ct)
    {
        AssessmentNote? note = null;
        if (noteId is int id)
        {
            note = await db.AssessmentNotes.SingleOrDefaultAsync(n => n.Id == id && n.ProgrammeId == p.Id, ct);
            if (note is null) return null;
        }
        else if (input.ClientKey is Guid key && key != Guid.Empty)
        {
            note = await NoteByClientKey.FirstOrDefaultAsync(db, key, ct);
            if (note is not null && note.ProgrammeId != p.Id) return null;
        }
        var now = db.Clock.GetUtcNow();
        var created = note is null;
        if (note is null)
        {
            note = new AssessmentNote
            {
                ProgrammeId = p.Id,
                ClientKey = input.ClientKey is Guid k && k != Guid.Empty ? k : Guid.NewGuid(),
                AuthorPersonId = scope.PersonId, AuthorName = scope.ActorName, CreatedAt = now,
            }.PlaceIn(p);
            db.AssessmentNotes.Add(note);
        }
        // The version the form or API call was written on: a colleague's save since then is a conflict (409), not overwritten.
        else if (input.Version is int v) db.Expect(note, v);
        note.UpdatedByName = scope.ActorName;
        note.Kind = input.Kind!.Value;
        note.Group = input.Group!.Trim();
        note.Text = input.Text ?? "";
        note.SignKeys = AssessmentRules.JoinKeys(input.Signs);
        note.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (created && input.ClientKey is Guid retry)
        {
            // Two autosaves of a new note crossed: the other one created it; update that one instead.
            db.ChangeTracker.Clear();
            input.ClientKey = retry;
            return await SaveNoteAsync(db, p, null, input, scope, ct);
        }
        return new NoteSaved(NoteView.Of(note), created, input.Signs.Count == 0 ? NoteInput.NoTagWarning : null);
    }

    public static async Task<bool> DeleteNoteAsync(StillasDb db, int noteId, CancellationToken ct)
    {
        var note = await db.AssessmentNotes.SingleOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null) return false;
        db.AssessmentNotes.Remove(note);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A guide keeps a note past the final report, with a reason (audited); or lets it go.</summary>
    public static async Task<bool> KeepNoteAsync(StillasDb db, int noteId, bool keep, string? reason, AccessScope scope, CancellationToken ct)
    {
        var note = await db.AssessmentNotes.SingleOrDefaultAsync(n => n.Id == noteId, ct);
        if (note is null) return false;
        note.Keep = keep;
        note.KeepReason = keep ? reason!.Trim() : null;
        note.KeptBy = keep ? scope.ActorName : null;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Deletes kept notes whose retention has run out (the report's <see cref="AssessmentReport.NotesDeleteOn"/>
    /// has come), and any note that is not kept of a final report. Runs with the system's scope.
    /// </summary>
    public static async Task<int> PurgeAsync(StillasDb db, DateOnly today, CancellationToken ct)
    {
        var expired = await db.AssessmentReports.AsNoTracking()
            .Where(r => r.Status != ReportStatus.Draft && r.NotesDeleteOn != null && r.NotesDeleteOn <= today).Select(r => r.ProgrammeId).ToListAsync(ct);
        var final = await db.AssessmentReports.AsNoTracking().Where(r => r.Status != ReportStatus.Draft).Select(r => r.ProgrammeId).ToListAsync(ct);
        var notes = await db.AssessmentNotes.Where(n => expired.Contains(n.ProgrammeId) || (final.Contains(n.ProgrammeId) && !n.Keep)).ToListAsync(ct);
        if (notes.Count == 0) return 0;
        db.AssessmentNotes.RemoveRange(notes);
        await db.SaveChangesAsync(ct);
        return notes.Count;
    }

    // ---- Report --------------------------------------------------------------------------------

    /// <summary>Whether the programme's report is final or presented (then no notes are written).</summary>
    public static async Task<bool> ReportIsFinalAsync(StillasDb db, int programmeId, CancellationToken ct) =>
        await FinalReport.FirstOrDefaultAsync(db, programmeId, ct) is not null;

    // Compiled once: these run on every note saved as you type.
    private static readonly CompiledQuery<int, int?> FinalReport = new((db, id) =>
        db.AssessmentReports.Where(r => r.ProgrammeId == id && r.Status != ReportStatus.Draft).Select(r => (int?)r.Id).Take(1));

    private static readonly CompiledQuery<Guid, AssessmentNote> NoteByClientKey = new((db, key) =>
        db.AssessmentNotes.Where(n => n.ClientKey == key));

    public static async Task<ReportView?> ReportAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var r = await db.AssessmentReports.AsNoTracking().Include(r => r.Sections).Include(r => r.Presentations).SingleOrDefaultAsync(r => r.ProgrammeId == programmeId, ct);
        return r is null ? null : new ReportView(r.Id, r.ProgrammeId, r.Status, r.FinalAt, r.FinalBy, r.NotesDeleteOn,
            [.. r.Sections.OrderBy(s => s.Order).Select(SectionView.Of)],
            [.. r.Presentations.OrderBy(x => x.Date).ThenBy(x => x.Audience).Select(x => new PresentationView(x.Id, x.Audience, x.Date, x.Note))]);
    }

    /// <summary>Starts the report: one section per sign of good practice in the current future picture, then the summary.</summary>
    public static async Task<AssessmentReport> StartReportAsync(StillasDb db, AssessmentProgramme p, CancellationToken ct)
    {
        var existing = await db.AssessmentReports.SingleOrDefaultAsync(r => r.ProgrammeId == p.Id, ct);
        if (existing is not null) return existing;
        var signs = await FuturePictureQueries.CurrentSignsAsync(db, p.Id, ct);
        var report = new AssessmentReport { ProgrammeId = p.Id }.PlaceIn(p);
        var order = 0;
        foreach (var s in signs)
            report.Sections.Add(new ReportSection { SignKey = s.StableKey, Order = ++order, Title = s.Text }.PlaceIn(p));
        if (signs.Count == 0)
            report.Sections.Add(new ReportSection { Order = ++order, Title = "Funn og vurderinger" }.PlaceIn(p));
        report.Sections.Add(new ReportSection { IsSummary = true, Order = ++order, Title = "Oppsummering" }.PlaceIn(p));
        db.AssessmentReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another guide started it in the same moment.
            db.ChangeTracker.Clear();
            return await db.AssessmentReports.SingleAsync(r => r.ProgrammeId == p.Id, ct);
        }
        return report;
    }

    /// <summary>
    /// Saves one section when nobody saved it since <see cref="SectionInput.ExpectedVersion"/>; otherwise a
    /// conflict with their text (nothing is saved, the guide's text stays in the form). Sections are rows of
    /// their own, so saves of different sections never touch each other.
    /// </summary>
    public static async Task<SectionSave?> SaveSectionAsync(StillasDb db, int sectionId, SectionInput input, AccessScope scope, CancellationToken ct)
    {
        var section = await db.AssessmentReportSections.Include(s => s.Report).SingleOrDefaultAsync(s => s.Id == sectionId, ct);
        if (section is null) return null;
        if (section.Report!.Status != ReportStatus.Draft) return new SectionSave.Locked();
        var (findings, worksWell, toDevelop, questions) = (input.Findings?.Trim() ?? "", section.IsSummary ? "" : input.WorksWell?.Trim() ?? "",
            section.IsSummary ? "" : input.ToDevelop?.Trim() ?? "", input.Questions?.Trim() ?? "");
        if (section.Version != input.ExpectedVersion)
        {
            // The very text that is saved already (a retried save, or the draft of a save that did land when the page
            // was closed) loses nobody's text: it is answered as saved, without a new version.
            var same = section.UpdatedAt is not null && section.Findings == findings && section.WorksWell == worksWell && section.ToDevelop == toDevelop && section.Questions == questions;
            return same ? new SectionSave.Saved(SectionView.Of(section)) : new SectionSave.Conflict(SectionView.Of(section));
        }
        var now = db.Clock.GetUtcNow();
        section.Findings = findings;
        section.WorksWell = worksWell;
        section.ToDevelop = toDevelop;
        section.Questions = questions;
        section.Version++;
        section.UpdatedAt = now;
        section.UpdatedBy = scope.ActorName;
        db.AssessmentReportSectionVersions.Add(new ReportSectionVersion
        {
            Section = section, Number = section.Version,
            Findings = section.Findings, WorksWell = section.WorksWell, ToDevelop = section.ToDevelop, Questions = section.Questions,
            AuthorName = scope.ActorName, CreatedAt = now,
        }.PlaceIn(section));
        try
        {
            await db.SaveChangesAsync(ct);
            return new SectionSave.Saved(SectionView.Of(section));
        }
        catch (DbUpdateException)
        {
            // Saved by someone else in the same moment (the row's version moved, or their version number is taken).
            db.ChangeTracker.Clear();
            var theirs = await db.AssessmentReportSections.AsNoTracking().SingleAsync(s => s.Id == sectionId, ct);
            return new SectionSave.Conflict(SectionView.Of(theirs));
        }
    }

    /// <summary>A section's history (the team's drafts, confidential); the read is written to the audit log.</summary>
    public static async Task<List<SectionVersionView>> SectionVersionsAsync(StillasDb db, AccessScope scope, int sectionId, CancellationToken ct)
    {
        var rows = await db.AssessmentReportSectionVersions.AsNoTracking().Where(v => v.SectionId == sectionId).ToListAsync(ct);
        await ConfidentialReads.RecordAsync<ReportSectionVersion>(db, scope, sectionId, rows.Select(v => v.Id), "API", ct);
        return [.. rows.OrderByDescending(v => v.Number).Select(v => new SectionVersionView(v.Number, v.Findings, v.WorksWell, v.ToDevelop, v.Questions, v.AuthorName, v.CreatedAt))];
    }

    public sealed record FinalOutcome(IReadOnlyList<string> EmptySections, bool MadeFinal, int NotesDeleted, DateOnly? NotesDeleteOn);

    /// <summary>
    /// Makes the report final. With empty sections it is refused with their names unless <paramref name="confirmEmpty"/>.
    /// Notes no guide has chosen to keep are deleted now; kept notes live until the owner's retention period has run out.
    /// </summary>
    public static async Task<FinalOutcome?> MakeFinalAsync(StillasDb db, int programmeId, bool confirmEmpty, AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var report = await db.AssessmentReports.Include(r => r.Sections).SingleOrDefaultAsync(r => r.ProgrammeId == programmeId, ct);
        if (report is null) return null;
        if (report.Status != ReportStatus.Draft) return new FinalOutcome([], true, 0, report.NotesDeleteOn);
        var empty = report.Sections.Where(s => s.IsEmpty).OrderBy(s => s.Order).Select(s => s.Title).ToList();
        if (empty.Count > 0 && !confirmEmpty) return new FinalOutcome(empty, false, 0, null);
        var days = await RetentionDaysAsync(db, report.OwnerId, ct);
        report.Status = ReportStatus.Final;
        report.FinalAt = db.Clock.GetUtcNow();
        report.FinalBy = scope.ActorName;
        report.NotesDeleteOn = today.AddDays(days);
        var unkept = await db.AssessmentNotes.Where(n => n.ProgrammeId == programmeId && !n.Keep).ToListAsync(ct);
        db.AssessmentNotes.RemoveRange(unkept);
        await db.SaveChangesAsync(ct);
        return new FinalOutcome(empty, true, unkept.Count, report.NotesDeleteOn);
    }

    public static async Task<int> RetentionDaysAsync(StillasDb db, int ownerId, CancellationToken ct) =>
        await db.AssessmentSettings.AsNoTracking().Where(s => s.OwnerId == ownerId).Select(s => (int?)s.NoteRetentionDays).SingleOrDefaultAsync(ct) ?? AssessmentSettings.DefaultRetentionDays;

    /// <summary>Null when <paramref name="days"/> is a retention period an owner may set; else the Norwegian reason.</summary>
    public static string? CheckRetentionDays(int? days) => days is null or < 0 or > AssessmentSettings.MaxRetentionDays
        ? L.T("Skriv et helt antall dager fra 0 til {0} (to år). 0 betyr at beholdte notater slettes dagen rapporten blir endelig.", AssessmentSettings.MaxRetentionDays)
        : null;

    /// <summary>Sets the owner's retention period for kept notes; it applies to reports made final from now on.</summary>
    /// <summary>The owner's settings row's version (0: none yet, the defaults apply), which a form or API caller sends back.</summary>
    public static async Task<int> SettingsVersionAsync(StillasDb db, int ownerId, CancellationToken ct) =>
        await db.AssessmentSettings.AsNoTracking().Where(s => s.OwnerId == ownerId).Select(s => (int?)s.Version).SingleOrDefaultAsync(ct) ?? 0;

    /// <summary>Sets the owner's retention period; with the <paramref name="version"/> the caller read, a change by someone else since then is a conflict.</summary>
    public static async Task SetRetentionDaysAsync(StillasDb db, int ownerId, int days, CancellationToken ct, int? version = null)
    {
        var settings = await db.AssessmentSettings.SingleOrDefaultAsync(s => s.OwnerId == ownerId, ct);
        // Version 1: a form that saw no settings yet sends 0, so it cannot overwrite settings made meanwhile.
        if (settings is null) db.AssessmentSettings.Add(settings = new AssessmentSettings { OwnerId = ownerId, Version = 1 });
        else if (version is int v) db.Expect(settings, v);
        settings.NoteRetentionDays = days;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records that the final report was presented to an audience on a date; the report is then "lagt fram".</summary>
    public static async Task<string?> AddPresentationAsync(StillasDb db, int programmeId, Audience audience, DateOnly date, string? note, CancellationToken ct)
    {
        var report = await db.AssessmentReports.SingleOrDefaultAsync(r => r.ProgrammeId == programmeId, ct);
        if (report is null) return L.T("Rapporten finnes ikke.");
        if (report.Status == ReportStatus.Draft) return L.T("Gjør rapporten endelig før du registrerer at den er lagt fram.");
        db.AssessmentReportPresentations.Add(new ReportPresentation
        {
            ReportId = report.Id, Audience = audience, Date = date,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        }.PlaceIn(report));
        report.Status = ReportStatus.Presented;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
