using Stillas.BrowserTests.Support;
using Stillas.Web.Platform.Data.Seed;
using Xunit.Abstractions;

namespace Stillas.BrowserTests;

/// <summary>
/// Every demo role walks the site by its links (<see cref="Crawl"/>): each page it reaches, at desktop and phone
/// width, has no serious/critical axe violation, exactly one h1, no sideways scrolling on the phone, no
/// Content-Security-Policy violation and no console error. All failures of a role are reported together.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrawlTests(StillasSite site, ITestOutputHelper output)
{
    /// <summary>The logins listed on the login page in Development.</summary>
    public static TheoryData<string> Roles()
    {
        var roles = new TheoryData<string>();
        foreach (var (email, _) in DemoData.Logins) roles.Add(email);
        return roles;
    }

    /// <summary>Administrators open "ikke levert" from the start page only when some mail failed; the crawl starts there too.</summary>
    private static readonly string[] Administrators = ["admin@stillas.test", "skoleeier@nordvik.test", "skoleeier@fjordland.test"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_a_role_reaches_is_accessible_at_both_widths_without_csp_violations(string email)
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        await visit.LoginAsync(email);
        var seeds = Administrators.Contains(email) ? new[] { "/Mail/Undelivered" } : [];

        var result = await Crawl.RunAsync(visit, email, site.BaseUrl, "/", seeds);

        output.WriteLine($"{email}: {result.Visited.Count} pages ({result.AxeChecked} with axe) in {result.Elapsed.TotalSeconds:0.0} s");
        foreach (var url in result.Visited) output.WriteLine("  " + url);
        // The pages a person uses daily must be reachable by links, not only by typing their address.
        foreach (var daily in new[] { "/Account/Profile", "/Account/Tokens" })
            if (!result.Visited.Contains(daily)) result.Failures.Add(new(email, daily, "-", "not reached by any link"));
        Assert.True(result.Visited.Count >= 5, $"{email} reached only {result.Visited.Count} pages: {string.Join(", ", result.Visited)}");
        Assert.True(result.Failures.Count == 0,
            $"{result.Failures.Count} failure(s) for {email} on {result.Visited.Count} pages:\n{Crawl.Report(result.Failures)}");
    }

    /// <summary>Positive control: the crawl's CSP listener and console capture do see a violation of this site's policy.</summary>
    [Fact]
    public async Task Crawl_sees_an_inline_style_and_script_refused_by_the_csp()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        await visit.Page.AddInitScriptAsync(Crawl.CspListener);
        await visit.Page.GotoAsync("/Account/Login");
        Assert.Empty(await visit.Page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        visit.TakeConsoleErrors();

        await visit.Page.EvaluateAsync("""
            () => {
                document.body.insertAdjacentHTML('beforeend', '<span style="color: red">x</span>');
                const s = document.createElement('script');
                s.textContent = 'window.__ran = true';
                document.body.append(s);
            }
            """);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string[] violations;
        while ((violations = await visit.Page.EvaluateAsync<string[]>("() => window.__cspViolations")).Length < 2 && DateTime.UtcNow < deadline)
            await visit.Page.WaitForTimeoutAsync(50);
        Assert.Contains(violations, v => v.StartsWith("style-src", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal));
        Assert.False(await visit.Page.EvaluateAsync<bool>("() => window.__ran === true"));
        Assert.Contains(visit.TakeConsoleErrors(), Crawl.IsCspMessage);
    }

    [Theory]
    [InlineData("/Schools/Details/12", "/schools/details/{id}")]
    [InlineData("/Programmes?year=2027", "/programmes?year")]
    [InlineData("/Holidays/Edit/3?owner=4&x=1", "/holidays/edit/{id}?owner&x")]
    public void Pattern_folds_ids_and_query_values(string url, string pattern) => Assert.Equal(pattern, Crawl.Pattern(url));

    [Theory]
    [InlineData("http://127.0.0.1:5000/Schools/Details/1#x", "/Schools/Details/1")]
    [InlineData("http://127.0.0.1:5000/Account/Logout", null)]
    [InlineData("http://127.0.0.1:5000/Programmes/Timeline/3?handler=Pdf", null)]
    [InlineData("http://127.0.0.1:5000/api/v1/schools", null)]
    [InlineData("http://127.0.0.1:5000/css/site.css", null)]
    [InlineData("http://127.0.0.1:5000/Programmes/Agreement/Pdf/1", null)]
    [InlineData("http://127.0.0.1:5000/Programmes/Assessment/ReportPdf/1", null)]
    [InlineData("https://www.udir.no/", null)]
    [InlineData("http://127.0.0.1:5001/Schools", null)]
    public void Normalise_keeps_only_same_origin_pages(string href, string? expected) =>
        Assert.Equal(expected, Crawl.Normalise(href, new Uri("http://127.0.0.1:5000/")));
}
