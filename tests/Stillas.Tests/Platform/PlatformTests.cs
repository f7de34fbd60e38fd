using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Stillas.Tests.Support;

namespace Stillas.Tests.Platform;

public sealed class PlatformTests(StillasApp app) : IClassFixture<StillasApp>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health/live")]
    [InlineData("/api/v1/schools")]
    [InlineData("/does-not-exist")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.Client().GetAsync(path);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task SQLite_connections_let_SQLite_wait_for_a_write_lock()
    {
        // Without it Microsoft.Data.Sqlite sleeps 150 ms per retry when a save meets another's write lock.
        var timeout = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var cmd = db.Database.GetDbConnection().CreateCommand();
                cmd.CommandText = "PRAGMA busy_timeout";
                var busy = Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                cmd.CommandText = "PRAGMA synchronous";
                return (busy, Convert.ToInt32(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
            finally { await db.Database.CloseConnectionAsync(); }
        });
        Assert.Equal((30_000, 2), timeout); // 2 = FULL: an acknowledged commit survives a power cut (Database:SqliteSynchronous)
    }

    [Fact]
    public async Task Stylesheets_are_served_without_login()
    {
        var html = await app.Client().GetStringAsync("/Account/Login");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/lib/designsystemet[^\"]*)\"").Groups[1].Value;
        var css = await app.Client().GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains(".ds-button", await css.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_cookie_is_HttpOnly_and_SameSite()
    {
        var client = app.Client();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "skoleeier@nordvik.test", ["Input.Password"] = "Demo-passord-1" });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stillas=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_refused()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var response = await client.PostAsync("/Schools/Edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Uten token skole" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_login_and_ready_checks_the_database()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_without_login_gets_401_problem_details_not_the_login_page()
    {
        var response = await app.Client().GetAsync("/api/v1/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, doc.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Api_forbidden_write_gets_403_problem_details()
    {
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var response = await client.PostAsync("/api/v1/schools", JsonContent("{\"name\":\"X\"}"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_bad_input_gets_validation_problem_details_in_Norwegian()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var response = await client.PostAsync("/api/v1/schools", JsonContent("{\"name\":\"\",\"organisationNumber\":\"123456789\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Organisasjonsnummeret er ikke gyldig", body);
        Assert.Contains("Skriv inn skolens navn.", body);
    }

    [Fact]
    public async Task Api_malformed_json_gets_400_not_500()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var response = await client.PostAsync("/api/v1/schools", JsonContent("{ not json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api()
    {
        var json = await app.Client().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/schools", out _));
        Assert.True(paths.TryGetProperty("/api/v1/schools/{id}", out _));
    }

    [Fact]
    public async Task Unknown_page_gets_a_Norwegian_404()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var response = await client.GetAsync("/finnes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Fant ikke siden", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_page_shows_demo_logins_in_Development()
    {
        var html = await app.Client().GetStringAsync("/Account/Login");
        Assert.Contains("veileder@nordvik.test", html);
        Assert.Contains("Demo-passord-1", html);
    }

    [Fact]
    public async Task Wrong_password_gets_a_Norwegian_message_and_keeps_the_email()
    {
        var response = await app.Client().PostFormAsync("/Account/Login", new() { ["Input.Email"] = "uh@nordvik.test", ["Input.Password"] = "feil-passord" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Feil e-post eller passord.", Html.Alert(html));
        Assert.Contains("value=\"uh@nordvik.test\"", html);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

/// <summary>Outside Development the demo accounts are refused, even when the data is present.</summary>
public sealed class ProductionApp : StillasApp
{
    public ProductionApp() : base(Provider.Sqlite) { }
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class ProductionTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Demo_logins_are_refused_outside_Development()
    {
        // Over https, as outside Development the cookies (antiforgery too) are Secure only (TransportSecurity).
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "admin@stillas.test", ["Input.Password"] = "Demo-passord-1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Demobrukere kan bare brukes i utviklingsmiljøet.", Html.Alert(html));
        Assert.DoesNotContain("Demo-passord-1", html);
    }
}
