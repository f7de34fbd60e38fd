using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>
/// The idle warning (wwwroot/js/session-timeout.js) in a real browser, its timers on Playwright's fake clock:
/// hidden at first, "Forbli innlogget" some minutes before the 30 idle minutes run out, one click keeps the
/// session on the server and hides the warning, and without a click the page says the session has ended.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IdleWarningTests(StillasSite site)
{
    [Fact]
    public async Task The_page_warns_before_an_idle_session_ends_and_Forbli_innlogget_keeps_it()
    {
        await using var visit = await site.OpenAsync(Visit.Phone);
        await visit.LoginAsync("uh@nordvik.test");
        // The fake clock runs the page's timers; the server keeps its own time, so the session stays alive.
        await visit.Page.Clock.InstallAsync();
        await visit.Page.GotoAsync("/Programmes");
        // Paused: only the fast-forwards below move the page's time (a flowing clock would let an assertion's
        // retries reach the warning by themselves).
        await visit.Page.Clock.PauseAtAsync(DateTime.Now.AddSeconds(2));
        var warning = visit.Page.Locator("[data-session-warning]");
        var stay = visit.Page.GetByRole(AriaRole.Button, new() { Name = "Forbli innlogget" });
        await Expect(warning).ToBeHiddenAsync();

        // 30 minutes idle, a minute of slack for the server's once-a-minute note, warned 5 minutes before: at 24.
        await visit.Page.Clock.FastForwardAsync("23:00");
        await Expect(warning).ToBeHiddenAsync();
        await visit.Page.Clock.FastForwardAsync("01:30");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("Du blir snart logget ut");
        await Expect(stay).ToBeVisibleAsync();
        await Expect(visit.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Du blir snart logget ut" })).ToBeVisibleAsync();

        // One click asks the server to keep the session (KeepAlive) and starts the count again.
        var keepAlive = visit.Page.WaitForResponseAsync(r => r.Url.Contains("handler=KeepAlive", StringComparison.Ordinal));
        await stay.ClickAsync();
        Assert.Equal(200, (await keepAlive).Status);
        await Expect(warning).ToBeHiddenAsync();

        // Without a click the page says the session has ended, and offers no button that could not help.
        await visit.Page.Clock.FastForwardAsync("29:30");
        await Expect(warning).ToContainTextAsync("Du er logget ut");
        await Expect(stay).ToBeHiddenAsync();
        await visit.AssertNoHorizontalOverflowAsync();
    }
}
