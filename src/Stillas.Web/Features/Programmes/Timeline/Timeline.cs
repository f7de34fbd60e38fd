using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Timeline;

/// <summary>One event of a programme's timeline. <paramref name="At"/> is Oslo local time; <paramref name="HasTime"/> false for a date only.</summary>
public sealed record TimelineEvent(DateTime At, bool HasTime, string Category, string Title, string? Detail = null, string? Link = null, bool Planned = false);

/// <summary>
/// Where timeline events come from. Every registered source is asked (DI: <c>services.AddSingleton&lt;ITimelineSource, X&gt;()</c>);
/// the assessment days and report add theirs by registering one more source. A source reads through
/// the caller's <see cref="StillasDb"/>, so the access filters decide what each reader sees, and must
/// only return what the school, the team and the owner may all read (no team notes, no drafts).
/// </summary>
public interface ITimelineSource
{
    Task<IReadOnlyList<TimelineEvent>> EventsAsync(StillasDb db, ProgrammeHead programme, CancellationToken ct);
}

public static class TimelineService
{
    public static async Task<List<TimelineEvent>> EventsAsync(StillasDb db, IEnumerable<ITimelineSource> sources, ProgrammeHead programme, CancellationToken ct)
    {
        var all = new List<TimelineEvent>();
        // One DbContext: the sources run one after another.
        foreach (var s in sources) all.AddRange(await s.EventsAsync(db, programme, ct));
        return [.. all.OrderBy(e => e.At).ThenBy(e => e.Title, StringComparer.Ordinal)];
    }

    public static string When(TimelineEvent e) => e.HasTime
        ? e.At.ToString("dd.MM.yyyy 'kl.' HH:mm", CultureInfo.InvariantCulture)
        : e.At.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static PdfDocumentModel Pdf(ProgrammeHead programme, IReadOnlyList<TimelineEvent> events, DateOnly today)
    {
        var blocks = new List<PdfBlock>();
        foreach (var year in events.GroupBy(e => e.At.Year))
        {
            blocks.Add(new PdfHeading(1, year.Key.ToString(CultureInfo.InvariantCulture)));
            blocks.Add(new PdfTable(["Når", "Hva", "Detaljer"],
                [.. year.Select(e => (IReadOnlyList<string>)[When(e) + (e.Planned ? " (planlagt)" : ""), $"{e.Category}: {e.Title}", e.Detail ?? ""])], [1.2, 2, 3]));
        }
        if (events.Count == 0) blocks.Add(new PdfParagraph("Ingen hendelser ennå."));
        return new PdfDocumentModel("Tidslinje for veiledningsforløpet")
        {
            Subtitle = programme.School,
            Author = programme.Owner,
            Subject = $"Tidslinje for veiledningsforløpet ved {programme.School}",
            Cover = new PdfCover { Lines = [new("Skole", programme.School), new("Skoleeier", programme.Owner), new("Hendelser", events.Count.ToString(CultureInfo.InvariantCulture))], Date = today },
            Sections = blocks,
        };
    }
}

/// <summary>The events this platform knows of today: agreement, plan, documents, future picture, sessions, interim work, evaluations.</summary>
/// <remarks>
/// The page runs nine queries, so its queries are compiled once (EF.CompileAsyncQuery): a profile of the page
/// under load showed a quarter of its CPU in building the LINQ expressions, extracting their parameters and
/// looking them up in EF Core's query cache on every request. The access filters still apply.
/// </remarks>
public sealed class CoreTimelineSource : ITimelineSource
{
    private static DateTime Local(DateTimeOffset t) => NorwegianTime.ToOslo(t).DateTime;
    private static DateTime Day(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);

    private sealed record VersionRow(int Number, DateTimeOffset? OwnerApprovedAt, DateTimeOffset? PrincipalApprovedAt);
    private sealed record StepRow(int Id, StepKind Kind, int? SessionNumber, string Title, string PhaseName, DateOnly Date, DateOnly? EndDate, StepStatus Status, string? Note);
    private sealed record FileRow(string FileName, DateTimeOffset UploadedAt, string UploadedByName, string Title);
    private sealed record PictureRow(int Number, DateTimeOffset CreatedAt, string AuthorName, string? ChangeNote);
    private sealed record SessionRow(int Id, int PlanStepId, int Number, TimeOnly? StartTime, string? Place, int? CycleStep);
    private sealed record AgreementRow(int SessionId, int Version, DateTimeOffset? SentAt, DateOnly FeedbackDeadline, int Count);
    private sealed record FeedbackRow(int SessionId, DateTimeOffset? SubmittedAt, string? SubmittedByName, bool Late);
    private sealed record EvaluationRow(int SessionId, int Count, DateTimeOffset Last, double? Avg);

    private static readonly CompiledQuery<int, VersionRow> Versions = new((db, id) =>
        db.AgreementVersions.AsNoTracking().Where(v => v.Agreement!.ProgrammeId == id && v.OwnerApprovedAt != null && v.PrincipalApprovedAt != null)
            .Select(v => new VersionRow(v.Number, v.OwnerApprovedAt, v.PrincipalApprovedAt)));

    private static readonly CompiledQuery<int, StepRow> Steps = new((db, id) =>
        db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == id)
            .Select(s => new StepRow(s.Id, s.Kind, s.SessionNumber, s.Title, s.PhaseName, s.Date, s.EndDate, s.Status, s.Note)));

    private static readonly CompiledQuery<int, FileRow> Files = new((db, id) =>
        db.StoredFiles.AsNoTracking().Where(f => f.Request!.ProgrammeId == id)
            .Select(f => new FileRow(f.FileName, f.UploadedAt, f.UploadedByName, f.Request!.Title)));

    private static readonly CompiledQuery<int, PictureRow> Pictures = new((db, id) =>
        db.FuturePictureVersions.AsNoTracking().Where(v => v.FuturePicture!.ProgrammeId == id)
            .Select(v => new PictureRow(v.Number, v.CreatedAt, v.AuthorName, v.ChangeNote)));

    private static readonly CompiledQuery<int, SessionRow> Held = new((db, id) =>
        db.Sessions.AsNoTracking().Where(g => g.ProgrammeId == id)
            .Select(g => new SessionRow(g.Id, g.PlanStepId, g.Number, g.StartTime, g.Place, g.CycleStep)));

    private static readonly CompiledQuery<int[], AgreementRow> Agreements = new((db, sessionIds) =>
        db.Set<InterimWorkAgreement>().AsNoTracking().Where(a => sessionIds.Contains(a.SessionId) && a.Status != InterimWorkStatus.Draft)
            .Select(a => new AgreementRow(a.SessionId, a.Version, a.SentAt, a.FeedbackDeadline, a.Points.Count)));

    private static readonly CompiledQuery<int[], FeedbackRow> Feedback = new((db, sessionIds) =>
        db.Set<InterimWorkFeedback>().AsNoTracking().Where(f => sessionIds.Contains(f.SessionId) && f.SubmittedAt != null)
            .Select(f => new FeedbackRow(f.SessionId, f.SubmittedAt, f.SubmittedByName, f.Late)));

    private static readonly CompiledQuery<int[], EvaluationRow> Evaluations = new((db, sessionIds) =>
        db.Set<SessionEvaluation>().AsNoTracking().Where(e => sessionIds.Contains(e.SessionId))
            .GroupBy(e => e.SessionId).Select(g => new EvaluationRow(g.Key, g.Count(), g.Max(e => e.CreatedAt), g.Average(e => (double?)e.Rating))));

    private static readonly CompiledQuery<int, PhaseEvaluation> Phases = new((db, id) =>
        db.Set<PhaseEvaluation>().AsNoTracking().Where(e => e.ProgrammeId == id));

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct)) list.Add(row);
        return list;
    }

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(StillasDb db, ProgrammeHead p, CancellationToken ct)
    {
        var events = new List<TimelineEvent>();
        var id = p.Id;

        // The guidance agreement: each version approved by both parties.
        var versions = await ListAsync(Versions.Run(db, id), ct);
        foreach (var v in versions)
        {
            var at = v.OwnerApprovedAt > v.PrincipalApprovedAt ? v.OwnerApprovedAt!.Value : v.PrincipalApprovedAt!.Value;
            events.Add(new(Local(at), true, "Avtale", $"Samarbeidsavtale versjon {v.Number} godkjent av begge parter", null, $"/Programmes/Agreement/Details/{id}?version={v.Number}"));
        }

        // The plan's steps (sessions come below with their time and place).
        // All the plan's steps in one query; the session steps are used further down.
        var allSteps = await ListAsync(Steps.Run(db, id), ct);
        foreach (var s in allSteps.Where(s => s.Kind != StepKind.Session))
        {
            var status = s.Status switch { StepStatus.Done => "gjennomført", StepStatus.Cancelled => "avlyst", StepStatus.Moved => "flyttet", _ => "planlagt" };
            var days = s.EndDate is { } e && e != s.Date ? $"{NorwegianTime.Date(s.Date)}–{NorwegianTime.Date(e)}, " : "";
            events.Add(new(Day(s.Date), false, "Plan", $"{s.Title} ({s.PhaseName})", $"{days}{status}" + (s.Note is null ? "" : $". {s.Note}"), $"/Programmes/Step/{s.Id}", s.Status != StepStatus.Done));
        }

        // Documents delivered.
        foreach (var f in await ListAsync(Files.Run(db, id), ct))
            events.Add(new(Local(f.UploadedAt), true, "Dokument", $"{f.Title}: {f.FileName}", $"Lastet opp av {f.UploadedByName}", $"/Programmes/StartUp/Documents/{id}"));

        // Future picture versions.
        foreach (var v in await ListAsync(Pictures.Run(db, id), ct))
            events.Add(new(Local(v.CreatedAt), true, "Fremtidsbilde", $"Fremtidsbilde versjon {v.Number}", $"Lagret av {v.AuthorName}" + (v.ChangeNote is null ? "" : $": {v.ChangeNote}"), $"/Programmes/FuturePicture/{id}"));

        // The programme's sessions, read once by its index (ProgrammeId, Number): the session steps, the interim
        // work, the feedback and the evaluations below refer to them. (Reached through navigations instead, each of
        // those queries joined or windowed the whole Sessions table: 20 ms each on the national dataset.)
        var held = await ListAsync(Held.Run(db, id), ct);
        var byStep = held.ToDictionary(g => g.PlanStepId);
        var numberOf = held.ToDictionary(g => g.Id, g => g.Number);
        var sessionIds = held.Select(g => g.Id).ToArray();

        // Sessions: the plan's session steps with the session's time and place when recorded.
        foreach (var s in allSteps.Where(s => s.Kind == StepKind.Session))
        {
            var g = byStep.GetValueOrDefault(s.Id);
            var time = g?.StartTime ?? new TimeOnly(9, 0);
            var detail = string.Join(". ", new[] { g?.Place, g?.CycleStep is int c ? $"Læringssirkelen: {LearningCycle.Name(c)}" : null, s.Status == StepStatus.Done ? "Gjennomført" : null }.Where(x => x is not null));
            events.Add(new(s.Date.ToDateTime(time), g is not null, "Veiledning", $"Veiledning {s.SessionNumber}", detail.Length == 0 ? null : detail,
                g is null ? $"/Programmes/Sessions/{id}" : $"/Programmes/Sessions/Session/{g.Id}", s.Status != StepStatus.Done));
        }
        if (sessionIds.Length > 0)
        {
            // Interim work sent, and the school's feedback.
            // By session (index SessionId, Version); InterimWorkAgreements has no index on ProgrammeId.
            foreach (var a in (await ListAsync(Agreements.Run(db, sessionIds), ct)).Where(a => a.SentAt is not null))
                events.Add(new(Local(a.SentAt!.Value), true, "Mellomarbeid", $"Avtale om mellomarbeid etter veiledning {numberOf[a.SessionId]}" + (a.Version > 1 ? $" (versjon {a.Version})" : "") + " sendt skolen",
                    $"{a.Count} punkter, tilbakemelding innen {NorwegianTime.Date(a.FeedbackDeadline)}", $"/Programmes/Sessions/InterimWork/{a.SessionId}"));
            foreach (var f in await ListAsync(Feedback.Run(db, sessionIds), ct))
                events.Add(new(Local(f.SubmittedAt!.Value), true, "Mellomarbeid", $"Skolens tilbakemelding på mellomarbeidet etter veiledning {numberOf[f.SessionId]}",
                    $"Sendt av {f.SubmittedByName}" + (f.Late ? " etter fristen" : ""), $"/Programmes/Sessions/InterimWork/{f.SessionId}"));

            // Session evaluations, per session.
            foreach (var e in await ListAsync(Evaluations.Run(db, sessionIds), ct))
                events.Add(new(Local(e.Last), true, "Evaluering", $"Evaluering av veiledning {numberOf[e.SessionId]}", $"{e.Count} svar" + (e.Avg is double avg ? $", gjennomsnitt {avg.ToString("0.0", CultureInfo.GetCultureInfo("nb-NO"))} av 6" : ""), $"/Programmes/Sessions/Evaluate/{e.SessionId}"));
        }
        // Phase evaluations.
        foreach (var e in await ListAsync(Phases.Run(db, id), ct))
        {
            if (e.FeedbackAt is { } fa)
                events.Add(new(Local(fa), true, "Evaluering", $"Tilbakemelding fra rektor ({SessionService.PhaseTitle(e.PhaseKey).ToLowerInvariant()})", $"Fra {e.FeedbackByName}", $"/Programmes/Sessions/Phase/{id}/{e.PhaseKey}"));
            if (e.MeetingDate is { } md)
                events.Add(new(Day(md), false, "Evaluering", "Evalueringsmøte", e.Conclusions, $"/Programmes/Sessions/Phase/{id}/{e.PhaseKey}"));
        }
        return events;
    }
}
