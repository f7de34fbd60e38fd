using Microsoft.AspNetCore.Http.HttpResults;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Audit;

public static class AuditApi
{
    public sealed record AuditChangeDto(string? Old, string? New);
    public sealed record AuditEntryDto(long Id, DateTimeOffset At, int? ActorPersonId, string ActorName, int? OwnerId, string EntityType, string EntityId, string Action, Dictionary<string, AuditChangeDto> Changes);
    /// <summary>A page of the log; <c>NextBefore</c> is the <c>before</c> of the next (older) page, null on the last.</summary>
    public sealed record AuditPage(IReadOnlyList<AuditEntryDto> Items, long? NextBefore);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Logg").RequireAuthorization();

        group.MapGet("/", async Task<Results<Ok<AuditPage>, ProblemHttpResult>> (StillasDb db, CurrentScope current, long? before, string? entityType, string? actor, DateOnly? from, DateOnly? to, int? pageSize, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ViewAudit)) return ApiSupport.Forbidden();
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var (items, next) = await AuditLog.PageAsync(db, new AuditLog.Filter(before, entityType, actor, from, to), size, ct);
            return TypedResults.Ok(new AuditPage(items.Select(ToDto).ToList(), next));
        }).WithName("ListAuditEntries");

        return app;
    }

    private static AuditEntryDto ToDto(AuditEntry a) => new(a.Id, a.At, a.ActorPersonId, a.ActorName, a.OwnerId, a.EntityType, a.EntityId, a.Action.ToString(),
        a.ParsedChanges().ToDictionary(c => c.Key, c => new AuditChangeDto(c.Value.ElementAtOrDefault(0), c.Value.ElementAtOrDefault(1))));
}
