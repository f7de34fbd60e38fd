using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Assessment;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Platform.Text;
using UglyToad.PdfPig;

namespace Stillas.Tests.Programmes;

/// <summary>
/// Sessions, interim work and assessment days in nynorsk and English: the pages in the request's language
/// (Accept-Language) with dates in its culture, a nynorsk validation message, and the interim-work and
/// report PDFs read back as text. The words asserted exist only in the translation.
/// </summary>
public sealed class SessionAndAssessmentLanguageTests(StillasApp app) : IClassFixture<StillasApp>
{
    private static string Text(HttpResponseMessage r) => WebUtility.HtmlDecode(r.Content.ReadAsStringAsync().GetAwaiter().GetResult());

    private static async Task<string> PdfText(HttpResponseMessage r)
    {
        Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
        using var doc = PdfDocument.Open(await r.Content.ReadAsByteArrayAsync());
        // Words on one line may come apart in extraction: compare with single spaces.
        return Regex.Replace(string.Join("\n", doc.GetPages().Select(p => p.Text)), @"\s+", " ");
    }

    private async Task<HttpClient> LoginAsync(string email, string language)
    {
        var client = await app.LoginAsync(email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    [Fact]
    public async Task The_session_page_speaks_nynorsk_and_English_with_dates_in_their_culture()
    {
        var programme = await app.NewProgrammeAsync();
        var nn = await LoginAsync(SessionTestSupport.Advisor, "nn-NO");
        var en = await LoginAsync(SessionTestSupport.Advisor, "en-GB");
        var id = (await app.SessionsAsync(nn, programme))[1];
        var date = DateOnly.Parse((await nn.GetFromJsonAsync<JsonElement>($"/api/v1/sessions/{id}")).GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var list = Text(await nn.GetAsync($"/Programmes/Sessions/{programme}"));
        Assert.Contains("Rettleiingar for Sentrum skole", list);
        Assert.Contains("Evalueringar", list);
        Assert.Contains($"{date:dd.MM.yyyy} kl. 09:00–12:00", list);

        var page = Text(await nn.GetAsync($"/Programmes/Sessions/Session/{id}"));
        Assert.Contains("<html lang=\"nn\"", page);
        Assert.Contains("Rettleiing 1 – Sentrum skole", page);
        Assert.Contains("1. Opningsfase", page);
        Assert.Contains("Del 2: Undersøkingsfase – rettleiing", page);
        Assert.Contains("Kvifor?", page); // the learning cycle's first question
        Assert.Contains("Kvar står skulen i læringssirkelen no?", page);
        Assert.Contains($"{date:dd.MM.yyyy}, kl. 09:00–12:00", page);
        Assert.Contains("data-t-running=\"Pågår no – {0} min att\"", page);
        Assert.DoesNotContain("Åpningsfase", page);

        var english = Text(await en.GetAsync($"/Programmes/Sessions/Session/{id}"));
        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains("Guidance session 1 – Sentrum skole", english);
        Assert.Contains("1. Opening phase", english);
        Assert.Contains("Why?", english);
        Assert.Contains($"{date.ToString("dd'/'MM'/'yyyy", System.Globalization.CultureInfo.InvariantCulture)}, 09:00–12:00", english);
        Assert.Contains("09:00–09:30", english);
    }

    [Fact]
    public async Task The_interim_work_page_and_its_pdf_in_nynorsk_and_English_and_a_nynorsk_validation_message()
    {
        var programme = await app.NewProgrammeAsync();
        var nn = await LoginAsync(SessionTestSupport.Advisor, "nn-NO");
        var en = await LoginAsync(SessionTestSupport.Advisor, "en-GB");
        var id = (await app.SessionsAsync(nn, programme))[1];
        var url = $"/Programmes/Sessions/InterimWork/{id}";

        var page = Text(await nn.GetAsync(url));
        Assert.Contains("Avtalt mellomarbeid etter rettleiing 1", page);
        Assert.Contains("Inga avtale er skriven enno.", page);
        Assert.Contains("Gjer endeleg og send til skulen", page);
        Assert.Contains("Mellomarbeid etter rettleiing 1 – Sentrum skole – Stillas</title>", page);

        // A bad save: no items, no deadline. The message is nynorsk, the typed text stays.
        var bad = await nn.PostFormAsync(url, new() { ["Input.NextTopic"] = "Lesing i faga", ["action"] = "send" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = Html.FieldErrors(Text(bad));
        Assert.Contains("Skriv minst eitt punkt for mellomarbeidet.", errors);
        Assert.Contains("Vel datoen skulen skal gi tilbakemelding innan.", errors);
        Assert.Contains("Lesing i faga", Text(bad));

        var sent = await en.PostAsJsonAsync($"/api/v1/sessions/{id}/interim-work/send", SessionTestSupport.Agreement(["Present the future picture"], new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 8)));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var english = Text(await en.GetAsync(url));
        Assert.Contains("Agreed interim work (mellomarbeid) after guidance session 1", english);
        Assert.Contains("Feedback by</dt><dd>01/10/2027", english);
        Assert.Contains("08/10/2027 at 09:00", english);
        var nynorsk = Text(await nn.GetAsync(url));
        Assert.Contains("Tilbakemelding innan</dt><dd>01.10.2027", nynorsk);
        Assert.Contains("08.10.2027 kl. 09:00", nynorsk);

        var nnPdf = await PdfText(await nn.GetAsync($"/api/v1/sessions/{id}/interim-work/pdf"));
        Assert.Contains("Avtalt mellomarbeid", nnPdf);
        Assert.Contains("etter rettleiing 1, Sentrum skole", nnPdf);
        Assert.Contains("Tilbakemelding blir send til rettleiarteamet innan", nnPdf);
        Assert.Contains("01.10.2027", nnPdf);
        Assert.Contains("Skildra under kvart punkt", nnPdf);
        Assert.Contains("Side 1 av", nnPdf);

        var enPdf = await PdfText(await en.GetAsync($"/api/v1/sessions/{id}/interim-work/pdf"));
        Assert.Contains("Agreed interim work (mellomarbeid)", enPdf);
        Assert.Contains("Feedback to be sent to the guidance team by", enPdf);
        Assert.Contains("01/10/2027", enPdf);
        Assert.Contains("08/10/2027 at 09:00", enPdf);
        Assert.Contains("Page 1 of", enPdf);
        Assert.DoesNotContain("01.10.2027", enPdf);
    }

    [Fact]
    public async Task The_assessment_days_and_the_report_pdf_in_nynorsk_and_English()
    {
        var programme = await app.WithDbAsync(async db =>
        {
            var sentrum = await db.Schools.SingleAsync(s => s.Name == "Sentrum skole");
            var team = await db.Teams.OrderBy(t => t.Id).FirstAsync(t => t.OwnerId == sentrum.OwnerId);
            var p = new GuidanceProgramme
            {
                OwnerId = sentrum.OwnerId, SchoolId = sentrum.Id, TeamId = team.Id, SchoolYear = "2026/27", TemplateKey = "tromso", TemplateVersion = 1,
                TemplateName = "Test", TemplateJson = Stillas.Web.Features.Models.ProgrammeModelJson.Write(ProgrammeTemplates.TromsoV1), StartDate = new DateOnly(2026, 9, 1),
            };
            p.Steps.Add(new PlanStep
            {
                OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Key = AssessmentRules.StepKey, Title = "Vurderingsdager", PhaseKey = "fase3", PhaseName = "fase3",
                Kind = StepKind.AssessmentDays, Responsible = StepResponsible.Team, Date = new DateOnly(2027, 3, 8), EndDate = new DateOnly(2027, 3, 10), OriginalDate = new DateOnly(2027, 3, 8), Order = 1,
            });
            db.Programmes.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var nn = await LoginAsync(SessionTestSupport.Advisor, "nn-NO");
        var en = await LoginAsync(SessionTestSupport.Advisor, "en-GB");
        Assert.Equal(HttpStatusCode.Redirect, (await nn.PostFormAsync($"/Programmes/Assessment/{programme}?handler=Plan", [], $"/Programmes/Assessment/{programme}")).StatusCode);

        var days = Text(await nn.GetAsync($"/Programmes/Assessment/{programme}"));
        Assert.Contains("Vurderingsdagar ved Sentrum skole", days);
        Assert.Contains("Dag 1: måndag 8. mars 2027", days);
        Assert.Contains("Samtale med elevar", days); // the template's stored text, shown in nynorsk
        Assert.Contains("Dette må skulen ordne før dagane", days);
        var englishDays = Text(await en.GetAsync($"/Programmes/Assessment/{programme}"));
        Assert.Contains("Assessment days (vurderingsdager) at Sentrum skole", englishDays);
        Assert.Contains("Day 1: Monday 8 March 2027", englishDays);
        Assert.Contains("Conversation with pupils", englishDays);

        // A bad slot in nynorsk.
        var slot = await nn.PostFormAsync($"/Programmes/Assessment/Slot/{programme}", new() { ["Input.Date"] = "2027-03-08", ["Input.Start"] = "10:00", ["Input.End"] = "09:00", ["Input.Title"] = "" }, $"/Programmes/Assessment/Slot/{programme}");
        Assert.Contains("Slutten må vere etter starten.", Html.FieldErrors(Text(slot)));

        Assert.True((await en.PostAsync($"/api/v1/programmes/{programme}/assessment/report", null)).IsSuccessStatusCode);
        var nnPdf = await PdfText(await nn.GetAsync($"/Programmes/Assessment/ReportPdf/{programme}"));
        Assert.Contains("Rapport frå vurderingsdagane", nnPdf);
        Assert.Contains("Innhald", nnPdf);
        Assert.Contains("Om vurderingsdagane", nnPdf);
        Assert.Contains("Dette er eit utkast.", nnPdf);
        Assert.Contains("08.03.2027–10.03.2027", nnPdf);
        Assert.Contains("Samtale med elevar", nnPdf);
        Assert.Contains("Side 1 av", nnPdf);

        var enPdf = await PdfText(await en.GetAsync($"/Programmes/Assessment/ReportPdf/{programme}"));
        Assert.Contains("Report from the assessment days (vurderingsdager)", enPdf);
        Assert.Contains("Contents", enPdf);
        Assert.Contains("About the assessment days", enPdf);
        Assert.Contains("08/03/2027–10/03/2027", enPdf);
        Assert.Contains("Conversation with pupils", enPdf);
        Assert.Contains("Page 1 of", enPdf);
        Assert.DoesNotContain("Rapport fra", enPdf);
    }
}

/// <summary>Reminders and agreement mails go out in each recipient's language, whatever language the sender or the service runs in.</summary>
public sealed class SessionMailLanguageTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task A_nynorsk_person_gets_nynorsk_mail_and_an_English_person_English()
    {
        var programme = await app.NewProgrammeAsync(new DateOnly(2026, 3, 2));
        // The principal reads nynorsk, the other school leader English.
        var (nnEmail, enEmail) = await app.WithDbAsync(async db =>
        {
            var school = await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync();
            var leaders = await SessionService.SchoolLeadersAsync(db, school, CancellationToken.None);
            var other = leaders.First(l => l.Email != SessionTestSupport.Principal).Email;
            foreach (var p in await db.People.Where(p => p.Email == SessionTestSupport.Principal || p.Email == other).ToListAsync())
                p.Language = p.Email == other ? Languages.English : Languages.Nynorsk;
            await db.SaveChangesAsync();
            return (SessionTestSupport.Principal, other);
        });

        // The team sends in bokmål: each leader's mail is in their own language.
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        advisor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nb-NO");
        var id = (await app.SessionsAsync(advisor, programme))[1];
        var deadline = new DateOnly(2026, 11, 29); // two days after the fake clock's today
        Assert.Equal(HttpStatusCode.OK, (await advisor.PostAsJsonAsync($"/api/v1/sessions/{id}/interim-work/send", SessionTestSupport.Agreement(["Gjør noe"], deadline))).StatusCode);
        var nnAgreement = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(nnEmail) && (m.Subject ?? "").StartsWith("Avtale om mellomarbeid", StringComparison.Ordinal));
        Assert.Equal("Avtale om mellomarbeid etter rettleiing 1", nnAgreement.Subject);
        Assert.Contains("skal sendast til rettleiarteamet innan 29.11.2026", nnAgreement.TextBody);
        var enAgreement = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(enEmail) && (m.Subject ?? "").StartsWith("Interim-work agreement", StringComparison.Ordinal));
        Assert.Equal("Interim-work agreement after guidance session 1", enAgreement.Subject);
        Assert.Contains("go to the guidance team by 29/11/2026", enAgreement.TextBody);

        // The reminder service runs in bokmål; the mails do not.
        var reminders = app.Services.GetRequiredService<SessionReminders>();
        using (Languages.Use(Languages.Bokmal)) await reminders.RunOnceAsync(CancellationToken.None);
        var nnReminder = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(nnEmail) && (m.Subject ?? "").StartsWith("Påminning", StringComparison.Ordinal));
        Assert.Equal("Påminning: tilbakemelding på mellomarbeid innan 29.11.2026", nnReminder.Subject);
        Assert.Contains("Tilbakemeldinga på mellomarbeidet etter rettleiing 1 skal sendast til rettleiarteamet innan 29.11.2026.", nnReminder.TextBody);
        Assert.Contains("Skriv ho i Stillas:", nnReminder.TextBody);
        var enReminder = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(enEmail) && (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Equal("Reminder: feedback on interim work by 29/11/2026", enReminder.Subject);
        Assert.Contains("is due to the guidance team by 29/11/2026.", enReminder.TextBody);
    }
}
