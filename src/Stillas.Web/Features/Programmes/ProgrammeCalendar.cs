using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// A person's steps as an iCalendar feed at a secret address (no login: calendar apps cannot log in).
/// The feed holds the steps of the running programmes of the person's teams and schools, and for an
/// owner administrator the owner's own steps (first talks, agreements, evaluation meetings), from
/// three months back to two years ahead, as all-day events.
/// </summary>
public static class ProgrammeCalendar
{
    public const string Route = "/calendar/{token}.ics";

    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/calendar/{token}.ics";

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async Task<IResult> (string token, HttpContext http, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            if (await CalendarFeedTokens.PersonOfAsync(db, token, ct) is not int personId) return TypedResults.NotFound();
            var scope = await AccessScopeLoader.LoadAsync(db, personId, ct);
            if (!scope.IsAuthenticated) return TypedResults.NotFound();
            // From here on the query filters read the feed owner's scope, exactly as if they were logged in.
            current.Scope = scope;
            // The feed is the person's own: its texts in the language they chose (the request's when they chose none).
            var language = await db.LanguageOfAsync(personId, ct);
            ICalendarWriter calendar;
            using (language is null ? null : Languages.Use(language))
                calendar = await WriteAsync(db, scope, clock, $"{http.Request.Scheme}://{http.Request.Host}", ct);
            http.Response.Headers.CacheControl = "private, max-age=300";
            http.Response.ContentType = "text/calendar; charset=utf-8";
            await calendar.WriteToAsync(http.Response.BodyWriter, ct);
            return TypedResults.Empty;
        }).AllowAnonymous().WithTags("Kalender").WithName("CalendarFeed").ExcludeFromDescription();
        return app;
    }

    private static async Task<ICalendarWriter> WriteAsync(StillasDb db, AccessScope scope, TimeProvider clock, string baseUrl, CancellationToken ct)
    {
        var today = ProgrammePlanning.Today(clock);
        var (teams, schools, admin) = (scope.TeamIds, scope.SchoolIds, scope.AdminOwnerIds);
        var (from, to) = (today.AddMonths(-3), today.AddYears(2));
        var steps = await db.PlanSteps.AsNoTracking()
            .Where(s => s.Programme!.Status == ProgrammeStatus.Active && s.Status != StepStatus.Cancelled && s.Date >= from && s.Date <= to
                        && (teams.Contains(s.TeamId) || schools.Contains(s.SchoolId) || (s.Responsible == StepResponsible.Owner && admin.Contains(s.OwnerId))))
            .OrderBy(s => s.Date).Take(2000)
            .Select(s => new { s.Id, s.Title, s.Date, s.EndDate, s.PhaseName, s.Responsible, s.ResponsibleNote, s.Status, s.Note, s.Hours, School = s.Programme!.School!.Name })
            .ToListAsync(ct);

        var calendar = new ICalendarWriter("-//Stillas//Veiledningsforløp//NB", L.T("Stillas: {0}", scope.ActorName), clock.GetUtcNow());
        foreach (var s in steps)
        {
            var details = new List<string>
            {
                $"{L.Data(s.PhaseName)} · {ProgrammeText.Label(s.Responsible)}{(s.ResponsibleNote is null ? "" : $" ({s.ResponsibleNote})")} · {ProgrammeText.Label(s.Status)}",
            };
            if (s.Hours is int h) details.Add(L.T("{0} timer", h));
            if (s.Note is not null) details.Add(s.Note);
            var url = $"{baseUrl}/Programmes/Step/{s.Id}";
            details.Add(url);
            // All-day: the plan knows the day, not the hour.
            calendar.AllDay($"stillas-step-{s.Id}", s.Date, s.EndDate ?? s.Date, $"{L.Data(s.Title)} – {s.School}", string.Join("\n", details), url);
        }
        // The assessment days' slots at their hours: all of them for the team, those the school takes part in for the school's people.
        await Assessment.AssessmentCalendar.WriteAsync(calendar, db, teams, schools, from, to, baseUrl, ct);
        return calendar;
    }
}
