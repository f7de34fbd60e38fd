using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;

namespace Stillas.Tests.Access;

/// <summary>
/// Every page, page handler and API endpoint × every caller (and anonymous). The endpoints are read from
/// the app's own endpoint data source, so a new endpoint or handler without a row here fails this test,
/// and a row whose endpoint is gone fails too.
/// </summary>
public abstract class AccessMatrixTests(StillasApp app)
{
    /// <summary>One thing a caller can call: a method on a route, and for pages the handler's name.</summary>
    public sealed record Endpoint(string Method, string Route, string? Handler)
    {
        public override string ToString() => $"{Method} {Route}" + (Handler is null ? "" : $" handler={Handler}");
    }

    [Fact]
    public async Task Every_endpoint_and_page_handler_has_a_row_in_the_matrix()
    {
        var missing = (await EndpointsAsync()).Where(e => AccessMatrix.Find(e.Method, e.Route, e.Handler) is null).ToList();
        Assert.True(missing.Count == 0, "Endpoints without an access-matrix row:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_row_names_an_endpoint_that_exists_and_only_one_row_does()
    {
        var endpoints = (await EndpointsAsync()).Select(Key).ToHashSet();
        var stale = AccessMatrix.All.Where(r => !endpoints.Contains(Key(r))).ToList();
        var duplicates = AccessMatrix.All.GroupBy(Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(stale.Count == 0 && duplicates.Count == 0,
            "Rows whose endpoint no longer exists:\n" + string.Join("\n", stale) + "\nDuplicate rows:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void A_row_that_refuses_every_logged_in_caller_says_why()
    {
        var silent = AccessMatrix.All.Where(r => r.Allowed.Length == 0 && r.RefusesAll is null).ToList();
        var wrong = AccessMatrix.All.Where(r => r.Allowed.Length > 0 && r.RefusesAll is not null).ToList();
        Assert.True(silent.Count == 0 && wrong.Count == 0,
            "Rows that refuse everybody without a reason:\n" + string.Join("\n", silent) + "\nRows with a reason that allow someone:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Confidential_content_is_for_exactly_the_team_that_runs_the_programme()
    {
        var team = AccessMatrix.Team1Members.OrderBy(w => w).ToList();
        var wrong = AccessMatrix.All.Where(r => r.Confidential != Confidential.None && (r.Anonymous || !r.Allowed.Order().SequenceEqual(team)))
            .Select(r => $"{r} ({r.Confidential}): allows {string.Join(", ", r.Allowed)}").ToList();
        Assert.True(wrong.Count == 0, "Confidential rows must allow exactly team 1's members:\n" + string.Join("\n", wrong));
        foreach (var kind in Enum.GetValues<Confidential>().Where(k => k != Confidential.None))
            Assert.Contains(AccessMatrix.All, r => r.Confidential == kind);
    }

    /// <summary>The matrix posts every page's forms with the token of the caller's start page: tokens are per user, not per page.</summary>
    [Fact]
    public async Task A_callers_antiforgery_token_from_the_start_page_serves_another_page_and_no_token_is_refused()
    {
        var callers = await MatrixCallers.ForAsync(app);
        foreach (var who in Enum.GetValues<Who>().Where(w => w != Who.Anonymous))
        {
            var client = callers.Clients[who];
            var withToken = await client.PostAsync("/Programmes/Calendar?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = callers.Tokens[who] }));
            Assert.True(withToken.StatusCode == HttpStatusCode.Redirect && !RedirectsToLogin(withToken), $"{who}: the start page's token on the calendar form: {(int)withToken.StatusCode} {withToken.Headers.Location}");
            var without = await client.PostAsync("/Programmes/Calendar?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>()));
            Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
            var othersToken = callers.Tokens[who == Who.System ? Who.NordvikAdmin : Who.System];
            var foreign = await client.PostAsync("/Programmes/Calendar?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = othersToken }));
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        }
    }

    [Fact]
    public async Task Every_caller_logs_in_and_sees_the_start_page()
    {
        var callers = await MatrixCallers.ForAsync(app);
        foreach (var who in Enum.GetValues<Who>().Where(w => w != Who.Anonymous))
        {
            var response = await callers.Clients[who].GetAsync("/");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who}: / answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Every_endpoint_allows_and_refuses_each_caller_as_the_matrix_says()
    {
        var ids = await MatrixIds.ForAsync(app);
        var callers = await MatrixCallers.ForAsync(app);
        var failures = new List<string>();
        var observed = new List<string>();
        // Reads first: the writes (even on fresh targets) must not change what the reads see.
        foreach (var endpoint in (await EndpointsAsync()).OrderBy(e => e.Method == "GET" && e.Handler is null ? 0 : 1))
        {
            var row = AccessMatrix.Find(endpoint.Method, endpoint.Route, endpoint.Handler);
            if (row is null) continue; // reported by the other test
            var through = new List<Who>();
            foreach (var who in Enum.GetValues<Who>())
            {
                var (values, url) = await ids.UrlAsync(app, row, endpoint.Route);
                var response = await SendAsync(callers, who, row, url, ids, values);
                var body = await response.Content.ReadAsStringAsync();
                var allowedExpected = who == Who.Anonymous ? row.Anonymous : row.Allowed.Contains(who);
                var problem = Judge(row, who, url, response, body, allowedExpected, ids);
                if (Outcome(response, row) == Result.Through && (int)response.StatusCode < 500) through.Add(who);
                if (problem is not null) { failures.Add(problem); continue; }
                if (allowedExpected && !row.IsRead && MustSucceed(row, who) && row.Effect is not null
                    && await row.Effect(new WriteCall(app, ids, who, values, body)) is string wrong)
                    failures.Add($"{who} {row.Method} {url}: succeeded but {wrong}");
            }
            observed.Add($"{row} => [{string.Join(", ", through.Where(w => w != Who.Anonymous))}]{(through.Contains(Who.Anonymous) ? " +anonymous" : "")}");
        }
        if (Environment.GetEnvironmentVariable("STILLAS_MATRIX_OBSERVED") is { Length: > 0 } file) await File.WriteAllLinesAsync(file, observed);
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
    }

    /// <summary>The team's note text, seeded on Sentrum's session 1: on the session page for team 1 only.</summary>
    [Fact]
    public async Task The_session_page_shows_the_notes_to_the_team_and_to_nobody_else_who_sees_the_session()
    {
        var ids = await MatrixIds.ForAsync(app);
        var callers = await MatrixCallers.ForAsync(app);
        var row = AccessMatrix.Find("GET", MatrixRoutes.SessionPage, null)!;
        var failures = new List<string>();
        foreach (var who in row.Allowed)
        {
            var html = WebUtility.HtmlDecode(await (await callers.Clients[who].GetAsync(MatrixRoutes.SessionPage.Replace("{id:int}", ids.Session.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Content.ReadAsStringAsync());
            var member = AccessMatrix.Team1Members.Contains(who);
            if (!html.Contains("Sentrum skole", StringComparison.Ordinal)) failures.Add($"{who}: the session page is not Sentrum's session");
            else if (member && !html.Contains(MatrixIds.SessionNoteText, StringComparison.Ordinal)) failures.Add($"{who} (team 1): the note text is missing");
            else if (!member && html.Contains(MatrixIds.SessionNoteText, StringComparison.Ordinal)) failures.Add($"{who} (not in team 1): sees the team's note text");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every route with a record id, aimed at Fjordland's record instead: every Nordvik caller is refused.</summary>
    [Fact]
    public async Task Nordvik_callers_are_refused_on_every_Fjordland_record()
    {
        var ids = await MatrixIds.ForAsync(app);
        var callers = await MatrixCallers.ForAsync(app);
        var failures = new List<string>();
        var tried = 0;
        foreach (var endpoint in (await EndpointsAsync()).OrderBy(e => e.Method == "GET" ? 0 : 1))
        {
            var row = AccessMatrix.Find(endpoint.Method, endpoint.Route, endpoint.Handler);
            if (row is null || row.Anonymous || !endpoint.Route.Contains('{')) continue;
            var (values, url) = await ids.FjordlandUrlAsync(app, row, endpoint.Route);
            // Rows whose form names a fresh Nordvik record have no Fjordland counterpart.
            if (url is null) continue;
            tried++;
            foreach (var who in AccessMatrix.NordvikCallers)
            {
                HttpResponseMessage response;
                try { response = await SendAsync(callers, who, row, url, ids, values); }
                catch (KeyNotFoundException) { tried--; break; } // the body or form names a fresh Nordvik record: no Fjordland counterpart
                if (Outcome(response, row with { NotFoundIsPast = null }) != Result.Refused || (int)response.StatusCode >= 500)
                    failures.Add($"{who} {row.Method} {url}{HandlerQuery(row, url)}: Fjordland's record, expected refused, got {(int)response.StatusCode} {response.Headers.Location}");
            }
            // The Fjordland record is real: Fjordland's own administrator (or its team) reads it where Nordvik's does.
            // Fjordland's programme has no assessment report: those routes are only checked for refusal.
            if (row.IsRead && FjordlandCounterpart(row) is Who fjord && !endpoint.Route.Contains("Report", StringComparison.OrdinalIgnoreCase))
            {
                var response = await SendAsync(callers, fjord, row, url, ids, values);
                if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{fjord} GET {url}: Fjordland's own record must be readable, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(tried > 50, $"only {tried} routes aimed at Fjordland records");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
    }

    private static Who? FjordlandCounterpart(Row row) =>
        row.Allowed.Contains(Who.NordvikAdmin) ? Who.FjordlandAdmin
        : row.Allowed.Contains(Who.Advisor) ? Who.FjordlandGuide
        : null;

    private static string HandlerQuery(Row row, string url) => row.Handler is null ? "" : (url.Contains('?') ? "&" : "?") + "handler=" + row.Handler;

    private async Task<HttpResponseMessage> SendAsync(MatrixCallers callers, Who who, Row row, string url, MatrixIds ids, IReadOnlyDictionary<string, string> values)
    {
        if (row.OwnLogin && who != Who.Anonymous) callers = await MatrixCallers.OwnLoginAsync(app, who);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), url + HandlerQuery(row, url));
        if (row.IsPage && row.Method != "GET")
        {
            // The caller's own token (from the start page, or the login page for anonymous): tokens are per user, not per page.
            var fields = row.Form?.Invoke(ids, values) ?? [];
            fields["__RequestVerificationToken"] = callers.Tokens[who];
            request.Content = new FormUrlEncodedContent(fields);
        }
        else if (row.Method is "POST" or "PUT")
            request.Content = new StringContent(row.Body?.Invoke(ids, values) ?? "{}", System.Text.Encoding.UTF8, "application/json");
        return await callers.Clients[who].SendAsync(request);
    }

    /// <summary>Whether this allowed caller's write must succeed, not just get past authorisation.</summary>
    private static bool MustSucceed(Row row, Who who) =>
        row.Succeeds?.Contains(who) ?? (row.PastAuthorisation is null && (!row.IsPage || row.Form is not null));

    private enum Result { Through, Refused }

    private static Result Outcome(HttpResponseMessage r, Row? row = null)
    {
        if ((int)r.StatusCode is 401 or 403) return Result.Refused;
        if (r.StatusCode == HttpStatusCode.NotFound) return row?.NotFoundIsPast is null ? Result.Refused : Result.Through;
        if (IsRedirect(r) && row?.LoginIsSuccess == true) return r.Headers.Location?.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal) == true ? Result.Refused : Result.Through;
        return IsRedirect(r) && RedirectsToLogin(r) ? Result.Refused : Result.Through;
    }

    private static bool IsRedirect(HttpResponseMessage r) => (int)r.StatusCode is 301 or 302 or 303 or 307 or 308;

    private static bool RedirectsToLogin(HttpResponseMessage r)
    {
        var to = r.Headers.Location?.ToString() ?? "";
        return to.Contains("/Account/Login", StringComparison.Ordinal) || to.Contains("/Account/AccessDenied", StringComparison.Ordinal);
    }

    private static string? Judge(Row row, Who who, string url, HttpResponseMessage response, string body, bool allowedExpected, MatrixIds ids)
    {
        var code = (int)response.StatusCode;
        var what = $"{who} {row.Method} {url}{HandlerQuery(row, url)}";
        var api = !row.IsPage;
        if (code >= 500) return $"{what}: {code} (a 500 is a bug)";
        if (!allowedExpected)
        {
            if (Outcome(response, row with { NotFoundIsPast = null }) == Result.Through) return $"{what}: expected refused, got {code} {response.Headers.Location}";
            if (who == Who.Anonymous && api && response.StatusCode != HttpStatusCode.Unauthorized) return $"{what}: anonymous API call must get 401, got {code}";
            if (who != Who.Anonymous && api && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound)) return $"{what}: refused API call must get 403 or 404, got {code}";
            return null;
        }
        if (Outcome(response, row) == Result.Refused) return $"{what}: expected allowed, got {code} {response.Headers.Location}";
        if (row.IsRead)
        {
            if (row.Redirects is not null && IsRedirect(response)) return null;
            if (code != 200) return $"{what}: an allowed read must answer 200, got {code} {response.Headers.Location}";
            var marker = row.Expect is not null ? row.Expect(ids) : ids.Marker(row);
            if (marker is not null && !Text(body).Contains(marker, StringComparison.Ordinal)) return $"{what}: 200 but not the target's content (no \"{marker}\"): {Snippet(Text(body))}";
            return null;
        }
        if (MustSucceed(row, who))
        {
            if (api && code is < 200 or > 299) return $"{what}: a valid write must succeed, got {code} {Snippet(body)}";
            if (!api && !IsRedirect(response)) return $"{what}: a valid form must redirect away, got {code} {Html.Alert(body)} {string.Join("; ", Html.FieldErrors(body))}";
        }
        return null;
    }

    private static readonly Regex JsonEscape = new(@"\\u([0-9a-fA-F]{4})", RegexOptions.Compiled);

    /// <summary>The response as text: HTML entities and JSON \u escapes decoded (æ, ø, å are escaped in both).</summary>
    private static string Text(string body) => WebUtility.HtmlDecode(JsonEscape.Replace(body, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString()));

    private static string Snippet(string body) => body.Length > 300 ? body[..300] : body;

    private static readonly Regex StaticFile = new(@"\.(css|js|gz|br|png|svg|ico|woff2?|map)$");

    private static string Key(Endpoint e) => $"{e.Method} {e.Route.ToLowerInvariant()} {e.Handler?.ToLowerInvariant()}";
    private static string Key(Row r) => $"{r.Method} {r.Route.ToLowerInvariant()} {r.Handler?.ToLowerInvariant()}";

    /// <summary>Every page (GET), every page handler, every API method and route.</summary>
    private async Task<List<Endpoint>> EndpointsAsync()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var result = new List<Endpoint>();
        foreach (var e in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            // Static assets (CSS, fingerprinted and compressed copies) are public files, checked in PlatformTests.
            if (StaticFile.IsMatch(route) || route.Contains(":file}", StringComparison.Ordinal)) continue;
            var page = e.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                // The compiled descriptor (with the handler methods) is loaded on a page's first request; load it now.
                var compiled = e.Metadata.GetMetadata<CompiledPageActionDescriptor>() ?? await loader.LoadAsync(page, e.Metadata);
                result.Add(new("GET", route, null));
                foreach (var h in compiled.HandlerMethods)
                    if (!(h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && h.Name is null))
                        result.Add(new(h.HttpMethod.ToUpperInvariant(), route, h.Name));
                continue;
            }
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var m in methods) result.Add(new(m, route, null));
        }
        return result.Distinct().ToList();
    }
}

public sealed class AccessMatrixOnSqlite(StillasApp app) : AccessMatrixTests(app), IClassFixture<StillasApp>;

public sealed class AccessMatrixOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
