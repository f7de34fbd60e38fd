using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;

namespace Stillas.Tests.Platform;

/// <summary>
/// The app as installed (environment Production) behind a proxy at 10.9.8.7, with a certificate for its key ring.
/// A test middleware in front plays the network: it sets the connection's address from X-Test-Remote, and after
/// the app has run records what the app took as client address and scheme.
/// </summary>
public sealed class ProxiedProductionApp : StillasApp
{
    public const string Proxy = "10.9.8.7";
    public ConcurrentDictionary<string, (string? Remote, string Scheme)> Seen { get; } = new();
    public LogCapture Log { get; } = new();
    public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), "stillas-tests", "keys-" + Guid.NewGuid().ToString("N") + ".pfx");
    private const string CertificatePassword = "test-passord";

    public ProxiedProductionApp()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Stillas key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        Directory.CreateDirectory(Path.GetDirectoryName(CertificatePath)!);
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("ForwardedHeaders:KnownProxies", Proxy);
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new Network(Seen)).AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log));
    }

    private sealed class Network(ConcurrentDictionary<string, (string?, string)> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext ctx, Func<Task> rest) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Remote", out var remote)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(remote.ToString());
                await rest();
                if (ctx.Request.Headers.TryGetValue("X-Test-Id", out var id)) seen[id.ToString()] = (ctx.Connection.RemoteIpAddress?.ToString(), ctx.Request.Scheme);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && File.Exists(CertificatePath)) File.Delete(CertificatePath);
    }
}

/// <summary>The app in Production without a key-ring certificate.</summary>
public sealed class UnencryptedProductionApp : StillasApp
{
    public LogCapture Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log));
    }
}

/// <summary>Keeps every log message the app writes (added after the app's own providers, which Production clears).</summary>
public sealed class LogCapture : Microsoft.Extensions.Logging.ILoggerProvider
{
    public ConcurrentQueue<(Microsoft.Extensions.Logging.LogLevel Level, string Message)> Messages { get; } = new();
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(this);
    public void Dispose() { }

    private sealed class Logger(LogCapture capture) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Messages.Enqueue((logLevel, formatter(state, exception)));
    }
}

/// <summary>Issue 18, part 7: transport, keys and headers outside Development.</summary>
public sealed class TransportSecurityTests(ProxiedProductionApp app) : IClassFixture<ProxiedProductionApp>
{
    private HttpClient Https() => app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://stillas.example.no"), AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Outside_Development_cookies_are_Secure_and_HSTS_is_sent_over_https()
    {
        var email = await AccountAsync(); // demo accounts are refused outside Development
        var client = Https();
        var form = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var hsts = Assert.Single(form.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("stillas-af=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stillas=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        // HSTS is meaningless (and ignored by browsers) over plain http: not sent there.
        var plain = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://stillas.example.no") }).GetAsync("/health/live");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        // A page over plain http (a proxy not yet trusted) is told why, not answered with a Secure cookie it cannot keep.
        var page = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://stillas.example.no"), AllowAutoRedirect = false }).GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("ForwardedHeaders:KnownProxies", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string Password = "Et langt passord som ikke nevner navnet 2026"; // the rules refuse one containing a name part ("Transport")

    /// <summary>A person of Nordvik with a login of their own (not a demo account).</summary>
    private async Task<string> AccountAsync()
    {
        var email = $"kari.{Guid.NewGuid():N}@nordvik.test";
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Stillas.Web.Platform.Access.CurrentScope>().Scope = Stillas.Web.Platform.Access.AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<Stillas.Web.Platform.Data.StillasDb>();
        var person = new Stillas.Web.Features.People.Person { Name = "Kari Transport", Email = email, OwnerId = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync() };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Stillas.Web.Features.Account.Account>>();
        var result = await users.CreateAsync(new Stillas.Web.Features.Account.Account { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    [Fact]
    public async Task Development_keeps_cookies_usable_over_plain_http()
    {
        // The control: the same assertion fails where Secure is not forced (the tests' and a developer's app).
        using var dev = new StillasApp();
        var form = await dev.Client().GetAsync("/Account/Login");
        Assert.DoesNotContain(form.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("10.1.1.1", false)] // a client on the net, or a proxy nobody configured
    [InlineData("127.0.0.1", false)] // not even loopback (ASP.NET Core's default would trust it)
    [InlineData(ProxiedProductionApp.Proxy, true)]
    public async Task Forwarded_headers_are_honoured_only_from_the_configured_proxy(string from, bool honoured)
    {
        var id = Guid.NewGuid().ToString("N");
        // A page without a form: over plain http a form's Secure-only antiforgery cookie cannot be set at all.
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "stillas.example.no"; // HSTS leaves localhost out
        request.Headers.Add("X-Test-Remote", from);
        request.Headers.Add("X-Test-Id", id);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await app.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (remote, scheme) = app.Seen[id];
        Assert.Equal(honoured ? "203.0.113.7" : from, remote);
        Assert.Equal(honoured ? "https" : "http", scheme);
        // The app then behaves as over https: HSTS only where the proxy said so.
        Assert.Equal(honoured, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task With_a_certificate_the_key_ring_is_stored_encrypted()
    {
        Assert.Equal(HttpStatusCode.OK, (await Https().GetAsync("/Account/Login")).StatusCode); // the form's token makes the first key
        var keys = Directory.GetFiles(Path.Combine(app.DataDirectory!, "keys"), "*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the plain master key's element
        }

        // The control: without a certificate (the tests' Development app) the key lies in the clear.
        using var dev = new StillasApp();
        await dev.Client().GetAsync("/Account/Login");
        var plain = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(dev.DataDirectory!, "keys"), "*.xml").First());
        Assert.Contains("<value>", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("EncryptedData", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Production_an_unencrypted_key_ring_is_warned_about_at_start_and_an_encrypted_one_is_not()
    {
        const string warning = "key ring is stored unencrypted";
        Assert.Equal(HttpStatusCode.OK, (await Https().GetAsync("/Account/Login")).StatusCode);
        Assert.DoesNotContain(app.Log.Messages, m => m.Message.Contains(warning, StringComparison.Ordinal));
        using var unencrypted = new UnencryptedProductionApp();
        _ = unencrypted.Services; // started
        Assert.Contains(unencrypted.Log.Messages, m => m.Level == Microsoft.Extensions.Logging.LogLevel.Warning && m.Message.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_response_carries_a_Permissions_Policy_that_denies_the_powerful_features()
    {
        var response = await Https().GetAsync("/Account/Login");
        var policy = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        foreach (var feature in new[] { "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "browsing-topics=()" })
            Assert.Contains(feature, policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
