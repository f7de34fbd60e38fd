using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Surveys;
using Xunit.Abstractions;

namespace Stillas.Tests.Surveys;

/// <summary>A benchmark, not a test: skipped unless STILLAS_BENCH is set (bench/surveys-aggregate.sh sets it and prints the numbers).</summary>
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("STILLAS_BENCH"))) Skip = "A benchmark: run bench/surveys-aggregate.sh.";
    }
}

/// <summary>
/// Issue 21's speed goal for results: 3,000 respondents × 60 statements (180,000 answers) aggregated with suppression,
/// grouped in SQL. Reports the live aggregation (open survey) and the stored counts' read (closed survey), median and p95
/// of 20 runs after 3 warm-ups. The numbers go to the test output; nothing is asserted on time.
/// </summary>
public abstract class SurveyAggregationBenchmark(StillasApp app, ITestOutputHelper output)
{
    [BenchFact]
    public async Task Aggregates_3000_respondents_times_60_statements()
    {
        var items = Enumerable.Range(1, 60).Select(i => new BankItem($"Område {(i - 1) / 12 + 1}", $"B{i:00}", $"Benchmarkpåstand {i}", ItemScale.Likert5, "", true)).ToList();
        var (surveyId, ownerId) = await app.WithDbAsync(async db =>
        {
            var school = await db.Schools.FirstAsync(s => s.Name == "Sentrum skole");
            var s = SurveyEngine.Create(db, school.OwnerId, school.Id, SurveyKind.Staff, "Benchmark", items, "Benchmark", null, 1, null, null, DateTimeOffset.UtcNow);
            SurveyEngine.Open(s, new DateOnly(2026, 11, 27));
            await db.SaveChangesAsync();
            return (s.Id, s.OwnerId);
        });
        var insert = Stopwatch.StartNew();
        var random = new Random(3000);
        string[] groups = [SurveyGroups.Leader, SurveyGroups.Teacher, SurveyGroups.OtherStaff];
        for (var batch = 0; batch < 6; batch++)
            await app.WithDbAsync(async db =>
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Id == surveyId);
                for (var r = 0; r < 500; r++)
                {
                    var group = groups[random.Next(10) switch { 0 => 0, < 8 => 1, _ => 2 }];
                    var values = survey.Items.ToDictionary(i => i.Id, _ => (int?)random.Next(1, 6));
                    SurveyEngine.Store(db, survey, null, group, values, new Dictionary<int, string?>(), new DateOnly(2026, 11, 27));
                }
                await db.SaveChangesAsync();
            });
        insert.Stop();
        var count = await app.WithDbAsync(db => db.Set<SurveyAnswer>().CountAsync(a => a.SurveyId == surveyId));
        output.WriteLine($"RESULT {app.Provider}: {count} answers inserted in {insert.ElapsedMilliseconds} ms");

        async Task<string> Time(string what, Func<Stillas.Web.Platform.Data.StillasDb, Task> run)
        {
            var times = new List<double>();
            for (var i = 0; i < 23; i++)
            {
                await app.WithDbAsync(async db =>
                {
                    var sw = Stopwatch.StartNew();
                    await run(db);
                    if (i >= 3) times.Add(sw.Elapsed.TotalMilliseconds);
                });
            }
            times.Sort();
            var line = $"RESULT {app.Provider}: {what}: median {times[times.Count / 2]:0.0} ms, p95 {times[(int)(times.Count * 0.95) - 1]:0.0} ms, max {times[^1]:0.0} ms";
            output.WriteLine(line);
            return line;
        }

        await Time("GROUP BY item, group, value (live counts)", async db =>
            await SurveyResults.CountLiveAsync(db, await db.Set<Survey>().AsNoTracking().SingleAsync(s => s.Id == surveyId), default));
        await Time("results with suppression (open survey, live)", async db =>
        {
            var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Id == surveyId);
            var r = await SurveyResults.BuildAsync(db, survey, 5, default);
            Assert.Equal(3000, r.Respondents);
        });
        var close = Stopwatch.StartNew();
        await app.WithDbAsync(async db =>
        {
            var survey = await db.Set<Survey>().SingleAsync(s => s.Id == surveyId);
            await SurveyEngine.CloseAsync(db, survey, DateTimeOffset.UtcNow, new DateOnly(2026, 11, 27), default);
            await db.SaveChangesAsync();
        });
        output.WriteLine($"RESULT {app.Provider}: closing (aggregate and store) {close.ElapsedMilliseconds} ms");
        await Time("results with suppression (closed survey, stored counts)", async db =>
        {
            var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Id == surveyId);
            var r = await SurveyResults.BuildAsync(db, survey, 5, default);
            Assert.Equal(3000, r.Respondents);
        });
        _ = ownerId;
    }
}

public sealed class SurveyAggregationBenchmarkOnSqlite(StillasApp app, ITestOutputHelper output) : SurveyAggregationBenchmark(app, output), IClassFixture<StillasApp>;

public sealed class SurveyAggregationBenchmarkOnPostgres(PostgresApp app, ITestOutputHelper output) : SurveyAggregationBenchmark(app, output), IClassFixture<PostgresApp>;
