using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Evaluation;

/// <summary>
/// The owner's evaluation of process and model for one school year: one meeting with the principals of all the
/// year's programmes. The owner's staff write it; whoever sees one of the year's programmes reads it.
/// </summary>
public sealed class YearModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    /// <summary>Whether the reader may open the list of yearly evaluations (the breadcrumb links there only then).</summary>
    public bool MayList => current.Scope.Can(Permission.FollowUpSelection);

    public string Owner { get; private set; } = "";
    public int OwnerId { get; private set; }
    public SchoolYear SchoolYear { get; private set; }
    public List<YearlyEvaluations.YearProgramme> Programmes { get; private set; } = [];
    public YearlyEvaluation? Record { get; private set; }
    public bool CanWrite { get; private set; }
    [BindProperty] public EvaluationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int ownerId, int year, CancellationToken ct)
    {
        if (!await LoadAsync(ownerId, year, ct)) return NotFound();
        Input = Record is { } r
            ? new() { MeetingDate = r.MeetingDate, Participants = r.Participants, WhatWorks = r.WhatWorks, ToChange = r.ToChange, Decisions = r.Decisions, Version = r.Version }
            : new() { Participants = await DefaultParticipantsAsync(ct) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int ownerId, int year, CancellationToken ct)
    {
        if (!await LoadAsync(ownerId, year, ct)) return NotFound();
        if (!CanWrite) return Forbid();
        if (!ModelState.IsValid) return Page();
        var row = await db.YearlyEvaluationsSet().SingleOrDefaultAsync(e => e.OwnerId == ownerId && e.SchoolYear == SchoolYear.ToString(), ct);
        if (row is null)
        {
            row = new YearlyEvaluation { OwnerId = ownerId, SchoolYear = SchoolYear.ToString() };
            db.YearlyEvaluationsSet().Add(row);
        }
        else
        {
            db.Expect(row, Input.Version);
        }
        row.MeetingDate = Input.MeetingDate;
        row.Participants = Clean(Input.Participants);
        row.WhatWorks = Clean(Input.WhatWorks);
        row.ToChange = Clean(Input.ToChange);
        row.Decisions = Clean(Input.Decisions);
        row.RecordedByName = current.Scope.ActorName;
        row.RecordedAt = clock.GetUtcNow();
        try
        {
            if (!await db.TrySaveAsync(this, ct))
            {
                await LoadAsync(ownerId, year, ct);
                Input.Version = Record?.Version ?? 0;
                return Page();
            }
        }
        catch (DbUpdateException) when (Record is null)
        {
            // Someone wrote the year's first record at the same moment: theirs is kept, this text stays in the form.
            db.ChangeTracker.Clear();
            await LoadAsync(ownerId, year, ct);
            ModelState.AddModelError("", L.T("Noen andre lagret referatet samtidig. Se over teksten deres nedenfor, og lagre på nytt."));
            Input.Version = Record?.Version ?? 0;
            return Page();
        }
        TempData["Message"] = L.T("Referatet fra evalueringen er lagret.");
        return RedirectToPage(new { ownerId, year });
    }

    private async Task<string> DefaultParticipantsAsync(CancellationToken ct)
    {
        var principals = await YearlyEvaluations.PrincipalsAsync(db, Programmes, ct);
        return string.Join('\n', principals);
    }

    private async Task<bool> LoadAsync(int ownerId, int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return false;
        var owner = await db.Owners.AsNoTracking().Where(o => o.Id == ownerId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        (OwnerId, SchoolYear) = (ownerId, new SchoolYear(year));
        Programmes = await YearlyEvaluations.ProgrammesAsync(db, ownerId, SchoolYear, ct);
        var scope = current.Scope;
        CanWrite = scope.IsStaffOf(ownerId);
        // The owner's staff, and whoever sees one of the year's programmes (its team, its school's people).
        if (!CanWrite && Programmes.Count == 0) return false;
        Owner = owner ?? await db.Programmes.AsNoTracking().Where(p => p.OwnerId == ownerId).Select(p => db.Owners.Where(o => o.Id == p.OwnerId).Select(o => o.Name).FirstOrDefault()).FirstOrDefaultAsync(ct) ?? "";
        Record = await db.YearlyEvaluationsSet().AsNoTracking().SingleOrDefaultAsync(e => e.OwnerId == ownerId && e.SchoolYear == SchoolYear.ToString(), ct);
        return true;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
