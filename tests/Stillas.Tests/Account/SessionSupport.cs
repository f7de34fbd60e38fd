using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Account;

namespace Stillas.Tests.Account;

/// <summary>Logins whose cookies the test can see and copy, and what a live or dead cookie gets.</summary>
public static class SessionSupport
{
    private static readonly Uri Site = new("http://localhost");

    /// <summary>A browser: a client with its own cookie jar.</summary>
    public sealed record Browser(HttpClient Client, CookieContainer Jar)
    {
        /// <summary>The cookies as a browser sends them: what an attacker who copied them would send.</summary>
        public string CookieHeader => Jar.GetCookieHeader(Site);
    }

    public static async Task<Browser> BrowserLoginAsync(this StillasApp app, string email, string password, string userAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")
    {
        var jar = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieContainerHandler(jar));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login as {email} failed: {(int)response.StatusCode} {Html.Alert(await response.Content.ReadAsStringAsync())}");
        Assert.Contains("stillas=", jar.GetCookieHeader(Site));
        return new Browser(client, jar);
    }

    /// <summary>Another client that sends exactly these cookies and keeps none it is given.</summary>
    public static HttpClient WithCookies(this StillasApp app, string cookieHeader)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    /// <summary>A page answers with itself, and so does the API.</summary>
    public static async Task AssertAliveAsync(HttpClient client, string what)
    {
        var page = await client.GetAsync("/");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{what}: the start page answered {(int)page.StatusCode} {page.Headers.Location}");
        var api = await client.GetAsync("/api/v1/schools");
        Assert.True(api.StatusCode == HttpStatusCode.OK, $"{what}: the API answered {(int)api.StatusCode}");
    }

    /// <summary>A page sends to the login, the API answers 401 with problem details.</summary>
    public static async Task AssertDeadAsync(HttpClient client, string what)
    {
        var page = await client.GetAsync("/");
        Assert.True(page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location?.ToString().Contains("/Account/Login", StringComparison.Ordinal) == true,
            $"{what}: expected the login page, got {(int)page.StatusCode} {page.Headers.Location}");
        var api = await client.GetAsync("/api/v1/schools");
        Assert.True(api.StatusCode == HttpStatusCode.Unauthorized, $"{what}: expected 401 from the API, got {(int)api.StatusCode}");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    public static Task<List<UserSession>> SessionsOfAsync(this StillasApp app, string email) =>
        app.WithDbAsync(async db =>
        {
            var accountId = await db.Users.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
            return await db.UserSessions.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.Id).ToListAsync();
        });
}
