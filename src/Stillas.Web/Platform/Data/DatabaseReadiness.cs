namespace Stillas.Web.Platform.Data;

/// <summary>
/// The database is migrated and (in Development) seeded in the background while the app already
/// answers, so that a newcomer sees the login page in about half the time. Until the database is
/// ready, <see cref="DatabaseReadinessGate"/> lets the login page (after migrations) and static
/// files through and holds every other request until it is. If preparing the database fails, the
/// app stops with exit code 1, as it did when this ran before the server started.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the schema is current.</summary>
    public Task Migrated => migrated.Task;

    /// <summary>Completes when the schema is current and demo data (if any) is in.</summary>
    public Task Ready => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>
    /// True when the login form must wait for the schema: its antiforgery token needs the data-protection
    /// keys, which live in the database on PostgreSQL (shared by instances) and in files on SQLite.
    /// </summary>
    public bool LoginFormNeedsSchema { get; init; } = true;

    public void MarkMigrated() => migrated.TrySetResult();

    public void MarkReady()
    {
        migrated.TrySetResult();
        ready.TrySetResult();
    }

    public void Fail(Exception ex)
    {
        migrated.TrySetException(ex);
        ready.TrySetException(ex);
    }

    /// <summary>For background services: waits until the database is ready; false when stopping or it failed.</summary>
    public static async Task<bool> WaitAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseReadiness>().Ready.WaitAsync(ct);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Starts preparing the database in the background; a failure is logged and stops the app.</summary>
    public static void StartInBackground(WebApplication app, bool seedDemo)
    {
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        var log = app.Services.GetRequiredService<ILogger<DatabaseReadiness>>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        _ = Task.Run(async () =>
        {
            try
            {
                await DatabaseSetup.MigrateAndSeedAsync(app.Services, seedDemo, readiness, lifetime.ApplicationStopping);
                readiness.MarkReady();
            }
            catch (Exception ex)
            {
                readiness.Fail(ex);
                if (lifetime.ApplicationStopping.IsCancellationRequested) return;
                log.LogCritical(ex, "The database could not be prepared (migrations or demo data); stopping.");
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        });
    }
}

/// <summary>Holds requests until the database is ready (see <see cref="DatabaseReadiness"/>).</summary>
public sealed class DatabaseReadinessGate(RequestDelegate next, DatabaseReadiness readiness)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (readiness.IsReady)
        {
            await next(context);
            return;
        }
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health/live") || LooksLikeStaticFile(path))
        {
            await next(context);
            return;
        }
        if (path.StartsWithSegments("/health/ready"))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Starting: the database is being prepared.");
            return;
        }
        // The login form needs at most the schema (for the data-protection keys on PostgreSQL), never the
        // demo data: people read and type for a few seconds, and the login itself waits for the rest.
        var isLoginForm = HttpMethods.IsGet(context.Request.Method) && path.StartsWithSegments("/Account/Login");
        if (isLoginForm && !readiness.LoginFormNeedsSchema)
        {
            await next(context);
            return;
        }
        try
        {
            await (isLoginForm ? readiness.Migrated : readiness.Ready).WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Text.L.T("Stillas kunne ikke starte fordi databasen ikke kunne klargjøres. Feilen er logget."));
            return;
        }
        await next(context);
    }

    private static bool LooksLikeStaticFile(PathString path)
    {
        var value = path.Value ?? "";
        var lastSlash = value.LastIndexOf('/');
        return value.IndexOf('.', lastSlash + 1) > 0;
    }
}
