using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Evaluation;

/// <summary>
/// The owner's yearly evaluation of process and model (seed 000 § 1, "Evaluering"; the evaluation meetings after
/// Fase 4 and 5): one meeting per owner and school year with the principals of all that year's programmes, the
/// teams, the owner and a researcher; its record is linked from each of those programmes. Everyone at the owner
/// reads it (it is about the model, not about a school); the owner's staff write it.
/// </summary>
[Audited("Årlig evaluering av prosess og modell")]
[OwnerAudience(OwnerAudience.Everyone)]
public class YearlyEvaluation : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int OwnerId { get; set; }
    /// <summary>"2026/27".</summary>
    public required string SchoolYear { get; set; }
    public DateOnly? MeetingDate { get; set; }
    public string? Participants { get; set; }
    public string? WhatWorks { get; set; }
    /// <summary>What to change in the process and the model.</summary>
    public string? ToChange { get; set; }
    public string? Decisions { get; set; }
    public string? RecordedByName { get; set; }
    public DateTimeOffset? RecordedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int TextMax = 4000;
}

public sealed class YearlyEvaluationConfiguration : IEntityTypeConfiguration<YearlyEvaluation>
{
    public void Configure(EntityTypeBuilder<YearlyEvaluation> b)
    {
        b.ToTable("YearlyEvaluations");
        b.Property(e => e.SchoolYear).HasMaxLength(7);
        foreach (var p in new[] { nameof(YearlyEvaluation.Participants), nameof(YearlyEvaluation.WhatWorks), nameof(YearlyEvaluation.ToChange), nameof(YearlyEvaluation.Decisions) })
            b.Property(p).HasMaxLength(YearlyEvaluation.TextMax);
        b.Property(e => e.RecordedByName).HasMaxLength(200);
        b.HasOne<Owners.SchoolOwner>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.OwnerId, e.SchoolYear }).IsUnique();
    }
}

/// <summary>The owner's staff (administrators and development advisors) keep the yearly evaluation.</summary>
public sealed class YearlyEvaluationWrites : WriteRule<YearlyEvaluation>
{
    protected override bool MayWrite(WriteContext w, YearlyEvaluation row) => w.Scope.IsStaffOf(row.OwnerId);
}
