using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Account;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Web;
using Stillas.Web.Platform.Text;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Web.Features.People;

public static class PeopleApi
{
    /// <param name="Language">The person's language: "nb", "nn", "en", or null for the browser's.</param>
    /// <param name="Version">The person's concurrency token: send it back with PUT, and a save based on an older one gets 409.</param>
    public sealed record PersonDto(int Id, int? OwnerId, string? OwnerName, string Name, string Email, string? Phone, string? Title, bool Active, string? Language, int Version);
    public sealed record MembershipDto(int Id, Role Role, string RoleName, int? OwnerId, int? SchoolId, string? SchoolName, int? UniversityId, bool Active);
    public sealed record TeamMembershipDto(int TeamId, string TeamName, TeamRole Role, DateOnly? From, DateOnly? To);
    public sealed record PersonDetailsDto(PersonDto Person, IReadOnlyList<MembershipDto> Memberships, IReadOnlyList<TeamMembershipDto> Teams);

    private static string NotSaved => L.T("Personen kunne ikke lagres.");
    /// <summary>The list counts at most this many people ("total" is then this number and "totalCapped" true).</summary>
    public const int MaxCount = 10_000;

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        // Validation runs in the handlers (ApiSupport.Validate), after the access checks and with the same
        // camelCase keys and Norwegian title as the domain rules, instead of .NET's automatic filter.
        var group = app.MapGroup("/api/v1/people").WithTags("Personer").RequireAuthorization();

        group.MapGet("/", async Task<Results<Ok<Paged<PersonDto>>, ProblemHttpResult>> (StillasDb db, CurrentScope current, string? q, int? ownerId, Role? role, int? schoolId, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ViewPeople)) return ApiSupport.Forbidden();
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var number = Math.Max(1, page ?? 1);
            var text = q?.Trim().ToLower();
            var query = (await db.VisiblePeopleAsync(ct, query =>
            {
                if (!string.IsNullOrEmpty(text)) query = query.Where(p => p.Name.ToLower().Contains(text) || p.Email.ToLower().Contains(text));
                if (ownerId is int o) query = query.Where(p => p.OwnerId == o || p.Memberships.Any(m => m.Active && m.OwnerId == o));
                if (role is not null || schoolId is not null)
                    query = query.Where(p => p.Memberships.Any(m => m.Active && (role == null || m.Role == role) && (schoolId == null || m.SchoolId == schoolId)));
                if (active is bool a) query = query.Where(p => p.Active == a);
                return query;
            })).AsNoTracking();
            // A national administrator sees 90,000 people: count no further than the cap (docs/performance.md).
            var (total, capped) = await query.CountCappedAsync(MaxCount, ct);
            var items = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size)
                .Select(p => new PersonDto(p.Id, p.OwnerId, p.Owner == null ? null : p.Owner.Name, p.Name, p.Email, p.Phone, p.Title, p.Active, p.Language, p.Version))
                .ToListAsync(ct);
            return TypedResults.Ok(new Paged<PersonDto>(items, number, size, total, capped));
        }).WithName("ListPeople");

        group.MapGet("/{id:int}", async Task<Results<Ok<PersonDetailsDto>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            var details = await DetailsAsync(db, id, ct);
            return details is null ? ApiSupport.NotFoundProblem() : TypedResults.Ok(details);
        }).WithName("GetPerson");

        group.MapPost("/", async Task<Results<Created<PersonDetailsDto>, ValidationProblem, ProblemHttpResult>> (InviteInput input, StillasDb db, CurrentScope current, UserManager<AccountEntity> users, AccountLinks links, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ManagePeople)) return ApiSupport.Forbidden();
            // Authorise before validating: a caller learns nothing about an owner it may not manage.
            if (input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManagePeople, ownerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotSaved);
            var (person, errors) = await PersonAccounts.InviteAsync(db, users, links, current.Scope, input, ct);
            if (person is null) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            return TypedResults.Created($"/api/v1/people/{person.Id}", (await DetailsAsync(db, person.Id, ct))!);
        }).WithName("InvitePerson");

        group.MapPut("/{id:int}", async Task<Results<Ok<PersonDetailsDto>, ValidationProblem, ProblemHttpResult>> (int id, PersonInput input, StillasDb db, CurrentScope current, UserManager<AccountEntity> users, Outbox outbox, CancellationToken ct) =>
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (person is null) return ApiSupport.NotFoundProblem();
            if (!PersonAccess.CanManage(current.Scope, person.OwnerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotSaved);
            var errors = await PersonAccounts.UpdateAsync(db, users, outbox, current.Scope, person, input, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            return TypedResults.Ok((await DetailsAsync(db, id, ct))!);
        }).WithName("UpdatePerson");

        // People are deactivated, never deleted: roles, teams and the audit log refer to them.
        group.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, UserSessions sessions, CancellationToken ct) =>
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (person is null) return ApiSupport.NotFoundProblem();
            if (!PersonAccess.CanManage(current.Scope, person.OwnerId)) return ApiSupport.Forbidden();
            if (person.Id == current.Scope.PersonId)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Du kan ikke deaktivere deg selv."));
            person.Active = false;
            await db.SaveChangesAsync(ct);
            await sessions.EndAllOfPersonAsync(db, id, SessionEnd.Deactivated, ct);
            return TypedResults.NoContent();
        }).WithName("DeactivatePerson");

        group.MapPost("/{id:int}/memberships", async Task<Results<Created<MembershipDto>, ValidationProblem, ProblemHttpResult>> (int id, MembershipInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (person is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManagePeople)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: L.T("Rollen kunne ikke gis."));
            var (grant, errors) = await input.CheckAsync(db, current.Scope, id, ct);
            if (grant is null) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Rollen kunne ikke gis."));
            var membership = grant.ToMembership(person);
            db.Memberships.Add(membership);
            await db.SaveChangesAsync(ct);
            var dto = await db.Memberships.AsNoTracking().Where(m => m.Id == membership.Id).Select(ToDto).SingleAsync(ct);
            return TypedResults.Created($"/api/v1/people/{id}/memberships/{membership.Id}", dto);
        }).WithName("AddMembership");

        group.MapDelete("/{id:int}/memberships/{membershipId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int membershipId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.PersonId == id, ct);
            if (membership is null) return ApiSupport.NotFoundProblem();
            if (!MembershipRules.CanManage(current.Scope, membership.Role, membership.OwnerId)) return ApiSupport.Forbidden();
            if (membership.PersonId == current.Scope.PersonId && membership.Role is Role.SystemAdmin or Role.OwnerAdmin)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Du kan ikke fjerne din egen administratorrolle."));
            membership.Active = false;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("RemoveMembership");

        return app;
    }

    private static readonly System.Linq.Expressions.Expression<Func<Membership, MembershipDto>> ToDto = m =>
        new MembershipDto(m.Id, m.Role, "", m.OwnerId, m.SchoolId, m.School == null ? null : m.School.Name, m.UniversityId, m.Active);

    /// <summary>The person with the roles and teams the caller may see; null when the person is not visible.</summary>
    private static async Task<PersonDetailsDto?> DetailsAsync(StillasDb db, int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonDto(p.Id, p.OwnerId, p.Owner == null ? null : p.Owner.Name, p.Name, p.Email, p.Phone, p.Title, p.Active, p.Language, p.Version))
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.PersonId == id).OrderBy(m => m.Role).ThenBy(m => m.Id).Select(ToDto).ToListAsync(ct);
        var teams = await db.TeamMembers.AsNoTracking().Where(t => t.PersonId == id).OrderBy(t => t.Team!.Name)
            .Select(t => new TeamMembershipDto(t.TeamId, t.Team!.Name, t.Role, t.From, t.To)).ToListAsync(ct);
        return new PersonDetailsDto(person, memberships.Select(m => m with { RoleName = Roles.Name(m.Role) }).ToList(), teams);
    }
}
