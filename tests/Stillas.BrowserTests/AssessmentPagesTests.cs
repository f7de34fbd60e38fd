using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>The assessment-day pages of the demo's Sentrum programme (the first programme in a fresh database): axe at desktop and phone width, no overflow.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentPagesTests(StillasSite site)
{
    [Theory]
    [InlineData("assessment", "/Programmes/Assessment/1")]
    [InlineData("assessment-notes", "/Programmes/Assessment/Notes/1")]
    [InlineData("assessment-report", "/Programmes/Assessment/Report/1")]
    [InlineData("assessment-dayplan", "/Programmes/Assessment/DayPlan/1")]
    public async Task Assessment_page_is_accessible_at_desktop_and_phone_width(string name, string url)
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("veileder@nordvik.test");
        await page.GotoAsync(url);
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
