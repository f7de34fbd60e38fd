using Microsoft.EntityFrameworkCore;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data.Seed;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;

namespace Stillas.Tests.National;

/// <summary>One app process's worth of Stillas on a given PostgreSQL database (no demo data at start).</summary>
public sealed class Instance(string connectionString, SmtpSink smtp, string name) : WebApplicationFactory<Program>
{
    private readonly string files = Path.Combine(Path.GetTempPath(), "stillas-tests", "files-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Database:SeedDemoData", "false");
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:PollInterval", "00:00:00.100");
        builder.UseSetting("Mail:BaseUrl", "http://localhost");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Files:Root", files);
        builder.UseSetting("Instance", name);
    }

    public HttpClient Client(bool cookies = true) => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
}

/// <summary>
/// Issue 7, part 5: two instances of the app on one PostgreSQL database, as two processes would run
/// behind a load balancer: both start (and migrate) at once, a login on one is valid on the other
/// (data-protection keys in the database), and the outbox is dispatched by both without a mail sent
/// twice (N due → exactly N at the real SMTP sink).
/// </summary>
public sealed class TwoInstancesOnPostgres : IDisposable
{
    private readonly SmtpSink smtp = new();
    private readonly string database = "stillas_two_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string connectionString;

    public TwoInstancesOnPostgres()
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
    public async Task Two_instances_share_logins_and_send_each_mail_once()
    {
        await using var a = new Instance(connectionString, smtp, "a");
        await using var b = new Instance(connectionString, smtp, "b");
        // Both start at once: both apply the migrations to the empty database (EF Core takes a lock).
        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));
        await DatabaseSetup.MigrateAndSeedAsync(a.Services, seedDemo: true);

        // A login on A is a login on B.
        var onA = a.Client();
        var login = await onA.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "veileder@nordvik.test", ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var onB = b.Client(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        var page = await onB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hei, Ola Veileder", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // N mails due at once, both dispatchers polling: exactly N arrive.
        const int n = 30;
        var marker = "To instanser " + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = a.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
            var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
            var now = DateTimeOffset.UtcNow.AddSeconds(-1);
            for (var i = 0; i < n; i++)
                db.Outbox.Add(new OutboxMessage { ToAddress = $"mottaker{i}@nordvik.test", Subject = $"{marker} {i}", TextBody = "Test.", IdempotencyKey = $"test:two-instances:{marker}:{i}", CreatedAt = now, DueAt = now });
            await db.SaveChangesAsync();
        }
        int Arrived() => smtp.Messages.Count(m => m.Subject?.StartsWith(marker, StringComparison.Ordinal) == true);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Arrived() < n && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(n, Arrived());
        // Both keep polling; nothing may come a second time. Once every message is marked sent in the database,
        // no instance can claim one again (the claim needs SentAt null), so wait for that (a condition, not a sleep).
        async Task<int> UnsentAsync()
        {
            await using var scope = a.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
            var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
            return await db.Outbox.CountAsync(m => m.Subject.StartsWith(marker) && m.SentAt == null);
        }
        while (await UnsentAsync() > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(0, await UnsentAsync());
        var subjects = smtp.Messages.Select(m => m.Subject ?? "").Where(s => s.StartsWith(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(n, subjects.Count);
        Assert.Equal(n, subjects.Distinct().Count());
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
        catch (NpgsqlException) { /* test.sh stops the server anyway */ }
    }
}
