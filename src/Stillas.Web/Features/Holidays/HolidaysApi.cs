using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Holidays;

/// <summary>/api/v1/holidays: the owners' school holidays, which the progress planner keeps every step off.</summary>
public static class HolidaysApi
{
    public sealed record HolidayDto(int Id, int OwnerId, string SchoolYear, SchoolHolidayKind Kind, string KindName, string Name, DateOnly Start, DateOnly End);

    private static string HolidayNotSaved => Platform.Text.L.T("Skoleferien kunne ikke lagres.");

    public static IEndpointRouteBuilder MapHolidaysApi(this IEndpointRouteBuilder app)
    {
        var holidays = app.MapGroup("/api/v1/holidays").WithTags("Skoleferier").RequireAuthorization();

        holidays.MapGet("/", async (StillasDb db, int? ownerId, string? schoolYear, CancellationToken ct) =>
        {
            var query = db.SchoolHolidays.AsNoTracking();
            if (ownerId is int o) query = query.Where(h => h.OwnerId == o);
            if (SchoolYear.TryParse(schoolYear, out var year)) { var y = year.ToString(); query = query.Where(h => h.SchoolYear == y); }
            var rows = await query.OrderBy(h => h.OwnerId).ThenBy(h => h.Start).ThenBy(h => h.Id).Take(2000).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(ToDto).ToList());
        }).WithName("ListSchoolHolidays");

        holidays.MapPost("/", async Task<Results<Created<HolidayDto>, ValidationProblem, ProblemHttpResult>> (HolidayInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ManageProgrammes)) return ApiSupport.Forbidden();
            if (input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageProgrammes, ownerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: HolidayNotSaved);
            var errors = await input.CheckAsync(db, null, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: HolidayNotSaved);
            var holiday = new SchoolHolidayPeriod { SchoolYear = "", Name = "" };
            input.Apply(holiday);
            db.SchoolHolidays.Add(holiday);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/holidays/{holiday.Id}", ToDto(holiday));
        }).WithName("CreateSchoolHoliday");

        // Programmes already planned keep their dates: a changed holiday never moves a step by itself.
        holidays.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var holiday = await db.SchoolHolidays.SingleOrDefaultAsync(h => h.Id == id, ct);
            if (holiday is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageProgrammes, holiday.OwnerId)) return ApiSupport.Forbidden();
            db.SchoolHolidays.Remove(holiday);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("DeleteSchoolHoliday");

        return app;
    }

    private static HolidayDto ToDto(SchoolHolidayPeriod h) =>
        new(h.Id, h.OwnerId, h.SchoolYear, h.Kind, SchoolHolidayPeriod.KindName(h.Kind), h.Name, h.Start, h.End);
}
