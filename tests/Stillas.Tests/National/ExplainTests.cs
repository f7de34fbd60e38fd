using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Stillas.Web.Platform.Data.Seed.National;

namespace Stillas.Tests.National;

/// <summary>
/// Issue 7, part 4: on PostgreSQL with generated data (a fifth of the national set), the statements of
/// the key pages and API lists are EXPLAINed as the app sent them; a sequential scan of a large table
/// (more than <see cref="Large"/> rows) fails the test, naming the page, the table and the statement.
/// </summary>
public sealed class ExplainTestsOnPostgres(EmptyPostgresApp app) : IClassFixture<EmptyPostgresApp>
{
    private const int Large = 5_000;

    /// <summary>
    /// Sequential scans known and explained in docs/performance.md, so that this test guards against every other
    /// scan; an entry whose scan is gone fails the test until it is removed. Empty: the People list, the last
    /// entry, now starts from index-driven id sets (StillasDb.VisiblePeople).
    /// </summary>
    private static readonly HashSet<(string Url, string Table)> Known = [];

    [Fact]
    public async Task Key_pages_use_indexes_on_the_large_tables()
    {
        var set = await NationalCommand.GenerateAsync(app.Services, new NationalOptions(Seed: 3, Scale: 0.2), replace: true);
        var bench = set.Bench!;
        var connection = await app.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        using var recorder = new SqlRecorder(connection);
        var advisor = await app.LoginAsync(bench.Advisor, bench.Password);
        var ownerAdmin = await app.LoginAsync(bench.OwnerAdmin, bench.Password);
        var principal = await app.LoginAsync(bench.Principal, bench.Password);
        var pages = new (string Who, HttpClient Client, string Url)[]
        {
            ("advisor", advisor, "/"), ("owner admin", ownerAdmin, "/"), ("principal", principal, "/"),
            ("owner admin", ownerAdmin, "/Schools?Q=" + bench.SchoolSearch), ("advisor", advisor, $"/Programmes/Details/{bench.ProgrammeId}"),
            ("advisor", advisor, "/Programmes"), ("anonymous", app.Client(), bench.CalendarPath),
            ("owner admin", ownerAdmin, "/api/v1/schools"), ("advisor", advisor, "/api/v1/programmes"), ("owner admin", ownerAdmin, "/api/v1/people"),
            ("owner admin", ownerAdmin, "/api/v1/audit"),
        };

        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        var sizes = new Dictionary<string, double>();
        await using (var cmd = new NpgsqlCommand("SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) sizes[reader.GetString(0)] = reader.GetFloat(1);

        var failures = new List<string>();
        var seenKnown = new HashSet<(string Url, string Table)>();
        foreach (var (who, client, url) in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            var statements = await recorder.RecordAsync(async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode));
            foreach (var s in statements.Where(s => s.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
            {
                await using var explain = new NpgsqlCommand("EXPLAIN " + s.Sql, conn);
                foreach (var (name, value) in s.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
                var plan = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync())
                    while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
                foreach (var line in plan.Where(l => l.Contains("Seq Scan on ", StringComparison.Ordinal)))
                {
                    var table = line[(line.IndexOf("Seq Scan on ", StringComparison.Ordinal) + 12)..].Split(' ')[0].Trim('"');
                    if (!sizes.TryGetValue(table, out var rows) || rows <= Large) continue;
                    if (Known.Contains((url, table))) { seenKnown.Add((url, table)); continue; }
                    failures.Add($"{who} {url}: Seq Scan on {table} ({rows:N0} rows)\n    {Shorten(s.Sql)}");
                }
            }
        }
        failures.AddRange(Known.Except(seenKnown).Select(k => $"{k.Url}: no longer scans {k.Table}; remove it from Known"));
        Assert.True(failures.Count == 0, "Sequential scans of large tables:\n" + string.Join("\n", failures.Distinct()));
    }

    private static string Shorten(string sql) => sql.Length <= 400 ? sql.ReplaceLineEndings(" ") : sql[..400].ReplaceLineEndings(" ") + " …";
}
