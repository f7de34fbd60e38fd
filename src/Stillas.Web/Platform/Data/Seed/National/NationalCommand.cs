using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>The database already holds data and the caller did not say --replace.</summary>
public sealed class DatasetRefusedException(string message) : Exception(message);

/// <summary>
/// <c>dotnet run --project src/Stillas.Web -c Release -- generate --seed 1 [--scale 1] [--replace]
/// [--provider Postgres --connection "Host=…"] [--users-file path]</c>: migrates the configured database,
/// then fills it with the national dataset and writes the benchmark's users to a JSON file.
/// </summary>
public static class NationalCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "generate";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new NationalOptions();
        var replace = false;
        string? usersFile = null;
        var hostArgs = new List<string> { "--Logging:LogLevel:Default=Warning", "--Database:SeedDemoData=false" };
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--seed": options = options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--scale": options = options with { Scale = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--replace" or "--force": replace = true; break;
                case "--users-file": usersFile = Value(); break;
                case "--provider": hostArgs.Add("--Database:Provider=" + Value()); break;
                case "--connection": hostArgs.Add("--Database:ConnectionString=" + Value()); break;
                default: hostArgs.Add(args[i]); break;
            }
        }

        var builder = WebApplication.CreateBuilder(hostArgs.ToArray());
        builder.AddStillasPlatform();
        await using var app = builder.Build();
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Stillas national dataset: seed {options.Seed}, scale {options.Scale.ToString(CultureInfo.InvariantCulture)}, provider {database.Provider}.");
        // Mark the database ready: anything that waits for it (the data-protection key store) must not hang here.
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        await DatabaseSetup.MigrateAndSeedAsync(app.Services, seedDemo: false, readiness);
        readiness.MarkReady();
        Console.WriteLine($"  migrations                   {total.Elapsed.TotalSeconds,21:F1} s");
        NationalDataset set;
        try
        {
            set = await GenerateAsync(app.Services, options, replace, Console.WriteLine);
        }
        catch (DatasetRefusedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        Console.WriteLine($"Done: {set.Writer.Rows:N0} rows in {total.Elapsed.TotalSeconds:F1} s ({set.Owners.Count} owners, {set.Schools.Count} schools, {set.People.Count} people, {set.Teams.Count} teams, {set.Programmes.Count} programmes).");

        usersFile ??= database.IsPostgres()
            ? "national-users.json"
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString(app.Services)).DataSource)) ?? ".", "national-users.json");
        await File.WriteAllTextAsync(usersFile, JsonSerializer.Serialize(set.Bench, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        Console.WriteLine($"Benchmark users (password {NationalOptions.Password}) written to {Path.GetFullPath(usersFile)}:");
        Console.WriteLine($"  advisor {set.Bench!.Advisor}, owner admin {set.Bench.OwnerAdmin}, principal {set.Bench.Principal}, programme {set.Bench.ProgrammeId}");
        return 0;
    }

    private static string ConnectionString(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<StillasDb>().Database.GetConnectionString() ?? "";
    }

    /// <summary>Writes the dataset into the app's database (already migrated) in one transaction; refuses a database with data unless <paramref name="replace"/>.</summary>
    public static async Task<NationalDataset> GenerateAsync(IServiceProvider services, NationalOptions options, bool replace, Action<string>? log = null, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        if (await db.Owners.IgnoreQueryFilters().AnyAsync(ct) || await db.People.IgnoreQueryFilters().AnyAsync(ct))
        {
            if (!replace) throw new DatasetRefusedException("The database already holds data. Run again with --replace to delete it and write the national dataset.");
            log?.Invoke("  deleting the data already there (--replace)");
            await ClearAsync(db, ct);
        }
        NationalDataset set;
        await using (var writer = await BulkWriter.OpenAsync(db, ct))
        {
            set = new NationalDataset(options, writer);
            await set.WriteAsync(log, ct);
            var sw = Stopwatch.StartNew();
            await writer.CommitAsync(ct);
            log?.Invoke($"  {"commit",-28} {"",9} {sw.Elapsed.TotalSeconds,11:F1} s");
        }
        // The programmes' stored summaries (phase now, next step), so the first page of the day does not compute them all.
        var summaries = Stopwatch.StartNew();
        var today = Features.Programmes.ProgrammePlanning.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        await Features.Programmes.ProgrammeSummaries.RefreshStaleAsync(db.Programmes, db, today, ct);
        log?.Invoke($"  {"programme summaries",-28} {"",9} {summaries.Elapsed.TotalSeconds,11:F1} s");
        var analyse = Stopwatch.StartNew();
        // Fresh statistics, so the planner knows the tables are large (PostgreSQL autovacuum would take a while).
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "ANALYZE" : "ANALYZE; PRAGMA optimize;", ct);
        log?.Invoke($"  {"analyze",-28} {"",9} {analyse.Elapsed.TotalSeconds,11:F1} s");
        scope.ServiceProvider.GetRequiredService<AccessScopeCache>().Invalidate();
        return set;
    }

    /// <summary>Empties every table of the model except the benchmark baseline's (seeded by a migration).</summary>
    private static async Task ClearAsync(StillasDb db, CancellationToken ct)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Where(t => t is not ("Fortunes" or "DataProtectionKeys")).ToList();
        if (db.Database.IsNpgsql())
        {
            var truncate = $"TRUNCATE {string.Join(", ", tables.Select(t => $"\"{t}\""))} RESTART IDENTITY CASCADE";
            await db.Database.ExecuteSqlRawAsync(truncate, ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=OFF", ct);
            foreach (var delete in tables.Select(t => $"DELETE FROM \"{t}\""))
                await db.Database.ExecuteSqlRawAsync(delete, ct);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence WHERE name <> 'Fortunes'", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=ON", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
