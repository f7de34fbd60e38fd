using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Platform.Mail;

/// <summary>
/// Part of /health/ready: <c>Degraded</c> (still HTTP 200, the instance serves) while mail is not getting out —
/// a message marked "ikke levert", or an unsent one that is more than an hour late: due over an hour ago (no
/// dispatcher is sending) or queued over an hour ago and still being retried (the SMTP server refuses or is down).
/// A monitor that watches the status sees it long before anyone misses an invitation.
/// </summary>
public sealed class OutboxHealthCheck(StillasDb db, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Late = TimeSpan.FromHours(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - Late;
        // One query over the unsent rows only (the SentAt, DueAt index; they are few): /health/ready is also the
        // benchmarks' baseline, so it stays one round trip more than the database check, no more.
        var stuck = await db.Outbox.AsNoTracking()
            .AnyAsync(m => m.SentAt == null && (m.FailedAt != null || m.DueAt < cutoff || (m.Attempts > 0 && m.CreatedAt < cutoff)), ct);
        if (stuck) return HealthCheckResult.Degraded("E-post ble ikke levert, eller er mer enn en time forsinket (se /Mail/Undelivered).");
        return HealthCheckResult.Healthy();
    }
}
