using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>
/// axe-core on the pages people use most, at desktop and phone width: no serious or critical WCAG 2.1
/// A/AA violation, nothing wider than the phone's screen, no console errors. Screenshots of each land
/// in artifacts/screens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(StillasSite site)
{
    [Theory]
    [InlineData("login")]
    [InlineData("start")]
    [InlineData("schools")]
    [InlineData("school-form")]
    [InlineData("school-details")]
    [InlineData("selection-round")]
    [InlineData("selection-candidate")]
    public async Task Page_has_no_serious_accessibility_violations_at_desktop_and_phone_width(string name)
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        if (name != "login") await visit.LoginAsync("skoleeier@nordvik.test");
        switch (name)
        {
            case "login":
                await page.GotoAsync("/Account/Login");
                break;
            case "start":
                await page.GotoAsync("/");
                break;
            case "schools":
                await page.GotoAsync("/Schools");
                break;
            case "school-form":
                await page.GotoAsync("/Schools/Create");
                break;
            case "school-details":
                await page.GotoAsync("/Schools?q=Sentrum");
                await page.GetByRole(AriaRole.Link, new() { Name = "Sentrum skole" }).ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(@"/Schools/Details/\d+$"));
                break;
            case "selection-round":
            case "selection-candidate":
                await page.GotoAsync("/Selection");
                await page.GetByRole(AriaRole.Link, new() { Name = "2027/28" }).ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(@"/Selection/Details/\d+$"));
                if (name == "selection-round") break;
                await page.GetByRole(AriaRole.Link, new() { Name = "Elvebakken skole" }).ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(@"/Selection/Candidate/\d+$"));
                break;
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);

        await visit.AssertAccessibleAsync();
        await visit.ShootAsync(name);

        await visit.ResizeAsync(Visit.Phone);
        await page.ReloadAsync();
        await visit.AssertAccessibleAsync();
        await visit.AssertNoHorizontalOverflowAsync();
        await visit.ShootAsync(name);
        visit.AssertNoConsoleErrors();
    }
}
