using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;

namespace Stillas.Tests.Access;

/// <summary>
/// Every page and API endpoint × every demo role (and anonymous). The endpoints are read from the
/// app's own endpoint data source, so a new endpoint without a row here fails this test.
/// </summary>
public abstract class AccessMatrixTests(StillasApp app)
{
    [Fact]
    public async Task Every_endpoint_has_a_row_in_the_matrix()
    {
        var missing = Endpoints().Where(e => AccessMatrix.Find(e.Method, e.Route) is null).Select(e => $"{e.Method} {e.Route}").ToList();
        Assert.True(missing.Count == 0, "Endpoints without an access-matrix row:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_endpoint_allows_and_refuses_each_role_as_the_matrix_says()
    {
        var ids = await MatrixIds.LoadAsync(app);
        var clients = new Dictionary<Who, HttpClient> { [Who.Anonymous] = app.Client() };
        foreach (var (who, email) in AccessMatrix.Logins) clients[who] = await app.LoginAsync(email);

        var failures = new List<string>();
        foreach (var (method, route) in Endpoints())
        {
            var row = AccessMatrix.Find(method, route);
            if (row is null) continue; // reported by the other test
            foreach (var who in Enum.GetValues<Who>())
            {
                var url = await ids.UrlAsync(app, row, route);
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT") request.Content = new StringContent(row.Body?.Invoke(ids) ?? "{}", System.Text.Encoding.UTF8, "application/json");
                var response = await clients[who].SendAsync(request);
                var allowedExpected = who == Who.Anonymous ? row.Anonymous : row.Allowed.Contains(who);
                var outcome = Classify(response, url.StartsWith("/api", StringComparison.Ordinal));
                if ((int)response.StatusCode >= 500) failures.Add($"{who} {method} {url}: {(int)response.StatusCode} (a 500 is a bug)");
                else if (allowedExpected && outcome != Outcome.Allowed) failures.Add($"{who} {method} {url}: expected allowed, got {(int)response.StatusCode} {response.Headers.Location}");
                else if (!allowedExpected && outcome == Outcome.Allowed) failures.Add($"{who} {method} {url}: expected refused, got {(int)response.StatusCode}");
                else if (!allowedExpected && who == Who.Anonymous && url.StartsWith("/api", StringComparison.Ordinal) && response.StatusCode != HttpStatusCode.Unauthorized)
                    failures.Add($"{who} {method} {url}: anonymous API call must get 401, got {(int)response.StatusCode}");
                else if (!allowedExpected && who != Who.Anonymous && url.StartsWith("/api", StringComparison.Ordinal) && response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                    failures.Add($"{who} {method} {url}: refused API call must get 403 or 404, got {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static readonly System.Text.RegularExpressions.Regex StaticFile = new(@"\.(css|js|gz|br|png|svg|ico|woff2?|map)$");

    private enum Outcome { Allowed, Refused }

    private static Outcome Classify(HttpResponseMessage r, bool api)
    {
        var code = (int)r.StatusCode;
        if (code is 401 or 403 or 404) return Outcome.Refused;
        if (r.StatusCode == HttpStatusCode.Redirect)
        {
            var to = r.Headers.Location?.ToString() ?? "";
            return to.Contains("/Account/Login", StringComparison.Ordinal) || to.Contains("/Account/AccessDenied", StringComparison.Ordinal) ? Outcome.Refused : Outcome.Allowed;
        }
        // 400 on a write means the caller got past authorisation to validation.
        return Outcome.Allowed;
    }

    /// <summary>(method, route pattern) of every page and API endpoint.</summary>
    private IEnumerable<(string Method, string Route)> Endpoints()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        foreach (var e in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
            // Static assets (CSS, fingerprinted and compressed copies) are public files, checked in PlatformTests.
            if (StaticFile.IsMatch(route) || route.Contains(":file}", StringComparison.Ordinal)) continue;
            if (e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.Metadata.OfType<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>().Any())
            {
                yield return ("GET", route);
                continue;
            }
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var m in methods) yield return (m, route);
        }
    }
}

public sealed class AccessMatrixOnSqlite(StillasApp app) : AccessMatrixTests(app), IClassFixture<StillasApp>;

public sealed class AccessMatrixOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
