using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data.Seed;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Support;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The real app over a real database: a fresh SQLite file, or a fresh PostgreSQL database on the
/// server that ./test.sh starts (connection string in STILLAS_TEST_PG). Migrations and demo data
/// are applied by the app's own start-up. Mail goes to a real SMTP sink.
/// </summary>
public class StillasApp : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly string? pgDatabase;
    public Provider Provider { get; }
    public SmtpSink Smtp { get; } = new();
    public string? DataDirectory { get; }
    /// <summary>Where the app's file store keeps uploads during the tests.</summary>
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "stillas-tests", "files-" + Guid.NewGuid().ToString("N"));

    public StillasApp() : this(Provider.Sqlite) { }

    protected StillasApp(Provider provider, bool seedDemo = true)
    {
        Provider = provider;
        SeedDemo = seedDemo;
        if (provider == Provider.Sqlite)
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "stillas-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(DataDirectory);
            connectionString = $"Data Source={Path.Combine(DataDirectory, "stillas.db")}";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("STILLAS_TEST_PG")
                ?? throw new InvalidOperationException("STILLAS_TEST_PG is not set: run the tests with ./test.sh, which starts PostgreSQL, or set it to a connection string of a PostgreSQL 15 server.");
            pgDatabase = "stillas_t_" + Guid.NewGuid().ToString("N")[..16];
            using (var conn = new NpgsqlConnection(server))
            {
                conn.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", conn);
                cmd.ExecuteNonQuery();
            }
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = pgDatabase }.ConnectionString;
        }
    }

    private int cleaned;
    public bool SeedDemo { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider == Provider.Sqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Database:SeedDemoData", SeedDemo ? "true" : "false");
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:PollInterval", "00:00:00.200");
        builder.UseSetting("Mail:BaseUrl", "http://localhost");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Files:Root", FilesRoot);
        builder.UseSetting("Bench:Baseline", "true");
        builder.UseSetting("Clock:Start", DemoData.DesignedFor);
        // The suites log in far more often than a person does: the login limits are tested on their own (LoginAbuseTests).
        builder.UseSetting("LoginLimits:PerAddress", "100000");
        builder.UseSetting("LoginLimits:PerAccount", "100000");
    }

    /// <summary>The app's own clock (from <see cref="DemoData.DesignedFor"/> unless a test replaces it): what "now" is to the app.</summary>
    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The app's today in Oslo.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Stillas.Web.Platform.Web.NorwegianTime.ToOslo(Now).DateTime);

    /// <summary>
    /// The app prepares its database in the background (DatabaseReadiness); tests that read or write
    /// the database directly must not race it, so the host is handed out only once it is ready.
    /// </summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<DatabaseReadiness>().Ready.WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
        return host;
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Logs in through the real login form; returns a client carrying the cookie.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password = DemoData.Password)
    {
        var client = Client();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode} {Html.Alert(await response.Content.ReadAsStringAsync())}");
        return client;
    }

    /// <summary>Runs code against the database with the system's scope (set-up and assertions).</summary>
    public async Task<T> WithDbAsync<T>(Func<StillasDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        return await action(scope.ServiceProvider.GetRequiredService<StillasDb>());
    }

    public Task WithDbAsync(Func<StillasDb, Task> action) => WithDbAsync(async db => { await action(db); return 0; });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || Interlocked.Exchange(ref cleaned, 1) == 1) return;
        Smtp.Dispose();
        if (pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("STILLAS_TEST_PG"));
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {pgDatabase} WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { /* the server is stopped by test.sh anyway */ }
        }
        try { if (Directory.Exists(FilesRoot)) Directory.Delete(FilesRoot, recursive: true); } catch (IOException) { }
        if (DataDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>One app per provider for the tests that run on both.</summary>
public sealed class PostgresApp() : StillasApp(Provider.Postgres);

public static class HttpExtensions
{
    private static readonly Regex Token = new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Compiled);

    /// <summary>GETs the form's page for its antiforgery token, then POSTs the fields (like a browser).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var match = Token.Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {formPage ?? url} ({(int)page.StatusCode}).");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(match.Groups[1].Value))));
        return await client.PostAsync(url, content);
    }
}

public static class Refused
{
    /// <summary>A page refused: 403, 404 (not in the user's scope), or a redirect to the access-denied page.</summary>
    public static void Assert(HttpResponseMessage response, string what)
    {
        var ok = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                 || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal) == true);
        Xunit.Assert.True(ok, $"{what}: expected refusal, got {(int)response.StatusCode} {response.Headers.Location}");
    }
}

public static class Html
{
    private static readonly Regex AlertRx = new("<div class=\"ds-alert\"[^>]*>(.*?)</div>", RegexOptions.Singleline | RegexOptions.Compiled);
    private static readonly Regex Validation = new("<div class=\"ds-validation-message\"[^>]*>(.*?)</div>", RegexOptions.Singleline | RegexOptions.Compiled);
    private static readonly Regex Tags = new("<[^>]+>", RegexOptions.Compiled);

    public static string Alert(string html) => string.Join(" | ", AlertRx.Matches(html).Select(m => Text(m.Groups[1].Value)));
    public static List<string> FieldErrors(string html) => Validation.Matches(html).Select(m => Text(m.Groups[1].Value)).ToList();
    public static string Text(string html) => WebUtility.HtmlDecode(Tags.Replace(html, " ")).Trim();
}
