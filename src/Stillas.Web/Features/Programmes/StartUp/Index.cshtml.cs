using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.StartUp;

/// <summary>
/// Oppstartsmøtet (seed 000 § 3.1): the agenda as a checklist, the minutes and the decisions. The team
/// and the owner's staff write it; the school's people read it. Two people saving at once do not
/// overwrite each other: the second sees both texts and chooses.
/// </summary>
public sealed class StartUpModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record ProgrammeView(int Id, string? SchoolName, string? TeamName, string SchoolYear);

    public ProgrammeView Programme { get; private set; } = default!;
    public StartUpMeeting Meeting { get; private set; } = default!;
    public bool CanEdit { get; private set; }
    /// <summary>Set after a refused save: the meeting as someone else saved it.</summary>
    public StartUpMeeting? Theirs { get; private set; }

    [BindProperty]
    public StartUpInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var programme = await LoadAsync(id, ct);
        if (programme is null) return NotFound();
        Input = StartUpInput.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var programme = await LoadAsync(id, ct);
        if (programme is null) return NotFound();
        if (!CanEdit) return Forbid();
        foreach (var (field, message) in Input.Check())
            ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid) return Page();
        db.ChangeTracker.Clear();
        var (meeting, conflict) = await StartUpApi.SaveAsync(db, programme, Input, ct);
        if (conflict)
        {
            Theirs = meeting;
            Meeting = meeting;
            // The next save is based on what is saved now; the form keeps what this user wrote.
            Input.Version = meeting.Version;
            ModelState.Remove($"{nameof(Input)}.{nameof(StartUpInput.Version)}");
            return Page();
        }
        TempData["Message"] = L.T("Oppstartsmøtet er lagret.");
        return RedirectToPage(new { id });
    }

    private async Task<GuidanceProgramme?> LoadAsync(int id, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return null;
        // Separate look-ups: a school's people see the programme but not necessarily the team (query filters).
        var names = new
        {
            School = await db.Schools.Where(s => s.Id == programme.SchoolId).Select(s => s.Name).FirstOrDefaultAsync(ct),
            Team = await db.Teams.Where(t => t.Id == programme.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct),
        };
        Programme = new ProgrammeView(programme.Id, names.School, names.Team, programme.SchoolYear);
        CanEdit = current.Scope.Can(Permission.RunProgramme, programme);
        Meeting = await StartUpApi.LoadAsync(db, programme, ct);
        return programme;
    }
}
