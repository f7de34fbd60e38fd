using Microsoft.AspNetCore.Http.HttpResults;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Timeline;

public static class TimelineApi
{
    /// <summary>The programme's own events (plan, start-up, documents, agreement, sessions); other areas add their sources.</summary>
    public static IServiceCollection AddTimeline(this IServiceCollection services) =>
        services.AddSingleton<ITimelineSource, CoreTimelineSource>();

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/programmes/{programmeId:int}/timeline", async Task<Results<Ok<List<TimelineEvent>>, ProblemHttpResult>> (int programmeId, StillasDb db, IEnumerable<ITimelineSource> sources, CancellationToken ct) =>
        {
            var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(await TimelineService.EventsAsync(db, sources, p, ct));
        }).WithTags("Tidslinje").RequireAuthorization().WithName("GetProgrammeTimeline");
        return app;
    }
}
