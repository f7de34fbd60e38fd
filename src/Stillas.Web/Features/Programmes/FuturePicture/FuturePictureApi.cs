using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.FuturePicture;

public static class FuturePictureApi
{
    public sealed record FuturePictureDto(int ProgrammeId, int CurrentVersion, VersionView? Current, IReadOnlyList<VersionSummary> Versions);
    public sealed record CommentInput(string? Text);

    public static IEndpointRouteBuilder MapFuturePictureApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/programmes/{id:int}/future-picture").WithTags("Fremtidsbilde").RequireAuthorization();

        group.MapGet("/", async Task<Results<Ok<FuturePictureDto>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == id, ct)) return ApiSupport.NotFoundProblem();
            var picture = await FuturePictureQueries.FindAsync(db, id, ct);
            var number = picture?.CurrentVersion ?? 0;
            var current = number == 0 ? null : await FuturePictureQueries.VersionAsync(db, id, number, ct);
            return TypedResults.Ok(new FuturePictureDto(id, number, current, await FuturePictureQueries.VersionsAsync(db, id, ct)));
        }).WithName("GetFuturePicture");

        group.MapGet("/versions/{number:int}", async Task<Results<Ok<VersionView>, ProblemHttpResult>> (int id, int number, StillasDb db, CancellationToken ct) =>
        {
            var version = await FuturePictureQueries.VersionAsync(db, id, number, ct);
            return version is null ? ApiSupport.NotFoundProblem() : TypedResults.Ok(version);
        }).WithName("GetFuturePictureVersion");

        group.MapPost("/versions", async Task<Results<Created<VersionView>, ValidationProblem, ProblemHttpResult>> (int id, FuturePictureInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ActForSchool, programme)) return ApiSupport.Forbidden();
            var errors = input.Check();
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Fremtidsbildet kunne ikke lagres."));
            var outcome = await FuturePictureCommands.SaveVersionAsync(db, programme, current.Scope, input, ct);
            if (outcome is SaveOutcome.Conflict conflict)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Noen har lagret en nyere versjon av fremtidsbildet."),
                    detail: L.T("Du tok utgangspunkt i versjon {0}, men gjeldende versjon er {1}. Hent den nye versjonen og lagre på nytt.", conflict.Expected, conflict.Current),
                    extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.Current });
            var saved = (SaveOutcome.Saved)outcome;
            var view = await FuturePictureQueries.VersionAsync(db, id, saved.Number, ct);
            return TypedResults.Created($"/api/v1/programmes/{id}/future-picture/versions/{saved.Number}", view);
        }).WithName("CreateFuturePictureVersion");

        group.MapGet("/comments", async Task<Results<Ok<List<CommentView>>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == id, ct)) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(await FuturePictureQueries.CommentsAsync(db, id, ct));
        }).WithName("ListFuturePictureComments");

        group.MapPost("/comments", async Task<Results<Created<CommentView>, ValidationProblem, ProblemHttpResult>> (int id, CommentInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TakePart, programme)) return ApiSupport.Forbidden();
            var errors = FuturePictureCommands.CheckComment(input.Text);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Kommentaren kunne ikke lagres."));
            var comment = await FuturePictureCommands.CommentAsync(db, id, current.Scope, input.Text!, ct);
            if (comment is null)
                return TypedResults.ValidationProblem(ApiSupport.Errors([("Text", L.T("Skolen har ikke lagret noe fremtidsbilde ennå, så det er ingenting å kommentere."))]), title: L.T("Kommentaren kunne ikke lagres."));
            return TypedResults.Created($"/api/v1/programmes/{id}/future-picture/comments",
                new CommentView(comment.Id, comment.VersionNumber, comment.AuthorName, comment.Text, comment.CreatedAt, comment.Resolved));
        }).WithName("CreateFuturePictureComment");

        return app;
    }
}
