using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Audit;

/// <summary>
/// One page of the audit log, newest first, paged by key (<c>Id &lt; before</c>): no OFFSET and no
/// count over the whole table, so the page costs the same on the first and the thousandth page.
/// Visibility is the AuditEntry access filter's (an owner's administrators see their own owner's entries).
/// </summary>
public static class AuditLog
{
    public sealed record Filter(long? Before = null, string? EntityType = null, string? Actor = null, DateOnly? From = null, DateOnly? To = null);

    public static async Task<(List<AuditEntry> Items, long? NextBefore)> PageAsync(StillasDb db, Filter filter, int size, CancellationToken ct)
    {
        var query = Between(db, filter.From, filter.To).AsNoTracking();
        if (filter.Before is long before) query = query.Where(a => a.Id < before);
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(a => a.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim().ToLower();
            query = query.Where(a => a.ActorName.ToLower().Contains(actor));
        }
        // One row more than the page tells whether there is an older page, without counting.
        var items = await query.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(ct);
        if (items.Count <= size) return (items, null);
        items.RemoveAt(size);
        return (items, items[^1].Id);
    }

    /// <summary>Entries from the start of <paramref name="from"/> to the end of <paramref name="to"/>, both days in Europe/Oslo.</summary>
    private static IQueryable<AuditEntry> Between(StillasDb db, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is null) return db.AuditEntries;
        // Dates are bounded where they are typed (BoundedInput); the ends of the calendar still must not throw here.
        var start = from is DateOnly f && f.Year > 1 ? StartOfDay(f) : DateTimeOffset.MinValue;
        var end = to is DateOnly t && t.Year < 9999 ? StartOfDay(t.AddDays(1)) : DateTimeOffset.MaxValue;
        var query = db.AuditEntries.AsQueryable();
        if (from is not null) query = query.Where(a => a.At >= start);
        if (to is not null) query = query.Where(a => a.At < end);
        return query;
    }

    private static DateTimeOffset StartOfDay(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), NorwegianTime.Oslo), TimeSpan.Zero);
}
