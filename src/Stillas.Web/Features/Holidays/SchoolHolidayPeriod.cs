using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Holidays;

/// <summary>
/// One of the owner's school holidays in a school year (høstferie, juleferie … planning days), as the
/// kommune's skolerute decides. The progress planner keeps every step off them.
/// </summary>
[Audited("Skoleferie")]
[OwnerAudience(OwnerAudience.Everyone)]
public class SchoolHolidayPeriod : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    /// <summary>"2026/27".</summary>
    public required string SchoolYear { get; set; }
    public SchoolHolidayKind Kind { get; set; }
    public required string Name { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public DateRange Range => new(Start, End);

    public static string KindName(SchoolHolidayKind kind) => kind switch
    {
        SchoolHolidayKind.Summer => L.T("Sommerferie"),
        SchoolHolidayKind.Autumn => L.T("Høstferie"),
        SchoolHolidayKind.Christmas => L.T("Juleferie"),
        SchoolHolidayKind.Winter => L.T("Vinterferie"),
        SchoolHolidayKind.Easter => L.T("Påskeferie"),
        SchoolHolidayKind.Other => L.T("Annen fridag (planleggingsdag o.l.)"),
        _ => kind.ToString(),
    };
}

public sealed class SchoolHolidayPeriodConfiguration : IEntityTypeConfiguration<SchoolHolidayPeriod>
{
    public void Configure(EntityTypeBuilder<SchoolHolidayPeriod> b)
    {
        b.ToTable("SchoolHolidays");
        b.Property(h => h.SchoolYear).HasMaxLength(7);
        b.Property(h => h.Name).HasMaxLength(100);
        b.HasOne(h => h.Owner).WithMany().HasForeignKey(h => h.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => new { h.OwnerId, h.SchoolYear, h.Start });
        b.Ignore(h => h.Range);
    }
}
