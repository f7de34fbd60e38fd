using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Files;

namespace Stillas.Web.Features.Programmes.StartUp;

/// <summary>The work shared by the documents page and the API: the default list, and an upload.</summary>
public static class Documents
{
    public const string DocumentsStepKey = "fase1.documents";

    /// <summary>
    /// The programme's requests. When the team or the owner's staff open an empty list, the Fase 1
    /// documents are requested (seed 000 § 3.2); the school sees the list once the team has it.
    /// </summary>
    public static async Task<List<DocumentRequest>> RequestsAsync(StillasDb db, AccessScope scope, GuidanceProgramme programme, CancellationToken ct)
    {
        var requests = await db.DocumentRequests.Include(r => r.Files.OrderBy(f => f.UploadedAt).ThenBy(f => f.Id))
            .Where(r => r.ProgrammeId == programme.Id).OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct);
        if (requests.Count > 0 || !scope.Can(Permission.RunProgramme, programme)) return requests;
        var stepDate = await db.PlanSteps.Where(s => s.ProgrammeId == programme.Id && s.Key == DocumentsStepKey)
            .Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
        requests = DocumentRequest.DefaultsFor(programme, stepDate);
        db.DocumentRequests.AddRange(requests);
        await db.SaveChangesAsync(ct);
        return requests;
    }

    /// <summary>Stores the file and records it on the request, which becomes delivered; a Norwegian message if refused.</summary>
    public static async Task<(StoredFile? File, string? Error)> UploadAsync(StillasDb db, FileStore store, AccessScope scope, DocumentRequest request,
        Stream content, string? fileName, TimeProvider clock, CancellationToken ct)
    {
        var result = await store.SaveAsync(content, fileName, request.OwnerId, ct);
        if (result.Content is not { } c) return (null, result.Error);
        var file = new StoredFile
        {
            RequestId = request.Id,
            FileName = c.FileName, ContentType = c.ContentType, Size = c.Size, Sha256 = c.Sha256, StoragePath = c.StoragePath,
            UploadedByPersonId = scope.PersonId, UploadedByName = scope.ActorName.Length > 200 ? scope.ActorName[..200] : scope.ActorName,
            UploadedAt = clock.GetUtcNow(),
        }.PlaceIn(request);
        db.StoredFiles.Add(file);
        if (request.Status == DocumentStatus.Requested) request.Status = DocumentStatus.Delivered;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row was not saved: the bytes must not stay behind without it.
            store.Delete(c.StoragePath);
            throw;
        }
        return (file, null);
    }
}
