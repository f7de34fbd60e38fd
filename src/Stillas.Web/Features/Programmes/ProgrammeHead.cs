using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// The head of a programme as the wing's pages, APIs and PDFs name it (agreement, future picture, sessions,
/// timeline): ids, the owner's, school's and team's names, school year, start, status and model. One read.
/// </summary>
public sealed record ProgrammeHead(int Id, int OwnerId, int SchoolId, int TeamId, string Owner, string School, string? Team,
    string SchoolYear, DateOnly StartDate, ProgrammeStatus Status, string TemplateName) : IProgrammeResource
{
    // Settable so the record is a programme-scoped resource (Access.Can); set only by the constructor.
    public int OwnerId { get; set; } = OwnerId;
    public int SchoolId { get; set; } = SchoolId;
    public int TeamId { get; set; } = TeamId;
    public bool IsActive => Status == ProgrammeStatus.Active;

    /// <summary>Null when the programme does not exist or is outside the user's scope.</summary>
    public static Task<ProgrammeHead?> LoadAsync(StillasDb db, int id, CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(p => p.Id == id)
            // The names by subqueries, not joins through the filtered navigations: whoever sees the programme
            // sees its head (a school's people see the programme without seeing the team's record).
            .Select(p => new ProgrammeHead(p.Id, p.OwnerId, p.SchoolId, p.TeamId,
                db.Owners.Where(o => o.Id == p.OwnerId).Select(o => o.Name).FirstOrDefault() ?? "skoleeier",
                db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.Name).FirstOrDefault() ?? "skolen",
                db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault(),
                p.SchoolYear, p.StartDate, p.Status, p.TemplateName))
            .SingleOrDefaultAsync(ct);

    /// <summary>A detached programme with the head's ids, for rules that take one.</summary>
    public GuidanceProgramme ToProgramme() =>
        new() { Id = Id, OwnerId = OwnerId, SchoolId = SchoolId, TeamId = TeamId, SchoolYear = SchoolYear, TemplateKey = "", TemplateName = TemplateName, TemplateJson = "" };
}
