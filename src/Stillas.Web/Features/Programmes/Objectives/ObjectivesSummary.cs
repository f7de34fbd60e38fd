using Microsoft.AspNetCore.Mvc;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>The programme page's "Mål og vurdering": each objective's latest colour and date (never the comments), with the way to the list and the rating form.</summary>
public sealed class ObjectivesSummary(StillasDb db, CurrentScope current) : ViewComponent
{
    public sealed record Summary(int ProgrammeId, List<Objectives.Latest> Items, bool CanEdit, bool CanRate);

    public async Task<IViewComponentResult> InvokeAsync(int programmeId, IProgrammeResource programme)
    {
        var items = await Objectives.LatestAsync(db, [programmeId], HttpContext.RequestAborted);
        return View("~/Features/Programmes/Objectives/_Objectives.cshtml",
            new Summary(programmeId, items, Objectives.MayEdit(current.Scope, programme), Objectives.MayRate(current.Scope, programme)));
    }
}
