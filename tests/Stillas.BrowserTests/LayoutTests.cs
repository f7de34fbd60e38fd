using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>The page works at phone width, by keyboard, and really has Designsystemet's styles.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(StillasSite site)
{
    [Fact]
    public async Task Designsystemet_css_is_served_and_applied()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await page.GotoAsync("/Account/Login");

        // The theme's tokens are defined, and the primary button is painted with the accent colour
        // (an unstyled <button> is grey with a 2px outset border).
        var accent = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--ds-color-accent-base-default').trim()");
        Assert.False(string.IsNullOrEmpty(accent), "The Designsystemet theme's --ds-color-accent-base-default is not defined: the theme CSS did not load.");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true });
        var style = await button.EvaluateAsync<Dictionary<string, string>>(
            "b => { const s = getComputedStyle(b); return { background: s.backgroundColor, radius: s.borderTopLeftRadius, accent: getComputedStyle(document.documentElement).getPropertyValue('--ds-color-accent-base-default').trim() }; }");
        var expected = await page.EvaluateAsync<string>("c => { const d = document.createElement('div'); d.style.color = c; document.body.append(d); const v = getComputedStyle(d).color; d.remove(); return v; }", style["accent"]);
        Assert.Equal(expected, style["background"]);
        Assert.NotEqual("0px", style["radius"]);
        // Our own layout CSS too: the header has the accent background, and text falls back to a
        // sans-serif font when the theme's Inter is not installed (never the browser's serif default).
        Assert.Equal(expected, await page.Locator(".site-header").EvaluateAsync<string>("h => getComputedStyle(h).backgroundColor"));
        Assert.EndsWith("sans-serif", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
        visit.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task At_phone_width_the_start_page_has_a_reachable_menu_and_nothing_overflows_sideways()
    {
        await using var visit = await site.OpenAsync(Visit.Phone);
        var page = visit.Page;
        await visit.LoginAsync("skoleeier@nordvik.test");
        await visit.ShootAsync("start-logged-in");
        await visit.AssertNoHorizontalOverflowAsync();

        // On a phone the menu is folded into «Meny» (one row, not three), opened with a tap (a <details>: no script).
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" })).ToBeHiddenAsync();
        var toggle = page.Locator("summary.site-menu__toggle");
        var toggleBox = await toggle.BoundingBoxAsync();
        Assert.True(toggleBox is { Height: >= 24 }, $"The «Meny» button is {toggleBox?.Height}px high: too small to hit with a finger.");
        await toggle.ClickAsync();
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" });
        await Expect(menu).ToBeVisibleAsync();
        var schools = menu.GetByRole(AriaRole.Link, new() { Name = "Skoler", Exact = true });
        await Expect(schools).ToBeInViewportAsync();
        var box = await schools.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.X + box.Width <= Visit.Phone.Width, $"The menu link is outside the screen: x={box.X}, width={box.Width}.");
        Assert.True(box.Height >= 24, $"The menu link is {box.Height}px high: too small to hit with a finger (WCAG 2.5.8 asks for 24px).");

        await schools.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Skoler", Level = 1 })).ToBeVisibleAsync();
        await visit.AssertNoHorizontalOverflowAsync();
        visit.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Tab_from_the_top_reaches_the_skip_link_first_and_it_moves_focus_to_the_main_content()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("skoleeier@nordvik.test");
        await page.GotoAsync("/Schools");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Hopp til hovedinnhold" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeVisibleAsync();
        await Expect(skip).ToBeInViewportAsync();
        // Really shown when focused, not a 1px visually-hidden box.
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: >= 50, Height: >= 20 }, $"The focused skip link is not shown: {box?.Width}x{box?.Height}px.");
        await visit.ShootAsync("skip-link-focused");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#main$"));
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        // The next Tab continues inside the main content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)"),
            "After the skip link, Tab should move to the first control in the main content.");
        visit.AssertNoConsoleErrors();
    }
}
