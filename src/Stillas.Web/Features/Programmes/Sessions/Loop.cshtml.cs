using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Files;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>
/// The school's own process loop for the interim work agreed at session <c>id</c> (seed 000 § 5.3): agenda for the
/// SKUT meeting, the SKUT meeting, the staff meeting, documentation, round after round until the next session.
/// The school's principal, leaders and SKUT members write; the team and the school's people read; anyone else who
/// sees the programme (the owner's staff outside the team, the system administrator) sees the rounds' state only.
/// </summary>
public sealed class LoopModel(StillasDb db, CurrentScope current, TimeProvider clock, FileStore store) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public SessionView Session { get; private set; } = default!;
    public SessionView? Next { get; private set; }
    public InterimWorkAgreement? Agreement { get; private set; }
    public List<SchoolLoopRound> Rounds { get; private set; } = [];
    /// <summary>The round the form edits (null: a new round).</summary>
    public SchoolLoopRound? Editing { get; private set; }
    /// <summary>Reads the rounds' text: the team and the school's people.</summary>
    public bool ReadsText { get; private set; }
    /// <summary>Writes the rounds: the principal, school leaders and the school's SKUT members, while the programme runs.</summary>
    public bool CanWrite { get; private set; }
    public bool MayAddRound => Rounds.Count < SchoolLoopRound.MaxRounds;
    public string MaxSize => store.MaxSizeText;

    [BindProperty] public SchoolLoopService.LoopInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? runde, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Editing = runde is int r ? Rounds.FirstOrDefault(x => x.LoopRound == r) : Rounds.LastOrDefault() is { Documented: false } last ? last : null;
        Input = Editing is { } e
            ? new() { RoundId = e.Id, Version = e.Version, Agenda = e.SkutAgenda, SkutDate = e.SkutDate, SkutParticipants = e.SkutParticipants, SkutDecisions = e.SkutDecisions,
                StaffDate = e.StaffDate, StaffWork = e.StaffWork, Documentation = e.Documentation }
            : new() { Version = 0, Agenda = SchoolLoopService.DefaultAgenda(Session.Number, Agreement, Rounds.LastOrDefault()) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWrite) return Forbid();
        if (Agreement is null) return NotFound();
        Editing = Input.RoundId is int rid ? Rounds.FirstOrDefault(r => r.Id == rid) : null;
        ModelState.Clear();
        var hasFile = file is { Length: > 0 } || (Editing?.StoragePath is not null && !Input.RemoveFile);
        foreach (var (f, m) in SchoolLoopService.Check(Input, hasFile)) ModelState.AddModelError($"Input.{f}", m);
        if (!ModelState.IsValid) return Page();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        try
        {
            var (saved, field, error) = await SchoolLoopService.SaveAsync(db, store, session, current.Scope, Input, file, clock, ct);
            if (saved is null)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError(field == "File" ? "file" : $"Input.{field}", error!);
                return Page();
            }
            TempData["Message"] = L.T("Runde {0} er lagret.", saved.LoopRound);
            return RedirectToPage(new { id, runde = saved.Documented ? (int?)null : saved.LoopRound });
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone at the school saved this round meanwhile: both shown, this text kept, their version carried.
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(id, ct);
            Editing = Rounds.FirstOrDefault(r => r.Id == Input.RoundId);
            return Page();
        }
        catch (DbUpdateException) when (Input.RoundId is null or 0)
        {
            // Two people started the same new round at once: the other one won.
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            ModelState.AddModelError("Input.Agenda", L.T("Noen andre startet en ny runde samtidig. Se rundene over, og lagre på nytt."));
            return Page();
        }
    }

    /// <summary>The file of a round (the newest round with one when <paramref name="runde"/> is not given).</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int? runde, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ReadsText) return NotFound();
        var round = Rounds.Where(r => r.StoragePath != null && (runde == null || r.LoopRound == runde)).LastOrDefault();
        if (round is null || store.OpenRead(round.StoragePath!) is not { } stream) return NotFound();
        return File(stream, round.ContentType ?? "application/octet-stream", round.FileName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await SessionService.SessionAsync(db, id, ct);
        if (s is null) return false;
        var p = await ProgrammeHead.LoadAsync(db, s.ProgrammeId, ct);
        if (p is null) return false;
        Session = s;
        Programme = p;
        var scope = current.Scope;
        ReadsText = scope.Can(Permission.TeamContent, p) || scope.SchoolIds.Contains(p.SchoolId);
        CanWrite = p.IsActive && (scope.Can(Permission.ActForSchool, p) || await SchoolLoopService.IsSkutMemberAsync(db, scope, p.SchoolId, ct));
        Next = await SessionService.NextAsync(db, s, ct);
        Agreement = await db.InterimWorkAgreements.AsNoTracking().Where(a => a.SessionId == id && a.Status != InterimWorkStatus.Draft)
            .OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);
        Rounds = await SchoolLoopService.RoundsAsync(db, id, ct);
        return true;
    }
}
