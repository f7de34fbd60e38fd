using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

/// <summary>PostgreSQL statements run often are prepared on the server (<see cref="DatabaseSetup.WithAutoPrepare"/>).</summary>
public sealed class AutoPrepareTests
{
    [Theory]
    [InlineData("Host=db;Database=stillas", 64)]
    [InlineData("Host=db;Database=stillas;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=stillas;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Database=stillas;max auto prepare=20", 20)]
    public void Is_on_unless_the_connection_string_says_otherwise(string given, int expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare(given)).MaxAutoPrepare);
}

public sealed class AutoPrepareOnPostgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_query_run_a_few_times_on_a_connection_is_prepared_on_the_server()
    {
        var prepared = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            for (var i = 0; i < 6; i++) await db.Owners.IgnoreQueryFilters().Where(o => o.Id > i).CountAsync();
            return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FROM \"Owners\"%'").SingleAsync();
        });
        Assert.True(prepared > 0, "no statement over Owners is prepared on the server");
    }
}
