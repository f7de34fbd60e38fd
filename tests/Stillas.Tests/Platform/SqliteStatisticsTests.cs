using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

/// <summary>
/// A migration's new index on an analysed SQLite database gets statistics when the app migrates it
/// (<see cref="DatabaseSetup.MigrateSqliteAsync"/>): without them the planner prefers the new index over
/// analysed ones (docs/performance.md, "Eighth session").
/// </summary>
public sealed class SqliteStatisticsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("stillas-stats-").FullName;

    private SqliteStillasDb Open() =>
        new(new DbContextOptionsBuilder<SqliteStillasDb>().UseSqlite($"Data Source={Path.Combine(dir, "stats.db")};Pooling=false",
            s => s.MigrationsHistoryTable("__migrations")).Options);

    [Fact]
    public async Task Indexes_added_by_a_migration_get_statistics_on_an_analysed_database()
    {
        // The schema before People(OwnerId, Name, Active) (PeopleByOwnerNameActive), with people in it, analysed.
        await using (var old = Open())
        {
            await old.GetService<IMigrator>().MigrateAsync("20261127203749_ProgrammeSummary");
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO Owners (Id, Name, OrganisationNumber, Kind, Active, CreatedAt) VALUES (1, 'Lyngstad kommune', '964965137', 0, 1, 0);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
                INSERT INTO People (OwnerId, Name, Email, Active, CreatedAt) SELECT 1, 'Person ' || i, 'p' || i || '@lyngstad.test', i % 7 <> 0, 0 FROM n;
                ANALYZE;
                """);
        }
        Assert.Empty(Stats("IX_People_OwnerId_Name_Active"));
        Assert.NotEmpty(Stats("IX_People_OwnerId_Name"));

        await using (var db = Open()) await DatabaseSetup.MigrateSqliteAsync(db, default);

        var stat = Assert.Single(Stats("IX_People_OwnerId_Name_Active"));
        Assert.StartsWith("300 ", stat);
    }

    [Fact]
    public async Task A_database_never_analysed_is_left_to_the_planner_defaults()
    {
        await using (var old = Open()) await old.GetService<IMigrator>().MigrateAsync("20261127203749_ProgrammeSummary");
        await using (var db = Open()) await DatabaseSetup.MigrateSqliteAsync(db, default);
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
    }

    private SqliteConnection Connect()
    {
        var c = new SqliteConnection($"Data Source={Path.Combine(dir, "stats.db")};Pooling=false");
        c.Open();
        return c;
    }

    private List<string> Stats(string index)
    {
        using var c = Connect();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT stat FROM sqlite_stat1 WHERE idx = $idx";
        cmd.Parameters.AddWithValue("$idx", index);
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(r.GetString(0));
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
