using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Text;
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

    /// <summary>"24.11.2026 kl. 14:00" / "24/11/2026 at 14:00" (the current culture), or the date alone.</summary>
    public static string When(TimelineEvent e) => e.HasTime
        ? L.T("{0} kl. {1}", NorwegianTime.Date(DateOnly.FromDateTime(e.At)), NorwegianTime.Time(TimeOnly.FromDateTime(e.At)))
        : NorwegianTime.Date(DateOnly.FromDateTime(e.At));

    public static PdfDocumentModel Pdf(ProgrammeHead programme, IReadOnlyList<TimelineEvent> events, DateOnly today)
    {
        var blocks = new List<PdfBlock>();
        foreach (var year in events.GroupBy(e => e.At.Year))
        {
            blocks.Add(new PdfHeading(1, year.Key.ToString(CultureInfo.InvariantCulture)));
            blocks.Add(new PdfTable([L.T("Når"), L.T("Hva"), L.T("Detaljer")],
                [.. year.Select(e => (IReadOnlyList<string>)[When(e) + (e.Planned ? " " + L.T("(planlagt)") : ""), $"{e.Category}: {e.Title}", e.Detail ?? ""])], [1.2, 2, 3]));
        }
        if (events.Count == 0) blocks.Add(new PdfParagraph(L.T("Ingen hendelser ennå.")));
        return new PdfDocumentModel(L.T("Tidslinje for veiledningsforløpet"))
        {
            Subtitle = programme.School,
            Author = programme.Owner,
            Subject = L.T("Tidslinje for veiledningsforløpet ved {0}", programme.School),
            Cover = new PdfCover { Lines = [new(L.T("Skole"), programme.School), new(L.T("Skoleeier"), programme.Owner), new(L.T("Hendelser"), events.Count.ToString(CultureInfo.CurrentCulture))], Date = today },
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
    private sealed record StepRow(int Id, StepKind Kind, string Key, string PhaseKey, int? SessionNumber, string Title, string PhaseName, DateOnly Date, DateOnly? EndDate, StepStatus Status, string? Note);
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
            .Select(s => new StepRow(s.Id, s.Kind, s.Key, s.PhaseKey, s.SessionNumber, s.Title, s.PhaseName, s.Date, s.EndDate, s.Status, s.Note)));

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
            events.Add(new(Local(at), true, L.T("Avtale"), L.T("Samarbeidsavtale versjon {0} godkjent av begge parter", v.Number), null, $"/Programmes/Agreement/Details/{id}?version={v.Number}"));
        }

        // The plan's steps (sessions come below with their time and place).
        // All the plan's steps in one query; the session steps are used further down.
        var allSteps = await ListAsync(Steps.Run(db, id), ct);
        foreach (var s in allSteps.Where(s => s.Kind != StepKind.Session))
        {
            var status = s.Status switch { StepStatus.Done => L.T("gjennomført"), StepStatus.Cancelled => L.T("avlyst"), StepStatus.Moved => L.T("flyttet"), _ => L.T("planlagt") };
            var days = s.EndDate is { } e && e != s.Date ? $"{NorwegianTime.Date(s.Date)}–{NorwegianTime.Date(e)}, " : "";
            events.Add(new(Day(s.Date), false, L.T("Plan"), $"{L.Data(s.Title)} ({L.Data(s.PhaseName)})", $"{days}{status}" + (s.Note is null ? "" : $". {s.Note}"), StepLinks.WorkUrl(s.Id, id, s.Kind, s.Key, s.PhaseKey), s.Status != StepStatus.Done));
        }

        // Documents delivered.
        foreach (var f in await ListAsync(Files.Run(db, id), ct))
            events.Add(new(Local(f.UploadedAt), true, L.T("Dokument"), $"{L.Data(f.Title)}: {f.FileName}", L.T("Lastet opp av {0}", f.UploadedByName), $"/Programmes/StartUp/Documents/{id}"));

        // Future picture versions.
        foreach (var v in await ListAsync(Pictures.Run(db, id), ct))
            events.Add(new(Local(v.CreatedAt), true, L.T("Fremtidsbilde"), L.T("Fremtidsbilde versjon {0}", v.Number), L.T("Lagret av {0}", v.AuthorName) + (v.ChangeNote is null ? "" : $": {v.ChangeNote}"), $"/Programmes/FuturePicture/{id}"));

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
            var detail = string.Join(". ", new[] { g?.Place, g?.CycleStep is int c ? L.T("Læringssirkelen: {0}", LearningCycle.Name(c)) : null, s.Status == StepStatus.Done ? L.T("Gjennomført") : null }.Where(x => x is not null));
            events.Add(new(s.Date.ToDateTime(time), g is not null, L.T("Veiledning"), L.T("Veiledning {0}", s.SessionNumber), detail.Length == 0 ? null : detail,
                g is null ? $"/Programmes/Sessions/{id}" : $"/Programmes/Sessions/Session/{g.Id}", s.Status != StepStatus.Done));
        }
        if (sessionIds.Length > 0)
        {
            // Interim work sent, and the school's feedback.
            // By session (index SessionId, Version); InterimWorkAgreements has no index on ProgrammeId.
            foreach (var a in (await ListAsync(Agreements.Run(db, sessionIds), ct)).Where(a => a.SentAt is not null))
                events.Add(new(Local(a.SentAt!.Value), true, L.T("Mellomarbeid"), a.Version > 1
                        ? L.T("Avtale om mellomarbeid etter veiledning {0} (versjon {1}) sendt skolen", numberOf[a.SessionId], a.Version)
                        : L.T("Avtale om mellomarbeid etter veiledning {0} sendt skolen", numberOf[a.SessionId]),
                    L.T("{0} punkter, tilbakemelding innen {1}", a.Count, NorwegianTime.Date(a.FeedbackDeadline)), $"/Programmes/Sessions/InterimWork/{a.SessionId}"));
            foreach (var f in await ListAsync(Feedback.Run(db, sessionIds), ct))
                events.Add(new(Local(f.SubmittedAt!.Value), true, L.T("Mellomarbeid"), L.T("Skolens tilbakemelding på mellomarbeidet etter veiledning {0}", numberOf[f.SessionId]),
                    f.Late ? L.T("Sendt av {0} etter fristen", f.SubmittedByName) : L.T("Sendt av {0}", f.SubmittedByName), $"/Programmes/Sessions/InterimWork/{f.SessionId}"));

            // Session evaluations, per session.
            foreach (var e in await ListAsync(Evaluations.Run(db, sessionIds), ct))
                events.Add(new(Local(e.Last), true, L.T("Evaluering"), L.T("Evaluering av veiledning {0}", numberOf[e.SessionId]), e.Avg is double avg ? L.T("{0} svar, gjennomsnitt {1} av 6", e.Count, avg.ToString("0.0", CultureInfo.CurrentCulture)) : L.T("{0} svar", e.Count), $"/Programmes/Sessions/Evaluate/{e.SessionId}"));
        }
        // Phase evaluations.
        foreach (var e in await ListAsync(Phases.Run(db, id), ct))
        {
            if (e.FeedbackAt is { } fa)
                events.Add(new(Local(fa), true, L.T("Evaluering"), L.T("Tilbakemelding fra rektor ({0})", SessionService.PhaseTitle(e.PhaseKey).ToLowerInvariant()), L.T("Fra {0}", e.FeedbackByName), $"/Programmes/Sessions/Phase/{id}/{e.PhaseKey}"));
            if (e.MeetingDate is { } md)
                events.Add(new(Day(md), false, L.T("Evaluering"), L.T("Evalueringsmøte"), e.Conclusions, $"/Programmes/Sessions/Phase/{id}/{e.PhaseKey}"));
        }
        return events;
    }
}
