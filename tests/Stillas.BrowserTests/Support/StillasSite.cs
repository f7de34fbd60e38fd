using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Stillas.BrowserTests.Support;

/// <summary>
/// The real app as its own process on a free port of 127.0.0.1 (the web project's build output,
/// a fresh SQLite file with the demo data), and one headless Debian chromium driven by Playwright.
/// Shared by every browser test (one collection, so the tests run one after another); each test
/// opens its own browser context, so cookies never leak between tests.
/// </summary>
public partial class StillasSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    /// <summary>Generous: the CI machine has two cores shared with the build and other tests.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    public const float ActionTimeoutMs = 60_000;

    private readonly ConcurrentQueue<string> output = new();
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "stillas-browser", Guid.NewGuid().ToString("N"));
    private Process? app;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    /// <summary>The app's SQLite file (tests read what is data, e.g. the pseudo-localisation crawl).</summary>
    public string DatabasePath => Path.Combine(dataDirectory, "stillas.db");
    /// <summary>Settings a variant of the site adds to the app's command line (e.g. <c>--Text:Pseudo=true</c>).</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await StartAppAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = (float)StartTimeout.TotalMilliseconds,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(ActionTimeoutMs);
    }

    /// <summary>A fresh browser context (no cookies) with one page at the given viewport.</summary>
    public async Task<Visit> OpenAsync(ViewportSize viewport)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = viewport, Locale = "nb-NO", TimezoneId = "Europe/Oslo" });
        context.SetDefaultTimeout(ActionTimeoutMs);
        context.SetDefaultNavigationTimeout(ActionTimeoutMs);
        return new Visit(context, await context.NewPageAsync(), viewport);
    }

    private async Task StartAppAsync()
    {
        var dll = typeof(StillasSite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "StillasWebDll").Value!;
        if (!File.Exists(dll)) throw new InvalidOperationException($"The web app is not built: {dll} is missing. Build the solution first (dotnet build Stillas.slnx).");
        Directory.CreateDirectory(dataDirectory);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            // The content root is the build output: appsettings.json lives there, and in Development
            // the static web assets manifest next to the dll maps /lib and /css to the project's files.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll,
            "--urls", "http://127.0.0.1:0",
            "--environment", "Development",
            "--contentRoot", Path.GetDirectoryName(dll)!,
            "--Database:Provider=Sqlite",
            $"--Database:ConnectionString=Data Source={Path.Combine(dataDirectory, "stillas.db")}",
            "--Database:SeedDemoData=true",
            $"--Clock:Start={Stillas.Web.Platform.Data.Seed.DemoData.DesignedFor}",
            $"--Mail:PickupDirectory={Path.Combine(dataDirectory, "mail")}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        }.Concat(ExtraArguments)) start.ArgumentList.Add(arg);
        // The parent's settings must not leak into the app (the test host may carry its own).
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
            start.Environment.Remove(name);

        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        app = new Process { StartInfo = start, EnableRaisingEvents = true };
        app.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        app.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        app.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited during start-up."));
        if (!app.Start()) throw new InvalidOperationException("Could not start the app.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopApp();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartTimeout);
        try
        {
            BaseUrl = await listening.Task.WaitAsync(deadline.Token);
            using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
            while (true)
            {
                try
                {
                    using var ready = await http.GetAsync("/health/ready", deadline.Token);
                    if (ready.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                if (app.HasExited) throw new InvalidOperationException("The app exited during start-up.");
                await Task.Delay(250, deadline.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            StopApp();
            throw new InvalidOperationException($"The app did not become ready within {StartTimeout.TotalSeconds} s ({ex.Message}). Its output:\n{string.Join('\n', output)}", ex);
        }
    }

    private void OnLine(string? line, TaskCompletionSource<string> listening)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 400) output.TryDequeue(out _);
        var m = ListeningRx().Match(line);
        if (m.Success) listening.TrySetResult(m.Groups[1].Value);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningRx();

    private void StopApp()
    {
        try
        {
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                app.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        StopApp();
        app?.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<StillasSite>
{
    public const string Name = "Browser";
}
