using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>
/// Issue 6 as its users walk it in a real browser, on the demo's Sentrum programme (sessions 1–4 held, the
/// feedback on the interim work after session 4 due 03.12.2026, session 5 on 04.12.2026, in the coming week): the principal
/// sends that feedback from the start page, a guide runs session 5 and takes notes that survive a reload,
/// the principal answers the evaluation of session 4, and the timeline and its PDF answer. axe (WCAG 2.1 A/AA)
/// on each page. Each test touches its own records, so they pass in any order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionJourneyTests(StillasSite site)
{
    /// <summary>axe and a screenshot at desktop width, then the same and no sideways scrolling at phone width (390 px).</summary>
    private static async Task CheckAsync(Visit visit, string name)
    {
        await Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await visit.ResizeAsync(Visit.Desktop);
        await visit.Page.Mouse.MoveAsync(Visit.Desktop.Width - 5, Visit.Desktop.Height - 5);
        await visit.AssertAccessibleAsync();
        await visit.ShootAsync(name);
        await visit.ResizeAsync(Visit.Phone);
        await visit.AssertAccessibleAsync();
        await visit.AssertNoHorizontalOverflowAsync();
        await visit.ShootAsync(name);
        await visit.ResizeAsync(Visit.Desktop);
    }

    private static async Task OpenSessionsAsync(IPage page)
    {
        await page.GotoAsync("/Programmes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sentrum skole" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Veiledninger, mellomarbeid og evalueringer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Sessions/\d+$"));
    }

    [Fact]
    public async Task The_principal_opens_the_interim_work_from_the_start_page_writes_status_per_point_and_sends_it()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("rektor.sentrum@nordvik.test");

        // The start page says what to send and by when.
        var due = page.Locator(".task-list li").Filter(new() { HasText = "Skriv tilbakemelding på mellomarbeidet etter veiledning 4" });
        await Expect(due).ToContainTextAsync("Frist 03.12.2026");
        await Expect(due).ToContainTextAsync("Utvide utprøvingen til 7. trinn");
        await CheckAsync(visit, "start-principal");
        await due.GetByRole(AriaRole.Link, new() { Name = "Skriv tilbakemelding på mellomarbeidet etter veiledning 4" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Sessions/InterimWork/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Avtalt mellomarbeid etter veiledning 4");
        await CheckAsync(visit, "session-interimwork-school");

        // Status per point and the wished topic; then send.
        await page.GetByLabel("1. Utvide utprøvingen til 7. trinn, med støtte fra lesepedagogen").FillAsync("Alle tre klassene på 7. trinn er i gang; lesepedagogen har vært med i to timer.");
        await page.GetByLabel("2. Ledelsen følger opp hvert team i teamtiden").FillAsync("Gjort hver tirsdag.");
        await page.GetByLabel("3. Skrive en kort oppsummering av hva skolen har lært så langt").FillAsync("Oppsummeringen ligger vedlagt i SKUT-referatet.");
        await page.GetByLabel("Ønsket fokus eller tema for neste veiledning").FillAsync("Hvordan vi holder trykket oppe etter jul");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send tilbakemelding" }).ClickAsync();
        await Expect(page.GetByText("Tilbakemeldingen er sendt til veilederteamet.")).ToBeVisibleAsync();
        await Expect(page.Locator("span.pre-line").Filter(new() { HasText = "Gjort hver tirsdag." })).ToBeVisibleAsync();

        // Nothing left to send on the start page.
        await page.GotoAsync("/");
        await Expect(page.GetByText("Ingen tilbakemelding på mellomarbeid venter på dere nå.")).ToBeVisibleAsync();
        visit.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_guide_runs_the_session_with_its_time_boxes_and_clock_and_the_notes_survive_a_reload()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("uh@nordvik.test");
        await OpenSessionsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Veiledning 5", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Sessions/Session/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Veiledning 5 – Sentrum skole");

        // The four parts with their time boxes, the two breaks, and the clock.
        foreach (var part in new[] { "1. Åpningsfase", "2. Undersøkelsesfase", "3. Lukkefase", "4. Evaluering" })
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = part, Level = 2 })).ToBeVisibleAsync();
        var boxes = page.Locator(".timeboxes > li");
        await Expect(boxes).ToHaveCountAsync(7);
        await Expect(boxes.First).ToContainTextAsync("09:00");
        await Expect(page.Locator(".timeboxes .is-break")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-clock-now]")).ToContainTextAsync("04.12.2026");
        await CheckAsync(visit, "session-run");

        // Notes in the opening, saved as they are typed (no button pressed).
        var note = page.GetByLabel("Mine notater: åpningsfase");
        var text = "Ledelsen viser fram oppsummeringen fra 7. trinn. " + Guid.NewGuid().ToString("N")[..8];
        await note.PressSequentiallyAsync(text, new() { Delay = 5 });
        await Expect(page.Locator("#note-opening-status")).ToContainTextAsync("Lagret kl.");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Mine notater: åpningsfase")).ToHaveValueAsync(text);
        visit.AssertNoConsoleErrors();

        // Not the browser's own copy: a fresh browser (no local storage) gets the note from the server.
        await using var other = await site.OpenAsync(Visit.Desktop);
        await other.LoginAsync("uh@nordvik.test");
        await other.Page.GotoAsync(new Uri(page.Url).PathAndQuery);
        await Expect(other.Page.GetByLabel("Mine notater: åpningsfase")).ToHaveValueAsync(text);
    }

    [Fact]
    public async Task The_leadership_answers_the_evaluation_of_a_session()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("rektor.sentrum@nordvik.test");
        await OpenSessionsAsync(page);
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = "Veiledning 4", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Sessions/Evaluate/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evaluering av veiledning 4");
        await CheckAsync(visit, "session-evaluate");

        await page.GetByLabel("Hva ble tydeligere i dag?").FillAsync("At SKUT skal lede utprøvingen, ikke ledelsen alene.");
        await page.GetByLabel("Hva tar dere med videre fra dagens veiledning?").FillAsync("Faste oppfølgingsmøter med teamlederne.");
        await page.GetByLabel("Hvilke av temaene som ble diskutert, var av særlig interesse, og hvorfor?").FillAsync("Motstand på 7. trinn, fordi vi kjenner oss igjen.");
        await page.GetByLabel("Helhetsinntrykk av dagens veiledning?").FillAsync("Konkret og nyttig.");
        await page.GetByLabel("Samlet vurdering (valgfritt)").SelectOptionAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre evalueringen" }).ClickAsync();
        var mine = page.Locator("article").Filter(new() { HasText = "Per Rektorsen" });
        await Expect(mine).ToContainTextAsync("6 av 6");
        await Expect(mine).ToContainTextAsync("Faste oppfølgingsmøter med teamlederne.");
        visit.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_timeline_reads_the_whole_programme_and_its_PDF_link_answers()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        var page = visit.Page;
        await visit.LoginAsync("rektor.sentrum@nordvik.test");
        await OpenSessionsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tidslinje", Exact = true }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Timeline/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tidslinje for Sentrum skole");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Veiledning 4", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Avtale om mellomarbeid etter veiledning 4 sendt skolen")).ToBeVisibleAsync();
        await CheckAsync(visit, "timeline");

        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Last ned som PDF" }).GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var bytes = await pdf.BodyAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        visit.AssertNoConsoleErrors();
    }
}
