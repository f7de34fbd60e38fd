using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Stillas.Tests.Programmes.StartUp;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Web;

namespace Stillas.Tests.Platform;

/// <summary>The OpenAPI document names both ways in and every answer with problem details (issue 18, part 9); 413 says "too large".</summary>
public sealed class OpenApiAnswersTests(StillasApp app) : IClassFixture<StillasApp>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_documents_its_problem_answers_and_the_document_has_both_security_schemes()
    {
        using var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("cookie").GetProperty("type").GetString());
        Assert.Equal("cookie", schemes.GetProperty("cookie").GetProperty("in").GetString());
        Assert.Equal(2, root.GetProperty("security").GetArrayLength());

        var missing = new List<string>();
        var operations = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                var responses = op.Value.GetProperty("responses");
                var expected = new List<string> { "401", "403" };
                if (path.Name.Contains('{', StringComparison.Ordinal)) expected.Add("404");
                if (op.Name != "get") expected.AddRange(["400", "409", "413"]);
                foreach (var status in expected)
                {
                    if (!responses.TryGetProperty(status, out var response)) { missing.Add($"{op.Name.ToUpperInvariant()} {path.Name}: no {status}"); continue; }
                    // Ours are problem details; an endpoint's own typed 400 (a validation problem) counts too.
                    var content = response.TryGetProperty("content", out var c) ? c.EnumerateObject().Select(x => x.Name).ToList() : [];
                    if (!content.Any(x => x.Contains("problem+json", StringComparison.Ordinal) || x == "application/json"))
                        missing.Add($"{op.Name.ToUpperInvariant()} {path.Name}: {status} without problem details ({string.Join(", ", content)})");
                }
            }
        }
        Assert.True(operations >= 80, $"only {operations} operations in the document");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        var problem = root.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.True(problem.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task A_60_MB_upload_and_a_5_MB_json_body_get_413_titled_too_large()
    {
        var programme = await DocumentTestSupport.NewProgrammeAsync(app);
        var ids = await DocumentTestSupport.OpenListAsync(app, await app.LoginAsync("veileder@nordvik.test"), programme);
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var upload = await principal.PostAsync($"/api/v1/document-requests/{ids[0]}/files", DocumentTestSupport.FilePart(new byte[60 * 1024 * 1024], "stor.pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        var problem = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApiRequestGuard.TooLargeTitle, problem.GetProperty("title").GetString());
        Assert.StartsWith("Forespørselen er for stor", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // A file under the limit still goes through the same endpoint (positive control).
        var small = await principal.PostAsync($"/api/v1/document-requests/{ids[0]}/files", DocumentTestSupport.FilePart(DocumentTestSupport.Pdf(), "liten.pdf"));
        Assert.Equal(HttpStatusCode.Created, small.StatusCode);

        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var json = new StringContent("{\"name\":\"" + new string('x', 5 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        var big = await admin.PostAsync("/api/v1/schools", json);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(ApiRequestGuard.TooLargeTitle, (await big.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
