using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Evaluation;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.FollowUp;

/// <summary>The programme page's "Oppfølging og evaluering": the follow-up meeting's record and the owner's yearly evaluations that cover the programme.</summary>
public sealed class FollowUpSummary(StillasDb db) : ViewComponent
{
    public sealed record Summary(int ProgrammeId, int OwnerId, FollowUpMeeting? Record, List<(SchoolYear Year, DateOnly StepDate, YearlyEvaluation? Record)> Evaluations);

    /// <param name="evaluationDates">The evaluation meetings' dates from the page's own plan, when it has read it.</param>
    public async Task<IViewComponentResult> InvokeAsync(int programmeId, int ownerId, IReadOnlyList<DateOnly>? evaluationDates)
    {
        var ct = HttpContext.RequestAborted;
        var record = await db.Set<FollowUpMeeting>().AsNoTracking().SingleOrDefaultAsync(m => m.ProgrammeId == programmeId, ct);
        var evaluations = await YearlyEvaluations.ForProgrammeAsync(db, programmeId, ownerId, ct, evaluationDates);
        return View("~/Features/Programmes/FollowUp/_FollowUp.cshtml", new Summary(programmeId, ownerId, record, evaluations));
    }
}
