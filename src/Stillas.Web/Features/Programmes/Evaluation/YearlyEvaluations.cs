using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Evaluation;

/// <summary>Which programmes a school year's evaluation covers, and where a programme's evaluation meetings are recorded.</summary>
public static class YearlyEvaluations
{
    public sealed record YearProgramme(int Id, int SchoolId, string School, ProgrammeStatus Status);

    /// <summary>The address of the owner's evaluation of a school year (the evaluation-meeting steps of the plan lead here).</summary>
    public static string Link(int ownerId, SchoolYear year) => $"/Programmes/Evaluation/Year/{ownerId}/{year.StartYear}";

    /// <summary>Whether a plan step is one of the model's evaluation meetings, which the yearly evaluation records.</summary>
    public static bool IsEvaluationMeeting(string stepKey) => stepKey.EndsWith(".evaluationmeeting", StringComparison.Ordinal);

    public static DbSet<YearlyEvaluation> YearlyEvaluationsSet(this StillasDb db) => db.Set<YearlyEvaluation>();

    /// <summary>The owner's programmes (as the reader sees them) that have a step in the school year, cancelled ones left out.</summary>
    public static Task<List<YearProgramme>> ProgrammesAsync(StillasDb db, int ownerId, SchoolYear year, CancellationToken ct)
    {
        var (from, to) = (year.Start, year.End);
        return db.Programmes.AsNoTracking()
            .Where(p => p.OwnerId == ownerId && p.Status != ProgrammeStatus.Cancelled
                        && db.PlanSteps.Any(s => s.ProgrammeId == p.Id && s.Status != StepStatus.Cancelled && s.Date >= from && s.Date <= to))
            .OrderBy(p => p.School!.Name).ThenBy(p => p.Id)
            .Select(p => new YearProgramme(p.Id, p.SchoolId, db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.Name).FirstOrDefault() ?? "", p.Status))
            .ToListAsync(ct);
    }

    /// <summary>The school years of a programme's evaluation meetings (its plan's), each with the owner's record if one is written.</summary>
    /// <param name="stepDates">The programme's evaluation meeting steps' dates when the caller has read its plan (<see cref="IsEvaluationMeeting"/>); else read here.</param>
    public static async Task<List<(SchoolYear Year, DateOnly StepDate, YearlyEvaluation? Record)>> ForProgrammeAsync(StillasDb db, int programmeId, int ownerId, CancellationToken ct, IReadOnlyList<DateOnly>? stepDates = null)
    {
        var dates = stepDates?.Order().ToList() ?? await db.PlanSteps.AsNoTracking()
            .Where(s => s.ProgrammeId == programmeId && s.Key.EndsWith(EvaluationMeetingSuffix) && s.Status != StepStatus.Cancelled)
            .OrderBy(s => s.Date).Select(s => s.Date).ToListAsync(ct);
        if (dates.Count == 0) return [];
        var years = dates.Select(SchoolYear.Of).Distinct().ToList();
        var names = years.Select(y => y.ToString()).ToArray();
        var records = await db.YearlyEvaluationsSet().AsNoTracking().Where(e => e.OwnerId == ownerId && names.Contains(e.SchoolYear)).ToListAsync(ct);
        return [.. years.Select(y => (y, dates.First(d => SchoolYear.Of(d) == y), records.FirstOrDefault(r => r.SchoolYear == y.ToString())))];
    }

    private const string EvaluationMeetingSuffix = ".evaluationmeeting";

    /// <summary>Whether a plan step is a yearly evaluation meeting that counts (not cancelled).</summary>
    public static bool IsEvaluationMeeting(string key, StepStatus status) => key.EndsWith(EvaluationMeetingSuffix, StringComparison.Ordinal) && status != StepStatus.Cancelled;

    /// <summary>The principals of the schools, by name, for the participants' list ("Per Rektorsen (rektor, Sentrum skole)").</summary>
    public static async Task<List<string>> PrincipalsAsync(StillasDb db, IReadOnlyList<YearProgramme> programmes, CancellationToken ct)
    {
        var schools = programmes.Select(p => p.SchoolId).Distinct().ToArray();
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.Active && m.Role == Platform.Access.Role.Principal && m.SchoolId != null && schools.Contains(m.SchoolId.Value))
            .OrderBy(m => m.Person!.Name).ThenBy(m => m.Id)
            .Select(m => new { m.Person!.Name, m.SchoolId }).ToListAsync(ct);
        var schoolNames = programmes.GroupBy(p => p.SchoolId).ToDictionary(g => g.Key, g => g.First().School);
        return [.. rows.Select(r => Platform.Text.L.T("{0} (rektor, {1})", r.Name, schoolNames.GetValueOrDefault(r.SchoolId!.Value) ?? "")).Distinct()];
    }
}
