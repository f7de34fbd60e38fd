using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Makes the demo programmes follow the rule that the dated plan comes with the approved agreement:
/// a programme that is past its Forfase on <see cref="DemoData.ProgrammesAsOf"/> gets an agreement
/// approved by both sides on the day of its step "agreement signed" (unless it has one in force already),
/// and a programme still in its Forfase without an approved agreement keeps only its Forfase steps.
/// A programme is linked to the accepted candidacy it grew out of. Programmes are found as they are; none are assumed.
/// </summary>
public static class DemoPlans
{
    public static async Task SeedAsync(StillasDb db, CancellationToken ct)
    {
        var programmes = await db.Programmes.Include(p => p.Steps).Include(p => p.Owner).Include(p => p.School).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var programme in programmes)
        {
            // A programme that grew out of an accepted candidacy (same school, team and school year) is linked to it.
            if (programme.CandidacyId is null)
                programme.CandidacyId = await db.SelectionCandidates
                    .Where(c => c.SchoolId == programme.SchoolId && c.TeamId == programme.TeamId && c.SchoolYear == programme.SchoolYear
                                && c.Decision == Features.Selection.CandidateDecision.Accepted && !db.Programmes.Any(p => p.CandidacyId == c.Id))
                    .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            var template = ProgrammeModelJson.Read(programme.TemplateJson);
            var pre = ProgrammePlanning.PrePhaseKey(template);
            var approved = await db.Agreements.AnyAsync(a => a.ProgrammeId == programme.Id && a.CurrentVersion > 0, ct);
            if (approved) continue;
            var pastForfase = programme.Steps.Any(s => s.PhaseKey != pre && (s.Status == StepStatus.Done || s.Date <= DemoData.ProgrammesAsOf));
            if (!pastForfase)
            {
                db.PlanSteps.RemoveRange(programme.Steps.Where(s => s.PhaseKey != pre));
                continue;
            }
            if (await db.Agreements.AnyAsync(a => a.ProgrammeId == programme.Id, ct)) continue;

            var names = await AgreementRules.PartyNamesAsync(db, programme.Id, ct);
            var agreement = AgreementRules.CreateDraft(programme, AgreementRules.DefaultParties(names));
            var version = agreement.Versions[0];
            foreach (var line in version.Lines) line.Checked = true;
            var signed = programme.Steps.FirstOrDefault(s => s.Key == ProgrammePlanning.AgreementStepKey)?.Date ?? programme.StartDate.AddDays(-7);
            var ownerAdmin = await PersonAsync(db, m => m.Role == Role.OwnerAdmin && m.OwnerId == programme.OwnerId, ct);
            var principal = await PersonAsync(db, m => m.Role == Role.Principal && m.SchoolId == programme.SchoolId, ct);
            var noon = new DateTimeOffset(signed.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
            version.OwnerApprovedBy = ownerAdmin?.Name ?? programme.Owner!.Name;
            version.OwnerApprovedById = ownerAdmin?.Id;
            version.OwnerApprovedAt = noon;
            version.PrincipalApprovedBy = principal?.Name ?? $"Rektor ved {programme.School!.Name}";
            version.PrincipalApprovedById = principal?.Id;
            version.PrincipalApprovedAt = noon.AddHours(2);
            version.Status = AgreementStatus.Approved;
            version.UpdatedBy = version.PrincipalApprovedBy;
            version.UpdatedAt = version.PrincipalApprovedAt;
            agreement.CurrentVersion = 1;
            db.Agreements.Add(agreement);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Person?> PersonAsync(StillasDb db, System.Linq.Expressions.Expression<Func<Membership, bool>> which, CancellationToken ct) =>
        await db.Memberships.Where(which).Where(m => m.Active).OrderBy(m => m.Id).Select(m => m.Person).FirstOrDefaultAsync(ct);
}
