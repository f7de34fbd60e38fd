using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// The demo programmes that grew out of a selection round show the round's first talk as their own (issue 20: typed
/// once, in the round): the first-talk step on the talk's date, done, with the round's notes; the agreement step
/// keeps the story's date. Dates come from the candidacies, so they follow the demo's.
/// </summary>
public static class DemoSteps
{
    public static async Task SeedAsync(StillasDb db, CancellationToken ct)
    {
        var programmes = await db.Programmes.Include(p => p.Steps).Where(p => p.CandidacyId != null).OrderBy(p => p.Id).ToListAsync(ct);
        foreach (var programme in programmes)
        {
            if (await CandidacyFacts.LoadAsync(db, programme.CandidacyId!.Value, ct) is not { } facts) continue;
            // The agreement step keeps the demo's date: approved, on the day it was; open, where the story has it ahead
            // (the round's deadline would put Havnå's, a round earlier, overdue). Only the first talk follows the round.
            var agreement = programme.Steps.FirstOrDefault(s => s.Key == ProgrammePlanning.AgreementStepKey);
            var keep = agreement is null ? default : (agreement.Date, agreement.OriginalDate, agreement.EndDate);
            facts.ApplyTo(programme);
            if (agreement is not null) (agreement.Date, agreement.OriginalDate, agreement.EndDate) = keep;
        }
        await db.SaveChangesAsync(ct);
    }
}
