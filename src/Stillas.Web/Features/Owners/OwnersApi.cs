using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Owners;

public static class OwnersApi
{
    public sealed record OwnerDto(int Id, string Name, OwnerKind Kind, string KindName, string OrganisationNumber, bool Active, int Version);

    private static string NotSaved => L.T("Skoleeieren kunne ikke lagres.");

    public static IEndpointRouteBuilder MapOwnersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/owners").WithTags("Skoleeiere").RequireAuthorization();

        group.MapGet("/", async (StillasDb db, string? q, OwnerKind? kind, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var number = Math.Max(1, page ?? 1);
            var query = db.Owners.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q))
            {
                var digits = OrganisationNumber.Normalise(q);
                query = query.Where(o => o.Name.ToLower().Contains(q.Trim().ToLower()) || o.OrganisationNumber == digits);
            }
            if (kind is OwnerKind k) query = query.Where(o => o.Kind == k);
            if (active is bool a) query = query.Where(o => o.Active == a);
            var total = await query.CountAsync(ct);
            var rows = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
            return TypedResults.Ok(new Paged<OwnerDto>(rows.Select(ToDto).ToList(), number, size, total));
        }).WithName("ListOwners");

        group.MapGet("/{id:int}", async Task<Results<Ok<OwnerDto>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            var owner = await db.Owners.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            return owner is null ? ApiSupport.NotFoundProblem() : TypedResults.Ok(ToDto(owner));
        }).WithName("GetOwner");

        group.MapPost("/", async Task<Results<Created<OwnerDto>, ValidationProblem, ProblemHttpResult>> (OwnerInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ManageSystem)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotSaved);
            var errors = await input.CheckAsync(db, null, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            var owner = new SchoolOwner { Name = "", OrganisationNumber = "" };
            input.Apply(owner);
            db.Owners.Add(owner);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/owners/{owner.Id}", ToDto(owner));
        }).WithName("CreateOwner");

        group.MapPut("/{id:int}", async Task<Results<Ok<OwnerDto>, ValidationProblem, ProblemHttpResult>> (int id, OwnerInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var owner = await db.Owners.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (owner is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageOwner, owner.Id)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotSaved);
            var errors = await input.CheckAsync(db, id, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            db.Expect(owner, input.Version);
            input.Apply(owner);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ToDto(owner));
        }).WithName("UpdateOwner");

        return app;
    }

    private static OwnerDto ToDto(SchoolOwner o) => new(o.Id, o.Name, o.Kind, SchoolOwner.KindName(o.Kind), o.OrganisationNumber, o.Active, o.Version);
}
