using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests;

/// <summary>
/// Sentrum skole's guidance programme in a real browser, as the owner's administrator, the principal and
/// the development advisor use it: the programme page, a plan step, the agreement (a new version drafted
/// and approved by both, its PDF), the documents (a real PDF uploaded), and the future picture (written,
/// changed, compared, commented). axe (WCAG 2.1 A/AA) on each page at desktop and phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeJourneyTests(StillasSite site)
{
    /// <summary>axe and a screenshot at desktop width, then the same and no sideways scrolling at phone width.</summary>
    private static async Task CheckAsync(Visit visit, string name)
    {
        await Expect(visit.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
        await visit.ResizeAsync(Visit.Desktop);
        // The pointer of the last click may rest on the header after navigating: axe checks the page at rest.
        await visit.Page.Mouse.MoveAsync(Visit.Desktop.Width - 5, Visit.Desktop.Height - 5);
        await visit.AssertAccessibleAsync();
        await visit.ShootAsync(name);
        await visit.ResizeAsync(Visit.Phone);
        await visit.AssertAccessibleAsync();
        await visit.AssertNoHorizontalOverflowAsync();
        await visit.ShootAsync(name);
        await visit.ResizeAsync(Visit.Desktop);
    }

    private static async Task OpenSentrumProgrammeAsync(IPage page)
    {
        await page.GotoAsync("/Programmes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sentrum skole" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Details/\d+$"));
    }

    [Fact]
    public async Task Owner_principal_and_advisor_walk_the_programme_agreement_documents_and_future_picture()
    {
        // The owner's administrator: the programme page and a plan step.
        await using (var owner = await site.OpenAsync(Visit.Desktop))
        {
            var page = owner.Page;
            await owner.LoginAsync("skoleeier@nordvik.test");
            await OpenSentrumProgrammeAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Veiledningsforløp: Sentrum skole");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fremdriftsplan" })).ToBeVisibleAsync();
            await CheckAsync(owner, "programme-details");

            // "Veiledning 5" leads to the session; its date and status are one click further (issue 20).
            await page.GetByRole(AriaRole.Link, new() { Name = "Endre dato og status for Veiledning 5" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Step/\d+$"));
            await CheckAsync(owner, "programme-step");
            await page.GetByLabel("Hvem har ansvaret (valgfritt)").FillAsync("Rektor og SKUT");
            await page.GetByLabel("Notat (valgfritt)").FillAsync("Husk å sende mellomarbeidet en uke før.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Details/\d+#phase-fase5$"));
            await Expect(page.GetByText("Husk å sende mellomarbeidet en uke før.")).ToBeVisibleAsync();

            // The agreement in force; a change makes a draft of version 2 that the owner approves.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Forløpets deler" }).GetByRole(AriaRole.Link, new() { Name = "Samarbeidsavtale" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Agreement/Details/\d+$"));
            await Expect(page.GetByText("Versjon 1 gjelder, godkjent av begge parter.")).ToBeVisibleAsync();
            await CheckAsync(owner, "agreement-approved");

            // The PDF link answers with a real PDF.
            var pdfHref = await page.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF" }).GetAttributeAsync("href");
            var pdf = await page.APIRequest.GetAsync(pdfHref!);
            Assert.Equal(200, pdf.Status);
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));

            await page.GetByRole(AriaRole.Link, new() { Name = "Endre avtalen" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Agreement/Edit/\d+$"));
            await CheckAsync(owner, "agreement-edit");
            await page.GetByLabel("Utviklingsområde").FillAsync("Lesing i alle fag, med vekt på mellomtrinnet");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre som utkast til ny versjon" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/Agreement/Details/\d+$"));
            await Expect(page.GetByText("Utkast til ny versjon (versjon 2)")).ToBeVisibleAsync();
            await CheckAsync(owner, "agreement-draft");
            await page.GetByRole(AriaRole.Button, new() { Name = "Godkjenn for skoleeier" }).ClickAsync();
            await Expect(page.GetByText("venter nå på godkjenning fra skolen")).ToBeVisibleAsync();

            // Opening the documents page requests the Fase 1 documents from the school.
            await page.GotoAsync(page.Url.Replace("/Programmes/Agreement/Details/", "/Programmes/StartUp/Documents/", StringComparison.Ordinal));
            await Expect(page.Locator("input[type=file]").First).ToBeAttachedAsync();
            await CheckAsync(owner, "documents-owner");
            owner.AssertNoConsoleErrors();
        }

        // The principal: sees the team, approves version 2, uploads a document, writes the future picture twice.
        await using (var principal = await site.OpenAsync(Visit.Desktop))
        {
            var page = principal.Page;
            await principal.LoginAsync("rektor.sentrum@nordvik.test");
            await Expect(page.GetByText("Veiledere:")).ToBeVisibleAsync();
            await CheckAsync(principal, "start-principal");
            await OpenSentrumProgrammeAsync(page);
            await Expect(page.Locator("dl.facts")).ToContainTextAsync("Veilederteam 1");
            await CheckAsync(principal, "programme-details-principal");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Forløpets deler" }).GetByRole(AriaRole.Link, new() { Name = "Samarbeidsavtale" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Godkjenn for skolen" }).ClickAsync();
            await Expect(page.GetByText("Versjon 2 er godkjent av begge parter og gjelder fra nå.")).ToBeVisibleAsync();
            await CheckAsync(principal, "agreement-approved-v2");

            await page.GotoAsync(page.Url.Replace("/Programmes/Agreement/Details/", "/Programmes/StartUp/Documents/", StringComparison.Ordinal));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dokumenter");
            // Delivered requests are folded away under the overview (the demo's are all delivered): open the first
            // one to send a new version, as a principal would.
            var folded = page.Locator("details.document-details").First;
            if (await folded.CountAsync() > 0 && await folded.GetAttributeAsync("open") is null) await folded.Locator("summary").ClickAsync();
            var upload = page.Locator("input[type=file]:visible").First;
            var label = await page.Locator($"label[for='{await upload.GetAttributeAsync("id")}']").InnerTextAsync();
            var title = Regex.Match(label, "«(.+)»").Groups[1].Value;
            await CheckAsync(principal, "documents");
            var file = Path.Combine(Path.GetTempPath(), "stillas-brukerundersokelse.pdf");
            await File.WriteAllBytesAsync(file, System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
            await upload.SetInputFilesAsync(file);
            await upload.Locator("xpath=ancestor::form").GetByRole(AriaRole.Button, new() { Name = "Last opp", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "stillas-brukerundersokelse.pdf" })).ToBeVisibleAsync();
            var item = page.Locator("li, article, section, tr").Filter(new() { HasText = title }).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "stillas-brukerundersokelse.pdf" }) }).Last;
            // Delivered now, or already approved earlier in the demo: either way no longer "Etterspurt".
            await Expect(item).ToContainTextAsync(new Regex("Levert|Godkjent"));
            await Expect(item).Not.ToContainTextAsync("Etterspurt");
            await CheckAsync(principal, "documents-uploaded");

            await page.GotoAsync(page.Url.Replace("/Programmes/StartUp/Documents/", "/Programmes/FuturePicture/", StringComparison.Ordinal));
            // The demo's Sentrum already has a future picture (two versions): the principal revises it twice.
            await CheckAsync(principal, "future-picture");
            await page.GetByRole(AriaRole.Link, new() { Name = "Rediger fremtidsbildet" }).ClickAsync();
            await page.GetByLabel("Utviklingsområde").FillAsync("Lesing i alle fag");
            await page.GetByLabel("Fremtidsbildet", new() { Exact = true }).FillAsync("Elevene leser daglig i alle fag, og lærerne modellerer lesestrategier.");
            await page.GetByLabel("Tegn 1").FillAsync("Elevene bruker lesestrategier uten å bli minnet på det.");
            await CheckAsync(principal, "future-picture-edit");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre ny versjon" }).ClickAsync();
            await Expect(page.GetByText("Elevene leser daglig i alle fag")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Rediger fremtidsbildet" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Legg til tegn" }).ClickAsync();
            await page.GetByLabel(new Regex(@"^Tegn \d+$")).Last.FillAsync("Lærerne planlegger leseøkter sammen i SKUT.");
            await page.GetByLabel("Hva har du endret? (valgfritt)").FillAsync("Nytt tegn om felles planlegging");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre ny versjon" }).ClickAsync();
            await Expect(page.GetByText("Lærerne planlegger leseøkter sammen i SKUT.").First).ToBeVisibleAsync();
            principal.AssertNoConsoleErrors();
        }

        // The development advisor: compares the versions and comments.
        await using (var advisor = await site.OpenAsync(Visit.Desktop))
        {
            var page = advisor.Page;
            await advisor.LoginAsync("veileder@nordvik.test");
            await OpenSentrumProgrammeAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Utviklingsområde og fremtidsbilde" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/FuturePicture/\d+$"));
            await CheckAsync(advisor, "future-picture");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Se endringer fra versjon") }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/Programmes/FuturePicture/Compare/\d+"));
            await Expect(page.GetByText("Lærerne planlegger leseøkter sammen i SKUT.").First).ToBeVisibleAsync();
            await CheckAsync(advisor, "future-picture-compare");
            await page.GoBackAsync();
            await page.GetByLabel(new Regex("^Ny kommentar til versjon")).FillAsync("Fint tegn. Hvordan vil dere se det i klasserommet?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Legg til kommentar" }).ClickAsync();
            await Expect(page.GetByText("Hvordan vil dere se det i klasserommet?")).ToBeVisibleAsync();
            await CheckAsync(advisor, "future-picture-commented");
            advisor.AssertNoConsoleErrors();
        }
    }
}
