using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>The report as a PDF: the final one for everyone who sees the programme, the draft for the team.</summary>
public sealed class ReportPdfModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        if (await ReportPdf.RenderAsync(db, programmeId, current.Scope, ProgrammePlanning.Today(clock), ct) is not { } pdf) return NotFound();
        Response.Headers.ContentDisposition = $"inline; filename=\"{pdf.FileName}\"";
        return File(pdf.Bytes, "application/pdf");
    }
}
