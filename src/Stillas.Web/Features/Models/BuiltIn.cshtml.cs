using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Features.Programmes;

namespace Stillas.Web.Features.Models;

/// <summary>A built-in model, read-only: its phases, steps and the rules that date them.</summary>
public sealed class BuiltInModel : PageModel
{
    public ProgrammeTemplate Template { get; private set; } = default!;

    public IActionResult OnGet(string key, int version)
    {
        var template = ProgrammeTemplates.Find(key, version);
        if (template is null) return NotFound();
        Template = template;
        return Page();
    }
}
