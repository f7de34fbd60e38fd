using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Features.Programmes.Timeline;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>Session 1 opens with the final assessment report's questions for reflection (seed 000 § 3.3).</summary>
public sealed class AssessmentReflectionSource : IReflectionQuestionSource
{
    public async Task<IReadOnlyList<string>> QuestionsAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var groups = await AssessmentReports.ReflectionQuestionsAsync(db, programmeId, ct);
        return [.. groups.SelectMany(g => g.Questions.Select(q => $"{g.Sign}: {q}"))];
    }
}

/// <summary>The assessment report on the programme's timeline: when it became final and to whom it was presented.</summary>
public sealed class AssessmentTimelineSource : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(StillasDb db, ProgrammeHead programme, CancellationToken ct)
    {
        // Drafts are the team's: the timeline shows only what the school, the team and the owner may all read.
        var report = await db.AssessmentReports.AsNoTracking()
            .Where(r => r.ProgrammeId == programme.Id && r.Status != ReportStatus.Draft)
            .Select(r => new { r.FinalAt, r.FinalBy, Presentations = r.Presentations.OrderBy(p => p.Date).Select(p => new { p.Audience, p.Date }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (report is null) return [];
        var link = $"/Programmes/Assessment/Report/{programme.Id}";
        var events = new List<TimelineEvent>();
        if (report.FinalAt is { } final)
            events.Add(new TimelineEvent(NorwegianTime.ToOslo(final).DateTime, true, L.T("Vurderingsdager"), L.T("Vurderingsrapporten er endelig"),
                report.FinalBy is null ? null : L.T("Gjort endelig av {0}", report.FinalBy), link));
        foreach (var p in report.Presentations)
            events.Add(new TimelineEvent(p.Date.ToDateTime(TimeOnly.MinValue), false, L.T("Vurderingsdager"), L.T("Rapporten lagt fram: {0}", AssessmentRules.Label(p.Audience)), null, link));
        return events;
    }
}
