using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Teams;

public static class TeamsApi
{
    public sealed record TeamSummaryDto(int Id, int OwnerId, string OwnerName, string Name, int CapacityPerSchoolYear, int Members, bool Active);
    public sealed record MemberDto(int Id, int PersonId, string Name, TeamRole Role, string RoleName, DateOnly? From, DateOnly? To);
    public sealed record TeamDto(int Id, int OwnerId, string OwnerName, string Name, string? Description, int CapacityPerSchoolYear, bool Active,
        IReadOnlyList<MemberDto> Members, IReadOnlyList<TeamRole> MissingRoles, int Version);

    // A property, not a constant: the title is read in the request's language.
    private static string NotSaved => L.T("Veilederteamet kunne ikke lagres.");

    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Veilederteam").RequireAuthorization();

        group.MapGet("/", async (StillasDb db, TimeProvider clock, string? q, int? ownerId, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var number = Math.Max(1, page ?? 1);
            var today = TeamRules.Today(clock);
            var query = db.Teams.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q)) query = query.Where(t => t.Name.ToLower().Contains(q.Trim().ToLower()));
            if (ownerId is int o) query = query.Where(t => t.OwnerId == o);
            if (active is bool a) query = query.Where(t => t.Active == a);
            var total = await query.CountAsync(ct);
            var items = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).Skip((number - 1) * size).Take(size)
                .Select(t => new TeamSummaryDto(t.Id, t.OwnerId, t.Owner!.Name, t.Name, t.CapacityPerSchoolYear,
                    t.Members.Count(m => (m.From == null || m.From <= today) && (m.To == null || m.To >= today)), t.Active))
                .ToListAsync(ct);
            return TypedResults.Ok(new Paged<TeamSummaryDto>(items, number, size, total));
        }).WithName("ListTeams");

        group.MapGet("/{id:int}", async Task<Results<Ok<TeamDto>, ProblemHttpResult>> (int id, StillasDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var dto = await LoadAsync(db, id, TeamRules.Today(clock), ct);
            return dto is null ? ApiSupport.NotFoundProblem() : TypedResults.Ok(dto);
        }).WithName("GetTeam");

        group.MapPost("/", async Task<Results<Created<TeamDto>, ValidationProblem, ProblemHttpResult>> (TeamInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ManageTeams)) return ApiSupport.Forbidden();
            // Authorise before validating: a caller learns nothing about an owner it may not manage.
            if (input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageTeams, ownerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotSaved);
            var errors = await input.CheckAsync(db, null, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            var team = new GuidanceTeam { Name = "" };
            input.Apply(team);
            db.Teams.Add(team);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/teams/{team.Id}", (await LoadAsync(db, team.Id, TeamRules.Today(clock), ct))!);
        }).WithName("CreateTeam");

        group.MapPut("/{id:int}", async Task<Results<Ok<TeamDto>, ValidationProblem, ProblemHttpResult>> (int id, TeamInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (team is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return ApiSupport.Forbidden();
            // A different owner is refused by CheckAsync: a team stays with its owner.
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotSaved);
            var errors = await input.CheckAsync(db, team, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            db.Expect(team, input.Version);
            input.Apply(team);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok((await LoadAsync(db, id, TeamRules.Today(clock), ct))!);
        }).WithName("UpdateTeam");

        // Teams are deactivated, never deleted: programmes and history refer to them.
        group.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (team is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return ApiSupport.Forbidden();
            team.Active = false;
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("DeactivateTeam");

        group.MapPost("/{id:int}/members", async Task<Results<Created<MemberDto>, ValidationProblem, ProblemHttpResult>> (int id, MemberInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            if (team is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageTeams, team.OwnerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: L.T("Medlemmet kunne ikke legges til."));
            var errors = await input.CheckAsync(db, team, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Medlemmet kunne ikke legges til."));
            var member = input.ToMember(team);
            db.TeamMembers.Add(member);
            await db.SaveChangesAsync(ct);
            var name = await db.People.Where(p => p.Id == member.PersonId).Select(p => p.Name).SingleAsync(ct);
            return TypedResults.Created($"/api/v1/teams/{id}/members/{member.Id}",
                new MemberDto(member.Id, member.PersonId, name, member.Role, TeamMember.RoleName(member.Role), member.From, member.To));
        }).WithName("AddTeamMember");

        group.MapDelete("/{id:int}/members/{memberId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int memberId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var member = await db.TeamMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.TeamId == id, ct);
            if (member is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageTeams, member.OwnerId)) return ApiSupport.Forbidden();
            db.TeamMembers.Remove(member);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("RemoveTeamMember");

        return app;
    }

    private static async Task<TeamDto?> LoadAsync(StillasDb db, int id, DateOnly today, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { t.Id, t.OwnerId, Owner = t.Owner!.Name, t.Name, t.Description, t.CapacityPerSchoolYear, t.Active, t.Version })
            .SingleOrDefaultAsync(ct);
        if (team is null) return null;
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.Person!.Name)
            .Select(m => new { m.Id, m.PersonId, m.Person!.Name, m.Role, m.From, m.To })
            .ToListAsync(ct);
        return new TeamDto(team.Id, team.OwnerId, team.Owner, team.Name, team.Description, team.CapacityPerSchoolYear, team.Active,
            members.Select(m => new MemberDto(m.Id, m.PersonId, m.Name, m.Role, TeamMember.RoleName(m.Role), m.From, m.To)).ToList(),
            TeamRules.MissingRoles(members.Select(m => (m.Role, m.From, m.To)), today), team.Version);
    }
}
