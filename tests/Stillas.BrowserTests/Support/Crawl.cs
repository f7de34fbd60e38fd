using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Stillas.BrowserTests.Support;

/// <summary>One thing wrong on one page at one width.</summary>
public sealed record CrawlFailure(string Role, string Url, string Width, string What)
{
    public override string ToString() => $"[{Role}] {Url} @ {Width}: {What}";
}

/// <summary>
/// Walks the site breadth-first as one logged-in person, following same-origin links (GET only), and checks
/// every page it reaches at both widths: axe (serious/critical WCAG 2.1 A/AA), exactly one h1, nothing wider
/// than the phone, no Content-Security-Policy violation and no console error. Numeric ids are folded so only
/// <see cref="PerPattern"/> instances of each route pattern are visited per role, and axe runs on
/// <see cref="AxePerPattern"/> instance(s) of each pattern over all roles. Failures are collected, not thrown.
/// </summary>
public static partial class Crawl
{
    public const int PerPattern = 2;
    public const int AxePerPattern = 1;
    public const int MaxPagesPerRole = 60;

    /// <summary>
    /// Route patterns axe has already checked (at both widths), across all roles of one test run. axe is the slow
    /// part (one to two seconds a width on two busy cores), so each pattern gets it <see cref="AxePerPattern"/> time(s) in
    /// all, from whichever role reaches it first; every page still gets every other check at both widths.
    /// </summary>
    private static readonly Dictionary<string, int> AxeDone = new(StringComparer.Ordinal);

    /// <summary>
    /// Records every securitypolicyviolation event in the page. Scripts injected by Playwright run through the
    /// DevTools protocol and are not subject to the page's CSP (the crawl's own positive control proves it sees one).
    /// </summary>
    public const string CspListener = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
            e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber +
            (e.sample ? ' "' + e.sample + '"' : '')));
        """;

    public sealed class Result
    {
        public List<CrawlFailure> Failures { get; } = [];
        public List<string> Visited { get; } = [];
        public TimeSpan Elapsed { get; set; }
        /// <summary>How many of the visited pages axe checked (the others' patterns were checked already).</summary>
        public int AxeChecked { get; set; }
    }

    /// <summary>Crawls from <paramref name="start"/> (then <paramref name="extraSeeds"/>) as the already logged-in <paramref name="visit"/>.</summary>
    public static async Task<Result> RunAsync(Visit visit, string role, string baseUrl, string start = "/", IEnumerable<string>? extraSeeds = null, int maxPages = MaxPagesPerRole)
    {
        var watch = Stopwatch.StartNew();
        var result = new Result();
        var origin = new Uri(baseUrl);
        var queue = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perPattern = new Dictionary<string, int>(StringComparer.Ordinal);

        bool Enqueue(string url)
        {
            if (!seen.Add(url)) return false;
            var pattern = Pattern(url);
            perPattern.TryGetValue(pattern, out var n);
            if (n >= PerPattern) return false;
            perPattern[pattern] = n + 1;
            queue.Enqueue(url);
            return true;
        }

        Enqueue(start);
        foreach (var seed in extraSeeds ?? []) Enqueue(seed);

        await visit.Page.AddInitScriptAsync(CspListener);
        visit.TakeConsoleErrors();
        while (queue.Count > 0 && result.Visited.Count < maxPages)
        {
            var url = queue.Dequeue();
            bool axe;
            lock (AxeDone)
            {
                AxeDone.TryGetValue(Pattern(url), out var n);
                axe = n < AxePerPattern;
                if (axe) AxeDone[Pattern(url)] = n + 1;
            }
            var links = await CheckPageAsync(visit, role, url, axe, result);
            if (axe) result.AxeChecked++;
            foreach (var link in links)
                if (Normalise(link, origin) is { } next) Enqueue(next);
        }
        result.Elapsed = watch.Elapsed;
        return result;
    }

    /// <summary>Opens one page, checks it at desktop and phone width and returns the hrefs of its links.</summary>
    private static async Task<string[]> CheckPageAsync(Visit visit, string role, string url, bool axe, Result result)
    {
        void Fail(string width, string what) => result.Failures.Add(new(role, url, width, what));

        await visit.ResizeAsync(Visit.Desktop);
        IResponse? response;
        try
        {
            response = await visit.Page.GotoAsync(url);
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("Download is starting", StringComparison.Ordinal))
        {
            return []; // a file, not a page
        }
        result.Visited.Add(url);
        if (response is null) { Fail("-", "no response"); return []; }
        if (response.Status >= 400) Fail("-", $"answered {response.Status}");
        var type = await response.HeaderValueAsync("content-type") ?? "";
        if (!type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            Fail("-", $"a link to a file ({type}) the crawl does not know to skip");
            return [];
        }
        var landed = new Uri(visit.Page.Url).PathAndQuery;
        if (landed.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            Fail("-", $"sent to the login page ({landed}): the session ended");
            return [];
        }

        foreach (var viewport in new[] { Visit.Desktop, Visit.Phone })
        {
            var width = viewport == Visit.Phone ? "phone" : "desktop";
            if (viewport != visit.Viewport) await visit.ResizeAsync(viewport);
            var h1 = await visit.Page.Locator("h1, [role=heading][aria-level='1']").CountAsync();
            if (h1 != 1) Fail(width, $"{h1} h1 headings (want exactly one)");
            if (axe && await visit.AccessibilityViolationsAsync() is { } violations) Fail(width, "axe:\n" + violations.TrimEnd());
            if (viewport == Visit.Phone && await visit.HorizontalOverflowAsync() is { } overflow) Fail(width, "overflow: " + overflow);
        }

        var csp = await visit.Page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        foreach (var v in csp.Distinct()) Fail("both", "CSP violation: " + v);
        foreach (var e in visit.TakeConsoleErrors().Distinct())
            Fail("both", (IsCspMessage(e) ? "CSP violation (console): " : "console error: ") + e);

        return await visit.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download')).map(a => a.href)");
    }

    public static bool IsCspMessage(string text) =>
        text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || text.Contains("Refused to", StringComparison.Ordinal);

    /// <summary>The path and query of a same-origin page link worth visiting, or null (other sites, files, API, logout, handlers).</summary>
    public static string? Normalise(string href, Uri origin)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != origin.Scheme || uri.Host != origin.Host || uri.Port != origin.Port) return null;
        var path = uri.AbsolutePath;
        var query = uri.Query;
        if (Skipped.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase))) return null;
        // Named GET handlers are files (PDF, .ics, CSV examples) or script endpoints (keep-alive, autosave).
        if (query.Contains("handler=", StringComparison.OrdinalIgnoreCase)) return null;
        if (FileRx().IsMatch(path) || PdfRx().IsMatch(path)) return null;
        return path + query;
    }

    private static readonly string[] Skipped =
        ["/Account/Logout", "/Account/Login", "/Account/ExternalCallback", "/api/", "/health", "/openapi", "/swagger", "/scalar", "/files/", "/lib/", "/css/", "/js/"];

    [GeneratedRegex(@"\.[A-Za-z0-9]{1,5}$")]
    private static partial Regex FileRx();

    /// <summary>PDF pages: /Programmes/Agreement/Pdf/1, /Programmes/Assessment/ReportPdf/1.</summary>
    [GeneratedRegex(@"/[A-Za-z]*Pdf(/|$)")]
    private static partial Regex PdfRx();

    /// <summary>The route pattern of a page URL: numeric (or date) path segments become {id}, query values are dropped.</summary>
    public static string Pattern(string url)
    {
        var q = url.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? url : url[..q];
        var segments = path.Split('/').Select(s => IdRx().IsMatch(s) ? "{id}" : s.ToLowerInvariant());
        var pattern = string.Join('/', segments);
        if (q < 0) return pattern;
        var keys = url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(kv => kv.Split('=')[0].ToLowerInvariant()).Distinct().Order();
        return pattern + "?" + string.Join('&', keys);
    }

    [GeneratedRegex(@"^(\d+|[0-9a-fA-F-]{32,36}|\d{4}-\d{2}-\d{2})$")]
    private static partial Regex IdRx();

    public static string Report(IEnumerable<CrawlFailure> failures)
    {
        var text = new StringBuilder();
        foreach (var f in failures) text.AppendLine(f.ToString());
        return text.ToString();
    }
}
