using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stillas.Web.Platform.Mail;

/// <summary>
/// A mail waiting to be sent. Business changes write it in their own transaction; the
/// <see cref="MailDispatcher"/> claims it with a lease and sends it, so a failing SMTP server never
/// fails a page and two instances never send the same message.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    /// <summary>Makes a message exist once, e.g. reminder:{kind}:{id}:{due}.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? LeaseOwner { get; set; }
    /// <summary>
    /// Set when the last attempt failed: the message is "ikke levert" and is not tried again until an
    /// administrator asks for it ("Send på nytt"). It is never dropped without a trace.
    /// </summary>
    public DateTimeOffset? FailedAt { get; set; }
    /// <summary>
    /// The owner the mail belongs to, so that the owner's administrator sees it if it cannot be delivered;
    /// null = the system administrator's only (system staff, or an owner nobody could tell). Not an access
    /// filter: the dispatcher and the features that read the sending state by key see every message.
    /// </summary>
    public int? OwnerId { get; set; }
    /// <summary>One optional attachment (e.g. the interim-work agreement as PDF), sent with the mail.</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentContentType { get; set; }
    public byte[]? Attachment { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.Property(m => m.ToAddress).HasMaxLength(254);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.IdempotencyKey).HasMaxLength(200);
        b.Property(m => m.LeaseOwner).HasMaxLength(100);
        b.Property(m => m.AttachmentName).HasMaxLength(200);
        b.Property(m => m.AttachmentContentType).HasMaxLength(100);
        b.HasIndex(m => m.IdempotencyKey).IsUnique();
        b.HasIndex(m => new { m.SentAt, m.DueAt });
        // The undelivered list and the start page's count, per owner.
        b.HasIndex(m => new { m.FailedAt, m.OwnerId });
    }
}

/// <summary>Mail is queued by the application's own code for any change that sends one.</summary>
public sealed class OutboxWrites() : Access.OpenWrite(typeof(OutboxMessage));
