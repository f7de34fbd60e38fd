using Stillas.Web.Features.Programmes;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// The programmes of the accepted schools, planned by the real <see cref="ProgressPlanner"/> against the
/// owner's holidays and storing the model snapshot; steps before the as-of day are mostly done (some
/// moved or cancelled, a few left overdue), so the programmes stand in every phase from Forfase to
/// follow-up, and the oldest are completed.
/// </summary>
public sealed class ProgrammesPart : IDatasetPart
{
    public string Name => "programmes, plan steps";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var steps = new List<PlanStep>();
        var today = set.AsOf;
        var tromso = ProgrammeTemplates.TromsoV1;
        var plans = new Dictionary<(string, int, DateOnly), ProgressPlan>();
        foreach (var (team, school, start) in set.Starts)
        {
            var template = set.OwnModels.TryGetValue(team.OwnerId, out var own) && set.Chance(0.6) ? own : tromso;
            // Owners share the usual holiday weeks, so plans repeat: plan once per model, owner and start.
            if (!plans.TryGetValue((template.Key, team.OwnerId, start), out var plan))
                plans[(template.Key, team.OwnerId, start)] = plan = ProgressPlanner.Plan(template, start, set.Holidays[team.OwnerId]);
            var p = ProgrammePlanning.Create(team.OwnerId, school.Id, team.Id, template, plan);
            p.Id = set.NextId<GuidanceProgramme>();
            p.CreatedAt = NationalDataset.At(new DateOnly(start.Year, 2, 20));
            var finished = p.Steps.All(s => s.LastDay < today);
            p.Status = finished ? (set.Chance(0.95) ? ProgrammeStatus.Completed : ProgrammeStatus.Cancelled) : set.Chance(0.03) ? ProgrammeStatus.Paused : ProgrammeStatus.Active;
            var overdueLeft = p.Status == ProgrammeStatus.Active && set.Chance(0.15);
            foreach (var s in p.Steps)
            {
                s.Id = set.NextId<PlanStep>();
                s.ProgrammeId = p.Id;
                s.CreatedAt = p.CreatedAt;
                if (s.Responsible == StepResponsible.School && set.Chance(0.5)) s.ResponsibleNote = "Rektor og SKUT";
                if (s.LastDay >= today) continue;
                var roll = set.Random.NextDouble();
                if (overdueLeft && s.LastDay >= today.AddDays(-30)) continue; // still planned, now overdue
                if (roll < 0.03) { s.Status = StepStatus.Cancelled; s.Note = "Avlyst etter avtale med skolen."; continue; }
                if (roll < 0.10 && s.EndDate is null)
                {
                    s.Date = s.Date.AddDays(7);
                    s.Note = "Flyttet en uke etter ønske fra skolen.";
                    if (s.Date >= today) { s.Status = StepStatus.Moved; continue; }
                }
                s.Status = StepStatus.Done;
                s.DoneAt = NationalDataset.At(s.LastDay, 14);
            }
            if (p.Status is ProgrammeStatus.Cancelled)
                foreach (var s in p.Steps.Where(s => s.IsOpen)) s.Status = StepStatus.Cancelled;
            set.Programmes.Add(p);
            steps.AddRange(p.Steps);
        }
        await set.Writer.WriteAsync(set.Programmes, ct);
        await set.Writer.WriteAsync(steps, ct);
    }
}
