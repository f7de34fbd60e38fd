using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Selection;

/// <summary>
/// Selection rounds and their candidate schools. Every write authorises first (the owner's permission),
/// then validates the body, so a caller learns nothing about data it may not change.
/// </summary>
public static class SelectionApi
{
    public sealed record RoundDto(int Id, int OwnerId, string OwnerName, string SchoolYear, string Title, DateOnly AgreementDeadline,
        RoundStatus Status, string StatusName, int Candidates, DateTimeOffset CreatedAt, int Version);

    public sealed record CandidateDto(int Id, int RoundId, int SchoolId, string SchoolName, string SchoolYear, string Reason,
        ReasonSource ReasonSource, string ReasonSourceName, DateOnly? FirstTalkDate, string? FirstTalkNotes,
        CandidateDecision Decision, string DecisionName, string? DecisionNote, DateTimeOffset? DecidedAt, int? TeamId, string? TeamName,
        int Version, IReadOnlyList<string> Warnings);

    // Properties, not constants: the titles are read in the request's language.
    private static string RoundNotSaved => L.T("Utvalgsrunden kunne ikke lagres.");
    private static string CandidateNotSaved => L.T("Kandidaten kunne ikke lagres.");

    public static IEndpointRouteBuilder MapSelectionApi(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/api/v1/selection-rounds").WithTags("Utvalg av skoler").RequireAuthorization();

        rounds.MapGet("/", async Task<Results<Ok<Paged<RoundDto>>, ProblemHttpResult>> (StillasDb db, CurrentScope current, int? ownerId, string? schoolYear, int? page, int? pageSize, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.FollowUpSelection)) return ApiSupport.Forbidden();
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var number = Math.Max(1, page ?? 1);
            var query = db.SelectionRounds.AsNoTracking();
            if (ownerId is int o) query = query.Where(r => r.OwnerId == o);
            if (!string.IsNullOrWhiteSpace(schoolYear)) query = query.Where(r => r.SchoolYear == schoolYear.Trim());
            var total = await query.CountAsync(ct);
            var items = await Project(query.OrderByDescending(r => r.SchoolYear).ThenByDescending(r => r.Id).Skip((number - 1) * size).Take(size)).ToListAsync(ct);
            return TypedResults.Ok(new Paged<RoundDto>(items, number, size, total));
        }).WithName("ListSelectionRounds");

        rounds.MapGet("/{id:int}", async Task<Results<Ok<RoundDto>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var dto = await Project(db.SelectionRounds.AsNoTracking().Where(r => r.Id == id)).SingleOrDefaultAsync(ct);
            if (dto is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.FollowUpSelection, dto.OwnerId)) return ApiSupport.Forbidden();
            return TypedResults.Ok(dto);
        }).WithName("GetSelectionRound");

        rounds.MapPost("/", async Task<Results<Created<RoundDto>, ValidationProblem, ProblemHttpResult>> (RoundInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ManageSelection)) return ApiSupport.Forbidden();
            if (input.OwnerId is int ownerId && !current.Scope.Can(Permission.ManageSelection, ownerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: RoundNotSaved);
            input.Status = null;
            var errors = input.Check(null);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: RoundNotSaved);
            var round = new SelectionRound { SchoolYear = "", Title = "" };
            input.Apply(round);
            db.SelectionRounds.Add(round);
            await db.SaveChangesAsync(ct);
            var dto = await Project(db.SelectionRounds.AsNoTracking().Where(r => r.Id == round.Id)).SingleAsync(ct);
            return TypedResults.Created($"/api/v1/selection-rounds/{round.Id}", dto);
        }).WithName("CreateSelectionRound");

        rounds.MapPut("/{id:int}", async Task<Results<Ok<RoundDto>, ValidationProblem, ProblemHttpResult>> (int id, RoundInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var round = await db.SelectionRounds.Include(r => r.Candidates).SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageSelection, round.OwnerId)) return ApiSupport.Forbidden();
            // A different owner is refused by Check: a round stays with its owner.
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: RoundNotSaved);
            var errors = input.Check(round);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: RoundNotSaved);
            db.Expect(round, input.Version);
            input.Apply(round);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await Project(db.SelectionRounds.AsNoTracking().Where(r => r.Id == id)).SingleAsync(ct));
        }).WithName("UpdateSelectionRound");

        rounds.MapGet("/{id:int}/candidates", async Task<Results<Ok<List<CandidateDto>>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var round = await db.SelectionRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.FollowUpSelection, round.OwnerId)) return ApiSupport.Forbidden();
            return TypedResults.Ok(await LoadCandidatesAsync(db, db.SelectionCandidates.Where(c => c.RoundId == id), clock, ct));
        }).WithName("ListSelectionCandidates");

        rounds.MapPost("/{id:int}/candidates", async Task<Results<Created<CandidateDto>, ValidationProblem, ProblemHttpResult>> (int id, NewCandidateInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var round = await db.SelectionRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (round is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageSelection, round.OwnerId)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: CandidateNotSaved);
            var errors = await input.CheckAsync(db, round, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: CandidateNotSaved);
            var candidate = input.ToCandidate(round);
            db.SelectionCandidates.Add(candidate);
            await db.SaveChangesAsync(ct);
            var dto = (await LoadCandidatesAsync(db, db.SelectionCandidates.Where(c => c.Id == candidate.Id), clock, ct)).Single();
            return TypedResults.Created($"/api/v1/selection-candidates/{candidate.Id}", dto);
        }).WithName("AddSelectionCandidate");

        var candidates = app.MapGroup("/api/v1/selection-candidates").WithTags("Utvalg av skoler").RequireAuthorization();

        // The whole follow-up (first talk, decision, team) with the version it starts from. A development
        // advisor may change the first talk only: the decision, its note and the team must be sent unchanged.
        candidates.MapPut("/{id:int}", async Task<Results<Ok<CandidateDto>, ValidationProblem, ProblemHttpResult>> (int id, CandidateInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var candidate = await db.SelectionCandidates.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (candidate is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.FollowUpSelection, candidate.OwnerId)) return ApiSupport.Forbidden();
            if (!current.Scope.Can(Permission.ManageSelection, candidate.OwnerId) && input.ChangesDecision(candidate))
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: L.T("Bare skoleeierens administrator kan endre beslutning og veilederteam."));
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: CandidateNotSaved);
            var errors = await input.CheckAsync(db, candidate, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: CandidateNotSaved);
            if (input.Version != candidate.Version) return Conflict();
            db.Entry(candidate).Property(c => c.Version).OriginalValue = input.Version!.Value;
            input.Apply(candidate, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Conflict();
            }
            return TypedResults.Ok((await LoadCandidatesAsync(db, db.SelectionCandidates.Where(c => c.Id == id), clock, ct)).Single());
        }).WithName("UpdateSelectionCandidate");

        return app;
    }

    private static ProblemHttpResult Conflict() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: L.T("Noen andre har lagret endringer i mellomtiden. Hent kandidaten på nytt og lagre igjen."));

    private static IQueryable<RoundDto> Project(IQueryable<SelectionRound> query) =>
        query.Select(r => new RoundDto(r.Id, r.OwnerId, r.Owner!.Name, r.SchoolYear, r.Title, r.AgreementDeadline, r.Status,
            SelectionRound.StatusName(r.Status), r.Candidates.Count, r.CreatedAt, r.Version));

    private static async Task<List<CandidateDto>> LoadCandidatesAsync(StillasDb db, IQueryable<SelectionCandidate> query, TimeProvider clock, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().OrderBy(c => c.School!.Name)
            .Select(c => new
            {
                c.Id, c.RoundId, c.OwnerId, c.SchoolId, School = c.School!.Name, c.SchoolYear, c.Reason, c.ReasonSource, c.FirstTalkDate, c.FirstTalkNotes,
                c.Decision, c.DecisionNote, c.DecidedAt, c.TeamId, Team = c.Team != null ? c.Team.Name : null, c.Version,
                Deadline = c.Round!.AgreementDeadline, RoundStatus = c.Round.Status,
            })
            .ToListAsync(ct);
        var warnings = await SelectionRules.WarningsAsync(db,
            rows.Select(c => new SelectionRules.CandidateFacts(c.Id, c.OwnerId, c.SchoolId, c.SchoolYear, c.Deadline, c.RoundStatus, c.TeamId, c.Decision, c.FirstTalkDate)).ToList(),
            TeamRules.Today(clock), ct);
        return rows.Select(c => new CandidateDto(c.Id, c.RoundId, c.SchoolId, c.School, c.SchoolYear, c.Reason, c.ReasonSource, SelectionCandidate.SourceName(c.ReasonSource),
            c.FirstTalkDate, c.FirstTalkNotes, c.Decision, SelectionCandidate.DecisionName(c.Decision), c.DecisionNote, c.DecidedAt, c.TeamId, c.Team,
            c.Version, warnings[c.Id].ToList())).ToList();
    }
}
