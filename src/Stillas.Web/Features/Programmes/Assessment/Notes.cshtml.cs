using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.FuturePicture;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>
/// The guides' interview and observation notes, on a phone during the days. The form works without
/// script (the save button); wwwroot/js/autosave.js saves as you type through the Autosave handler and
/// keeps a draft in the browser, so a closed browser loses nothing. Team members only; every read is
/// in the audit log.
/// </summary>
public sealed class NotesModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public NoteInput Input { get; set; } = new();
    public AssessmentProgramme Programme { get; private set; } = default!;
    public List<NoteView> Notes { get; private set; } = [];
    public IReadOnlyList<(Guid StableKey, int Order, string Text)> Signs { get; private set; } = [];
    public NoteView? Editing { get; private set; }
    public ReportStatus? ReportStatus { get; private set; }
    public DateOnly? NotesDeleteOn { get; private set; }
    public string? Warning { get; private set; }
    public bool Locked => ReportStatus is not null and not Assessment.ReportStatus.Draft;

    public async Task<IActionResult> OnGetAsync(int programmeId, int? note, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        await LoadAsync(ct);
        if (note is int id)
        {
            Editing = Notes.FirstOrDefault(n => n.Id == id);
            if (Editing is null) return NotFound();
            Input = new NoteInput { ClientKey = Editing.ClientKey, Kind = Editing.Kind, Group = Editing.Group, Text = Editing.Text, Signs = [.. Editing.Signs], Version = Editing.Version };
            if (Editing.Signs.Count == 0) Warning = NoteInput.NoTagWarning;
        }
        else
        {
            Input = new NoteInput { ClientKey = Guid.NewGuid(), Kind = NoteKind.Interview };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        ModelState.Clear();
        if (await ReportLockedAsync(ct)) ModelState.AddModelError("", L.T("Rapporten er endelig, så det kan ikke skrives nye notater."));
        foreach (var (field, message) in Input.Check()) ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        AssessmentService.NoteSaved? saved;
        try
        {
            saved = await AssessmentService.SaveNoteAsync(db, Programme, null, Input, current.Scope, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(ct);
            return Page();
        }
        if (saved is null) return NotFound();
        TempData["Message"] = L.T("Notatet «{0}» er lagret {1}.", saved.Note.Group, NorwegianTime.DateTime(saved.Note.UpdatedAt)) + (saved.Warning is null ? "" : " " + saved.Warning);
        return Redirect($"/Programmes/Assessment/Notes/{programmeId}?note={saved.Note.Id}");
    }

    /// <summary>The script's save as you type: JSON in, JSON out (the antiforgery token comes with the form).</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int programmeId, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadCoreAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        if (!current.Scope.Can(Permission.TeamContent, p)) return NotFound();
        Programme = p;
        if (await AssessmentService.ReportIsFinalAsync(db, programmeId, ct))
            return new JsonResult(new { saved = false, message = L.T("Rapporten er endelig, så notatet kan ikke lagres.") }) { StatusCode = 409 };
        var errors = Input.Check();
        if (errors.Count > 0)
            return new JsonResult(new { saved = false, message = L.T("Ikke lagret ennå: {0}", string.Join(" ", errors.Select(e => e.Message))) }) { StatusCode = 400 };
        AssessmentService.NoteSaved? saved;
        try
        {
            saved = await AssessmentService.SaveNoteAsync(db, Programme, null, Input, current.Scope, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new JsonResult(new { saved = false, conflict = true, message = L.T("En kollega har lagret dette notatet mens du skrev. Teksten din er ikke lagret, men står i skjemaet. Trykk «Lagre» for å se begge versjonene.") }) { StatusCode = 409 };
        }
        if (saved is null) return NotFound();
        return new JsonResult(new
        {
            saved = true, id = saved.Note.Id,
            fields = new Dictionary<string, string> { ["Input.Version"] = saved.Note.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            message = L.T("Lagret kl. {0}.", NorwegianTime.ToOslo(saved.Note.UpdatedAt).ToString("HH:mm:ss", System.Globalization.CultureInfo.CurrentCulture)) + (saved.Warning is null ? "" : " " + saved.Warning),
        });
    }

    public async Task<IActionResult> OnPostKeepAsync(int programmeId, int noteId, bool keep, string? reason, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        if (keep && string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError($"reason-{noteId}", L.T("Skriv hvorfor notatet skal beholdes etter at rapporten er endelig."));
            await LoadAsync(ct);
            Input = new NoteInput { ClientKey = Guid.NewGuid(), Kind = NoteKind.Interview };
            return Page();
        }
        if (keep && reason!.Trim().Length > AssessmentNote.ReasonMax)
        {
            ModelState.AddModelError($"reason-{noteId}", L.T("Begrunnelsen kan ha høyst {0} tegn.", AssessmentNote.ReasonMax));
            await LoadAsync(ct);
            Input = new NoteInput { ClientKey = Guid.NewGuid(), Kind = NoteKind.Interview };
            return Page();
        }
        if (!await AssessmentService.KeepNoteAsync(db, noteId, keep, reason, current.Scope, ct)) return NotFound();
        TempData["Message"] = keep ? L.T("Notatet beholdes etter at rapporten er endelig. Begrunnelsen er logget.") : L.T("Notatet slettes når rapporten blir endelig.");
        return Redirect($"/Programmes/Assessment/Notes/{programmeId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int programmeId, int noteId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        if (!await AssessmentService.DeleteNoteAsync(db, noteId, ct)) return NotFound();
        TempData["Message"] = L.T("Notatet er slettet.");
        return Redirect($"/Programmes/Assessment/Notes/{programmeId}");
    }

    private async Task<bool> ReportLockedAsync(CancellationToken ct)
    {
        ReportStatus = (await AssessmentService.ReportAsync(db, Programme.Id, ct))?.Status;
        return Locked;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Signs = await FuturePictureQueries.CurrentSignsAsync(db, Programme.Id, ct);
        var report = await AssessmentService.ReportAsync(db, Programme.Id, ct);
        ReportStatus = report?.Status;
        NotesDeleteOn = report?.NotesDeleteOn;
        Notes = await AssessmentService.NotesAsync(db, Programme, current.Scope, "Notatsiden", ct);
    }

    private async Task<IActionResult?> AuthoriseAsync(int programmeId, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        if (!current.Scope.Can(Permission.TeamContent, p)) return NotFound();
        Programme = p;
        return null;
    }

    public string SignText(Guid key)
    {
        var sign = Signs.FirstOrDefault(s => s.StableKey == key);
        return sign.Text ?? L.T("(tegn som ikke lenger står i fremtidsbildet)");
    }
}
