using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Files;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.StartUp;

/// <summary>
/// The documents the guidance team asks the school for in Fase 1: due dates, status, the files
/// delivered. School leaders upload; the team and the owner's staff set the status.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64L * 1024 * 1024)]
[RequestSizeLimit(64L * 1024 * 1024)]
public sealed class DocumentsModel(StillasDb db, CurrentScope current, FileStore store, TimeProvider clock) : PageModel
{
    public sealed record ProgrammeView(int Id, int OwnerId, int SchoolId, int TeamId, string? SchoolName, string? TeamName, string SchoolYear);

    public ProgrammeView Programme { get; private set; } = default!;
    public List<DocumentRequest> Requests { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanUpload { get; private set; }
    public DateOnly Today { get; private set; }
    public string MaxSize => store.MaxSizeText;
    /// <summary>Per request: why its upload was refused.</summary>
    public Dictionary<int, string> UploadErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(int id, int requestId, IFormFile? upload, CancellationToken ct)
    {
        var request = await db.DocumentRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ProgrammeId == id, ct);
        if (request is null) return NotFound();
        if (!current.Scope.Can(Permission.TakePart, request)) return Forbid();
        string? error;
        if (upload is null) error = L.T("Velg en fil.");
        else
        {
            await using var content = upload.OpenReadStream();
            (_, error) = await Documents.UploadAsync(db, store, current.Scope, request, content, upload.FileName, clock, ct);
        }
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            UploadErrors[requestId] = error;
            ModelState.AddModelError($"upload-{requestId}", $"{L.Data(request.Title)}: {error}");
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = L.T("Filen «{0}» er lastet opp til «{1}».", FileStore.SanitiseName(upload!.FileName), L.Data(request.Title));
        return Redirect(Back(id, requestId));
    }

    /// <param name="version">The request's version the page showed: a status set by someone else (or an upload) since then refuses this one.</param>
    public async Task<IActionResult> OnPostStatusAsync(int id, int requestId, DocumentStatus? status, int? version, CancellationToken ct)
    {
        var request = await db.DocumentRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.ProgrammeId == id, ct);
        if (request is null) return NotFound();
        if (!current.Scope.Can(Permission.RunProgramme, request)) return Forbid();
        if (status is not DocumentStatus s || !Enum.IsDefined(s))
        {
            ModelState.AddModelError($"status-{requestId}", L.T("Velg en gyldig status."));
            await LoadAsync(id, ct);
            return Page();
        }
        if (version is int v) db.Expect(request, v);
        request.Status = s;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Nothing is changed: the list is shown as it is now, with both statuses in the summary.
            var conflict = await EditConflicts.ShowAsync(db, this, ex, ct);
            static string? Named(string? value) => Enum.TryParse<DocumentStatus>(value, out var d) ? DocumentRequest.StatusName(d) : value;
            ViewData[EditConflicts.ViewDataKey] = conflict with
            {
                Fields = [.. conflict.Fields.Select(f => f.Name == nameof(DocumentRequest.Status) ? f with { Theirs = Named(f.Theirs), Yours = Named(f.Yours) } : f)],
            };
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = L.T("«{0}» har nå status {1}.", L.Data(request.Title), DocumentRequest.StatusName(s).ToLowerInvariant());
        return Redirect(Back(id, requestId));
    }

    /// <summary>The request to show unfolded (?open=id: the one just uploaded to or given a status).</summary>
    public int? Open => int.TryParse(Request.Query["open"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var open) ? open : null;

    /// <summary>Back to the request just changed, unfolded (a delivered request is folded), so the result is in view.</summary>
    private static string Back(int id, int requestId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/Programmes/StartUp/Documents/{id}?open={requestId}#request-{requestId}");

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return false;
        // Separate look-ups: a school's people see the programme but not necessarily the team (query filters).
        var names = new
        {
            School = await db.Schools.Where(s => s.Id == programme.SchoolId).Select(s => s.Name).FirstOrDefaultAsync(ct),
            Team = await db.Teams.Where(t => t.Id == programme.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct),
        };
        Programme = new ProgrammeView(programme.Id, programme.OwnerId, programme.SchoolId, programme.TeamId, names.School, names.Team, programme.SchoolYear);
        CanManage = current.Scope.Can(Permission.RunProgramme, programme);
        CanUpload = current.Scope.Can(Permission.TakePart, programme);
        Today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
        Requests = await Documents.RequestsAsync(db, current.Scope, programme, ct);
        return true;
    }
}
