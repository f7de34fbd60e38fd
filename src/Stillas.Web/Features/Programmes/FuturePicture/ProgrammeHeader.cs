using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.FuturePicture;

/// <summary>The programme a future-picture page belongs to, as far as the user may see it.</summary>
public sealed record ProgrammeHeader(int Id, int OwnerId, int SchoolId, int TeamId, string SchoolName, string TeamName, string SchoolYear, ProgrammeStatus Status = ProgrammeStatus.Active) : IProgrammeResource
{
    // Settable so the record is a programme-scoped resource (Access.Can); set only by the constructor.
    public int OwnerId { get; set; } = OwnerId;
    public int SchoolId { get; set; } = SchoolId;
    public int TeamId { get; set; } = TeamId;
    public bool IsActive => Status == ProgrammeStatus.Active;

    /// <summary>Null when the programme does not exist or is outside the user's scope.</summary>
    public static async Task<ProgrammeHeader?> LoadAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new { p.Id, p.OwnerId, p.SchoolId, p.TeamId, p.SchoolYear, p.Status }).SingleOrDefaultAsync(ct);
        if (p is null) return null;
        // Names read on their own: a principal sees the programme but not the team's record, and a
        // join through the filtered navigation would hide the programme from them.
        var school = await db.Schools.AsNoTracking().Where(s => s.Id == p.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == p.TeamId).Select(t => t.Name).SingleOrDefaultAsync(ct);
        return new ProgrammeHeader(p.Id, p.OwnerId, p.SchoolId, p.TeamId, school ?? "skolen", team ?? "veilederteamet", p.SchoolYear, p.Status);
    }

    public Programmes.GuidanceProgramme ToProgramme() =>
        new() { Id = Id, OwnerId = OwnerId, SchoolId = SchoolId, TeamId = TeamId, SchoolYear = SchoolYear, TemplateKey = "", TemplateName = "", TemplateJson = "" };
}
