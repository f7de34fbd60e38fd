using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>The agreement as a PDF to file (?version=N; by default the version in force, or the draft while none is).</summary>
public sealed class PdfModel(StillasDb db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int programmeId, int? version, CancellationToken ct)
    {
        if (await AgreementPdf.RenderAsync(db, programmeId, version, ProgrammePlanning.Today(clock), ct) is not { } pdf) return NotFound();
        Response.Headers.ContentDisposition = $"inline; filename=\"{pdf.FileName}\"";
        return File(pdf.Bytes, "application/pdf");
    }
}
