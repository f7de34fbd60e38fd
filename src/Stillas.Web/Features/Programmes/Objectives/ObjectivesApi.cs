using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>
/// The development area's objectives and their ratings for scripts and integrations, with the pages' rules: the
/// team and the school read a rating's comment, the owner's staff outside the team the colour and the date only.
/// </summary>
public static class ObjectivesApi
{
    /// <param name="Comment">Null for a reader who sees colour and date only.</param>
    public sealed record RatingDto(int Id, ObjectiveColour Colour, string? Comment, RatingOccasion Occasion, int? SessionNumber, DateTimeOffset RatedAt, string? RatedBy);

    /// <param name="Ratings">The history, newest first.</param>
    public sealed record ObjectiveDto(int Id, string Title, string? Description, int Order, bool Closed, string? CloseReason,
        ObjectiveColour? Colour, DateTimeOffset? RatedAt, IReadOnlyList<RatingDto> Ratings);

    public sealed record NewObjective(string? Title, string? Description, int? Order);

    /// <param name="SessionId">The session it was rated at; without it, <paramref name="Occasion"/> says where (an evaluation or the follow-up meeting).</param>
    public sealed record NewRating(ObjectiveColour? Colour, string? Comment, RatingOccasion? Occasion, int? SessionId);

    public static IEndpointRouteBuilder MapObjectivesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/programmes/{id:int}/objectives").WithTags("Mål").RequireAuthorization();

        group.MapGet("/", async Task<Results<Ok<List<ObjectiveDto>>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var programme = await ProgrammeHead.LoadAsync(db, id, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(await ListAsync(db, programme, Objectives.SeesComments(current.Scope, programme), ct));
        }).WithName("ListObjectives");

        group.MapPost("/", async Task<Results<Created<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> (int id, NewObjective input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var programme = await ProgrammeHead.LoadAsync(db, id, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            if (!Objectives.MayEdit(current.Scope, programme)) return ApiSupport.Forbidden();
            var errors = new List<(string, string)>();
            var title = input.Title?.Trim();
            if (string.IsNullOrEmpty(title)) errors.Add((nameof(input.Title), L.T("Skriv inn målet.")));
            else if (title.Length > DevelopmentObjective.TitleMax) errors.Add((nameof(input.Title), L.T("Målet kan ha høyst 200 tegn.")));
            if (input.Description?.Trim() is { Length: > DevelopmentObjective.TextMax }) errors.Add((nameof(input.Description), L.T("Beskrivelsen kan ha høyst 2000 tegn.")));
            if (input.Order is < 1 or > 99) errors.Add((nameof(input.Order), L.T("Rekkefølgen må være et tall fra 1 til 99.")));
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Målet kunne ikke lagres."));
            var row = await db.Programmes.SingleAsync(p => p.Id == id, ct);
            var order = input.Order ?? ((await db.ObjectivesSet().Where(o => o.ProgrammeId == id).MaxAsync(o => (int?)o.Order, ct)) ?? 0) + 1;
            var objective = new DevelopmentObjective
            {
                ProgrammeId = id, Title = title!,
                Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
                Order = Math.Min(order, 99),
            }.PlaceIn(row);
            db.ObjectivesSet().Add(objective);
            await db.SaveChangesAsync(ct);
            var dto = (await ListAsync(db, programme, Objectives.SeesComments(current.Scope, programme), ct)).Single(o => o.Id == objective.Id);
            return TypedResults.Created($"/api/v1/programmes/{id}/objectives", dto);
        }).WithName("CreateObjective");

        group.MapPost("/{objectiveId:int}/ratings", async Task<Results<Created<RatingDto>, ValidationProblem, ProblemHttpResult>> (int id, int objectiveId, NewRating input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var programme = await ProgrammeHead.LoadAsync(db, id, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            if (!Objectives.MayRate(current.Scope, programme)) return ApiSupport.Forbidden();
            var objective = await db.ObjectivesSet().AsNoTracking().Where(o => o.Id == objectiveId && o.ProgrammeId == id)
                .Select(o => new { o.Title, Closed = o.ClosedAt != null }).SingleOrDefaultAsync(ct);
            if (objective is null) return ApiSupport.NotFoundProblem();
            if (objective.Closed)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Målet er avsluttet og kan ikke vurderes."));
            var errors = new List<(string, string)>();
            var comment = input.Comment?.Trim();
            if (input.Colour is not { } colour || !Enum.IsDefined(colour)) errors.Add((nameof(input.Colour), L.T("Velg grønn, gul eller rød.")));
            if (string.IsNullOrEmpty(comment)) errors.Add((nameof(input.Comment), L.T("Skriv en kommentar til vurderingen av «{0}».", objective.Title)));
            else if (comment.Length > ObjectiveRating.CommentMax) errors.Add((nameof(input.Comment), L.T("Kommentaren kan ha høyst 2000 tegn.")));
            int? sessionNumber = null;
            var occasion = input.Occasion ?? RatingOccasion.EvaluationMeeting;
            if (input.SessionId is int sid)
            {
                sessionNumber = await db.Sessions.AsNoTracking().Where(s => s.Id == sid && s.ProgrammeId == id).Select(s => (int?)s.Number).FirstOrDefaultAsync(ct);
                if (sessionNumber is null) errors.Add((nameof(input.SessionId), L.T("Fant ikke veiledningen i dette forløpet.")));
                occasion = RatingOccasion.Session;
            }
            else if (!Enum.IsDefined(occasion) || occasion == RatingOccasion.Session)
                errors.Add((nameof(input.Occasion), L.T("Velg veiledningen målet ble vurdert i, eller et evaluerings- eller oppfølgingsmøte.")));
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Vurderingen kunne ikke lagres."));
            var row = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id, ct);
            var rating = new ObjectiveRating
            {
                ObjectiveId = objectiveId, ProgrammeId = id, Colour = input.Colour!.Value, Comment = comment!,
                Occasion = occasion, SessionId = input.SessionId, SessionNumber = sessionNumber,
                RatedByPersonId = current.Scope.PersonId, RatedByName = current.Scope.ActorName, RatedAt = clock.GetUtcNow(),
            }.PlaceIn(row);
            db.RatingsSet().Add(rating);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/programmes/{id}/objectives",
                new RatingDto(rating.Id, rating.Colour, rating.Comment, rating.Occasion, rating.SessionNumber, rating.RatedAt, rating.RatedByName));
        }).WithName("RateObjective");

        return app;
    }

    private static async Task<List<ObjectiveDto>> ListAsync(StillasDb db, ProgrammeHead programme, bool seesComments, CancellationToken ct)
    {
        var latest = await Objectives.LatestAsync(db, [programme.Id], ct);
        var ratings = (await db.RatingsSet().AsNoTracking().Where(r => r.ProgrammeId == programme.Id)
                .OrderByDescending(r => r.RatedAt).ThenByDescending(r => r.Id)
                .Select(r => new { r.ObjectiveId, r.Id, r.Colour, r.Comment, r.Occasion, r.SessionNumber, r.RatedAt, r.RatedByName })
                .ToListAsync(ct))
            .ToLookup(r => r.ObjectiveId, r => new RatingDto(r.Id, r.Colour, seesComments ? r.Comment : null, r.Occasion, r.SessionNumber, r.RatedAt, seesComments ? r.RatedByName : null));
        return [.. latest.Select(o => new ObjectiveDto(o.Id, o.Title, o.Description, o.Order, o.Closed, o.CloseReason, o.Colour, o.RatedAt, [.. ratings[o.Id]]))];
    }
}
