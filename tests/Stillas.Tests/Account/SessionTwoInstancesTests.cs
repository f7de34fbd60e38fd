using System.Net;
using Npgsql;
using Stillas.Tests.National;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Data.Seed;

namespace Stillas.Tests.Account;

/// <summary>
/// The session is the database's, not an instance's: a logout on one instance kills the cookie on the other
/// at once (two app instances on one PostgreSQL database, as behind a load balancer).
/// </summary>
public sealed class SessionTwoInstancesOnPostgres : IDisposable
{
    private readonly SmtpSink smtp = new();
    private readonly string database = "stillas_sess_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string connectionString;

    public SessionTwoInstancesOnPostgres()
    {
        var server = Environment.GetEnvironmentVariable("STILLAS_TEST_PG") ?? throw new InvalidOperationException("STILLAS_TEST_PG is not set: run ./test.sh.");
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", conn);
            cmd.ExecuteNonQuery();
        }
        connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    [Fact]
    public async Task A_logout_on_one_instance_ends_the_session_on_the_other()
    {
        await using var a = new Instance(connectionString, smtp, "a");
        await using var b = new Instance(connectionString, smtp, "b");
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
        await DatabaseSetup.MigrateAndSeedAsync(a.Services, seedDemo: true);

        var onA = a.Client();
        var login = await onA.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "veileder@nordvik.test", ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var onB = b.Client(cookies: false);
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/")).StatusCode); // the cookie works on B while the session lives

        Assert.Equal(HttpStatusCode.Redirect, (await onA.PostFormAsync("/Account/Logout", [])).StatusCode);

        var page = await onB.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync("/api/v1/schools")).StatusCode);
    }

    public void Dispose()
    {
        smtp.Dispose();
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("STILLAS_TEST_PG"));
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException) { /* the server is stopped by test.sh anyway */ }
    }
}
