using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Stillas.Web.Features.Account;
using Stillas.Web.Features.Account.Passwords;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data.Seed;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using AccountEntity = Stillas.Web.Features.Account.Account;

using Stillas.Web.Platform.Text;

namespace Stillas.Web.Platform.Web;

public static class PlatformSetup
{
    public static WebApplicationBuilder AddStillasPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        services.AddSingleton(StartingClock.FromConfiguration(config));
        services.AddScoped<CurrentScope>();
        services.AddMemoryCache();
        services.AddSingleton<AccessScopeCache>();
        var database = services.AddStillasDb(config, builder.Environment.ContentRootPath);
        services.AddScoped<DemoData>();
        services.AddStillasDataProtection(database, config);
        builder.AddStillasTransport();

        // Identity: local accounts, lockout after 5 failed logins (the holder is mailed). Passwords after NSM's
        // advice: length, not composition; common, leaked and personal passwords refused (docs/security.md).
        var passwords = config.GetSection("Passwords").Get<PasswordPolicy>() ?? new PasswordPolicy();
        services.Configure<PasswordPolicy>(config.GetSection("Passwords"));
        services.AddIdentityCore<AccountEntity>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = passwords.MinimumLength;
                o.Password.RequiredUniqueChars = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<StillasDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StillasClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<NsmPasswordValidator>()
            .AddErrorDescriber<NorwegianIdentityErrors>();

        // Sessions end on the server: the cookie names a UserSession row that logout, a password change or
        // reset, an administrator, 30 minutes idle or 10 hours end (Features/Account/UserSession.cs).
        var sessions = config.GetSection("Sessions").Get<SessionLimits>() ?? new SessionLimits();
        services.Configure<SessionLimits>(config.GetSection("Sessions"));
        services.AddScoped<UserSessions>();
        // The security stamp's periodic refresh rebuilds the principal: keep the session it belongs to.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = ctx =>
        {
            if (ctx.CurrentPrincipal?.FindFirst(UserSessions.Claim) is { } claim && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
            return Task.CompletedTask;
        });
        services.AddLoginProtection(config);

        var auth = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        auth.AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "stillas";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The session row decides (idle, absolute, ended); the cookie itself lives no longer than a session may.
            o.SlidingExpiration = false;
            o.ExpireTimeSpan = sessions.AbsoluteLifetime;
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                if (await UserSessions.ValidateAsync(ctx)) await stampCheck(ctx);
            };
            // The API answers 401/403 as problem details, never with the login page's HTML.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        }));
        AddOpenIdConnect(auth, config);
        auth.AddApiTokens();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddAntiforgery(o => { o.Cookie.Name = "stillas-af"; o.Cookie.SameSite = SameSiteMode.Strict; o.Cookie.HttpOnly = true; });
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new ReadOnlyProgrammeFilter());
                o.Conventions.AddPageRoute("/Home/Index", "/");
                // "Create" is the address people expect; the form is Edit without an id.
                o.Conventions.AddPageRoute("/Schools/Edit", "Schools/Create");
                o.Conventions.AddPageRoute("/Teams/Edit", "Teams/Create");
                o.Conventions.AddPageRoute("/Owners/Edit", "Owners/Create");
                o.Conventions.AddPageRoute("/People/Edit", "People/Create");
                o.Conventions.AddPageRoute("/Selection/Edit", "Selection/Create");
                o.Conventions.AddPageRoute("/Holidays/Edit", "Holidays/Create");
            })
            .AddMvcOptions(o => NorwegianModelBinding.Configure(o.ModelBindingMessageProvider))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        services.AddStillasText(config);
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddOpenApi(o => o.AddStillasAnswers());
        services.AddBoundedInput();

        services.Configure<MailOptions>(config.GetSection("Mail"));
        services.AddSingleton<MailWakeUp>();
        services.AddScoped<Outbox>();
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        services.AddScoped<AccountLinks>();
        services.AddSingleton<Stillas.Web.Platform.Files.FileStore>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<OutboxHealthCheck>("mail", tags: ["ready"]);
        // Structured (JSON) logs outside Development; readable lines on a developer's console.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "O"; o.UseUtcTimestamp = true; });
        }
        return builder;
    }

    private static void AddOpenIdConnect(Microsoft.AspNetCore.Authentication.AuthenticationBuilder auth, IConfiguration config)
    {
        // Feide, ID-porten and Entra ID are plain OpenID Connect providers: each configured section adds one scheme.
        foreach (var section in config.GetSection("Authentication:OpenIdConnect").GetChildren())
        {
            var authority = section["Authority"];
            var clientId = section["ClientId"];
            if (string.IsNullOrEmpty(authority) || string.IsNullOrEmpty(clientId)) continue;
            auth.AddOpenIdConnect("oidc-" + section.Key.ToLowerInvariant(), section["DisplayName"] ?? section.Key, o =>
            {
                o.Authority = authority;
                o.ClientId = clientId;
                o.ClientSecret = section["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/signin-" + section.Key.ToLowerInvariant();
                o.Scope.Add("email");
                o.MapInboundClaims = false;
                // Only a provider on this machine (a test's, a developer's) may serve its metadata over plain http.
                o.RequireHttpsMetadata = !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !uri.IsLoopback;
            });
        }
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Results.Problem(statusCode: status, title: status == 401 ? L.T("Du må logge inn.") : L.T("Du har ikke tilgang til dette."))
                .ExecuteAsync(ctx.HttpContext);
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication UseStillasPlatform(this WebApplication app)
    {
        // First: every answer is in the person's language, the error page and the refusal of plain http too (the
        // language comes from the cookie or Accept-Language, not from the scheme or address forwarded headers fix).
        app.UseStillasText();
        app.UseStillasTransport();
        DataProtectionSetup.WarnIfKeysUnencrypted(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusFor,
            ExceptionHandler = HandleException,
        });
        // Empty error responses get a Norwegian page, or problem details under /api.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<Data.DatabaseReadinessGate>();
        app.UseRouting();
        app.UseLoginProtection();
        app.UseAuthentication();
        app.UseApiRequestGuard();
        app.UseMiddleware<AccessScopeMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static int StatusFor(Exception ex) => ex switch
    {
        AccessDeniedException => StatusCodes.Status403Forbidden,
        // A write to a paused, stopped or completed programme: the request was understood, the state refuses it.
        ReadOnlyProgrammeException => StatusCodes.Status409Conflict,
        // Someone else saved the same record first (a concurrency token): nothing was overwritten.
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static async Task HandleException(HttpContext ctx)
    {
        var ex = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = ex is null ? 500 : StatusFor(ex);
        ctx.Response.StatusCode = status;
        if (ctx.Request.Path.StartsWithSegments("/api") && ex is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException stale)
        {
            await (await EditConflicts.ProblemAsync(stale, ctx.TraceIdentifier, ctx.RequestAborted)).ExecuteAsync(ctx);
            return;
        }
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            var title = status switch
            {
                403 => L.T("Du har ikke tilgang til dette."),
                409 when ex is ReadOnlyProgrammeException => L.T(ReadOnlyProgrammeException.Title),
                413 => L.T(ApiRequestGuard.TooLargeTitle),
                >= 400 and < 500 => L.T("Forespørselen kunne ikke leses. Sjekk at innholdet er gyldig JSON med riktige felt."),
                _ => L.T("Noe gikk galt hos oss. Feilen er logget."),
            };
            await Results.Problem(statusCode: status, title: title,
                extensions: new Dictionary<string, object?> { ["traceId"] = ctx.TraceIdentifier }).ExecuteAsync(ctx);
            return;
        }
        // A stale save on a page that does not show both versions itself (EditConflicts.TrySaveAsync) still says what happened.
        var edit = ex is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException ? "&kind=edit" : "";
        ctx.Response.Redirect(status == 403 ? "/Account/AccessDenied" : $"/Error?code={status}{edit}&trace={Uri.EscapeDataString(ctx.TraceIdentifier)}");
    }

    public static WebApplication MapStillasPages(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

public sealed class DatabaseHealthCheck(StillasDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Databasen svarer ikke.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Databasen svarer ikke.", ex);
        }
    }
}

/// <summary>Security headers on every response: a CSP without inline script, no framing, no sniffing.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // Features Chromium knows (an unknown one, e.g. the withdrawn interest-cohort, is a console error there).
    public const string PermissionsPolicy = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
        + "microphone=(), payment=(), usb=(), browsing-topics=()";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // Nothing Stillas does needs these; an injected script or framed page gets none of them either.
            h["Permissions-Policy"] = PermissionsPolicy;
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
