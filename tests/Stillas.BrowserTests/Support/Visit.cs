using System.Reflection;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Stillas.BrowserTests.Support;

/// <summary>One person's browser: its own context (cookies) and page at a viewport, and what the page said on its console.</summary>
public sealed class Visit : IAsyncDisposable
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private static readonly string ScreensDirectory = Path.Combine(
        typeof(Visit).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!, "artifacts", "screens");

    private readonly IBrowserContext context;
    private readonly List<string> consoleErrors = [];

    public IPage Page { get; private set; }
    public ViewportSize Viewport { get; private set; }

    internal Visit(IBrowserContext context, IPage page, ViewportSize viewport)
    {
        this.context = context;
        Page = page;
        Viewport = viewport;
        Listen(page);
    }

    private void Listen(IPage page)
    {
        // A blocked inline style or script (CSP), a failed asset or a script error shows up here.
        page.Console += (_, m) => { if (m.Type == "error") lock (consoleErrors) consoleErrors.Add($"{m.Text} ({m.Location})"); };
        page.PageError += (_, e) => { lock (consoleErrors) consoleErrors.Add(e); };
    }

    /// <summary>Another page (tab) in the same browser, with the same cookies and local storage; it becomes <see cref="Page"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(Viewport.Width, Viewport.Height);
        Listen(page);
        Page = page;
        return page;
    }

    /// <summary>Logs in through the real login form and waits for the start page.</summary>
    public async Task LoginAsync(string email, string password = "Demo-passord-1")
    {
        await Page.GotoAsync("/Account/Login");
        await Page.GetByLabel("E-post").FillAsync(email);
        await Page.GetByLabel("Passord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();
        // The logout form, not its words: a person who chose nynorsk or English lands on a page in that language.
        await Expect(Page.Locator("form[action='/Account/Logout']")).ToBeVisibleAsync();
    }

    public async Task ResizeAsync(ViewportSize viewport)
    {
        Viewport = viewport;
        await Page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }

    /// <summary>Saves a full-page screenshot to artifacts/screens/&lt;name&gt;-phone.png or -desktop.png.</summary>
    public async Task ShootAsync(string name)
    {
        Directory.CreateDirectory(ScreensDirectory);
        var width = Viewport.Width <= Phone.Width ? "phone" : "desktop";
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreensDirectory, $"{name}-{width}.png"), FullPage = true });
    }

    /// <summary>The page is no wider than the viewport: nothing makes a person scroll sideways.</summary>
    public async Task AssertNoHorizontalOverflowAsync()
    {
        if (await HorizontalOverflowAsync() is { } problem) Assert.Fail($"{Page.Url} {problem}");
    }

    /// <summary>Null when the page is no wider than the viewport, otherwise how wide and which elements stick out.</summary>
    public async Task<string?> HorizontalOverflowAsync()
    {
        var scrollWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth <= Viewport.Width) return null;
        var culprits = await Page.EvaluateAsync<string[]>(
            "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)" +
            ".slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replaceAll(' ', '.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))",
            Viewport.Width);
        return $"is {scrollWidth}px wide at a {Viewport.Width}px viewport. Too wide: {string.Join(", ", culprits)}";
    }

    /// <summary>Runs axe-core (WCAG 2.0/2.1 A and AA rules) and fails on any serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        if (await AccessibilityViolationsAsync() is { } report)
            Assert.Fail($"axe found serious or critical violation(s) on {Page.Url} at {Viewport.Width}px:\n{report}");
    }

    /// <summary>Null when axe-core (WCAG 2.0/2.1 A and AA rules) finds no serious or critical violation, otherwise a readable list.</summary>
    public async Task<string?> AccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (bad.Count == 0) return null;
        var report = new StringBuilder();
        foreach (var v in bad)
        {
            report.AppendLine($"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}");
            foreach (var node in v.Nodes.Take(5))
            {
                var why = string.Join(" ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message));
                report.AppendLine($"    {node.Target}: {node.Html} — {why}");
            }
        }
        return report.ToString();
    }

    /// <summary>No errors on the console, except those containing one of <paramref name="expected"/> (e.g. a 409 the page answers on purpose).</summary>
    public void AssertNoConsoleErrors(params string[] expected)
    {
        lock (consoleErrors)
        {
            var errors = consoleErrors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal))).ToList();
            Assert.True(errors.Count == 0, "The browser console reported errors:\n" + string.Join('\n', errors));
        }
    }

    /// <summary>The console errors so far, emptied: what one page of a crawl said.</summary>
    public List<string> TakeConsoleErrors()
    {
        lock (consoleErrors)
        {
            var taken = consoleErrors.ToList();
            consoleErrors.Clear();
            return taken;
        }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
