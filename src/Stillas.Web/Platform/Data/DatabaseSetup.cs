using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data.Seed;

namespace Stillas.Web.Platform.Data;

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";
    public string? ConnectionString { get; set; }
    /// <summary>Seed demo data into an empty database (Development only unless forced).</summary>
    public bool? SeedDemoData { get; set; }
    /// <summary>SQLite: keep prepared statements across requests (<see cref="SqliteStatementCache"/>); on by default.</summary>
    public bool StatementCache { get; set; } = true;
    /// <summary>
    /// SQLite's <c>synchronous</c> in WAL mode: <c>Full</c> (default) waits for the log's fsync at every commit,
    /// so an acknowledged save survives a power cut; <c>Normal</c> is faster but may lose the last commits then
    /// (never corrupts). Cost measured in docs/performance.md ("synchronous=FULL").
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>SQLite: the folder that holds the database file (set at registration, not configured).</summary>
    public string? SqliteDirectory { get; internal set; }
}

public enum SqliteSynchronous { Full, Normal }

public static class DatabaseSetup
{
    public static bool IsPostgres(this DatabaseOptions o) => o.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || o.Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Registers a pooled StillasDb for the configured provider. Each request leases one and hands it
    /// the request's scope holder (EF Core's "pooling with per-request state").
    /// <para>
    /// Every query carries the access filters' id lists. EF Core's default expands a list into one
    /// parameter per id, which makes the SQL uncacheable: it is generated again on every execution
    /// behind a lock, and under load requests queue on that lock (measured on the start page). One
    /// array parameter (json_each on SQLite, = ANY on PostgreSQL) keeps the SQL cached.
    /// </para>
    /// </summary>
    public static DatabaseOptions AddStillasDb(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        if (options.IsPostgres())
        {
            var cs = WithAutoPrepare(options.ConnectionString ?? throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres."));
            services.AddPooledDbContextFactory<PostgresStillasDb>(o => o.UseNpgsql(cs, n => n.MigrationsHistoryTable("__migrations").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).ConfigureWarnings(IgnoreKnownWarnings));
            services.AddScoped<StillasDb>(sp => Lease(sp, sp.GetRequiredService<IDbContextFactory<PostgresStillasDb>>().CreateDbContext()));
        }
        else
        {
            SqliteConnectionSettings.ConfigureProcess();
            var cs = options.ConnectionString ?? $"Data Source={Path.Combine(contentRoot, "data", "stillas.db")}";
            var builder = new SqliteConnectionStringBuilder(cs);
            var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (dir is not null) Directory.CreateDirectory(dir);
            options.SqliteDirectory = dir;
            builder.Pooling = true;
            builder.DefaultTimeout = 30;
            var finalCs = builder.ToString();
            var statements = options.StatementCache ? new SqliteStatementCache() : null;
            services.AddPooledDbContextFactory<SqliteStillasDb>(o =>
            {
                o.UseSqlite(finalCs, s => s.MigrationsHistoryTable("__migrations").UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(new SqliteConnectionSettings(TimeSpan.FromSeconds(builder.DefaultTimeout), options.SqliteSynchronous)).ConfigureWarnings(IgnoreKnownWarnings);
                if (statements is not null)
                {
                    o.AddInterceptors(statements);
#pragma warning disable EF1001 // see KeepOpenSqliteConnection
                    o.ReplaceService<Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.ISqliteRelationalConnection, KeepOpenSqliteConnection>();
#pragma warning restore EF1001
                }
            });
            var writeGate = new SemaphoreSlim(1, 1);
            services.AddScoped<StillasDb>(sp =>
            {
                var db = KeepOpen(sp, Lease(sp, sp.GetRequiredService<IDbContextFactory<SqliteStillasDb>>().CreateDbContext()), statements is not null);
                db.WriteGate = writeGate;
                return db;
            });
        }
        // On SQLite the data-protection keys are files beside the database (DataProtectionSetup), so the
        // login form needs nothing from the database and answers while it is still being prepared.
        services.AddSingleton(new DatabaseReadiness { LoginFormNeedsSchema = options.IsPostgres() });
        return options;
    }

    /// <summary>
    /// PostgreSQL: Npgsql prepares a statement on the server after it has run a few times on a connection
    /// (Max Auto Prepare), so PostgreSQL no longer parses and plans the same SQL on every request. PostgreSQL
    /// shares the app's two cores here; measured on the national set, 32 connections: programme page 159 →
    /// 286 req/s, timeline 193 → 309, session page 186 → 251, advisor's start page 122 → 166. Off by default
    /// in Npgsql; a connection string that sets it (0 turns it off) is left as it is.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    // Collection parameters (the access scope's id lists in every query filter): on PostgreSQL as ONE
    // array parameter (= ANY), so EF caches the SQL — EF Core 10's default expands each list into
    // @p1, @p2, … and a profile showed that SQL regenerated on every request behind a lock (~33 % of
    // CPU). On SQLite the single-parameter form (json_each per subquery) measured slower (programme
    // page 257 vs 394 req/s, wrk 16 connections, demo data), so SQLite keeps the default.
    // Account → Person is required while Person is scope-filtered: Identity reads accounts unfiltered
    // on purpose (login must find them), and never navigates to Person, so the warning does not apply.
    private static void IgnoreKnownWarnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) =>
        w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning);

    private static StillasDb Lease(IServiceProvider sp, StillasDb db)
    {
        db.ScopeSource = sp.GetRequiredService<CurrentScope>();
        db.Clock = sp.GetRequiredService<TimeProvider>();
        var mail = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Mail.MailOptions>>().Value;
        (db.MailBaseUrl, db.MailFrom) = (mail.BaseUrl, mail.From);
        db.ScopeCache = sp.GetRequiredService<AccessScopeCache>();
        return db;
    }

    // SQLite: one connection open for the whole request. EF Core otherwise opens and closes the
    // connection around every query (6 on the advisor's start page), and each open/close takes
    // Microsoft.Data.Sqlite's pool lock and registers (then removes) EF's SQL functions on the handle;
    // a thread-time profile showed request threads waiting on that lock under load. The CPU saved per
    // request was within the noise of our measurements (9.3 ms before and after, cold), so this is about
    // the waits, not a measured speed-up. With the statement cache (on by default) the connection then
    // stays open with its pooled context between requests (SqliteStatementCache, KeepOpenSqliteConnection)
    // and is checked here before each use; reads in WAL mode hold no lock between statements.
    private static StillasDb KeepOpen(IServiceProvider sp, StillasDb db, bool cachedStatements)
    {
        db.Database.OpenConnection();
        if (cachedStatements) SqliteStatementCache.Check((SqliteConnection)db.Database.GetDbConnection(), sp);
        return db;
    }

    /// <summary>Applies migrations (and the SQLite WAL pragma) and seeds demo data when asked and the database is empty.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, bool seedDemo, DatabaseReadiness? readiness = null, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        if (db.Database.IsNpgsql()) await MigratePostgresAsync(db, ct);
        else await MigrateSqliteAsync(db, ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        readiness?.MarkMigrated();
        log.LogInformation("Database migrated in {Milliseconds} ms", clock.ElapsedMilliseconds);
        if (seedDemo && !await db.Owners.AnyAsync(ct))
        {
            clock.Restart();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedForTodayAsync(scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
            log.LogInformation("Demo data seeded in {Milliseconds} ms", clock.ElapsedMilliseconds);
        }
        // Summaries of another day (the app was stopped over midnight) are made today's before the first page reads them.
        await Features.Programmes.ProgrammeSummaries.RefreshStaleAsync(db.Programmes, db,
            Features.Programmes.ProgrammePlanning.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()), ct);
    }

    /// <summary>
    /// An empty SQLite file (the first `dotnet run`) gets the current model's schema in one step and
    /// every migration recorded as applied, in one transaction: replaying each migration costs EF Core a
    /// model build per migration, most of the first start's wait for the login page. A database with
    /// tables is migrated as usual. <c>SchemaFastPathTests</c> proves both paths give the same schema.
    /// </summary>
    public static async Task MigrateSqliteAsync(StillasDb db, CancellationToken ct)
    {
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct) && await creator.HasTablesAsync(ct))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Any();
            await db.Database.MigrateAsync(ct);
            if (pending) await RefreshStatisticsAsync(db, ct);
            return;
        }
        if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
        var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await creator.CreateTablesAsync(ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        foreach (var id in db.Database.GetMigrations())
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new Microsoft.EntityFrameworkCore.Migrations.HistoryRow(id, ProductInfo.GetVersion())), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// After migrations on a database the planner has statistics for (ANALYZE ran, e.g. by the national
    /// generator): a migration's new index has none, and SQLite then assumes it finds 10 rows per key and
    /// prefers it to an analysed one. Measured on the national set: the people list of the largest kommune
    /// (6,277 people) took (OwnerId, Active) and sorted every row (7.9 ms) instead of walking
    /// (OwnerId, Name) for 50 (0.07 ms). An approximate ANALYZE (analysis_limit, ~20 ms for a million
    /// rows) gives every index statistics; without earlier statistics the planner keeps its defaults.
    /// </summary>
    private static async Task RefreshStatisticsAsync(StillasDb db, CancellationToken ct)
    {
        var analysed = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync(ct);
        if (analysed == 0) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; ANALYZE;", ct);
    }

    /// <summary>
    /// Several instances may start at once against one database (issue 7, part 5). EF Core's own migration
    /// lock still let two of them apply the same migration here, so the migration runs under a PostgreSQL
    /// advisory lock held on the context's connection; the database is created first if missing (a
    /// concurrent creator's "already exists" is fine).
    /// </summary>
    private static async Task MigratePostgresAsync(StillasDb db, CancellationToken ct)
    {
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try { await creator.CreateAsync(ct); }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase) { }
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(4711007)", ct);
            try { await db.Database.MigrateAsync(ct); }
            finally { await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(4711007)", CancellationToken.None); }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
