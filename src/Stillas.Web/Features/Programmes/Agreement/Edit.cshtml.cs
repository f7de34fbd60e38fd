using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>
/// Writes the agreement's draft in one form, without JavaScript: lines are indexed fields, and "Legg til
/// linje" / "Fjern" are submit buttons of their own that keep everything typed so far.
/// </summary>
public sealed class EditModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    [BindProperty] public AgreementInput Input { get; set; } = new();
    public ProgrammeHead Programme { get; private set; } = default!;
    /// <summary>The newest stored version; null before the first save.</summary>
    public AgreementVersion? Latest { get; private set; }
    /// <summary>Set when someone else saved first: what differs between the stored text and the user's.</summary>
    public AgreementRules.Comparison? Conflict { get; private set; }
    public AgreementVersion? ConflictVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        var head = await AgreementReads.AgreementAsync(db, programmeId, ct);
        if (head is null)
        {
            var programme = await db.Programmes.AsNoTracking().SingleAsync(x => x.Id == programmeId, ct);
            var draft = AgreementRules.CreateDraft(programme, AgreementRules.DefaultParties(await AgreementRules.PartyNamesAsync(db, programmeId, ct)));
            Input = AgreementInput.From(draft.Versions[0]);
            Input.Number = 0;
            Input.Version = 0;
            // Keys are given when the first version is stored.
            foreach (var l in Input.Lines) l.Key = null;
            return Page();
        }
        Latest = await AgreementReads.VersionAsync(db, head.Id, head.LatestNumber, ct);
        Input = AgreementInput.From(Latest!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        // All messages at once: the rules beyond single fields run even when a field is already wrong.
        foreach (var (field, message) in Input.Check())
            ModelState.AddModelError("Input." + field, message);
        if (!ModelState.IsValid) return await ShowAsync(programmeId, ct);

        var now = clock.GetUtcNow();
        try
        {
            if (Input.Number == 0)
            {
                if (await db.Agreements.AnyAsync(a => a.ProgrammeId == programmeId, ct)) return await ConflictAsync(programmeId, ct);
                var programme = await db.Programmes.AsNoTracking().SingleAsync(x => x.Id == programmeId, ct);
                db.Agreements.Add(AgreementRules.CreateFromInput(programme, Input, current.Scope, now));
                await db.SaveChangesAsync(ct);
                TempData["Message"] = L.T("Utkastet til samarbeidsavtale er lagret.");
                return RedirectToPage("/Programmes/Agreement/Details", new { programmeId });
            }
            if (await AgreementRules.LoadForWriteAsync(db, programmeId, ct) is not { } loaded) return NotFound();
            var (existing, _, latest) = loaded;
            var saved = AgreementRules.Save(db, existing, latest, Input, current.Scope, now);
            if (saved.Outcome == AgreementRules.SaveOutcome.Conflict) return await ConflictAsync(programmeId, ct);
            if (saved.Outcome != AgreementRules.SaveOutcome.NoChanges) await db.SaveChangesAsync(ct);
            TempData["Message"] = saved.Message;
            return RedirectToPage("/Programmes/Agreement/Details", new { programmeId });
        }
        catch (DbUpdateException)
        {
            // Someone else saved (a concurrency token or a unique version number) between our read and our write.
            db.ChangeTracker.Clear();
            return await ConflictAsync(programmeId, ct);
        }
    }

    public async Task<IActionResult> OnPostAddLineAsync(int programmeId, AgreementSection section, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        if (Enum.IsDefined(section) && Input.Lines.Count < AgreementInput.MaxLines)
        {
            var at = Input.Lines.FindLastIndex(l => l.Section <= section) + 1;
            Input.Lines.Insert(at, new AgreementLineInput { Section = section, Text = "" });
            FocusLine = at;
        }
        ModelState.Clear();
        return await ShowAsync(programmeId, ct);
    }

    public async Task<IActionResult> OnPostRemoveLineAsync(int programmeId, int index, CancellationToken ct)
    {
        if (await AuthoriseAsync(programmeId, ct) is { } refused) return refused;
        if (index >= 0 && index < Input.Lines.Count) Input.Lines.RemoveAt(index);
        ModelState.Clear();
        return await ShowAsync(programmeId, ct);
    }

    /// <summary>The line just added, to focus on the next render.</summary>
    public int? FocusLine { get; private set; }

    private async Task<IActionResult?> AuthoriseAsync(int programmeId, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return NotFound();
        Programme = programme;
        return current.Scope.Can(Permission.RunProgramme, programme) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAsync(int programmeId, CancellationToken ct)
    {
        Input.SortLines();
        var head = await AgreementReads.AgreementAsync(db, programmeId, ct);
        if (head is not null) Latest = await AgreementReads.VersionAsync(db, head.Id, head.LatestNumber, ct);
        return Page();
    }

    /// <summary>Shows what is stored beside what the user typed; the next save starts from the stored version.</summary>
    private async Task<IActionResult> ConflictAsync(int programmeId, CancellationToken ct)
    {
        await ShowAsync(programmeId, ct);
        if (Latest is null) return Page();
        ConflictVersion = Latest;
        Conflict = AgreementRules.Compare(AgreementRules.Snapshot.Of(Latest), AgreementRules.Snapshot.Of(Input));
        ModelState.Remove("Input.Number");
        ModelState.Remove("Input.Version");
        Input.Number = Latest.Number;
        Input.Version = Latest.Version;
        return Page();
    }
}
