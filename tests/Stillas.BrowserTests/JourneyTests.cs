using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using Stillas.Web.Platform.Data;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>What a school owner's administrator does, click by click, in a real browser against the real app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(StillasSite site)
{
    [Fact]
    public async Task Owner_admin_logs_in_and_finds_Sentrum_skole_through_the_menu_and_the_search()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await visit.LoginAsync("skoleeier@nordvik.test");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hei,");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nordvik kommune" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Skoler", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Skoler", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Søk").FillAsync("Sentrum");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=Sentrum"));
        var rows = page.Locator("table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);

        await rows.GetByRole(AriaRole.Link, new() { Name = "Sentrum skole" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Schools/Details/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sentrum skole");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nordvik kommune" })).ToBeVisibleAsync();
        visit.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Owner_admin_adds_a_school_lands_on_it_and_sees_the_creation_among_recent_changes()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("skoleeier@nordvik.test");

        await page.GetByRole(AriaRole.Link, new() { Name = "Legg til skole" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Legg til skole", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Nettleservik skole");
        await page.GetByLabel("Organisasjonsnummer").FillAsync(OrganisationNumber.Complete("97476067")!);
        await page.GetByLabel("Skoletype").SelectOptionAsync(new SelectOptionValue { Label = "Ungdomsskole" });
        await page.GetByLabel("Første trinn").FillAsync("8");
        await page.GetByLabel("Siste trinn").FillAsync("10");
        await page.GetByLabel("Antall elever").FillAsync("240");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/Schools/Details/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nettleservik skole");
        var facts = page.Locator("dl.facts");
        await Expect(facts).ToContainTextAsync("974760673");
        await Expect(facts).ToContainTextAsync("Ungdomsskole");
        await Expect(facts).ToContainTextAsync("240");

        // The audit log recorded who created it; the start page shows the latest entries.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Start" }).ClickAsync();
        var recent = page.GetByRole(AriaRole.Region, new() { Name = "Siste endringer" });
        await Expect(recent.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Kari Nordmann – Opprettet: Skole");
        visit.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Invalid_organisation_number_is_explained_at_the_field_and_what_was_typed_is_kept()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("skoleeier@nordvik.test");

        await page.GotoAsync("/Schools/Create");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Feilnummer skole");
        await page.GetByLabel("Organisasjonsnummer").FillAsync("123456789");
        await page.GetByLabel("Skoletype").SelectOptionAsync(new SelectOptionValue { Label = "Barneskole" });
        await page.GetByLabel("Første trinn").FillAsync("1");
        await page.GetByLabel("Siste trinn").FillAsync("7");
        await page.GetByLabel("Antall elever").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        var orgNo = page.GetByLabel("Organisasjonsnummer");
        await Expect(orgNo).ToHaveAttributeAsync("aria-invalid", "true");
        // The message is tied to the field (aria-describedby), so a screen reader reads it with the field.
        await Expect(orgNo).ToHaveAccessibleDescriptionAsync(new Regex("Organisasjonsnummeret er ikke gyldig"));
        await Expect(page.Locator("#Input_OrganisationNumber-err")).ToBeVisibleAsync();
        await Expect(orgNo).ToHaveValueAsync("123456789");
        await Expect(page.GetByLabel("Navn", new() { Exact = true })).ToHaveValueAsync("Feilnummer skole");
        await Expect(page.GetByLabel("Skoletype")).ToHaveValueAsync("Barneskole");

        // The summary at the top links to the field.
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Rett opp dette" });
        await summary.GetByRole(AriaRole.Link, new() { Name = "Organisasjonsnummeret er ikke gyldig" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#Input_OrganisationNumber$"));

        await visit.AssertAccessibleAsync();
        await visit.ShootAsync("school-form-invalid");
        visit.AssertNoConsoleErrors();

        await page.GotoAsync("/Schools?q=Feilnummer");
        await Expect(page.GetByText("Ingen skoler passer søket")).ToBeVisibleAsync();
    }
}
