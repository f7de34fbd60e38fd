using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>A programme's agreement: the version in force, any draft with its approvals, and the history.</summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current, TimeProvider clock, Platform.Mail.Outbox outbox, IServiceScopeFactory scopes) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public AgreementHead? Agreement { get; private set; }
    public AgreementVersion? InForce { get; private set; }
    public AgreementVersion? Draft { get; private set; }
    /// <summary>A version asked for by number (?version=N) that is neither in force nor the draft.</summary>
    public AgreementVersion? Other { get; private set; }
    public AgreementRules.Comparison? DraftChanges { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanApproveOwner { get; private set; }
    public bool CanApproveSchool { get; private set; }
    /// <summary>The planned steps outside the period of the version in force and of the draft.</summary>
    public AgreementPeriod.Gap? InForceGap { get; private set; }
    public AgreementPeriod.Gap? DraftGap { get; private set; }
    /// <summary>Why an approval or a discard did not go through.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, int? version, CancellationToken ct) =>
        await LoadAsync(programmeId, version, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int programmeId, ApprovalSide side, int number, int version, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return NotFound();
        var scope = current.Scope;
        var allowed = side == ApprovalSide.Owner ? scope.Can(Permission.ApproveForOwner, programme) : scope.Can(Permission.ActForSchool, programme);
        if (!allowed) return Forbid();
        if (await AgreementRules.LoadForWriteAsync(db, programmeId, ct) is not { } loaded) return NotFound();
        var (agreement, inForce, latest) = loaded;

        var result = latest.Number != number
            ? new AgreementRules.ApproveResult(AgreementRules.ApproveOutcome.Conflict, latest)
            : AgreementRules.Approve(db, agreement, inForce, latest, side, version, scope, clock.GetUtcNow());
        if (result.Outcome is AgreementRules.ApproveOutcome.Approved or AgreementRules.ApproveOutcome.InForce)
        {
            try
            {
                // The first approval by both sides makes the dated plan, in the same transaction.
                var planned = result.Outcome == AgreementRules.ApproveOutcome.InForce ? await ProgrammePlanning.CompletePlanAsync(db, programmeId, clock.GetUtcNow(), ct) : 0;
                // The other side is asked to approve, or both get the approved PDF, in the same save.
                await AgreementMail.QueueAsync(db, scopes, outbox, programme, result, ProgrammePlanning.Today(clock), ct);
                await db.SaveChangesAsync(ct);
                TempData["Message"] = AgreementRules.PlanMessage(result.Message, planned);
                return RedirectToPage(new { programmeId });
            }
            catch (DbUpdateConcurrencyException)
            {
                result = result with { Outcome = AgreementRules.ApproveOutcome.Conflict };
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(programmeId, null, ct);
        Problem = result.Message;
        return Page();
    }

    public async Task<IActionResult> OnPostDiscardAsync(int programmeId, int number, int version, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return NotFound();
        if (!current.Scope.Can(Permission.RunProgramme, programme)) return Forbid();
        if (await AgreementRules.LoadForWriteAsync(db, programmeId, ct) is not { } loaded) return NotFound();
        var (_, inForce, latest) = loaded;
        if (latest.Number == number && AgreementRules.Discard(db, inForce, latest, version))
        {
            try
            {
                await db.SaveChangesAsync(ct);
                TempData["Message"] = L.T("Utkastet til versjon {0} er forkastet. Versjon {1} gjelder fortsatt.", number, inForce!.Number);
                return RedirectToPage(new { programmeId });
            }
            catch (DbUpdateConcurrencyException) { }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(programmeId, null, ct);
        Problem = L.T("Utkastet ble ikke forkastet: det er endret siden du åpnet siden, eller det er ikke et utkast til en ny versjon.");
        return Page();
    }

    private async Task<bool> LoadAsync(int programmeId, int? version, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return false;
        Programme = programme;
        var scope = current.Scope;
        CanEdit = scope.Can(Permission.RunProgramme, programme);
        CanApproveOwner = scope.Can(Permission.ApproveForOwner, programme);
        CanApproveSchool = scope.Can(Permission.ActForSchool, programme);
        Agreement = await AgreementReads.AgreementAsync(db, programmeId, ct);
        if (Agreement is null) return version is null;

        if (version is int n && n != Agreement.CurrentVersion && n != Agreement.Draft?.Number)
        {
            Other = await AgreementReads.VersionAsync(db, Agreement.Id, n, ct);
            return Other is not null;
        }
        if (Agreement.CurrentVersion > 0) InForce = await AgreementReads.VersionAsync(db, Agreement.Id, Agreement.CurrentVersion, ct);
        if (Agreement.Draft is { } d) Draft = await AgreementReads.VersionAsync(db, Agreement.Id, d.Number, ct);
        if (InForce is not null || Draft is not null)
        {
            var plan = await AgreementPeriod.PlanAsync(db, programmeId, ct);
            if (InForce is not null) InForceGap = AgreementPeriod.Check(plan, InForce.PeriodFrom, InForce.PeriodTo);
            if (Draft is not null) DraftGap = AgreementPeriod.Check(plan, Draft.PeriodFrom, Draft.PeriodTo);
        }
        if (InForce is not null && Draft is not null)
            DraftChanges = AgreementRules.Compare(AgreementRules.Snapshot.Of(InForce), AgreementRules.Snapshot.Of(Draft));
        return true;
    }
}
