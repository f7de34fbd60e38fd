using Microsoft.Extensions.DependencyInjection;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>
/// Deletes kept notes when the owner's retention period has run out, and any note not kept of a final
/// report. Runs at start and then every hour on the injected clock; <see cref="RunOnceAsync"/> is what
/// the tests call with a clock moved forward.
/// </summary>
public sealed class NoteRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NoteRetentionJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Platform.Data.DatabaseReadiness.WaitAsync(scopes, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await RunOnceAsync(scopes, clock, stoppingToken);
                if (deleted > 0) log.LogInformation("Deleted {Count} assessment notes past their retention.", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Deleting assessment notes past their retention failed; trying again in {Interval}.", Interval);
            }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        return await AssessmentService.PurgeAsync(db, ProgrammePlanning.Today(clock), ct);
    }
}
