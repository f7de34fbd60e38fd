using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
    public sealed record Row(long Id, string Time, string Actor, string Action, string Entity, string? EntityUrl, string? Name, List<Change> Changes);

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
        Rows = items.Select(ToRow).ToList();
        return Page();
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
        var name = changes.TryGetValue("Name", out var nv) ? nv.LastOrDefault(v => v is not null) : null;
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
