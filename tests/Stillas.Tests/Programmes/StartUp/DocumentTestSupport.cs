using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;

namespace Stillas.Tests.Programmes.StartUp;

public static partial class DocumentTestSupport
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>A running programme for <paramref name="schoolName"/> with <paramref name="teamName"/>, optionally with a dated "fase1.documents" step.</summary>
    public static Task<int> NewProgrammeAsync(StillasApp app, string schoolName = "Sentrum skole", string teamName = "Veilederteam 1", DateOnly? documentsStep = null) =>
        app.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Name == schoolName);
            var team = await db.Teams.SingleAsync(t => t.Name == teamName);
            var programme = new GuidanceProgramme
            {
                OwnerId = school.OwnerId, SchoolId = school.Id, TeamId = team.Id, SchoolYear = "2026/27",
                TemplateKey = "tromso", TemplateVersion = 1, TemplateName = "Tromsømodellen", TemplateJson = "{}",
                StartDate = new DateOnly(2026, 9, 1),
            };
            if (documentsStep is DateOnly d)
                programme.Steps.Add(new PlanStep
                {
                    OwnerId = school.OwnerId, SchoolId = school.Id, TeamId = team.Id, Key = "fase1.documents", Title = "Dokumentasjon sendt til veilederteamet",
                    PhaseKey = "fase1", PhaseName = "Fase 1", Kind = StepKind.Delivery, Responsible = StepResponsible.School, Date = d, OriginalDate = d, Order = 2,
                });
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            return programme.Id;
        });

    /// <summary>The team opens the list (which requests the Fase 1 documents); returns the request ids in order.</summary>
    public static async Task<List<int>> OpenListAsync(StillasApp app, HttpClient team, int programmeId)
    {
        var page = await team.GetAsync($"/Programmes/StartUp/Documents/{programmeId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await app.WithDbAsync(db => db.DocumentRequests.Where(r => r.ProgrammeId == programmeId).OrderBy(r => r.Order).Select(r => r.Id).ToListAsync());
    }

    public static MultipartFormDataContent FilePart(byte[] bytes, string fileName, string field = "file")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, field, fileName);
        return content;
    }

    /// <summary>Uploads through the documents page's form, like a browser (with the antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadOnPageAsync(HttpClient client, int programmeId, int requestId, byte[] bytes, string fileName)
    {
        var page = await client.GetAsync($"/Programmes/StartUp/Documents/{programmeId}");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET documents page: {(int)page.StatusCode} {page.Headers.Location}");
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        var content = FilePart(bytes, fileName, "upload");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync($"/Programmes/StartUp/Documents/{programmeId}?handler=Upload&requestId={requestId}", content);
    }

    public static byte[] Pdf() => System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
}
