using System.Text.Json;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Platform.Audit;

/// <summary>
/// Every read of confidential content (<see cref="IConfidential"/>) is written to the audit log: who read which
/// rows, where. The entry carries no owner, so the owner's administrator does not see that notes exist; the
/// system administrator does. The change audit only sees writes, so the pages and endpoints that show such
/// content call this.
/// </summary>
public static class ConfidentialReads
{
    public static async Task RecordAsync<T>(StillasDb db, AccessScope scope, int parentId, IEnumerable<int> ids, string where, CancellationToken ct)
        where T : IConfidential
    {
        var list = string.Join(",", ids);
        if (list.Length == 0) return; // nothing confidential was shown
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Clock.GetUtcNow(), ActorPersonId = scope.PersonId, ActorName = scope.ActorName.Length > 200 ? scope.ActorName[..200] : scope.ActorName,
            OwnerId = null, EntityType = AuditPolicy.ReadEntityType(typeof(T)), EntityId = parentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditAction.Read,
            Changes = JsonSerializer.Serialize(new Dictionary<string, string?[]> { ["Notes"] = [null, list.Length > 3000 ? list[..3000] : list], ["Where"] = [null, where] }),
        });
        await db.SaveChangesAsync(ct);
    }
}
