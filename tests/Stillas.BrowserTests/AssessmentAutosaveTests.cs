using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>
/// What a guide does on the assessment days of the demo's coming programme at Nordvik ungdomsskole (team 1,
/// report not started): notes and report sections saved as you type, nothing lost when the page is closed
/// mid-sentence, a conflict on the same section said in Norwegian with both versions, and axe on the pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentAutosaveTests(StillasSite site)
{
    private const string Advisor = "veileder@nordvik.test", Uh = "uh@nordvik.test";

    /// <summary>The programme id of the demo's Nordvik ungdomsskole (found through the programme list, not assumed).</summary>
    private static async Task<string> UpcomingProgrammeAsync(IPage page)
    {
        await page.GotoAsync("/Programmes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nordvik ungdomsskole" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Details/\d+$"));
        return Regex.Match(page.Url, @"/Programmes/Details/(\d+)$").Groups[1].Value;
    }

    private static ILocator Status(IPage page) => page.Locator("[data-autosave-status]");

    /// <summary>The first sign's section of the report (the summary comes first and has no «Funn»).</summary>
    private static ILocator SignForm(IPage page) => page.Locator("form[data-draft-key]").Filter(new() { Has = page.GetByLabel("Funn", new() { Exact = true }) }).First;
    private static ILocator Findings(IPage page) => SignForm(page).GetByLabel("Funn", new() { Exact = true });
    /// <summary>Types on at the end of what is in the field, as a person does after clicking into it.</summary>
    private static async Task TypeOnAsync(ILocator field, string text)
    {
        await field.FocusAsync();
        await field.PressAsync("Control+End");
        await field.PressSequentiallyAsync(text);
    }

    /// <summary>Everything typed in the form is on the server (autosave.js marks the form; typing marks it pending at once).</summary>
    private static Task AllSavedAsync(ILocator form) => Expect(form).ToHaveAttributeAsync("data-autosave-state", "saved");

    [Fact]
    public async Task A_note_typed_on_a_phone_survives_closing_the_page_mid_sentence_without_saving()
    {
        await using var visit = await site.OpenAsync(Visit.Phone);
        var page = visit.Page;
        await visit.LoginAsync(Advisor);
        var id = await UpcomingProgrammeAsync(page);
        var notes = $"/Programmes/Assessment/Notes/{id}";
        await page.GotoAsync(notes);
        await visit.AssertAccessibleAsync();
        await visit.AssertNoHorizontalOverflowAsync();

        await page.GetByLabel("Observasjon", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Gruppe eller observasjon").FillAsync("Friminutt, skolegården");
        var text = page.GetByLabel("Notat", new() { Exact = true });
        await text.PressSequentiallyAsync("Voksne i gårdsrommet snakker med elevene ");
        // Saved as typed, before any button is pressed.
        await Expect(Status(page)).ToContainTextAsync("Lagret kl.");
        await text.PressSequentiallyAsync("og to elever sitter alene ved");
        // Closed mid-sentence: no save button, no wait for the next save.
        await page.CloseAsync();

        var again = await visit.NewPageAsync();
        await again.GotoAsync(notes);
        const string full = "Voksne i gårdsrommet snakker med elevene og to elever sitter alene ved";
        // The text is back in the form (from the browser's draft, or the save sent when the page closed) and saved.
        await Expect(again.GetByLabel("Notat", new() { Exact = true })).ToHaveValueAsync(full);
        await Expect(Status(again)).ToContainTextAsync("Lagret kl.");
        await again.ReloadAsync();
        await Expect(again.Locator(".task-note", new() { HasText = full })).ToHaveCountAsync(1);
        // Saved, so the draft is gone: the new-note form is empty again.
        await Expect(again.GetByLabel("Notat", new() { Exact = true })).ToHaveValueAsync("");
        // One note, not two: the draft kept the note's own key.
        await Expect(again.Locator(".task-list li", new() { HasText = "Friminutt, skolegården" })).ToHaveCountAsync(1);
        await visit.ShootAsync("assessment-notes-autosaved");
        visit.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Report_sections_save_as_typed_survive_a_closed_page_and_a_conflict_is_said_in_norwegian_with_both_versions()
    {
        await using var ola = await site.OpenAsync(Visit.Desktop);
        var page = ola.Page;
        await ola.LoginAsync(Advisor);
        var id = await UpcomingProgrammeAsync(page);
        var url = $"/Programmes/Assessment/Report/{id}";
        await page.GotoAsync(url);
        var start = page.GetByRole(AriaRole.Button, new() { Name = "Start rapporten" });
        if (await start.CountAsync() > 0) await start.ClickAsync();
        var findings = Findings(page);
        await Expect(findings).ToBeVisibleAsync();
        await ola.AssertAccessibleAsync();
        await ola.ShootAsync("assessment-report-edit");
        await ola.ResizeAsync(Visit.Phone);
        await ola.AssertAccessibleAsync();
        await ola.AssertNoHorizontalOverflowAsync();
        await ola.ShootAsync("assessment-report-edit");
        await ola.ResizeAsync(Visit.Desktop);

        var section = SignForm(page);
        await findings.FillAsync("");
        await findings.PressSequentiallyAsync("Elevene bruker lesestrategier i norsk ");
        await Expect(section.Locator("[data-autosave-status]")).ToContainTextAsync("Lagret kl.");
        await findings.PressSequentiallyAsync("men sjelden i naturfag og");
        await page.CloseAsync();

        page = await ola.NewPageAsync();
        await page.GotoAsync(url);
        const string full = "Elevene bruker lesestrategier i norsk men sjelden i naturfag og";
        // Back in the form: saved by the request sent as the page closed, or put back from the browser's draft and saved now.
        await Expect(Findings(page)).ToHaveValueAsync(full);
        await TypeOnAsync(Findings(page), " i matematikk.");
        await AllSavedAsync(SignForm(page));
        const string olas = full + " i matematikk.";

        // Ingrid opens the report; Ola saves the same section again meanwhile.
        await using var ingrid = await site.OpenAsync(Visit.Desktop);
        await ingrid.LoginAsync(Uh);
        await ingrid.Page.GotoAsync(url);
        await Expect(Findings(ingrid.Page)).ToHaveValueAsync(olas);
        await TypeOnAsync(Findings(page), " Tydelig.");
        await AllSavedAsync(SignForm(page));

        // Ingrid types in the same section on her older version: not saved over Ola's, and she is told so.
        var hers = Findings(ingrid.Page);
        await TypeOnAsync(hers, " Ingrid: se også friminuttene.");
        var herStatus = SignForm(ingrid.Page).Locator("[data-autosave-status]");
        await Expect(SignForm(ingrid.Page)).ToHaveAttributeAsync("data-autosave-state", "conflict");
        await Expect(herStatus).ToContainTextAsync("lagret en ny versjon av denne delen");
        await Expect(herStatus).ToContainTextAsync("Trykk «Lagre» for å se begge versjonene");
        await Expect(hers).ToHaveValueAsync(olas + " Ingrid: se også friminuttene.");
        await ingrid.AssertAccessibleAsync();
        await ingrid.ShootAsync("assessment-report-conflict-autosave");

        // «Lagre» shows both versions; her text is still in the form.
        await SignForm(ingrid.Page).GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(ingrid.Page.GetByText("Deres versjon (versjon")).ToBeVisibleAsync();
        await Expect(ingrid.Page.GetByText(olas + " Tydelig.")).ToBeVisibleAsync();
        await Expect(Findings(ingrid.Page)).ToHaveValueAsync(olas + " Ingrid: se også friminuttene.");
        await ingrid.AssertAccessibleAsync();
        await ingrid.ShootAsync("assessment-report-conflict");
        ola.AssertNoConsoleErrors();
        // Chromium logs the autosave's 409 (the conflict, answered on purpose) as a failed resource; nothing else may be there.
        ingrid.AssertNoConsoleErrors("status of 409 (Conflict)");
    }

    [Theory]
    [InlineData("assessment-schedule-upcoming", Advisor, "schedule")]
    [InlineData("assessment-notes-upcoming", Advisor, "notes")]
    [InlineData("assessment-report-school", "rektor.sentrum@nordvik.test", "school-report")]
    [InlineData("assessment-retention", "skoleeier@nordvik.test", "retention")]
    public async Task Assessment_page_has_no_serious_accessibility_violations(string name, string who, string what)
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync(who);
        switch (what)
        {
            case "schedule":
                await page.GotoAsync($"/Programmes/Assessment/{await UpcomingProgrammeAsync(page)}");
                break;
            case "notes":
                await page.GotoAsync($"/Programmes/Assessment/Notes/{await UpcomingProgrammeAsync(page)}");
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lagre notat" })).ToBeVisibleAsync();
                break;
            case "school-report":
                // The school's web view of Sentrum's final, presented report.
                await page.GotoAsync("/Programmes");
                await page.GetByRole(AriaRole.Link, new() { Name = "Sentrum skole" }).First.ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Details/\d+$"));
                await page.GotoAsync(page.Url.Replace("/Programmes/Details/", "/Programmes/Assessment/Report/", StringComparison.Ordinal));
                await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF" })).ToBeVisibleAsync();
                await Expect(page.Locator("textarea")).ToHaveCountAsync(0);
                break;
            case "retention":
                await page.GotoAsync("/Owners");
                await page.GetByRole(AriaRole.Link, new() { Name = "Nordvik kommune" }).First.ClickAsync();
                await page.GetByRole(AriaRole.Link, new() { Name = "Lagringstid for notater fra vurderingsdager" }).ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Assessment/Retention/\d+$"));
                await page.GetByLabel("Antall dager").FillAsync("-3");
                await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
                await Expect(page.Locator(".ds-validation-message")).ToContainTextAsync("fra 0 til 730");
                break;
        }
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await visit.AssertAccessibleAsync();
        await visit.ShootAsync(name);
        await visit.ResizeAsync(Visit.Phone);
        await visit.AssertAccessibleAsync();
        await visit.AssertNoHorizontalOverflowAsync();
        await visit.ShootAsync(name);
        visit.AssertNoConsoleErrors();
    }
}
