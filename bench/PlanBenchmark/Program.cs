using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;

BenchmarkRunner.Run<Stillas.Bench.PlanBenchmarks>(args: args);

namespace Stillas.Bench
{

/// <summary>
/// Generating a progress plan (goal: under 20 ms): <see cref="ProgressPlanner.Plan"/> for the built-in
/// Tromsø model from 1 March 2027, with Nordvik's suggested school holidays for three school years
/// (what the demo owner has), and without holidays.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private readonly ProgrammeTemplate tromso = ProgrammeTemplates.TromsoV1;
    private readonly DateRange[] holidays = [.. SchoolHolidaySuggestion.Ranges(new SchoolYear(2026), new SchoolYear(2029))];
    private readonly DateOnly start = new(2027, 3, 1);

    [Benchmark(Baseline = true)]
    public ProgressPlan TromsoWithHolidays() => ProgressPlanner.Plan(tromso, start, holidays);

    [Benchmark]
    public ProgressPlan TromsoWithoutHolidays() => ProgressPlanner.Plan(tromso, start, []);

    /// <summary>Plan plus the model snapshot read back from JSON, as the approval of an agreement does it.</summary>
    [Benchmark]
    public ProgressPlan TromsoFromSnapshot() => ProgressPlanner.Plan(ProgrammeModelJson.Read(json), start, holidays);

    private readonly string json = ProgrammeModelJson.Write(ProgrammeTemplates.TromsoV1);
}
}
