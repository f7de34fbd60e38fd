using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.FuturePicture;

/// <summary>The current future picture of a programme, its version history and the comments on it.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public VersionView? Current { get; private set; }
    public List<VersionSummary> Versions { get; private set; } = [];
    public List<CommentView> Comments { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanComment { get; private set; }
    [BindProperty] public string? CommentText { get; set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct) =>
        await LoadAsync(programmeId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(int programmeId, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, ct)) return NotFound();
        if (!CanComment) return Forbid();
        ModelState.Clear();
        foreach (var (_, message) in FuturePictureCommands.CheckComment(CommentText)) ModelState.AddModelError(nameof(CommentText), message);
        if (Current is null) ModelState.AddModelError(nameof(CommentText), L.T("Skolen har ikke lagret noe fremtidsbilde ennå, så det er ingenting å kommentere."));
        if (!ModelState.IsValid) return Page();
        await FuturePictureCommands.CommentAsync(db, programmeId, current.Scope, CommentText!, ct);
        TempData["Message"] = L.T("Kommentaren er lagt til.");
        return RedirectToPage(new { programmeId });
    }

    public async Task<IActionResult> OnPostResolveAsync(int programmeId, int commentId, bool resolved, CancellationToken ct)
    {
        if (!await LoadAsync(programmeId, ct)) return NotFound();
        var comment = await db.FuturePictureComments.SingleOrDefaultAsync(c => c.Id == commentId && c.FuturePicture!.ProgrammeId == programmeId, ct);
        if (comment is null) return NotFound();
        if (!CanComment) return Forbid();
        comment.Resolved = resolved;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = resolved ? L.T("Kommentaren er markert som løst.") : L.T("Kommentaren er åpnet igjen.");
        return RedirectToPage(new { programmeId });
    }

    private async Task<bool> LoadAsync(int programmeId, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return false;
        Programme = programme;
        var picture = await FuturePictureQueries.FindAsync(db, programmeId, ct);
        if (picture is { CurrentVersion: > 0 }) Current = await FuturePictureQueries.VersionAsync(db, programmeId, picture.CurrentVersion, ct);
        Versions = await FuturePictureQueries.VersionsAsync(db, programmeId, ct);
        Comments = await FuturePictureQueries.CommentsAsync(db, programmeId, ct);
        CanEdit = current.Scope.Can(Permission.ActForSchool, programme);
        CanComment = current.Scope.Can(Permission.TakePart, programme);
        return true;
    }
}
