using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Stillas.Web.Features.Account;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// Personal API tokens on /api (issue 18, part 4): <c>Authorization: Bearer stillas_…</c>. Pages keep the cookie
/// only; on /api a policy scheme picks the token when one is sent, the cookie otherwise.
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";
    public const string Auto = "StillasAuto";
    /// <summary>The token a request was authenticated with, and its rights.</summary>
    public const string TokenIdClaim = "stillas:api-token";
    public const string RightsClaim = "stillas:api-token-rights";

    public static AuthenticationBuilder AddApiTokens(this AuthenticationBuilder auth)
    {
        auth.AddPolicyScheme(Auto, Auto, o => o.ForwardDefaultSelector = ctx =>
            IsApi(ctx.Request) && BearerOf(ctx.Request) is not null ? Scheme : IdentityConstants.ApplicationScheme);
        auth.AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(Scheme, "API-nøkkel", null);
        auth.Services.Configure<AuthenticationOptions>(o => o.DefaultScheme = Auto);
        return auth;
    }

    /// <summary>After authentication: read-only tokens do not write, and a cookie's writes come from our own pages.</summary>
    public static IApplicationBuilder UseApiRequestGuard(this IApplicationBuilder app) => app.UseMiddleware<ApiRequestGuard>();

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static bool IsUnsafe(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Forgets a token's cached validation at once (revocation in this instance; another instance within <see cref="ApiTokenHandler.CacheLifetime"/>).</summary>
    public static void Forget(IMemoryCache cache, string tokenHash) => cache.Remove((Scheme, tokenHash));
}

/// <summary>
/// Validates a bearer token and builds the same principal as the cookie login (Identity's claims factory), so the
/// access scope computed from it is exactly the person's. A validated token is cached for a few seconds, keyed by
/// its hash: a script's calls then cost what a cookie's do (one lookup, no claims query).
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);
    private const string FailureKey = "stillas:api-token-failure";

    private sealed record Validated(int TokenId, int PersonId, DateTimeOffset ExpiresAt, ApiTokenRights Rights, ClaimsPrincipal Principal)
    {
        public DateTimeOffset? LastUsedAt { get; set; }
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ApiTokenAuthentication.BearerOf(Request);
        if (token is null) return AuthenticateResult.NoResult();
        var services = Context.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var cache = services.GetRequiredService<IMemoryCache>();
        var now = clock.GetUtcNow();
        var hash = ApiTokens.Hash(token);
        var key = (ApiTokenAuthentication.Scheme, hash);

        if (!cache.TryGetValue(key, out Validated? valid) || valid is null)
        {
            var prefix = ApiTokens.PrefixOf(token);
            if (prefix is null) return Fail(L.T("API-nøkkelen er ukjent."));
            var db = services.GetRequiredService<StillasDb>();
            var row = await db.Set<ApiToken>().AsNoTracking().Where(t => t.Prefix == prefix)
                .Select(t => new { t.Id, t.TokenHash, t.AccountId, t.PersonId, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.Rights })
                .SingleOrDefaultAsync(Context.RequestAborted);
            if (row is null || !ApiTokens.HashMatches(token, row.TokenHash)) return Fail(L.T("API-nøkkelen er ukjent."));
            if (row.RevokedAt is not null) return Fail(L.T("API-nøkkelen er trukket tilbake."));
            if (row.ExpiresAt <= now) return Fail(L.T("API-nøkkelen er utløpt."));
            // Before any scope exists (as at login): the person behind the token must still be active.
            var active = await db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == row.PersonId && p.Active, Context.RequestAborted);
            var account = active ? await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == row.AccountId && a.PersonId == row.PersonId, Context.RequestAborted) : null;
            if (account is null) return Fail(L.T("API-nøkkelen er ukjent."));
            var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AccountEntity>>().CreateAsync(account);
            var identity = new ClaimsIdentity(principal.Claims, ApiTokenAuthentication.Scheme);
            identity.AddClaim(new Claim(ApiTokenAuthentication.TokenIdClaim, row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(ApiTokenAuthentication.RightsClaim, row.Rights.ToString()));
            valid = new Validated(row.Id, row.PersonId, row.ExpiresAt, row.Rights, new ClaimsPrincipal(identity)) { LastUsedAt = row.LastUsedAt };
            cache.Set(key, valid, CacheLifetime);
        }
        if (valid.ExpiresAt <= now) return Fail(L.T("API-nøkkelen er utløpt."));
        if (valid.LastUsedAt is not { } last || now - last >= ApiTokens.UseRecordedEvery)
        {
            valid.LastUsedAt = now;
            await RecordUseAsync(valid.TokenId, valid.PersonId, now);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(valid.Principal, ApiTokenAuthentication.Scheme));
    }

    // Saved as the person (their scope), so the audit log names them and the write rule sees their own token.
    private async Task RecordUseAsync(int tokenId, int personId, DateTimeOffset now)
    {
        var services = Context.RequestServices;
        var current = services.GetRequiredService<CurrentScope>();
        var db = services.GetRequiredService<StillasDb>();
        current.Scope = await services.GetRequiredService<AccessScopeCache>().GetAsync(db, personId, Context.RequestAborted);
        var row = await db.Set<ApiToken>().SingleAsync(t => t.Id == tokenId, Context.RequestAborted);
        row.LastUsedAt = now;
        await db.SaveChangesAsync(Context.RequestAborted);
        db.ChangeTracker.Clear();
    }

    private AuthenticateResult Fail(string title)
    {
        Context.Items[FailureKey] = title;
        return AuthenticateResult.Fail(title);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var title = Context.Items[FailureKey] as string ?? L.T("Du må logge inn.");
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, title);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, L.T("Du har ikke tilgang til dette."));
}

/// <summary>
/// Three refusals before any endpoint runs, for unsafe methods on /api: a body over its limit (413);
/// a read-only token may not write (403), and a write authenticated by the cookie must come from our own pages
/// (403 "Forespørselen kom fra et annet nettsted."). Same origin is what the browser says: <c>Sec-Fetch-Site</c>
/// same-origin or none; without it, an <c>Origin</c> equal to ours; or else a valid antiforgery header. A request
/// with neither header is not from a browser that could be tricked into sending it (every browser that sends
/// cookies cross-site on a POST also sends one of them), so it passes, as in Go's CrossOriginProtection; the
/// cookie is SameSite=Lax besides. Bearer requests carry no ambient credential and are not checked.
/// </summary>
public sealed class ApiRequestGuard(RequestDelegate next)
{
    public const string CrossSiteTitle = "Forespørselen kom fra et annet nettsted.";
    public const string ReadOnlyTitle = "API-nøkkelen gir bare lesetilgang.";
    public const string TooLargeTitle = "Forespørselen er for stor. Send en mindre fil eller mindre innhold.";
    /// <summary>A JSON body's limit: the largest valid input (an agreement of 100 points) is about 150 kB.</summary>
    public const long JsonBodyLimit = 4L * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (ApiTokenAuthentication.IsApi(request) && ApiTokenAuthentication.IsUnsafe(request.Method))
        {
            // Uploads may carry a file up to the file store's limit (and the form around it); anything else a few MB.
            var limit = request.HasFormContentType
                ? context.RequestServices.GetRequiredService<Files.FileStore>().MaxBytes + 1024 * 1024
                : JsonBodyLimit;
            if (request.ContentLength > limit)
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, L.T(TooLargeTitle));
                return;
            }
            // A body without a length (chunked) is cut off by the server at the same limit: 413 through the exception handler.
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
                max.MaxRequestBodySize = limit;
        }
        if (ApiTokenAuthentication.IsApi(request) && ApiTokenAuthentication.IsUnsafe(request.Method) && context.User.Identity?.IsAuthenticated == true)
        {
            if (context.User.FindFirst(ApiTokenAuthentication.RightsClaim) is { } rights)
            {
                if (rights.Value != nameof(ApiTokenRights.ReadWrite))
                {
                    await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, L.T(ReadOnlyTitle));
                    return;
                }
            }
            else if (!await IsSameOriginAsync(context))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, L.T(CrossSiteTitle));
                return;
            }
        }
        await next(context);
    }

    private static async Task<bool> IsSameOriginAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var site = headers["Sec-Fetch-Site"].ToString();
        var origin = headers.Origin.ToString();
        bool sameOrigin;
        if (site.Length > 0) sameOrigin = site is "same-origin" or "none";
        else if (origin.Length > 0) sameOrigin = string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase);
        else return true;
        if (sameOrigin) return true;
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var headerName = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName;
        if (headerName is null || !headers.ContainsKey(headerName)) return false;
        try { return await antiforgery.IsRequestValidAsync(context); }
        catch (AntiforgeryValidationException) { return false; }
    }
}

public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title)
    {
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["traceId"] = context.TraceIdentifier }).ExecuteAsync(context);
    }
}
