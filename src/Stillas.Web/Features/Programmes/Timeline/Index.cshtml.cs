using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Timeline;

/// <summary>A programme as one chronological page, readable by the school, the team and the owner; and as a PDF.</summary>
public sealed class IndexModel(StillasDb db, IEnumerable<ITimelineSource> sources, TimeProvider clock, ILogger<IndexModel> log) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public List<TimelineEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        Programme = p;
        Events = await TimelineService.EventsAsync(db, sources, p, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int programmeId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        var events = await TimelineService.EventsAsync(db, sources, p, ct);
        var today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
        var bytes = PdfWriter.Render(TimelineService.Pdf(p, events, today));
        log.LogInformation("Timeline PDF for programme {Id}: {Events} events, {Ms} ms", programmeId, events.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var name = AgreementPdf.FileName(p, 1).Replace("samarbeidsavtale-", "tidslinje-", StringComparison.Ordinal).Replace("-v1.pdf", ".pdf", StringComparison.Ordinal);
        return File(bytes, "application/pdf", name);
    }
}
