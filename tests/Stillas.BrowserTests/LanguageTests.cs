using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>
/// The language a person reads: the principal of a nynorsk school gets nynorsk from her profile at login,
/// switches to English in the header and back — without script — and what she typed in a form survives a
/// switch (with script). The pages stay accessible and fit a phone in every language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(StillasSite site)
{
    [Fact]
    public async Task A_nynorsk_principal_gets_nynorsk_and_switches_to_English_and_back_without_script()
    {
        var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, JavaScriptEnabled = false, Locale = "nb-NO", TimezoneId = "Europe/Oslo", ViewportSize = Visit.Desktop });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync("rektor.fjell@fjordland.test");
        await page.Locator("input[name='Input.Password']").FillAsync("Demo-passord-1");
        await page.Locator("main form button[type=submit]").First.ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hovudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Personar" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" })).ToHaveAttributeAsync("aria-pressed", "true");

        await page.GotoAsync("/People");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.EndsWith("/People", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "People" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nynorsk" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task What_was_typed_survives_a_language_switch()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        await visit.LoginAsync("skoleeier@nordvik.test");
        await visit.Page.GotoAsync("/Schools/Create");
        await visit.Page.Locator("input[name='Input.Name']").FillAsync("Ny skole under arbeid");
        await visit.Page.Locator("input[name='Input.Pupils']").FillAsync("123");

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(visit.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(visit.Page.Locator("input[name='Input.Name']")).ToHaveValueAsync("Ny skole under arbeid");
        await Expect(visit.Page.Locator("input[name='Input.Pupils']")).ToHaveValueAsync("123");

        // Back to bokmål for the other tests that share the account (the choice is kept in the profile).
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Bokmål" }).ClickAsync();
        await Expect(visit.Page.Locator("html")).ToHaveAttributeAsync("lang", "nb");
        await Expect(visit.Page.Locator("input[name='Input.Name']")).ToHaveValueAsync("Ny skole under arbeid");
    }

    [Theory]
    [InlineData("rektor.fjell@fjordland.test", "nn")]
    [InlineData("gjest@uni-nord.test", "en")]
    public async Task Pages_in_nynorsk_and_English_are_accessible_and_fit_a_phone(string email, string lang)
    {
        await using var visit = await site.OpenAsync(Visit.Phone);
        await visit.LoginAsync(email);
        await Expect(visit.Page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        foreach (var viewport in new[] { Visit.Phone, Visit.Desktop })
        {
            await visit.ResizeAsync(viewport);
            await visit.AssertAccessibleAsync();
            await visit.AssertNoHorizontalOverflowAsync();
            await visit.ShootAsync($"language-start-{lang}");
        }
    }
}
