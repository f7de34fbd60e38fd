using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Files;
using Stillas.Web.Platform.Web;

using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.StartUp;

public static class DocumentsApi
{
    public sealed record FileDto(int Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, string Url);
    /// <param name="Version">The request's concurrency token (its status is set on the documents page, which checks it).</param>
    public sealed record RequestDto(int Id, int ProgrammeId, string Title, string? Description, DateOnly DueDate, DocumentStatus Status, bool Overdue, int Order, IReadOnlyList<FileDto> Files, int Version);

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Dokumenter").RequireAuthorization();

        group.MapGet("/programmes/{id:int}/documents", async Task<Results<Ok<List<RequestDto>>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            var today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
            var requests = await Documents.RequestsAsync(db, current.Scope, programme, ct);
            return TypedResults.Ok(requests.Select(r => ToDto(r, today)).ToList());
        }).WithName("ListDocumentRequests");

        group.MapPost("/document-requests/{id:int}/files", async Task<Results<Created<FileDto>, ValidationProblem, ProblemHttpResult>> (int id, HttpRequest http, StillasDb db, CurrentScope current, FileStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var request = await db.DocumentRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
            if (request is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TakePart, request)) return ApiSupport.Forbidden();
            var title = L.T("Filen kunne ikke lastes opp.");
            if (!http.HasFormContentType)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [L.T("Send filen som multipart/form-data i feltet «file».")] }, title: title);
            var form = await http.ReadFormAsync(ct);
            var upload = form.Files.GetFile("file");
            if (upload is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [L.T("Velg en fil.")] }, title: title);
            await using var content = upload.OpenReadStream();
            var (file, error) = await Documents.UploadAsync(db, store, current.Scope, request, content, upload.FileName, clock, ct);
            if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error!] }, title: title);
            return TypedResults.Created($"/api/v1/files/{file.Id}", ToDto(file));
        }).WithName("UploadDocumentFile").DisableAntiforgery();

        // Only those whose query filter shows the file get it; everyone else gets 404, never a hint that it exists.
        group.MapGet("/files/{id:int}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (int id, StillasDb db, FileStore store, CancellationToken ct) =>
        {
            var file = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
            if (file is null) return ApiSupport.NotFoundProblem();
            var stream = store.OpenRead(file.StoragePath);
            if (stream is null) return ApiSupport.NotFoundProblem();
            return TypedResults.File(stream, file.ContentType, fileDownloadName: file.FileName);
        }).WithName("DownloadFile");

        return app;
    }

    public static string FileUrl(int id) => $"/api/v1/files/{id}";

    private static FileDto ToDto(StoredFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedByName, f.UploadedAt, FileUrl(f.Id));

    private static RequestDto ToDto(DocumentRequest r, DateOnly today) =>
        new(r.Id, r.ProgrammeId, r.Title, r.Description, r.DueDate, r.Status, r.IsOverdue(today), r.Order, r.Files.Select(ToDto).ToList(), r.Version);
}
