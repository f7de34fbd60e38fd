using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>The development area's objectives and their ratings: reads the pages, the owner's overview and the agenda share.</summary>
public static class Objectives
{
    /// <summary>An objective with its latest rating (null: not rated yet).</summary>
    public sealed record Latest(int Id, int ProgrammeId, string Title, string? Description, int Order, bool Closed, string? CloseReason,
        ObjectiveColour? Colour, DateTimeOffset? RatedAt);

    /// <summary>An open objective whose latest rating is gul or rød, with that rating's comment (for the next session's agenda).</summary>
    public sealed record OpenObjective(int Id, string Title, ObjectiveColour Colour, string Comment, DateTimeOffset RatedAt);

    public static DbSet<DevelopmentObjective> ObjectivesSet(this StillasDb db) => db.Set<DevelopmentObjective>();
    public static DbSet<ObjectiveRating> RatingsSet(this StillasDb db) => db.Set<ObjectiveRating>();

    /// <summary>
    /// The programme's open objectives whose latest rating is gul or rød, in the list's order: what the next
    /// session's agenda takes up. Empty when the programme is outside the reader's scope.
    /// </summary>
    public static async Task<IReadOnlyList<OpenObjective>> OpenAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var rows = await db.ObjectivesSet().AsNoTracking()
            .Where(o => o.ProgrammeId == programmeId && o.ClosedAt == null)
            .OrderBy(o => o.Order).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id, o.Title,
                Last = db.RatingsSet().Where(r => r.ObjectiveId == o.Id).OrderByDescending(r => r.RatedAt).ThenByDescending(r => r.Id)
                    .Select(r => new { r.Colour, r.Comment, r.RatedAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.Where(r => r.Last is { Colour: ObjectiveColour.Yellow or ObjectiveColour.Red })
            .Select(r => new OpenObjective(r.Id, r.Title, r.Last!.Colour, r.Last.Comment, r.Last.RatedAt))];
    }

    /// <summary>The objectives of the programmes with their latest rating, in each programme's order.</summary>
    public static async Task<List<Latest>> LatestAsync(StillasDb db, int[] programmeIds, CancellationToken ct) =>
        await db.ObjectivesSet().AsNoTracking()
            .Where(o => programmeIds.Contains(o.ProgrammeId))
            .OrderBy(o => o.ProgrammeId).ThenBy(o => o.Order).ThenBy(o => o.Id)
            .Select(o => new
            {
                o.Id, o.ProgrammeId, o.Title, o.Description, o.Order, o.ClosedAt, o.CloseReason,
                Last = db.RatingsSet().Where(r => r.ObjectiveId == o.Id).OrderByDescending(r => r.RatedAt).ThenByDescending(r => r.Id)
                    .Select(r => new { r.Colour, r.RatedAt }).FirstOrDefault(),
            })
            .Select(x => new Latest(x.Id, x.ProgrammeId, x.Title, x.Description, x.Order, x.ClosedAt != null, x.CloseReason,
                x.Last == null ? null : x.Last.Colour, x.Last == null ? null : x.Last.RatedAt))
            .ToListAsync(ct);

    /// <summary>Who rates: the team's members and the school's leaders, while the programme runs.</summary>
    public static bool MayRate(AccessScope scope, IProgrammeScoped p) =>
        p is not IProgrammeResource { IsActive: false } && (scope.RolesIn(p) & (ProgrammeRoles.TeamMember | ProgrammeRoles.SchoolLeader)) != 0;

    /// <summary>
    /// Who reads a rating's comment: the team and the school, who talk about the coaching content. The owner's staff
    /// who are not in the team see the colour and the date only (as does the system administrator).
    /// </summary>
    public static bool SeesComments(AccessScope scope, IProgrammeScoped p) =>
        (scope.RolesIn(p) & (ProgrammeRoles.TeamMember | ProgrammeRoles.SchoolLeader | ProgrammeRoles.SchoolPerson)) != 0;

    /// <summary>Who keeps the list of objectives: those who run the programme and the school's leaders.</summary>
    public static bool MayEdit(AccessScope scope, IProgrammeScoped p) => scope.Can(Permission.RunProgramme, p) || scope.Can(Permission.ActForSchool, p);

    /// <summary>
    /// Suggested objectives when the list is empty: the development area as the agreement (else the start-up meeting)
    /// words it, one objective per line or sentence.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SuggestAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var area = await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Agreement!.ProgrammeId == programmeId && v.DevelopmentArea != null)
            .OrderByDescending(v => v.Number).Select(v => v.DevelopmentArea).FirstOrDefaultAsync(ct)
            ?? await db.StartUpMeetings.AsNoTracking().Where(m => m.ProgrammeId == programmeId && m.DevelopmentArea != null)
                .Select(m => m.DevelopmentArea).FirstOrDefaultAsync(ct);
        return Split(area);
    }

    /// <summary>One suggestion per non-empty line, or per sentence of a single line; at most eight, each cut to a title's length.</summary>
    public static IReadOnlyList<string> Split(string? area)
    {
        if (string.IsNullOrWhiteSpace(area)) return [];
        var lines = area.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.TrimStart('-', '•', '*', ' ').Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 1)
            lines = [.. System.Text.RegularExpressions.Regex.Split(lines[0], @"(?<=[.!?])\s+").Select(s => s.Trim()).Where(s => s.Length > 0)];
        return [.. lines.Select(l => l.TrimEnd('.').Trim()).Where(l => l.Length > 0).Distinct()
            .Select(l => l.Length <= DevelopmentObjective.TitleMax ? l : l[..DevelopmentObjective.TitleMax]).Take(8)];
    }
}
