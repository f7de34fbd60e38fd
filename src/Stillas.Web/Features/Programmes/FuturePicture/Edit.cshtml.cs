using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.FuturePicture;

/// <summary>
/// The school's leaders write a new version of the future picture. Signs are indexed fields; "Legg til
/// tegn" and "Fjern" are submit buttons that keep what is typed, so the page needs no script. When
/// someone saved a newer version meanwhile, nothing is saved and both texts are shown.
/// </summary>
public sealed class EditModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public FuturePictureInput Input { get; set; } = new();
    public ProgrammeHead Programme { get; private set; } = default!;
    /// <summary>The newer version someone else saved, when this save was refused as a conflict.</summary>
    public VersionView? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        var picture = await FuturePictureQueries.FindAsync(db, programmeId, ct);
        var number = picture?.CurrentVersion ?? 0;
        Input = new FuturePictureInput { ExpectedVersion = number };
        if (number > 0 && await FuturePictureQueries.VersionAsync(db, programmeId, number, ct) is { } v)
        {
            Input.DevelopmentArea = v.DevelopmentArea;
            Input.Text = v.Text;
            Input.Signs = v.Signs.Select(s => new SignInput(s.StableKey, s.Text)).ToList();
        }
        if (Input.Signs.Count == 0) Input.Signs = [new SignInput(null, ""), new SignInput(null, ""), new SignInput(null, "")];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        ModelState.Clear();
        foreach (var (field, message) in Input.Check())
            ModelState.AddModelError(field.StartsWith("Signs[", StringComparison.Ordinal) ? $"Input.{field}.Text" : $"Input.{field}", message);
        if (!ModelState.IsValid) return Page();
        var outcome = await FuturePictureCommands.SaveVersionAsync(db, Programme.ToProgramme(), current.Scope, Input, ct);
        if (outcome is SaveOutcome.Conflict conflict)
        {
            Theirs = await FuturePictureQueries.VersionAsync(db, programmeId, conflict.Current, ct);
            // The next save is made knowingly on top of theirs; the typed text stays in the form.
            Input.ExpectedVersion = conflict.Current;
            return Page();
        }
        TempData["Message"] = L.T("Versjon {0} av fremtidsbildet er lagret.", ((SaveOutcome.Saved)outcome).Number);
        return Redirect($"/Programmes/FuturePicture/{programmeId}");
    }

    public async Task<IActionResult> OnPostAddSignAsync(int programmeId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        ModelState.Clear();
        Input.Signs.Add(new SignInput(null, ""));
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveSignAsync(int programmeId, int index, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        ModelState.Clear();
        if (index >= 0 && index < Input.Signs.Count) Input.Signs.RemoveAt(index);
        return Page();
    }

    private async Task<IActionResult?> AuthoriseAsync(int programmeId, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return NotFound();
        if (!current.Scope.Can(Permission.ActForSchool, programme)) return Forbid();
        Programme = programme;
        return null;
    }
}
