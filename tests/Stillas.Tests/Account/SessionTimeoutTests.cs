using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stillas.Tests.People;
using Stillas.Tests.Support;
using Stillas.Web.Features.Account;
using static Stillas.Tests.Account.SessionSupport;

namespace Stillas.Tests.Account;

/// <summary>The app on a fake clock that only the test moves, so idle and absolute limits are tested without waiting.</summary>
public sealed class SessionClockApp : StillasApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse(Stillas.Web.Platform.Data.Seed.DemoData.DesignedFor, System.Globalization.CultureInfo.InvariantCulture));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>30 minutes idle ends a session, and 10 hours end it however busy it is (issue 18, part 2).</summary>
public sealed class SessionTimeoutTests(SessionClockApp app) : IClassFixture<SessionClockApp>
{
    private const string Password = "Lang og trygg frase 2026";

    [Fact]
    public async Task A_session_idle_for_more_than_30_minutes_is_dead_and_one_used_within_them_lives()
    {
        const string email = "treg.bruker@nordvik.test";
        await app.CreateLoginAsync("Treg Bruker", email, Password);
        var browser = await app.BrowserLoginAsync(email, Password);

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        await AssertAliveAsync(browser.Client, "after 29 minutes idle");
        // The request was noted: another 29 minutes are fine again.
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        var keepAlive = await browser.Client.GetAsync("/Account/Profile?handler=KeepAlive");
        Assert.Contains("\"idleSeconds\":1800", await keepAlive.Content.ReadAsStringAsync());

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await AssertDeadAsync(browser.Client, "after 31 minutes idle");
        Assert.Equal(SessionEnd.Idle, Assert.Single(await app.SessionsOfAsync(email)).EndReason);
    }

    [Fact]
    public async Task A_session_ends_10_hours_after_login_however_busy()
    {
        const string email = "flittig.bruker@nordvik.test";
        await app.CreateLoginAsync("Flittig Bruker", email, Password);
        var browser = await app.BrowserLoginAsync(email, Password);

        // Busy all day: a request every 25 minutes (the security stamp is rechecked every 30 on the way).
        for (var minutes = 25; minutes < 600; minutes += 25)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(25));
            var page = await browser.Client.GetAsync("/");
            Assert.True(page.StatusCode == System.Net.HttpStatusCode.OK, $"after {minutes} minutes: {(int)page.StatusCode} {page.Headers.Location}");
        }
        app.Clock.Advance(TimeSpan.FromMinutes(25)); // 10 hours
        await AssertDeadAsync(browser.Client, "10 hours after login");
        // The server decided, not the cookie's own expiry (the stamp check renews the cookie on the way).
        Assert.Equal(SessionEnd.Expired, Assert.Single(await app.SessionsOfAsync(email)).EndReason);
    }

    [Fact]
    public async Task The_page_carries_the_idle_warning_for_the_script()
    {
        const string email = "varslet.bruker@nordvik.test";
        await app.CreateLoginAsync("Varslet Bruker", email, Password);
        var browser = await app.BrowserLoginAsync(email, Password);
        var html = await browser.Client.GetStringAsync("/");
        Assert.Contains("data-session-warning", html);
        Assert.Contains("data-idle-seconds=\"1800\"", html);
        Assert.Contains("Du blir snart logget ut", html);
        Assert.Contains("Forbli innlogget", html);
        Assert.Matches("<script src=\"/js/session-timeout.js\\?v=[^\"]+\" defer>", html);
        Assert.Contains("href=\"/Account/Profile\"", html);
    }
}
