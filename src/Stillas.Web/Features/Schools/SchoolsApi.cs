using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Schools;

public static class SchoolsApi
{
    public sealed record SchoolDto(int Id, int OwnerId, string OwnerName, string Name, string OrganisationNumber, SchoolLevel Level, int FirstGrade, int LastGrade, int Pupils, bool Active, int Version);

    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/schools").WithTags("Skoler").RequireAuthorization();

        group.MapGet("/", async (StillasDb db, string? q, int? ownerId, SchoolLevel? level, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var number = Math.Max(1, page ?? 1);
            var query = db.VisibleSchools().AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q)) query = query.Where(s => s.Name.ToLower().Contains(q.Trim().ToLower()) || s.OrganisationNumber == q.Trim());
            if (ownerId is int o) query = query.Where(s => s.OwnerId == o);
            if (level is SchoolLevel l) query = query.Where(s => s.Level == l);
            if (active is bool a) query = query.Where(s => s.Active == a);
            var total = await query.CountAsync(ct);
            var items = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((number - 1) * size).Take(size)
                .Select(s => new SchoolDto(s.Id, s.OwnerId, s.Owner!.Name, s.Name, s.OrganisationNumber, s.Level, s.FirstGrade, s.LastGrade, s.Pupils, s.Active, s.Version))
                .ToListAsync(ct);
            return TypedResults.Ok(new Paged<SchoolDto>(items, number, size, total));
        }).WithName("ListSchools");

        group.MapGet("/{id:int}", async Task<Results<Ok<SchoolDto>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            var dto = await db.Schools.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new SchoolDto(s.Id, s.OwnerId, s.Owner!.Name, s.Name, s.OrganisationNumber, s.Level, s.FirstGrade, s.LastGrade, s.Pupils, s.Active, s.Version))
                .SingleOrDefaultAsync(ct);
            return dto is null ? ApiSupport.NotFoundProblem() : TypedResults.Ok(dto);
        }).WithName("GetSchool");

        group.MapPost("/", async Task<Results<Created<SchoolDto>, ValidationProblem, ProblemHttpResult>> (SchoolInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ManageSchools)) return ApiSupport.Forbidden();
            if (input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageSchools, ownerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: L.T("Skolen kunne ikke lagres."));
            var errors = await input.CheckAsync(db, null, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Skolen kunne ikke lagres."));
            var school = new School { Name = "", OrganisationNumber = "" };
            input.Apply(school);
            db.Schools.Add(school);
            await db.SaveChangesAsync(ct);
            var ownerName = await db.Owners.Where(o => o.Id == school.OwnerId).Select(o => o.Name).SingleAsync(ct);
            return TypedResults.Created($"/api/v1/schools/{school.Id}", ToDto(school, ownerName));
        }).WithName("CreateSchool");

        group.MapPut("/{id:int}", async Task<Results<Ok<SchoolDto>, ValidationProblem, ProblemHttpResult>> (int id, SchoolInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var school = await db.Schools.Include(s => s.Owner).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (school is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageSchools, school.OwnerId)) return ApiSupport.Forbidden();
            if (input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageSchools, ownerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: L.T("Skolen kunne ikke lagres."));
            var errors = await input.CheckAsync(db, id, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Skolen kunne ikke lagres."));
            db.Expect(school, input.Version);
            input.Apply(school);
            await db.SaveChangesAsync(ct);
            var ownerName = await db.Owners.Where(o => o.Id == school.OwnerId).Select(o => o.Name).SingleAsync(ct);
            return TypedResults.Ok(ToDto(school, ownerName));
        }).WithName("UpdateSchool");

        // Schools are deactivated, never deleted: programmes and history refer to them.
        group.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var school = await db.Schools.SingleOrDefaultAsync(s => s.Id == id, ct);
            if (school is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageSchools, school.OwnerId)) return ApiSupport.Forbidden();
            school.Active = false;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("DeactivateSchool");

        return app;
    }

    private static SchoolDto ToDto(School s, string ownerName) =>
        new(s.Id, s.OwnerId, ownerName, s.Name, s.OrganisationNumber, s.Level, s.FirstGrade, s.LastGrade, s.Pupils, s.Active, s.Version);
}
