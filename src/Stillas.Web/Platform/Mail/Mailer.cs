using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Platform.Mail;

/// <summary>Writes mails to the outbox. The caller's SaveChanges commits them with its own change.</summary>
public sealed class Outbox(StillasDb db, TimeProvider clock, MailWakeUp wakeUp)
{
    /// <param name="ownerId">The owner the mail concerns (its administrator is shown the mail if it cannot be
    /// delivered); when null, the dispatcher takes the recipient's owner if the mail fails.</param>
    public void Enqueue(string to, string? toName, string subject, string text, string? html = null, string? idempotencyKey = null, DateTimeOffset? dueAt = null, int? ownerId = null) =>
        Enqueue(to, toName, subject, text, html, idempotencyKey, dueAt, attachment: null, ownerId);

    /// <summary>As above, with one attachment (file name, content type, bytes).</summary>
    public OutboxMessage Enqueue(string to, string? toName, string subject, string text, string? html, string? idempotencyKey, DateTimeOffset? dueAt,
        (string Name, string ContentType, byte[] Content)? attachment, int? ownerId = null)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            ToAddress = to, ToName = toName, Subject = subject, TextBody = text, HtmlBody = html,
            IdempotencyKey = idempotencyKey, CreatedAt = now, DueAt = dueAt ?? now, OwnerId = ownerId,
            AttachmentName = attachment?.Name, AttachmentContentType = attachment?.ContentType, Attachment = attachment?.Content,
        };
        db.Outbox.Add(message);
        wakeUp.Ring();
        return message;
    }
}

/// <summary>Lets a request wake the dispatcher after it committed a mail, instead of waiting for the next poll.</summary>
public sealed class MailWakeUp
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    public void Ring() => channel.Writer.TryWrite(true);
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try { await channel.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}

/// <summary>
/// Claims due messages with a lease (an UPDATE that only one instance can win), sends them with
/// MailKit, and retries failures with exponential backoff. After the last attempt (<see cref="MailOptions.MaxAttempts"/>)
/// a message is marked failed ("ikke levert", <see cref="OutboxMessage.FailedAt"/>): it stays in the outbox, is
/// shown to the administrators on /Mail/Undelivered and makes /health/ready degraded until someone sends it again.
/// </summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, MailWakeUp wakeUp, DatabaseReadiness readiness, ILogger<MailDispatcher> log) : BackgroundService
{
    private readonly string instance = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.Ready.WaitAsync(stoppingToken);
        }
        catch (Exception)
        {
            return; // stopping, or the database could not be prepared (logged by DatabaseReadiness)
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "Mail dispatcher round failed");
            }
            await wakeUp.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Sends up to one batch of due messages; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var now = clock.GetUtcNow();
        var opts = options.Value;
        // Instants compare in SQL on both providers (SQLite stores them as binary longs).
        var candidates = (await db.Outbox.AsNoTracking()
                .Where(m => m.SentAt == null && m.FailedAt == null && m.Attempts < opts.MaxAttempts && m.DueAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.Id).Take(20).Select(m => new { m.Id, m.LeaseUntil }).ToListAsync(ct))
            .Select(m => (m.Id, m.LeaseUntil)).ToList();
        var attempted = 0;
        // One SMTP connection for the round, and each message marked sent as soon as the server has accepted it
        // (before QUIT): the window in which a kill leaves a sent message unmarked is the one UPDATE round trip.
        // Delivery is at least once: a message accepted by the server but not yet marked when the process dies is
        // sent again after its lease expires, with the same Message-ID (outbox-{id}@stillas) so that a receiving
        // system can tell (docs/performance.md, "SIGKILL during dispatch").
        using var smtp = new SmtpConnection(opts);
        foreach (var (id, seenLease) in candidates)
        {
            var leaseUntil = clock.GetUtcNow().Add(opts.Lease);
            // Compare-and-swap on the lease we saw: of several instances only one can win it.
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.SentAt == null && m.LeaseUntil == seenLease)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil).SetProperty(m => m.LeaseOwner, instance), ct);
            if (claimed != 1) continue;
            attempted++;
            var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                await smtp.SendAsync(ToMime(message, opts), message.Id, ct);
                var sentAt = clock.GetUtcNow();
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                smtp.Reset();
                var attempts = message.Attempts + 1;
                var retryAt = clock.GetUtcNow().AddSeconds(Math.Min(3600, 15 * Math.Pow(2, attempts - 1)));
                var error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                if (attempts >= opts.MaxAttempts)
                {
                    // The last attempt: never dropped in silence. Marked "ikke levert", with the owner whose
                    // administrator is told (the recipient's, when the code that queued it did not say).
                    var ownerId = message.OwnerId ?? await db.People.AsNoTracking().Where(p => p.Email == message.ToAddress).Select(p => p.OwnerId).FirstOrDefaultAsync(ct);
                    var failedAt = clock.GetUtcNow();
                    log.LogError("Mail {Id} to {To} was not delivered after {Attempts} attempts: {Error}", id, message.ToAddress, attempts, error);
                    await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.FailedAt, failedAt)
                        .SetProperty(m => m.OwnerId, ownerId).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
                    continue;
                }
                log.LogWarning("Sending mail {Id} failed (attempt {Attempts}): {Error}", id, attempts, error);
                await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.DueAt, retryAt).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
            }
        }
        await smtp.QuitAsync(ct);
        return attempted;
    }

    private static MimeMessage ToMime(OutboxMessage m, MailOptions opts)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(opts.FromName, opts.From));
        mime.To.Add(new MailboxAddress(m.ToName ?? "", m.ToAddress));
        mime.Subject = m.Subject;
        mime.MessageId = $"outbox-{m.Id}@stillas";
        var body = new BodyBuilder { TextBody = m.TextBody, HtmlBody = m.HtmlBody };
        if (m.Attachment is { } bytes && m.AttachmentName is { } name)
            body.Attachments.Add(name, bytes, ContentType.Parse(m.AttachmentContentType ?? "application/octet-stream"));
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>An SMTP connection opened at the first message of a round (or the pickup folder when no host is set).</summary>
    private sealed class SmtpConnection(MailOptions opts) : IDisposable
    {
        private SmtpClient? client;

        public async Task SendAsync(MimeMessage mime, long id, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(opts.Host))
            {
                Directory.CreateDirectory(opts.PickupDirectory);
                await mime.WriteToAsync(Path.Combine(opts.PickupDirectory, $"{id:D6}.eml"), ct);
                return;
            }
            if (client is null)
            {
                client = new SmtpClient();
                await client.ConnectAsync(opts.Host, opts.Port, opts.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                if (!string.IsNullOrEmpty(opts.UserName)) await client.AuthenticateAsync(opts.UserName, opts.Password ?? "", ct);
            }
            await client.SendAsync(mime, ct);
        }

        /// <summary>After a failure: the next message opens a new connection.</summary>
        public void Reset()
        {
            client?.Dispose();
            client = null;
        }

        public async Task QuitAsync(CancellationToken ct)
        {
            if (client is { IsConnected: true })
            {
                try { await client.DisconnectAsync(true, ct); }
                catch (Exception ex) when (ex is not OperationCanceledException) { /* every message is already marked */ }
            }
        }

        public void Dispose() => client?.Dispose();
    }
}
