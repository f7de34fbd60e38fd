using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.National;

/// <summary>
/// Issue 7, part 4: each key page and API list endpoint runs the same number of SQL statements whatever
/// the amount of data — counted for Nordvik's advisor with the demo's programmes, and again after fifty
/// more programmes for the advisor's team. A page that loads per programme (N+1) fails here.
/// </summary>
public abstract class QueryBudgetTests(StillasApp app)
{
    private const string Token = "query-budget-calendar-token";

    private static readonly string[] Pages =
    [
        "/", "/Programmes", "/Programmes/Details/{programme}", "/Schools", "/Schools?p=1&Q=skole",
        "/calendar/" + Token + ".ics",
        "/api/v1/programmes", "/api/v1/schools", "/api/v1/people", "/api/v1/selection-rounds", "/api/v1/teams",
    ];

    [Fact]
    public async Task Key_pages_run_as_many_statements_with_fifty_more_programmes()
    {
        var (programme, connection) = await app.WithDbAsync(async db =>
        {
            var advisor = await db.People.Where(p => p.Email == "veileder@nordvik.test").Select(p => p.Id).SingleAsync();
            if (!await db.CalendarFeeds.AnyAsync(f => f.PersonId == advisor))
            {
                db.CalendarFeeds.Add(new CalendarFeed { PersonId = advisor, TokenHash = CalendarFeedTokens.Hash(Token) });
                await db.SaveChangesAsync();
            }
            return (await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), db.Database.GetConnectionString()!);
        });
        using var recorder = new SqlRecorder(connection);
        var advisorClient = await app.LoginAsync("veileder@nordvik.test");
        async Task<Dictionary<string, int>> CountAsync()
        {
            var counts = new Dictionary<string, int>();
            foreach (var page in Pages)
            {
                var url = page.Replace("{programme}", programme.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                var client = url.StartsWith("/calendar/", StringComparison.Ordinal) ? app.Client() : advisorClient;
                // The first request fills the access-scope cache. The fewest of three is the page's own budget:
                // the mail dispatcher polls the same database, and other test classes' saves bump the
                // (process-wide) scope-cache version, which can add a scope load to one request.
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
                var fewest = int.MaxValue;
                for (var i = 0; i < 3; i++)
                {
                    var statements = await recorder.RecordAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode));
                    fewest = Math.Min(fewest, statements.Count(s => !s.Sql.Contains("\"Outbox\"", StringComparison.Ordinal)));
                }
                counts[page] = fewest;
            }
            return counts;
        }

        // EF Core caches whether anyone listens to its diagnostics for up to a second (LoggingCacheTime): poll each
        // page until its statements are recorded (with a deadline) instead of sleeping, or the first requests count nothing.
        foreach (var page in Pages)
        {
            var url = page.Replace("{programme}", programme.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var client = url.StartsWith("/calendar/", StringComparison.Ordinal) ? app.Client() : advisorClient;
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while ((await recorder.RecordAsync(() => client.GetAsync(url))).Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{page}: EF Core's diagnostics never reached the recorder");
                await Task.Delay(100);
            }
        }
        var before = await CountAsync();
        await AddProgrammesAsync(50);
        var after = await CountAsync();

        Assert.All(Pages, page => Assert.True(before[page] == after[page], $"{page}: {before[page]} statements before, {after[page]} with 50 more programmes"));
        // The programme page is the programme's hub (plan, conflicts of interest, the agreement period against the plan,
        // objectives, follow-up, the yearly evaluation, the candidacy): one indexed statement per part, none per programme.
        Assert.All(Pages, page => Assert.InRange(before[page], 1, page == "/Programmes/Details/{programme}" ? 24 : 12));
    }

    /// <summary>Fifty programmes for Nordvik's team 1 (the advisor's), at Nordvik's schools in turn.</summary>
    private Task AddProgrammesAsync(int count) => app.WithDbAsync(async db =>
    {
        var team = await db.Teams.Where(t => t.Name == "Veilederteam 1" && t.Owner!.Name == "Nordvik kommune").Select(t => new { t.Id, t.OwnerId }).SingleAsync();
        var schools = await db.Schools.Where(s => s.OwnerId == team.OwnerId).Select(s => s.Id).ToListAsync();
        var holidays = (await ProgrammePlanning.HolidaysAsync(db, team.OwnerId, CancellationToken.None)).Ranges;
        var template = ProgrammeTemplates.TromsoV1;
        var plan = ProgressPlanner.Plan(template, new DateOnly(2026, 3, 2), holidays);
        for (var i = 0; i < count; i++)
            db.Programmes.Add(ProgrammePlanning.Create(team.OwnerId, schools[i % schools.Count], team.Id, template, plan));
        await db.SaveChangesAsync();
    });
}

public sealed class QueryBudgetTestsOnSqlite(StillasApp app) : QueryBudgetTests(app), IClassFixture<StillasApp>;
public sealed class QueryBudgetTestsOnPostgres(PostgresApp app) : QueryBudgetTests(app), IClassFixture<PostgresApp>;
