using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Mail;

/// <summary>
/// Mail the dispatcher gave up on ("ikke levert"): the owner's administrator sees the mail of their owners, the
/// system administrator all of it, each with "Send på nytt". Recipient, subject, error and attempts only: the
/// body may say more than an administrator should read.
/// </summary>
public sealed class UndeliveredModel(StillasDb db, CurrentScope current, TimeProvider clock, MailWakeUp wakeUp) : PageModel
{
    public const int Shown = 200;

    public sealed record Row(long Id, string To, string Subject, DateTimeOffset CreatedAt, DateTimeOffset? FailedAt, int Attempts, string? Error, string? Owner);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool ShowOwner => current.Scope.IsSystem;

    /// <summary>Who may see undelivered mail at all: the system administrator and owners' administrators.</summary>
    public static bool MaySee(AccessScope scope) => scope.IsSystem || scope.AdminOwnerIds.Length > 0;

    /// <summary>The undelivered mail this scope may see (the outbox has no access filter: the dispatcher reads all of it).</summary>
    public static IQueryable<OutboxMessage> Visible(StillasDb db, AccessScope scope)
    {
        var undelivered = db.Outbox.AsNoTracking().Where(m => m.FailedAt != null && m.SentAt == null);
        if (scope.IsSystem) return undelivered;
        var owners = scope.AdminOwnerIds;
        return undelivered.Where(m => m.OwnerId != null && owners.Contains(m.OwnerId.Value));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        if (!MaySee(scope)) return Forbid();
        var visible = Visible(db, scope);
        Total = await visible.CountAsync(ct);
        Rows = await visible.OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new Row(m.Id, m.ToName == null || m.ToName == "" ? m.ToAddress : m.ToName + " <" + m.ToAddress + ">", m.Subject, m.CreatedAt, m.FailedAt, m.Attempts, m.LastError,
                db.Owners.Where(o => o.Id == m.OwnerId).Select(o => o.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>"Send på nytt": due now with a full set of attempts again; the audit log says who asked.</summary>
    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        var scope = current.Scope;
        if (!MaySee(scope)) return Forbid();
        var message = await db.Outbox.Where(m => m.Id == id && m.FailedAt != null && m.SentAt == null).SingleOrDefaultAsync(ct);
        // Another owner's mail (or the system's, for an owner's administrator) does not exist for this user.
        if (message is null || !(scope.IsSystem || scope.IsAdminOf(message.OwnerId))) return NotFound();
        var now = clock.GetUtcNow();
        var changes = new Dictionary<string, string?[]>
        {
            ["Status"] = ["ikke levert", "sendes på nytt"],
            ["Attempts"] = [message.Attempts.ToString(CultureInfo.InvariantCulture), "0"],
            ["LastError"] = [message.LastError, message.LastError],
        };
        message.FailedAt = null;
        message.Attempts = 0;
        message.DueAt = now;
        message.LeaseUntil = null;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorPersonId = scope.PersonId, ActorName = scope.ActorName.Length > 200 ? scope.ActorName[..200] : scope.ActorName,
            OwnerId = message.OwnerId, EntityType = AuditEntityType, EntityId = message.Id.ToString(CultureInfo.InvariantCulture),
            Action = AuditAction.Updated, Changes = JsonSerializer.Serialize(changes),
        });
        await db.SaveChangesAsync(ct);
        wakeUp.Ring();
        TempData["Message"] = L.T("E-posten til {0} («{1}») sendes på nytt.", message.ToAddress, message.Subject);
        return RedirectToPage();
    }

    /// <summary>How a resend is named in the audit log (the outbox is not an audited entity: its rows hold mail bodies).</summary>
    public const string AuditEntityType = "E-post";
}
