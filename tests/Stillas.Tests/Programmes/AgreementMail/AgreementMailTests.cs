using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Stillas.Tests.Programmes.Agreement;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes.StartUp;
using Stillas.Web.Platform.Access;

namespace Stillas.Tests.Programmes.AgreementMail;

/// <summary>
/// The agreement's mail through the outbox (issue 20, part 4): the other side is asked to approve, the approved PDF
/// goes to both, each once; reminders before a document deadline; and the period that must cover the plan (part 6).
/// </summary>
public sealed class AgreementMailTests(StillasApp app) : IClassFixture<StillasApp>
{
    private const string Owner = "skoleeier@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";
    private const string Deputy = "hanne.inspektor@nordvik.test";
    private const string Teacher = "lise.laerer@nordvik.test";

    private async Task<int> DraftAsync(Action<Dictionary<string, string>>? change = null)
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var response = await (await app.LoginAsync(Advisor)).EditAsync(programme, change ?? (_ => { }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return programme;
    }

    /// <summary>Whether the mail links to this programme's agreement (not to another test's programme).</summary>
    private static bool Links(MimeMessage m, int programme) =>
        (m.TextBody ?? "").Split([' ', '\r', '\n']).Any(t => t.EndsWith($"/Programmes/Agreement/Details/{programme}", StringComparison.Ordinal));

    private Task<List<(string Key, string To, string Subject, string? Attachment)>> MailsAsync(string prefix) => app.WithDbAsync(async db =>
        (await db.Outbox.AsNoTracking().Where(m => m.IdempotencyKey != null && m.IdempotencyKey.StartsWith(prefix))
            .Select(m => new { m.IdempotencyKey, m.ToAddress, m.Subject, m.AttachmentName }).ToListAsync())
        .Select(m => (m.IdempotencyKey!, m.ToAddress, m.Subject, m.AttachmentName)).ToList());

    [Fact]
    public async Task The_owner_s_approval_asks_the_school_and_the_approved_pdf_goes_to_both_sides_once()
    {
        var programme = await DraftAsync();
        var (agreement, versions) = await app.AgreementAsync(programme);
        var v1 = versions.Single().Id;

        // A teacher may not approve: refused, and nothing is sent.
        await app.EnsureLoginAsync(Teacher);
        Refused.Assert(await (await app.LoginAsync(Teacher)).ApproveAsync(app, programme, "School"), "a teacher approving");
        Assert.Empty(await MailsAsync($"agreement:await:{v1}:"));

        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner")).StatusCode);
        var asked = await MailsAsync($"agreement:await:{v1}:");
        Assert.Equal([Deputy, Principal], asked.Select(m => m.To).Order().ToArray());
        Assert.All(asked, m => Assert.Equal("Samarbeidsavtalen med Sentrum skole venter på din godkjenning", m.Subject));
        var mail = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(Principal) && Links(m, programme));
        Assert.Equal("Samarbeidsavtalen med Sentrum skole venter på din godkjenning", mail.Subject);
        Assert.Contains("Kari Nordmann har godkjent versjon 1", mail.TextBody ?? "");
        Assert.Contains($"/Programmes/Agreement/Details/{programme}", mail.TextBody ?? "");

        // The principal approves: in force; both sides get the approved version as PDF, once each.
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Principal)).ApproveAsync(app, programme, "School")).StatusCode);
        var approved = await MailsAsync($"agreement:approved:{v1}:");
        Assert.Equal([Deputy, Principal, Owner], approved.Select(m => m.To).Order().ToArray());
        Assert.All(approved, m => Assert.Equal("samarbeidsavtale-sentrum-skole-v1.pdf", m.Attachment));
        var withPdf = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(Owner) && (m.Subject ?? "") == "Samarbeidsavtalen med Sentrum skole er godkjent" && Links(m, programme));
        var pdf = Assert.Single(withPdf.Attachments.OfType<MimePart>());
        Assert.Equal("samarbeidsavtale-sentrum-skole-v1.pdf", pdf.FileName);
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes.ToArray(), 0, 4));

        // Approving again changes nothing and sends nothing more; nor does the owner's ask repeat.
        var again = await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, (await MailsAsync($"agreement:approved:{v1}:")).Count);
        Assert.Equal(2, (await MailsAsync($"agreement:await:{v1}:")).Count);
    }

    [Fact]
    public async Task A_school_leader_without_an_address_is_left_out_and_the_others_get_theirs()
    {
        var programme = await DraftAsync();
        await app.WithDbAsync(async db =>
        {
            var deputy = await db.People.SingleAsync(p => p.Email == Deputy);
            deputy.Email = "";
            await db.SaveChangesAsync();
        });
        try
        {
            var (_, versions) = await app.AgreementAsync(programme);
            Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner")).StatusCode);
            Assert.Equal([Principal], (await MailsAsync($"agreement:await:{versions.Single().Id}:")).Select(m => m.To).ToArray());
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var deputy = await db.People.SingleAsync(p => p.Name == "Hanne Inspektør");
                deputy.Email = Deputy;
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task The_school_s_approval_asks_the_owner_s_administrator_in_their_language()
    {
        var programme = await DraftAsync();
        await app.WithDbAsync(async db =>
        {
            var owner = await db.People.SingleAsync(p => p.Email == Owner);
            owner.Language = "nn";
            await db.SaveChangesAsync();
        });
        try
        {
            var (_, versions) = await app.AgreementAsync(programme);
            Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Principal)).ApproveAsync(app, programme, "School")).StatusCode);
            var asked = Assert.Single(await MailsAsync($"agreement:await:{versions.Single().Id}:"));
            Assert.Equal(Owner, asked.To);
            Assert.Equal("Samarbeidsavtalen med Sentrum skole ventar på godkjenninga di", asked.Subject);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                var owner = await db.People.SingleAsync(p => p.Email == Owner);
                owner.Language = null;
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task The_default_period_covers_the_plan_and_a_shorter_one_is_warned_about_with_the_dates()
    {
        var programme = await DraftAsync();
        var (_, versions) = await app.AgreementAsync(programme);
        var v1 = versions.Single();
        var plan = await app.WithDbAsync(db => AgreementPeriod.PlanAsync(db, programme, CancellationToken.None));
        Assert.NotEmpty(plan);
        Assert.True(v1.PeriodTo >= plan.Max(s => s.LastDay), $"period ends {v1.PeriodTo}, the plan {plan.Max(s => s.LastDay)}");
        Assert.True(v1.PeriodFrom <= plan.Min(s => s.Date));
        var advisor = await app.LoginAsync(Advisor);
        Assert.DoesNotContain("dekker ikke hele fremdriftsplanen", WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Programmes/Agreement/Details/{programme}")));

        // Two school years only (the old default): sessions 5–8 or the follow-up meeting fall outside.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.EditAsync(programme, f => f["Input.PeriodTo"] = "2028-07-31")).StatusCode);
        var outside = plan.Where(s => s.LastDay > new DateOnly(2028, 7, 31)).ToList();
        Assert.NotEmpty(outside);
        var details = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Programmes/Agreement/Details/{programme}"));
        Assert.Contains("Avtaleperioden 01.03.2027–31.07.2028 dekker ikke hele fremdriftsplanen.", details);
        Assert.Contains("Etter at perioden slutter:", details);
        using (Stillas.Web.Platform.Text.Languages.Use("nb"))
            foreach (var s in outside) Assert.Contains(s.Text, details);
        Assert.Contains("Avtaleperioden 01.03.2027–31.07.2028 dekker ikke hele fremdriftsplanen.", WebUtility.HtmlDecode(await advisor.GetStringAsync($"/Programmes/Details/{programme}")));
    }

    [Fact]
    public async Task Document_deadline_reminders_go_to_the_school_s_leaders_once()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var today = app.Today;
        await app.WithDbAsync(async db =>
        {
            var p = await db.Programmes.SingleAsync(x => x.Id == programme);
            db.DocumentRequests.AddRange(
                new DocumentRequest { ProgrammeId = programme, Title = "Ståstedsanalysen", DueDate = today.AddDays(3), Order = 1 }.PlaceIn(p),
                new DocumentRequest { ProgrammeId = programme, Title = "Lokale læreplaner", DueDate = today.AddDays(3), Order = 2, Status = DocumentStatus.Delivered }.PlaceIn(p),
                new DocumentRequest { ProgrammeId = programme, Title = "Ukeplaner/arbeidsplaner", DueDate = today.AddDays(20), Order = 3 }.PlaceIn(p));
            await db.SaveChangesAsync();
        });
        var reminders = app.Services.GetRequiredService<DocumentReminders>();
        await reminders.RunOnceAsync(CancellationToken.None);
        var due = await MailsAsync(DocumentReminders.KeyPrefix(programme, today.AddDays(3)));
        Assert.Equal([Deputy, Principal], due.Select(m => m.To).Order().ToArray());
        Assert.Empty(await MailsAsync(DocumentReminders.KeyPrefix(programme, today.AddDays(20))));
        var mail = await app.Smtp.WaitForAsync(m => m.To.ToString().Contains(Principal) && (m.Subject ?? "").StartsWith("Påminnelse: dokumenter til veilederteamet"));
        Assert.Contains("Ståstedsanalysen", mail.TextBody ?? "");
        Assert.DoesNotContain("Lokale læreplaner", mail.TextBody ?? "");
        // Once: again, and after a restart, nothing more.
        Assert.Equal(0, await reminders.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, (await MailsAsync(DocumentReminders.KeyPrefix(programme, today.AddDays(3)))).Count);
    }
}
