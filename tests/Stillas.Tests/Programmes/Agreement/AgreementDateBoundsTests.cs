using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Web;

namespace Stillas.Tests.Programmes.Agreement;

/// <summary>An agreement period starting 9999-12-31 answered 500 (issue 18): now a message at the field, page and API.</summary>
public sealed class AgreementDateBoundsTests(StillasApp app) : IClassFixture<StillasApp>
{
    private const string Advisor = "veileder@nordvik.test";

    [Fact]
    public async Task The_page_refuses_a_period_from_9999_12_31_at_the_field_and_keeps_what_was_typed()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var response = await advisor.EditAsync(programme, f => { f["Input.PeriodFrom"] = "9999-12-31"; f["Input.PeriodTo"] = "0001-01-01"; });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([BoundedInput.Message(2000), BoundedInput.Message(2000)], Html.FieldErrors(html));
        Assert.Contains("value=\"9999-12-31\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"0001-01-01\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Agreements.AnyAsync(a => a.ProgrammeId == programme)));

        // The bounds themselves are accepted (positive control): 01.01.2000 is not refused, 31.12.2100 neither.
        var edge = await advisor.EditAsync(programme, f => { f["Input.PeriodFrom"] = "2100-01-01"; f["Input.PeriodTo"] = "2100-12-31"; });
        Assert.Equal(HttpStatusCode.Redirect, edge.StatusCode);
    }

    [Fact]
    public async Task The_api_answers_a_validation_problem_naming_the_field()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var response = await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/agreement/draft",
            new { number = 0, version = 0, periodFrom = "9999-12-31", periodTo = "9999-12-31", parties = "Skolen og teamet", lines = new[] { new { section = 1, text = "Et punkt", date = "0001-01-01" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(BoundedInput.Title, problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(BoundedInput.Message(2000), errors.GetProperty("periodFrom")[0].GetString());
        Assert.Equal(BoundedInput.Message(2000), errors.GetProperty("periodTo")[0].GetString());

        var audit = await advisor.GetAsync("/api/v1/audit?to=9999-12-31");
        Assert.True(audit.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"audit: {(int)audit.StatusCode}");
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var auditAdmin = await admin.GetAsync("/api/v1/audit?from=0001-01-01&to=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, auditAdmin.StatusCode);
        var auditErrors = (await auditAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(auditErrors.TryGetProperty("from", out _) && auditErrors.TryGetProperty("to", out _), auditErrors.ToString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/audit?from=2026-01-01&to=2026-12-31")).StatusCode);
    }
}
