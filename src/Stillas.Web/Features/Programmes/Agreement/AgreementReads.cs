using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>One version in the history list.</summary>
public sealed record VersionSummary(int Number, AgreementStatus Status, string? OwnerApprovedBy, DateTimeOffset? OwnerApprovedAt,
    string? PrincipalApprovedBy, DateTimeOffset? PrincipalApprovedAt, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>An agreement as its pages show it: the versions (no lines) and which one is in force.</summary>
public sealed record AgreementHead(int Id, int CurrentVersion, IReadOnlyList<VersionSummary> Versions)
{
    public int LatestNumber => Versions.Count == 0 ? 0 : Versions.Max(v => v.Number);
    /// <summary>The newest version while it is not approved: the draft.</summary>
    public VersionSummary? Draft => Versions.FirstOrDefault(v => v.Number == LatestNumber && v.Status is AgreementStatus.Draft or AgreementStatus.AwaitingApproval);
}

/// <summary>Reads for the agreement's pages and API, in the caller's scope (the filters decide what is visible).</summary>
public static class AgreementReads
{
    public static async Task<AgreementHead?> AgreementAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.ProgrammeId == programmeId)
            .Select(a => new { a.Id, a.CurrentVersion }).SingleOrDefaultAsync(ct);
        if (agreement is null) return null;
        var versions = await db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == agreement.Id).OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Status, v.OwnerApprovedBy, v.OwnerApprovedAt, v.PrincipalApprovedBy, v.PrincipalApprovedAt, v.CreatedAt, v.UpdatedAt, v.UpdatedBy))
            .ToListAsync(ct);
        return new AgreementHead(agreement.Id, agreement.CurrentVersion, versions);
    }

    /// <summary>One version with its lines, or null.</summary>
    public static Task<AgreementVersion?> VersionAsync(StillasDb db, int agreementId, int number, CancellationToken ct) =>
        db.AgreementVersions.AsNoTracking().Include(v => v.Lines).SingleOrDefaultAsync(v => v.AgreementId == agreementId && v.Number == number, ct);
}
