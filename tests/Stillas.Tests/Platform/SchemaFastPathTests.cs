using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

/// <summary>
/// An empty SQLite file gets the model's schema in one step (<see cref="DatabaseSetup.MigrateSqliteAsync"/>);
/// it must be the schema the migrations make, with every migration recorded, so later migrations apply on top.
/// A database with tables is migrated as usual, and a migration's new index gets statistics when the database
/// had them (without, the planner prefers the new index over analysed ones: docs/performance.md, "Eighth session").
/// The app has one migration (squashed before the first installation), so the statistics tests bring their own
/// later one (<see cref="LaterIndex"/>), as the next release's migration will be.
/// </summary>
public sealed class SchemaFastPathTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("stillas-schema-").FullName;

    private SqliteStillasDb Open(string file) => new(Options(file).Options);

    private DbContextOptionsBuilder<SqliteStillasDb> Options(string file) =>
        new DbContextOptionsBuilder<SqliteStillasDb>().UseSqlite($"Data Source={Path.Combine(dir, file)};Pooling=false",
            s => s.MigrationsHistoryTable("__migrations"));

    /// <summary>The app's migrations and <see cref="LaterIndex"/> after them: a database of today meets the next release.</summary>
    private SqliteStillasDb OpenWithLaterMigration(string file) =>
        new(Options(file).ReplaceService<IMigrationsAssembly, WithLaterIndex>().Options);

    [Fact]
    public async Task An_empty_file_gets_the_schema_the_migrations_make_and_records_them_all()
    {
        await using (var migrated = Open("migrated.db")) await migrated.Database.MigrateAsync();
        await using (var fast = Open("fast.db")) await DatabaseSetup.MigrateSqliteAsync(fast, default);

        var expected = Describe(Path.Combine(dir, "migrated.db"));
        var actual = Describe(Path.Combine(dir, "fast.db"));
        Assert.True(expected.Count > 50, $"only {expected.Count} schema facts: the comparison read nothing");
        Assert.Equal(expected.Except(actual).ToList(), []);
        Assert.Equal(actual.Except(expected).ToList(), []);

        await using var again = Open("fast.db");
        Assert.Empty(await again.Database.GetPendingMigrationsAsync());
        Assert.Equal(again.Database.GetMigrations(), await again.Database.GetAppliedMigrationsAsync());
        // A second start takes the usual path and finds nothing to do; the model's seed rows are there.
        await DatabaseSetup.MigrateSqliteAsync(again, default);
        Assert.Equal(100, await again.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"Fortunes\"").SingleAsync());
    }

    [Fact]
    public async Task Indexes_added_by_a_migration_get_statistics_on_an_analysed_database()
    {
        // Today's schema, with people in it, analysed; the next release adds an index.
        await using (var old = Open("stats.db"))
        {
            await old.Database.MigrateAsync();
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO Owners (Id, Name, OrganisationNumber, Kind, Active, CreatedAt) VALUES (1, 'Lyngstad kommune', '964965137', 0, 1, 0);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
                INSERT INTO People (OwnerId, Name, Email, Active, CreatedAt) SELECT 1, 'Person ' || i, 'p' || i || '@lyngstad.test', i % 7 <> 0, 0 FROM n;
                ANALYZE;
                """);
        }
        Assert.Empty(Stats(LaterIndex.Name));
        Assert.NotEmpty(Stats("IX_People_OwnerId_Name_Active"));

        await using (var db = OpenWithLaterMigration("stats.db")) await DatabaseSetup.MigrateSqliteAsync(db, default);

        var stat = Assert.Single(Stats(LaterIndex.Name));
        Assert.StartsWith("300 ", stat);
    }

    [Fact]
    public async Task A_database_never_analysed_is_left_to_the_planner_defaults()
    {
        await using (var old = Open("stats.db")) await old.Database.MigrateAsync();
        await using (var db = OpenWithLaterMigration("stats.db")) await DatabaseSetup.MigrateSqliteAsync(db, default);
        Assert.Equal("1", Sql("stats.db", $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{LaterIndex.Name}'").Single()[0]);
        Assert.Equal("0", Sql("stats.db", "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").Single()[0]);
    }

    private List<string> Stats(string index) =>
        [.. Sql("stats.db", $"SELECT stat FROM sqlite_stat1 WHERE idx = '{index}'").Select(r => r[0])];

    private List<string[]> Sql(string file, string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(dir, file)};Pooling=false");
        c.Open();
        return Query(c, sql);
    }

    /// <summary>
    /// Tables, columns (name, type, nullability, key), indexes and foreign keys as comparable lines, in no order.
    /// EF Core's migration lock table is its own business: MigrateAsync makes it when it first needs it.
    /// </summary>
    private static HashSet<string> Describe(string file)
    {
        using var c = new SqliteConnection($"Data Source={file};Pooling=false");
        c.Open();
        var facts = new HashSet<string>();
        var tables = Query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock'").Select(r => r[0]).ToList();
        foreach (var t in tables)
        {
            facts.Add($"table {t}");
            foreach (var col in Query(c, $"PRAGMA table_info(\"{t}\")"))
                facts.Add($"column {t}.{col[1]} {col[2]} notnull={col[3]} pk={col[5]}");
            foreach (var idx in Query(c, $"PRAGMA index_list(\"{t}\")"))
            {
                var columns = string.Join(",", Query(c, $"PRAGMA index_info(\"{idx[1]}\")").Select(r => r[2]));
                facts.Add($"index {t}.{idx[1]} unique={idx[2]} ({columns})");
            }
            foreach (var fk in Query(c, $"PRAGMA foreign_key_list(\"{t}\")"))
                facts.Add($"fk {t}.{fk[3]} -> {fk[2]}.{fk[4]} delete={fk[6]}");
        }
        return facts;
    }

    private static List<string[]> Query(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (r.Read()) rows.Add([.. Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        return rows;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A migration the app does not have yet: a later release's new index on People.</summary>
[DbContext(typeof(SqliteStillasDb))]
[Migration("99990101000000_LaterIndex")]
public sealed class LaterIndex : Migration
{
    public const string Name = "IX_People_Later";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(Name, "People", ["OwnerId", "Email"]);
}

#pragma warning disable EF1001 // MigrationsAssembly is internal to EF Core; a test may lean on it.
/// <summary>The app's migrations, then <see cref="LaterIndex"/>.</summary>
internal sealed class WithLaterIndex(ICurrentDbContext context, IDbContextOptions options, IMigrationsIdGenerator ids,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger) : MigrationsAssembly(context, options, ids, logger)
{
    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        new SortedList<string, TypeInfo>(base.Migrations.ToDictionary()) { ["99990101000000_LaterIndex"] = typeof(LaterIndex).GetTypeInfo() };
}
#pragma warning restore EF1001
