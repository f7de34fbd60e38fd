using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.FuturePicture;

/// <summary>The programme a future-picture page belongs to, as far as the user may see it.</summary>
public sealed record ProgrammeHeader(int Id, int OwnerId, int SchoolId, int TeamId, string SchoolName, string TeamName, string SchoolYear)
{
    /// <summary>Null when the programme does not exist or is outside the user's scope.</summary>
    public static Task<ProgrammeHeader?> LoadAsync(StillasDb db, int programmeId, CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new ProgrammeHeader(p.Id, p.OwnerId, p.SchoolId, p.TeamId, p.School!.Name, p.Team!.Name, p.SchoolYear))
            .SingleOrDefaultAsync(ct);

    public Programmes.GuidanceProgramme ToProgramme() =>
        new() { Id = Id, OwnerId = OwnerId, SchoolId = SchoolId, TeamId = TeamId, SchoolYear = SchoolYear, TemplateKey = "", TemplateName = "", TemplateJson = "" };
}
