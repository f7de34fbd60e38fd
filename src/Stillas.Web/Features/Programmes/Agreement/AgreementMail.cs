using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>
/// The agreement's mail, queued in the approval's own save (so an approval that fails sends nothing): when one
/// side has approved a version, the other side is asked to approve it, with a link; when both have, the approved
/// version's PDF goes to both sides. The owner's side is its administrators, the school's its principal and
/// school leaders (active roles of active people). Each mail has an idempotency key (version, its save, person),
/// so it exists once; each recipient reads it, and the PDF, in their own language.
/// </summary>
public static class AgreementMail
{
    public sealed record Recipient(int Id, string Name, string Email, string? Language);

    /// <summary>Queues the mails of an approval that went through (<see cref="AgreementRules.ApproveOutcome.Approved"/> or <c>InForce</c>).</summary>
    public static async Task QueueAsync(StillasDb db, IServiceScopeFactory scopes, Outbox outbox, ProgrammeHead programme, AgreementRules.ApproveResult result, DateOnly today, CancellationToken ct)
    {
        var v = result.Version;
        if (result.Outcome is not (AgreementRules.ApproveOutcome.Approved or AgreementRules.ApproveOutcome.InForce)) return;
        // The approver may not see the other side's people (a principal does not see the owner's administrators).
        var (owner, school) = await SystemReads.RunAsync(scopes, async sys => (await OwnerSideAsync(sys, programme.OwnerId, ct), await SchoolSideAsync(sys, programme.SchoolId, ct)));
        var link = $"{db.MailBaseUrl.TrimEnd('/')}/Programmes/Agreement/Details/{programme.Id}";
        if (result.Outcome == AgreementRules.ApproveOutcome.Approved)
        {
            // One side approved: ask the other. The key names this save of the version, so an approval withdrawn by a change and given again asks again.
            var ownerApproved = v.OwnerApprovedAt is not null;
            var to = ownerApproved ? school : owner;
            var by = ownerApproved ? v.OwnerApprovedBy : v.PrincipalApprovedBy;
            await QueueEachAsync(db, outbox, programme, to, p => Key("await", v, p), null,
                () => L.T("Samarbeidsavtalen med {0} venter på din godkjenning", programme.School),
                () => string.Join("\n",
                    L.T("Hei!"), "",
                    ownerApproved
                        ? L.T("{0} har godkjent versjon {1} av samarbeidsavtalen mellom {2} og {3} for skoleeier. Avtalen gjelder når skolen også har godkjent den.", by ?? "", v.Number, programme.Owner, programme.School)
                        : L.T("{0} har godkjent versjon {1} av samarbeidsavtalen mellom {2} og {3} for skolen. Avtalen gjelder når skoleeier også har godkjent den.", by ?? "", v.Number, programme.Owner, programme.School),
                    L.T("Periode: {0}.", AgreementRules.PeriodText(v.PeriodFrom, v.PeriodTo)), "",
                    L.T("Les og godkjenn avtalen: {0}", link), "",
                    L.T("Hilsen Stillas")), ct);
            return;
        }
        // In force: the approved version's PDF to both sides, once per version and person.
        var everyone = owner.Concat(school).DistinctBy(p => p.Id).ToList();
        var pdfs = new Dictionary<string, byte[]>();
        var fileName = AgreementPdf.FileName(programme, v.Number);
        await QueueEachAsync(db, outbox, programme, everyone, p => Key("approved", v, p),
            language => pdfs.TryGetValue(language, out var bytes) ? bytes : pdfs[language] = Platform.Pdf.PdfWriter.Render(AgreementPdf.Build(programme, v, today)),
            () => L.T("Samarbeidsavtalen med {0} er godkjent", programme.School),
            () => string.Join("\n",
                L.T("Hei!"), "",
                L.T("Versjon {0} av samarbeidsavtalen mellom {1} og {2} er godkjent av begge parter og gjelder fra nå.", v.Number, programme.Owner, programme.School),
                L.T("For skoleeier: {0}. For skolen: {1}.", v.OwnerApprovedBy ?? "", v.PrincipalApprovedBy ?? ""),
                L.T("Periode: {0}.", AgreementRules.PeriodText(v.PeriodFrom, v.PeriodTo)), "",
                L.T("Den godkjente avtalen ligger ved som PDF. Se den i Stillas: {0}", link), "",
                L.T("Hilsen Stillas")), ct, fileName);
    }

    private static string Key(string kind, AgreementVersion v, Recipient p) =>
        kind == "approved"
            ? string.Create(CultureInfo.InvariantCulture, $"agreement:approved:{v.Id}:p{p.Id}")
            : string.Create(CultureInfo.InvariantCulture, $"agreement:await:{v.Id}:{v.Version}:p{p.Id}");

    private static async Task QueueEachAsync(StillasDb db, Outbox outbox, ProgrammeHead programme, IReadOnlyList<Recipient> to, Func<Recipient, string> key,
        Func<string, byte[]>? pdf, Func<string> subject, Func<string> text, CancellationToken ct, string? fileName = null)
    {
        // A person without an address is left out; the others still get theirs.
        var recipients = to.Where(p => !string.IsNullOrWhiteSpace(p.Email)).ToList();
        var keys = recipients.Select(key).ToArray();
        var taken = (await db.Outbox.AsNoTracking().Where(m => m.IdempotencyKey != null && keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey!).ToListAsync(ct)).ToHashSet();
        foreach (var p in recipients)
        {
            var k = key(p);
            if (taken.Contains(k)) continue;
            var language = Languages.Normalize(p.Language) ?? Languages.Bokmal;
            using (Languages.Use(language))
                outbox.Enqueue(p.Email, p.Name, subject(), text(), null, k, null,
                    pdf is null ? null : (fileName!, "application/pdf", pdf(language)), programme.OwnerId);
        }
    }

    /// <summary>The owner's administrators (active roles of active people).</summary>
    public static Task<List<Recipient>> OwnerSideAsync(StillasDb db, int ownerId, CancellationToken ct) =>
        db.Memberships.AsNoTracking().Where(m => m.OwnerId == ownerId && m.SchoolId == null && m.Role == Role.OwnerAdmin && m.Active && m.Person!.Active)
            .Select(m => new Recipient(m.PersonId, m.Person!.Name, m.Person.Email, m.Person.Language)).Distinct().ToListAsync(ct);

    /// <summary>The school's principal and school leaders (active roles of active people).</summary>
    public static Task<List<Recipient>> SchoolSideAsync(StillasDb db, int schoolId, CancellationToken ct) =>
        db.Memberships.AsNoTracking().Where(m => m.SchoolId == schoolId && (m.Role == Role.Principal || m.Role == Role.SchoolLeader) && m.Active && m.Person!.Active)
            .Select(m => new Recipient(m.PersonId, m.Person!.Name, m.Person.Email, m.Person.Language)).Distinct().ToListAsync(ct);
}
