using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using static Stillas.Tests.Programmes.Agreement.AgreementTestSupport;

namespace Stillas.Tests.Programmes;

/// <summary>
/// The programme pages, the agreement and its PDF in nynorsk and English (docs/text.md): the browser's
/// language (Accept-Language) picks the words and the date format; the calendar feed speaks its owner's language.
/// </summary>
public sealed partial class ProgrammeLanguageTests(StillasApp app) : IClassFixture<StillasApp>
{
    private const string Owner = "skoleeier@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"(http[^\"]+\\.ics)\"")]
    private static partial Regex FeedUrl();

    /// <summary>The page's text as a reader sees it (the app encodes characters beyond Latin-1, such as the dash between two dates).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private async Task<HttpClient> LoginAsync(string email, string language)
    {
        var client = await app.LoginAsync(email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A new Sentrum programme (start 01.03.2027) with its first agreement draft saved by the advisor.</summary>
    private async Task<int> DraftAsync()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.EditAsync(programme, _ => { })).StatusCode);
        return programme;
    }

    [Fact]
    public async Task The_programme_pages_speak_nynorsk_with_Norwegian_dates()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var client = await LoginAsync(Owner, "nn-NO");

        var list = await PageAsync(client, "/Programmes");
        Assert.Contains("<html lang=\"nn\"", list);
        Assert.Contains("<h1 class=\"ds-heading\" data-size=\"lg\">Rettleiingsforløp</h1>", list);
        Assert.Contains("Pågåande (aktive og på pause)", list);
        Assert.DoesNotContain("Pågående (aktive og på pause)", list);

        var details = await PageAsync(client, $"/Programmes/Details/{programme}");
        Assert.Contains("Rettleiingsforløp: Sentrum skole", details);
        Assert.Contains("Framdriftsplan", details);
        Assert.Contains("01.03.2027 (skuleåret 2026/27)", details);
        Assert.Contains("Forløpet er i forfasen. Den daterte framdriftsplanen", details);
        Assert.DoesNotContain("Veiledningsforløp:", details);
        Assert.DoesNotContain("Fremdriftsplan", details);
    }

    [Fact]
    public async Task The_programme_pages_speak_English_with_British_dates()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var client = await LoginAsync(Owner, "en-GB");

        var list = await PageAsync(client, "/Programmes");
        Assert.Contains("Guidance programmes (veiledningsforløp)", list);
        Assert.Contains("Ongoing (active and paused)", list);

        var details = await PageAsync(client, $"/Programmes/Details/{programme}");
        Assert.Contains("Guidance programme (veiledningsforløp): Sentrum skole", details);
        Assert.Contains("Progress plan", details);
        Assert.Contains("01/03/2027 (school year 2026/27)", details);
        Assert.DoesNotContain("01.03.2027", details);
        Assert.DoesNotContain("Fremdriftsplan", details);
    }

    [Fact]
    public async Task The_agreement_page_speaks_nynorsk_and_English()
    {
        var programme = await DraftAsync();

        var nn = await PageAsync(await LoginAsync(Advisor, "nn-NO"), $"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Rettleiarane skal", nn);
        Assert.Contains("Skuleleiinga skal", nn);
        Assert.Contains("Avtalen er ikkje godkjend enno.", nn);
        Assert.Contains("Forløpet startar", nn);
        Assert.Contains("01.03.2027–31.07.2030", nn);
        // The default commitments are stored in bokmål and shown through the catalog.
        Assert.Contains("Rettleie i arbeidet med å vidareutvikle og ferdigstille framtidsbiletet", nn);
        Assert.DoesNotContain("Veilederne skal", nn);

        var en = await PageAsync(await LoginAsync(Advisor, "en-GB"), $"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Cooperation agreement – Sentrum skole", en);
        Assert.Contains("The guides will", en);
        Assert.Contains("The agreement has not been approved yet.", en);
        Assert.Contains("01/03/2027–31/07/2030", en);
        Assert.Contains("Hold the first talk with the school.", en);
        Assert.DoesNotContain("01.03.2027", en);
    }

    [Fact]
    public async Task A_bad_agreement_save_is_refused_in_nynorsk()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await LoginAsync(Advisor, "nn-NO");
        var response = await advisor.EditAsync(programme, f =>
        {
            f["Input.PeriodFrom"] = "2027-08-01";
            f["Input.PeriodTo"] = "2027-03-01";
            f["Input.Parties"] = "";
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Sluttdatoen kan ikkje vere før startdatoen.", html);
        Assert.Contains("Skriv kven som er partar i avtalen.", html);
        Assert.DoesNotContain("Sluttdatoen kan ikke være før startdatoen.", html);
        Assert.False(await app.WithDbAsync(db => db.Agreements.AnyAsync(a => a.ProgrammeId == programme)));
    }

    private async Task<string> PdfTextAsync(int programme, string language)
    {
        var client = await LoginAsync(Principal, language);
        var response = await client.GetAsync($"/Programmes/Agreement/Pdf/{programme}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return Space().Replace(string.Join("\n", pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))), " ");
    }

    [Fact]
    public async Task The_agreement_PDF_is_written_in_the_readers_language_and_date_format()
    {
        var programme = await DraftAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Principal)).ApproveAsync(app, programme, "School")).StatusCode);

        var nn = await PdfTextAsync(programme, "nn-NO");
        Assert.Contains("om rettleiing av skuleleiinga ved Sentrum skole", nn);
        Assert.Contains("1 Partar", nn);
        Assert.Contains("3 Ansvar og plikter", nn);
        Assert.Contains("Rettleiarane skal", nn);
        Assert.Contains("01.03.2027–31.07.2030", nn);
        Assert.Contains("godkjend elektronisk i Stillas av begge partar", nn);
        Assert.Matches(@"Godkjend \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}", nn);
        Assert.DoesNotContain("Veilederne skal", nn);

        var en = await PdfTextAsync(programme, "en-GB");
        Assert.Contains("Cooperation agreement", en);
        Assert.Contains("on guidance of the school leadership at Sentrum skole", en);
        Assert.Contains("1 Parties", en);
        Assert.Contains("The guides will", en);
        Assert.Contains("01/03/2027–31/07/2030", en);
        Assert.Matches(@"Approved \d{2}/\d{2}/\d{4} \d{2}:\d{2}", en);
        Assert.DoesNotContain("01.03.2027", en);
        Assert.DoesNotContain("Samarbeidsavtale mellom", en);
    }

    [Fact]
    public async Task The_timeline_PDF_of_the_demo_programme_is_written_in_the_readers_language_and_date_format()
    {
        var programme = await app.WithDbAsync(db => db.Programmes.Where(p => p.School!.Name == "Sentrum skole" && p.Steps.Any(s => s.Key == "fase4.session1")).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        async Task<string> TimelineAsync(string language)
        {
            var client = await LoginAsync(Principal, language);
            var response = await client.GetAsync($"/Programmes/Timeline/{programme}?handler=Pdf");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            return Space().Replace(string.Join("\n", pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p))), " ");
        }

        var nn = await TimelineAsync("nn-NO");
        Assert.Contains("Rettleiing 4", nn);
        Assert.Contains("Avtale om mellomarbeid etter rettleiing 2 send til skulen", nn);
        Assert.Matches(@"\b\d{2}\.\d{2}\.\d{4}\b", nn);
        Assert.DoesNotContain("Veiledning 4", nn);

        var en = await TimelineAsync("en-GB");
        Assert.Contains("Guidance session 4", en);
        Assert.Contains("Interim work agreement after guidance session 2 sent to the school", en);
        Assert.Matches(@"\b\d{2}/\d{2}/\d{4}\b", en);
        Assert.DoesNotMatch(@"\b\d{2}\.\d{2}\.\d{4}\b", en);
        Assert.DoesNotContain("Veiledning 4", en);
    }

    [Fact]
    public async Task The_calendar_feed_speaks_the_language_its_owner_chose_whatever_the_calendar_app_asks_for()
    {
        await app.WithDbAsync(async db =>
        {
            var guide = await db.People.SingleAsync(p => p.Email == "uh@nordvik.test");
            guide.Language = "en";
            await db.SaveChangesAsync();
        });
        var client = await app.LoginAsync("uh@nordvik.test");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Programmes/Calendar?handler=Create", [], "/Programmes/Calendar")).StatusCode);
        var url = FeedUrl().Match(await client.GetStringAsync("/Programmes/Calendar")).Groups[1].Value;

        var calendarApp = app.Client();
        calendarApp.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nb-NO");
        var ics = (await calendarApp.GetStringAsync(new Uri(url).PathAndQuery)).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("3 hours", ics);
        Assert.DoesNotContain("3 timer", ics);
    }
}
