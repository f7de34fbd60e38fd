using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.StartUp;
using Stillas.Tests.Support;
using Stillas.Web.Features.Account;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Web;

namespace Stillas.Tests.Account;

/// <summary>Personal API tokens (issue 18, part 4), and the same-origin rule for the cookie's API writes.</summary>
public abstract partial class ApiTokenTests(StillasApp app)
{
    private const string NordvikAdmin = "skoleeier@nordvik.test";

    [GeneratedRegex("id=\"new-token\" type=\"text\" readonly value=\"([^\"]+)\"")]
    private static partial Regex NewToken();

    private async Task<string> CreateTokenAsync(HttpClient client, string name, ApiTokenRights rights, DateOnly? expiresOn = null)
    {
        var response = await client.PostFormAsync("/Account/Tokens?handler=Create", new()
        {
            ["Input.Name"] = name,
            ["Input.ExpiresOn"] = (expiresOn ?? app.Today.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Rights"] = rights.ToString(),
        }, "/Account/Tokens");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = NewToken().Match(html);
        Assert.True(match.Success, "no token shown: " + string.Join("; ", Html.FieldErrors(html)));
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private HttpClient Bearer(string token)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("title").GetString();
    }

    [Fact]
    public async Task A_token_is_made_on_the_page_shown_once_stored_hashed_listed_and_revoked()
    {
        var admin = await app.LoginAsync(NordvikAdmin);
        var before = app.Now;
        var token = await CreateTokenAsync(admin, "Uttrekk til BI", ApiTokenRights.ReadOnly);
        Assert.StartsWith(ApiTokens.Marker, token, StringComparison.Ordinal);

        var row = await app.WithDbAsync(db => db.Set<ApiToken>().AsNoTracking().SingleAsync(t => t.Name == "Uttrekk til BI"));
        Assert.Equal(ApiTokens.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token[(ApiTokens.Marker.Length + ApiTokens.PrefixLength + 1)..], row.TokenHash + row.Prefix + row.Name, StringComparison.Ordinal);
        Assert.Equal(ApiTokenRights.ReadOnly, row.Rights);
        // The app's clock runs on from its pinned start.
        Assert.InRange(row.CreatedAt, before, app.Now);
        // Valid through the chosen day in Oslo.
        Assert.Equal(app.Today.AddDays(31), DateOnly.FromDateTime(NorwegianTime.ToOslo(row.ExpiresAt).DateTime));

        // Listed, never shown again.
        var list = await admin.GetStringAsync("/Account/Tokens");
        Assert.Contains("Uttrekk til BI", list, StringComparison.Ordinal);
        Assert.Contains("Bare lese", list, StringComparison.Ordinal);
        Assert.Contains("Aldri", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        // Another person's list does not show it.
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        Assert.DoesNotContain("Uttrekk til BI", await principal.GetStringAsync("/Account/Tokens"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetAsync("/api/v1/schools")).StatusCode);
        // Nobody else revokes it: the principal's post finds no such token of theirs.
        var foreign = await principal.PostFormAsync("/Account/Tokens?handler=Revoke", new() { ["tokenId"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Account/Tokens");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(token).GetAsync("/api/v1/schools")).StatusCode);

        var revoke = await admin.PostFormAsync("/Account/Tokens?handler=Revoke", new() { ["tokenId"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Account/Tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var after = await admin.GetStringAsync("/Account/Tokens");
        Assert.Contains("er trukket tilbake", after, StringComparison.Ordinal);
        Assert.Contains("Trukket tilbake " + NorwegianTime.Date(app.Now), after, StringComparison.Ordinal);

        // At once, although the token's validation was cached by its use above.
        var refused = await Bearer(token).GetAsync("/api/v1/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("API-nøkkelen er trukket tilbake.", await TitleAsync(refused));

        // Made, used and revoked: in the audit log, without the hash.
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ApiToken) && a.EntityId == row.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Updated], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("Kari Nordmann", a.ActorName));
        Assert.DoesNotContain(row.TokenHash, string.Join("", audit.Select(a => a.Changes)), StringComparison.Ordinal);
        Assert.Contains(nameof(ApiToken.LastUsedAt), audit[1].Changes, StringComparison.Ordinal);
        Assert.Contains(nameof(ApiToken.RevokedAt), audit[2].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_refuses_an_expiry_over_a_year_away_or_past_and_a_missing_name()
    {
        var admin = await app.LoginAsync(NordvikAdmin);
        var tooLate = await admin.PostFormAsync("/Account/Tokens?handler=Create", new()
        {
            ["Input.Name"] = "",
            ["Input.ExpiresOn"] = app.Today.AddDays(400).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Rights"] = "ReadWrite",
        }, "/Account/Tokens");
        var html = await tooLate.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tooLate.StatusCode);
        var errors = Html.FieldErrors(html);
        Assert.Contains("Gi nøkkelen et navn, for eksempel hva den skal brukes til.", errors);
        Assert.Contains(errors, e => e.StartsWith("En nøkkel kan gjelde i høyst ett år", StringComparison.Ordinal));
        Assert.DoesNotMatch(NewToken(), html);

        var past = await admin.PostFormAsync("/Account/Tokens?handler=Create", new()
        {
            ["Input.Name"] = "Gammel",
            ["Input.ExpiresOn"] = app.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Rights"] = "ReadOnly",
        }, "/Account/Tokens");
        Assert.Contains("Utløpsdatoen må være etter i dag.", Html.FieldErrors(await past.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<ApiToken>().AnyAsync(t => t.Name == "Gammel" || t.Name == "")));
    }

    [Fact]
    public async Task A_token_sees_exactly_what_its_holder_sees_and_is_used_on_the_api_only()
    {
        var admin = await app.LoginAsync(NordvikAdmin);
        var token = await CreateTokenAsync(admin, "Lister", ApiTokenRights.ReadOnly);
        var bearer = Bearer(token);
        var before = app.Now;

        foreach (var url in new[] { "/api/v1/schools?pageSize=200", "/api/v1/people?pageSize=200", "/api/v1/teams", "/api/v1/programmes" })
        {
            var byCookie = await admin.GetAsync(url);
            var byToken = await bearer.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
            Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
            Assert.Equal(await byCookie.Content.ReadAsStringAsync(), await byToken.Content.ReadAsStringAsync());
        }
        var schools = await bearer.GetStringAsync("/api/v1/schools?pageSize=200");
        Assert.Contains("Sentrum skole", schools, StringComparison.Ordinal);
        Assert.DoesNotContain("Fjordland", schools, StringComparison.Ordinal);
        var fjordlandSchool = await app.WithDbAsync(db => db.Schools.Where(s => s.Owner!.Name == "Fjordland fylkeskommune").Select(s => s.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await app.LoginAsync("skoleeier@fjordland.test")).GetAsync($"/api/v1/schools/{fjordlandSchool}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bearer.GetAsync($"/api/v1/schools/{fjordlandSchool}")).StatusCode);

        // Pages are the cookie's: a token opens none of them.
        var page = await bearer.GetAsync("/Schools");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Use is recorded once an hour, not per call.
        var used = await app.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.Name == "Lister").Select(t => new { t.Id, t.LastUsedAt }).SingleAsync());
        Assert.InRange(used.LastUsedAt!.Value, before, app.Now);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ApiToken) && a.EntityId == used.Id.ToString() && a.Action == AuditAction.Updated)));
    }

    [Fact]
    public async Task Expired_unknown_and_malformed_tokens_get_401_problem_details()
    {
        var admin = await app.LoginAsync(NordvikAdmin);
        var token = await CreateTokenAsync(admin, "Utløper", ApiTokenRights.ReadWrite);
        await app.WithDbAsync(db => db.Set<ApiToken>().Where(t => t.Name == "Utløper").ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, app.Now.AddMinutes(-1))));
        var expired = await Bearer(token).GetAsync("/api/v1/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("API-nøkkelen er utløpt.", await TitleAsync(expired));
        Assert.Contains("invalid_token", expired.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // The right prefix with a wrong secret, a token never made, and no token at all.
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        foreach (var bad in new[] { forged, ApiTokens.Generate().Token, "stillas_", "Zm9vOmJhcg==" })
        {
            var response = await Bearer(bad).GetAsync("/api/v1/schools");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("API-nøkkelen er ukjent.", await TitleAsync(response));
        }
        var none = await app.Client().GetAsync("/api/v1/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    private async Task<(int Id, SchoolInput Input)> SentrumAsync() =>
        await app.WithDbAsync(async db =>
        {
            var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Name == "Sentrum skole");
            return (school.Id, SchoolInput.From(school));
        });

    [Fact]
    public async Task A_read_only_token_gets_403_on_a_write_and_a_read_write_token_writes_as_its_holder()
    {
        var admin = await app.LoginAsync(NordvikAdmin);
        var (id, input) = await SentrumAsync();
        var readOnly = Bearer(await CreateTokenAsync(admin, "Les", ApiTokenRights.ReadOnly));
        input.Pupils = 311;
        var refused = await readOnly.PutAsJsonAsync($"/api/v1/schools/{id}", input);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ApiRequestGuard.ReadOnlyTitle, await TitleAsync(refused));
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.DeleteAsync("/api/v1/holidays/1")).StatusCode);

        var readWrite = Bearer(await CreateTokenAsync(admin, "Skriv", ApiTokenRights.ReadWrite));
        // A bearer request carries no ambient credential: a foreign Origin does not matter.
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/schools/{id}") { Content = JsonContent.Create(input) };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var saved = await readWrite.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(311, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Pupils).SingleAsync()));
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(School) && a.EntityId == id.ToString()).OrderBy(a => a.Id).LastAsync());
        Assert.Equal("Kari Nordmann", entry.ActorName);

        // A token has its holder's rights, not more: the principal's read-write token may not edit the school.
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var principalToken = Bearer(await CreateTokenAsync(principal, "Rektor skriver", ApiTokenRights.ReadWrite));
        Assert.Equal(HttpStatusCode.Forbidden, (await principalToken.PutAsJsonAsync($"/api/v1/schools/{id}", input)).StatusCode);
    }

    private static HttpRequestMessage Put(int id, SchoolInput input, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/schools/{id}") { Content = JsonContent.Create(input) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    [Fact]
    public async Task A_cookie_write_from_another_site_is_refused_and_one_from_our_pages_passes()
    {
        var admin = await app.LoginAsync(NordvikAdmin);
        var (id, input) = await SentrumAsync();
        input.Pupils = 299;
        input.Version = null; // this test repeats one write to try origins; versions are ConcurrencyTests'

        foreach (var headers in new[]
        {
            new[] { ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "cross-site") },
            [("Sec-Fetch-Site", "same-site")],
            [("Origin", "https://evil.example")],
            [("Origin", "null")],
        })
        {
            var refused = await admin.SendAsync(Put(id, input, headers));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(ApiRequestGuard.CrossSiteTitle, await TitleAsync(refused));
        }
        Assert.NotEqual(299, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Pupils).SingleAsync()));
        // Reading is not a write: a foreign site's GET is answered (the browser keeps the answer from it).
        var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/schools/{id}");
        get.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(get)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(id, input, ("Origin", "http://localhost"), ("Sec-Fetch-Site", "same-origin")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(id, input, ("Origin", "http://localhost")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(id, input, ("Sec-Fetch-Site", "none")))).StatusCode);
        // A page's antiforgery token in the header vouches for a request whose origin the browser did not tell.
        var html = await admin.GetStringAsync("/Account/Tokens");
        var antiforgery = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(id, input, ("Sec-Fetch-Site", "cross-site"), ("RequestVerificationToken", antiforgery)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(Put(id, input, ("Sec-Fetch-Site", "cross-site"), ("RequestVerificationToken", "forged")))).StatusCode);
        Assert.Equal(299, await app.WithDbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.Pupils).SingleAsync()));
    }

    [Fact]
    public async Task A_cross_site_multipart_upload_with_the_cookie_is_refused()
    {
        var programme = await DocumentTestSupport.NewProgrammeAsync(app);
        var ids = await DocumentTestSupport.OpenListAsync(app, await app.LoginAsync("veileder@nordvik.test"), programme);
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");

        var evil = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/document-requests/{ids[0]}/files") { Content = DocumentTestSupport.FilePart(DocumentTestSupport.Pdf(), "fra-evil.pdf") };
        evil.Headers.Add("Origin", "https://evil.example");
        evil.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await principal.SendAsync(evil);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ApiRequestGuard.CrossSiteTitle, await TitleAsync(refused));
        Assert.Equal(0, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.RequestId == ids[0])));

        var own = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/document-requests/{ids[0]}/files") { Content = DocumentTestSupport.FilePart(DocumentTestSupport.Pdf(), "egen.pdf") };
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Created, (await principal.SendAsync(own)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.RequestId == ids[0])));
    }
}

public sealed class ApiTokenTestsOnSqlite(StillasApp app) : ApiTokenTests(app), IClassFixture<StillasApp>;

public sealed class ApiTokenTestsOnPostgres(PostgresApp app) : ApiTokenTests(app), IClassFixture<PostgresApp>;
