using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// A programme's summary as lists, start pages and the API show it: the phase it is in now (the phase
/// of the first step, in the model's order, whose last day has not passed: the phase the school is
/// working towards; the last phase when every step has passed), the next step still to do, and how
/// many steps are overdue (only while the programme is active).
/// <para>
/// These depend on today and on every step, so computing them per read costs six correlated
/// subqueries per programme (SQLite prepares and runs them on every request). They are kept on the
/// programme row instead, valid for <see cref="GuidanceProgramme.SummaryDate"/>: a change to a step
/// computes it again in the same save (<see cref="StillasDb"/>), and <see cref="ProgrammeSummaryJob"/>
/// computes every programme's again when the day changes: a page that reads it never writes.
/// </para>
/// </summary>
public static class ProgrammeSummaries
{
    /// <summary>The stored summary columns (valid for <see cref="ProgrammeSummary.SummaryDate"/>).</summary>
    public static IQueryable<ProgrammeSummary> Summaries(this IQueryable<GuidanceProgramme> programmes, StillasDb db) =>
        programmes.Select(p => new ProgrammeSummary
        {
            Id = p.Id,
            OwnerId = p.OwnerId,
            SchoolId = p.SchoolId,
            School = p.School!.Name,
            TeamId = p.TeamId,
            // A school's people may see the programme without seeing the team: a subquery, not a join that would drop the row.
            Team = db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault(),
            SchoolYear = p.SchoolYear,
            TemplateName = p.TemplateName,
            TemplateVersion = p.TemplateVersion,
            StartDate = p.StartDate,
            Status = p.Status,
            PhaseOrder = p.PhaseOrder,
            PhaseKey = p.PhaseKey,
            PhaseName = p.PhaseName,
            NextTitle = p.NextStepTitle,
            NextDate = p.NextStepDate,
            NextId = p.NextStepId,
            NextKind = p.NextStepKind,
            NextKey = p.NextStepKey,
            Overdue = p.Status == ProgrammeStatus.Active ? p.OverdueSteps : 0,
            SummaryDate = p.SummaryDate,
        });

    /// <summary>Brings every programme of the query up to <paramref name="today"/> (the daily job, <see cref="ProgrammeSummaryJob"/>).</summary>
    public static async Task RefreshStaleAsync(IQueryable<GuidanceProgramme> programmes, StillasDb db, DateOnly today, CancellationToken ct)
    {
        var stale = await programmes.Where(p => p.SummaryDate == null || p.SummaryDate != today).Select(p => p.Id).ToArrayAsync(ct);
        // Large sets (a generated national database on its first day) in chunks that keep the id list short.
        foreach (var chunk in stale.Chunk(500)) await RefreshAsync(db, chunk, today, ct);
    }

    /// <summary>Computes the summary of these programmes for <paramref name="today"/> from all their steps, whoever asks.</summary>
    public static Task<int> RefreshAsync(StillasDb db, int[] programmeIds, DateOnly today, CancellationToken ct) =>
        // The summary is the programme's own, not the reader's: no access filter on the steps.
        db.ProgrammesForSummary(programmeIds).ExecuteUpdateAsync(u => u
            // One ordering serves "the first step not yet passed, else the last step": upcoming steps first
            // in model order, then passed ones from the last.
            .SetProperty(p => p.PhaseOrder, p => p.Steps
                .OrderBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? 0 : 1)
                .ThenBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? s.Order : -s.Order)
                .Select(s => (int?)s.Order).FirstOrDefault() ?? 0)
            .SetProperty(p => p.PhaseKey, p => p.Steps
                .OrderBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? 0 : 1)
                .ThenBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? s.Order : -s.Order)
                .Select(s => s.PhaseKey).FirstOrDefault())
            .SetProperty(p => p.PhaseName, p => p.Steps
                .OrderBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? 0 : 1)
                .ThenBy(s => s.Status != StepStatus.Cancelled && (s.EndDate ?? s.Date) >= today ? s.Order : -s.Order)
                .Select(s => s.PhaseName).FirstOrDefault())
            .SetProperty(p => p.NextStepTitle, p => p.Steps
                .Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Select(s => s.Title).FirstOrDefault())
            .SetProperty(p => p.NextStepDate, p => p.Steps
                .Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Select(s => (DateOnly?)s.Date).FirstOrDefault())
            .SetProperty(p => p.NextStepId, p => p.Steps
                .Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Select(s => (int?)s.Id).FirstOrDefault())
            .SetProperty(p => p.NextStepKind, p => p.Steps
                .Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Select(s => (StepKind?)s.Kind).FirstOrDefault())
            .SetProperty(p => p.NextStepKey, p => p.Steps
                .Where(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) >= today)
                .OrderBy(s => s.Date).ThenBy(s => s.Order).Select(s => s.Key).FirstOrDefault())
            .SetProperty(p => p.OverdueSteps, p => p.Steps
                .Count(s => (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved) && (s.EndDate ?? s.Date) < today))
            .SetProperty(p => p.SummaryDate, today), ct);
}

/// <summary>
/// Keeps the stored summaries true when only the day changes: at start and every few minutes it computes those
/// whose date is not today's (in Oslo), so the first page after midnight reads today's phase without writing.
/// </summary>
public sealed class ProgrammeSummaryJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProgrammeSummaryJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The start made them today's (DatabaseSetup.MigrateAndSeedAsync).
        if (!await Platform.Data.DatabaseReadiness.WaitAsync(scopes, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, clock, stoppingToken);
            try { await RunOnceAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Programme summaries were not refreshed; trying again in {Interval}.", Interval); }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Platform.Access.CurrentScope>().Scope = Platform.Access.AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        await ProgrammeSummaries.RefreshStaleAsync(db.Programmes, db, ProgrammePlanning.Today(clock), ct);
    }
}

public static class ProgrammesSetup
{
    /// <summary>The programme area's services: the job that keeps the stored summaries today's.</summary>
    public static IServiceCollection AddProgrammes(this IServiceCollection services) => services.AddHostedService<ProgrammeSummaryJob>();
}
