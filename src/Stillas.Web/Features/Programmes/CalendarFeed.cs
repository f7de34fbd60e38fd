using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.People;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// A person's calendar feed: a secret address a calendar app subscribes to, which lists the steps of
/// the programmes the person works on. Only the SHA-256 of the token is stored; a new token replaces
/// the old, and deleting the row turns the feed off.
/// </summary>
public class CalendarFeed : IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(f => f.TokenHash).HasMaxLength(64);
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => f.PersonId).IsUnique();
        b.HasOne(f => f.Person).WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
