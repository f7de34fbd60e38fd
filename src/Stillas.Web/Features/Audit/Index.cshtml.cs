using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Audit;

/// <summary>The audit log: who changed what and when, newest first, for the owners the user administers.</summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public const int PageSize = 50;

    public sealed record Change(string Field, string? Old, string? New);
    public sealed record Row(long Id, string Time, string Actor, string Action, string Entity, string? EntityUrl, string? Name, List<Change> Changes,
        string? School = null, string? SchoolUrl = null);

    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public long? NextBefore { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(EntityType) || !string.IsNullOrWhiteSpace(Actor) || From is not null || To is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!current.Scope.Can(Permission.ViewAudit)) return Forbid();
        if (From is DateOnly f && To is DateOnly t && t < f) ModelState.AddModelError(nameof(To), Platform.Text.L.T("Til-datoen kan ikke være før fra-datoen."));
        if (!ModelState.IsValid) return Page();

        var (items, next) = await AuditLog.PageAsync(db, new AuditLog.Filter(Before, EntityType, Actor, From, To), PageSize, ct);
        NextBefore = next;
        // The school each entry belongs to, by name, in one query: from the entry's own column, or for an entry
        // written before it had one, from the SchoolId it recorded (a created row records it).
        var schoolOf = items.ToDictionary(a => a.Id, SchoolIdOf);
        var schoolIds = schoolOf.Values.OfType<int>().Distinct().ToList();
        var schools = schoolIds.Count == 0 ? [] : await db.Schools.AsNoTracking().Where(x => schoolIds.Contains(x.Id))
            .Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        Rows = [.. items.Select(a => ToRow(a) with
        {
            School = schoolOf[a.Id] is int sid ? schools.GetValueOrDefault(sid) : null,
            SchoolUrl = schoolOf[a.Id] is int id2 && schools.ContainsKey(id2)
                ? a.ProgrammeId is int pid ? $"/Programmes/Details/{pid}" : $"/Schools/Details/{id2}"
                : null,
        })];
        return Page();
    }

    private static int? SchoolIdOf(AuditEntry a)
    {
        if (a.SchoolId is int id) return id;
        if (a.EntityType == nameof(Features.Schools.School) && int.TryParse(a.EntityId, System.Globalization.CultureInfo.InvariantCulture, out var self)) return self;
        return a.ParsedChanges().TryGetValue("SchoolId", out var v) && v.LastOrDefault(x => x is not null) is { } text
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var recorded) ? recorded : null;
    }

    private static Row ToRow(AuditEntry a)
    {
        var changes = a.ParsedChanges();
        // CreatedAt repeats the entry's own time; the key is shown as "what".
        var shown = changes.Where(c => c.Key is not ("CreatedAt" or "Id"))
            .Select(c => new Change(AuditFormat.FieldName(a.EntityType, c.Key),
                c.Value.Length > 0 && c.Value[0] is { } o ? AuditFormat.Value(a.EntityType, c.Key, o) : null,
                c.Value.Length > 1 && c.Value[1] is { } n ? AuditFormat.Value(a.EntityType, c.Key, n) : null))
            .ToList();
        var name = AuditFormat.DisplayName(a.EntityType, changes);
        return new Row(a.Id, NorwegianTime.DateTime(a.At), a.ActorName, AuditEntry.ActionName(a.Action),
            $"{AuditEntry.EntityName(a.EntityType)} {a.EntityId}", a.Action == AuditAction.Deleted ? null : AuditFormat.EntityUrl(a.EntityType, a.EntityId), name, shown);
    }

    public string PageUrl(long? before) => Url.Page("/Audit/Index", new
    {
        entityType = EntityType,
        actor = Actor,
        from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        before,
    })!;
}
