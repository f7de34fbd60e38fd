using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Baseline;

/// <summary>
/// The benchmark baseline (issue 7): the fixed table of fortunes plus one added at request time, sorted
/// and HTML-encoded, through the same middleware, pooled DbContext and Razor as every other page.
/// Anonymous, and answers 404 unless <c>Bench:Baseline=true</c>, so a production site shows nothing.
/// </summary>
[AllowAnonymous]
public sealed class FortunesModel(StillasDb db, IConfiguration config) : PageModel
{
    public List<Fortune> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!config.GetValue<bool>("Bench:Baseline")) return NotFound();
        Rows = await db.Fortunes.AsNoTracking().ToListAsync(ct);
        Rows.Add(new Fortune { Id = 0, Message = "Ekstra rad lagt til under forespørselen." });
        Rows.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        return Page();
    }
}
