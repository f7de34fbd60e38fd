using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes.StartUp;
using static Stillas.Tests.Programmes.StartUp.DocumentTestSupport;

namespace Stillas.Tests.Programmes.StartUp;

/// <summary>Document requests and uploads through the pages and the API, on both database providers.</summary>
public abstract class DocumentTests(StillasApp app)
{
    private Task<int> FileCountAsync(int programmeId) =>
        app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Request!.ProgrammeId == programmeId));

    private int FilesOnDisk() => Directory.Exists(app.FilesRoot)
        ? Directory.EnumerateFiles(app.FilesRoot, "*", SearchOption.AllDirectories).Count(f => !f.Contains(Path.DirectorySeparatorChar + ".tmp" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        : 0;

    [Fact]
    public async Task The_team_opens_the_Fase_1_list_with_nine_documents_due_on_the_plan_step()
    {
        var due = app.Today.AddDays(-30);
        var programme = await NewProgrammeAsync(app, documentsStep: due);
        var team = await app.LoginAsync("uh@nordvik.test");
        var ids = await OpenListAsync(app, team, programme);
        Assert.Equal(9, ids.Count);
        var html = await team.GetStringAsync($"/Programmes/StartUp/Documents/{programme}");
        foreach (var title in new[] { "Brukerundersøkelser", "Ståstedsanalysen", "Kvalitetsutviklingsplan", "Lokale handlingsplaner", "Oversikt over klasser og personal", "Ukeplaner/arbeidsplaner", "Eksempler på timeplaner", "Lokale læreplaner", "Refleksjonsnotat fra rektor" })
            Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(due.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains("Forsinket", html);

        // Without a documents step the list is due two weeks after the start.
        var other = await NewProgrammeAsync(app);
        await OpenListAsync(app, team, other);
        var dues = await app.WithDbAsync(db => db.DocumentRequests.Where(r => r.ProgrammeId == other).Select(r => r.DueDate).Distinct().ToListAsync());
        Assert.Equal([new DateOnly(2026, 9, 15)], dues);
    }

    [Fact]
    public async Task Principal_uploads_a_PDF_and_a_team_member_downloads_the_same_bytes()
    {
        var programme = await NewProgrammeAsync(app);
        var team = await app.LoginAsync("uh@nordvik.test");
        var ids = await OpenListAsync(app, team, programme);
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var pdf = DocumentTestSupport.Pdf();

        var response = await UploadOnPageAsync(principal, programme, ids[1], pdf, "C:\\Users\\per\\Ståstedsanalyse 2026.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var file = await app.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.RequestId == ids[1]));
        Assert.Equal("Ståstedsanalyse 2026.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(pdf.Length, file.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        Assert.Equal("Per Rektorsen", file.UploadedByName);
        Assert.DoesNotContain("Ståstedsanalyse", file.StoragePath, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Delivered, await app.WithDbAsync(db => db.DocumentRequests.Where(r => r.Id == ids[1]).Select(r => r.Status).SingleAsync()));

        var download = await team.GetAsync($"/api/v1/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Ståstedsanalyse 2026.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // The page lists the file with its size and a download link; the team sets the status.
        var html = await team.GetStringAsync($"/Programmes/StartUp/Documents/{programme}");
        Assert.Contains($"/api/v1/files/{file.Id}", html);
        Assert.Contains("Levert", html);
        var approve = await team.PostFormAsync($"/Programmes/StartUp/Documents/{programme}?handler=Status&requestId={ids[1]}", new() { ["status"] = "Approved" }, $"/Programmes/StartUp/Documents/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(DocumentStatus.Approved, await app.WithDbAsync(db => db.DocumentRequests.Where(r => r.Id == ids[1]).Select(r => r.Status).SingleAsync()));

        // The principal may not set the status.
        var refused = await principal.PostFormAsync($"/Programmes/StartUp/Documents/{programme}?handler=Status&requestId={ids[2]}", new() { ["status"] = "Approved" }, $"/Programmes/StartUp/Documents/{programme}");
        Refused.Assert(refused, "principal sets status");
    }

    [Fact]
    public async Task Principal_uploads_through_the_API_and_the_list_shows_the_file()
    {
        var programme = await NewProgrammeAsync(app);
        var ids = await OpenListAsync(app, await app.LoginAsync("veileder@nordvik.test"), programme);
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var csv = System.Text.Encoding.UTF8.GetBytes("klasse;elever\n1A;24\n2B;22\n");
        var response = await principal.PostAsync($"/api/v1/document-requests/{ids[4]}/files", FilePart(csv, "klasser.csv"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<DocumentsApi.FileDto>();
        Assert.Equal("text/csv; charset=utf-8", created!.ContentType);
        var list = await principal.GetFromJsonAsync<List<DocumentsApi.RequestDto>>($"/api/v1/programmes/{programme}/documents");
        var item = list!.Single(r => r.Id == ids[4]);
        Assert.Equal(DocumentStatus.Delivered, item.Status);
        Assert.Equal("klasser.csv", Assert.Single(item.Files).FileName);
        Assert.Equal(csv, await principal.GetByteArrayAsync(created.Url));
    }

    [Theory]
    [InlineData("png")]
    [InlineData("exe")]
    public async Task A_pdf_that_is_really_something_else_is_refused_and_nothing_is_stored(string really)
    {
        var programme = await NewProgrammeAsync(app);
        var ids = await OpenListAsync(app, await app.LoginAsync("veileder@nordvik.test"), programme);
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var bytes = really == "png" ? DocumentTestSupport.Png() : Exe();
        var onDisk = FilesOnDisk();

        var page = await UploadOnPageAsync(principal, programme, ids[0], bytes, "brukerundersokelse.pdf");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Filen ser ikke ut til å være en PDF, selv om navnet slutter på .pdf.", Html.FieldErrors(html));

        var api = await principal.PostAsync($"/api/v1/document-requests/{ids[0]}/files", FilePart(bytes, "brukerundersokelse.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("Filen ser ikke ut til å være en PDF", await api.Content.ReadAsStringAsync());

        var exe = await principal.PostAsync($"/api/v1/document-requests/{ids[0]}/files", FilePart(Exe(), "program.exe"));
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("Filtypen .exe er ikke tillatt", await exe.Content.ReadAsStringAsync());

        Assert.Equal(0, await FileCountAsync(programme));
        Assert.Equal(onDisk, FilesOnDisk());
        Assert.Equal(DocumentStatus.Requested, await app.WithDbAsync(db => db.DocumentRequests.Where(r => r.Id == ids[0]).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_file_over_20_MB_is_refused_with_the_limit()
    {
        var programme = await NewProgrammeAsync(app);
        var ids = await OpenListAsync(app, await app.LoginAsync("veileder@nordvik.test"), programme);
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var big = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.4\n"u8.CopyTo(big);
        var response = await principal.PostAsync($"/api/v1/document-requests/{ids[0]}/files", FilePart(big, "stor.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Filen er for stor. Største tillatte størrelse er 20 MB.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await FileCountAsync(programme));
    }

    [Fact]
    public async Task Another_school_and_another_owner_get_404_on_download_and_upload()
    {
        // A programme at another Nordvik school, run by team 2: Sentrum's principal and team 1's university guide are outsiders.
        var otherSchool = await app.WithDbAsync(db => db.Schools.Where(s => s.Owner!.Name == "Nordvik kommune" && s.Name != "Sentrum skole").OrderBy(s => s.Id).Select(s => s.Name).FirstAsync());
        var programme = await NewProgrammeAsync(app, otherSchool, "Veilederteam 2");
        var advisor = await app.LoginAsync("veileder@nordvik.test");
        var ids = await OpenListAsync(app, advisor, programme);
        var upload = await advisor.PostAsync($"/api/v1/document-requests/{ids[0]}/files", FilePart(DocumentTestSupport.Pdf(), "plan.pdf"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var fileId = (await upload.Content.ReadFromJsonAsync<DocumentsApi.FileDto>())!.Id;

        foreach (var email in new[] { "rektor.sentrum@nordvik.test", "uh@nordvik.test", "skoleeier@fjordland.test" })
        {
            var client = await app.LoginAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/document-requests/{ids[0]}/files", FilePart(DocumentTestSupport.Pdf(), "x.pdf"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programmes/StartUp/Documents/{programme}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/programmes/{programme}/documents")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        Assert.Equal(1, await FileCountAsync(programme));
    }
}

public sealed class DocumentTestsOnSqlite(StillasApp app) : DocumentTests(app), IClassFixture<StillasApp>;

public sealed class DocumentTestsOnPostgres(PostgresApp app) : DocumentTests(app), IClassFixture<PostgresApp>;
