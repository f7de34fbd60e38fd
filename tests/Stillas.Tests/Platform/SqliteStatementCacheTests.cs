using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

/// <summary>
/// SQLite statements kept across requests (SqliteStatementCache): reused, never stale, never left
/// running. The rest of the suite runs every page and API on SQLite with the cache on.
/// </summary>
public sealed class SqliteStatementCacheTests(StillasApp app) : IClassFixture<StillasApp>
{
    private async Task<T> InRequestAsync<T>(Func<StillasDb, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        return await action(scope.ServiceProvider.GetRequiredService<StillasDb>());
    }

    private static List<(string Sql, bool Busy)> Statements(SqliteConnection connection)
    {
        var list = new List<(string, bool)>();
        var db = connection.Handle!;
        for (var stmt = raw.sqlite3_next_stmt(db, null); stmt is not null && !stmt.IsInvalid; stmt = raw.sqlite3_next_stmt(db, stmt))
            list.Add((raw.sqlite3_sql(stmt).utf8_to_string(), raw.sqlite3_stmt_busy(stmt) != 0));
        return list;
    }

    [Fact]
    public async Task A_query_run_again_in_later_requests_keeps_the_statement_compiled_the_first_time()
    {
        // The pool hands out its contexts in turn; each keeps its connection open and the statement of
        // this query (its SQL carries the literal, so it is found by text) compiled once.
        var seen = new Dictionary<SqliteConnection, int>(ReferenceEqualityComparer.Instance);
        const int runs = 20;
        for (var i = 0; i < runs; i++)
        {
            var (connection, count) = await InRequestAsync(async db =>
            {
                Assert.NotEmpty(await db.Schools.Where(s => s.Name != "statement-cache-test").OrderBy(s => s.Id).Select(s => s.Name).ToListAsync());
                var c = (SqliteConnection)db.Database.GetDbConnection();
                return (c, Statements(c).Count(s => s.Sql.Contains("statement-cache-test", StringComparison.Ordinal)));
            });
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
            Assert.Equal(1, count);
            seen[connection] = seen.GetValueOrDefault(connection) + 1;
        }
        Assert.True(seen.Values.Max() > 1, $"{runs} requests on {seen.Count} connections");
        foreach (var c in seen.Keys) Assert.All(Statements(c), s => Assert.False(s.Busy, s.Sql));
    }

    [Fact]
    public async Task A_cached_read_sees_what_another_connection_wrote_since()
    {
        var name = $"Cache {Guid.NewGuid():N}"[..20];
        var schoolId = await app.WithDbAsync(db => db.Schools.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        string Read(StillasDb db) => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).Single();
        var before = await InRequestAsync(db => Task.FromResult(Read(db)));

        // Written by another connection (a second context held open at the same time).
        await using (var other = app.Services.CreateAsyncScope())
        await using (var writer = app.Services.CreateAsyncScope())
        {
            other.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
            writer.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
            var held = other.ServiceProvider.GetRequiredService<StillasDb>();
            var db = writer.ServiceProvider.GetRequiredService<StillasDb>();
            Assert.NotSame(held.Database.GetDbConnection(), db.Database.GetDbConnection());
            await db.Schools.Where(s => s.Id == schoolId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, name));
        }

        for (var i = 0; i < 5; i++) Assert.Equal(name, await InRequestAsync(db => Task.FromResult(Read(db))));
        await app.WithDbAsync(db => db.Schools.Where(s => s.Id == schoolId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, before)));
        Assert.Equal(before, await InRequestAsync(db => Task.FromResult(Read(db))));
    }

    [Fact]
    public async Task A_statement_left_running_or_a_transaction_left_open_is_ended_before_the_connection_is_used_again()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var c = (SqliteConnection)db.Database.GetDbConnection();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT Id FROM Schools UNION ALL SELECT Id FROM Schools;";
        using var open = command.ExecuteReader();
        Assert.True(open.Read());   // left mid-way on purpose: its statement keeps a read snapshot
        using (var begin = c.CreateCommand())
        {
            begin.CommandText = "SAVEPOINT left_open;";
            begin.ExecuteNonQuery();
        }
        Assert.Contains(Statements(c), s => s.Busy);
        Assert.Equal(0, raw.sqlite3_get_autocommit(c.Handle!));

        SqliteStatementCache.Check(c, scope.ServiceProvider);   // what each request does when it takes the connection

        Assert.All(Statements(c), s => Assert.False(s.Busy, s.Sql));
        Assert.Equal(1, raw.sqlite3_get_autocommit(c.Handle!));
        var school = await db.Schools.OrderBy(s => s.Id).FirstAsync();
        school.Pupils += 1;
        await db.SaveChangesAsync();
        school.Pupils -= 1;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Off_by_configuration_each_request_compiles_its_statements_again()
    {
        await using var off = new StatementCacheOffApp();
        await using var scope = off.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        Assert.NotEmpty(await db.Schools.Select(s => s.Name).ToListAsync());
        var command = db.Database.GetDbConnection().CreateCommand();
        Assert.IsType<SqliteCommand>(command);
        Assert.DoesNotContain(Statements((SqliteConnection)db.Database.GetDbConnection()), s => s.Sql.Contains("\"Schools\"", StringComparison.Ordinal));
    }

    private sealed class StatementCacheOffApp : StillasApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:StatementCache", "false");
        }
    }
}
