using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Stillas.Web.Features.Account;

/// <summary>
/// Limits on the login and "glemt passord" posts (<c>LoginLimits:*</c>): per client address and per e-mail
/// address, in a fixed window. Generous per address (a school shares one address), tight per account.
/// </summary>
public sealed class LoginLimits
{
    public int PerAddress { get; set; } = 60;
    public int PerAccount { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Login abuse (issue 18, part 5): ASP.NET Core's rate limiter on the two anonymous forms that try accounts, and
/// a dummy password hash so that an unknown e-mail costs the same PBKDF2 work as a known one. The counters are
/// per instance (in memory). The address limiter comes first in the chain: the middleware tries a refused request
/// twice (acquire, then wait without a queue), so a post refused by the e-mail's limit counts twice against the
/// address, never the other way round (an address at its limit does not use up its victims' e-mail permits).
/// </summary>
public static class LoginProtection
{
    /// <summary>The forms whose posts are limited, and the field that names the account.</summary>
    private static readonly (PathString Path, string Kind, string EmailField)[] Forms =
    [
        ("/Account/Login", "login", "Input.Email"),
        ("/Account/ForgotPassword", "forgot", "Email"),
    ];

    public static IServiceCollection AddLoginProtection(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection("LoginLimits").Get<LoginLimits>() ?? new LoginLimits();
        services.AddSingleton(limits);
        services.AddSingleton<DummyPassword>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, limits, limits.PerAddress,
                    (kind, ctx) => kind + "|" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "?"))),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Partition(c, limits, limits.PerAccount,
                    (kind, ctx) => EmailOf(ctx) is { Length: > 0 } email ? kind + "|" + email : null)));
            // The body is left empty: the status-code pages show the Norwegian page (/Error?code=429) or problem details.
            o.OnRejected = (ctx, _) =>
            {
                var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : limits.Window;
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Reads the limited forms' fields before the limiter (it partitions by the e-mail), then limits.</summary>
    public static IApplicationBuilder UseLoginProtection(this IApplicationBuilder app)
    {
        app.Use(async (ctx, next) =>
        {
            if (Limited(ctx) is not null && ctx.Request.HasFormContentType)
            {
                try { await ctx.Request.ReadFormAsync(ctx.RequestAborted); }
                catch (InvalidDataException) { /* model binding answers it as it would have */ }
                catch (BadHttpRequestException) { }
            }
            await next(ctx);
        });
        return app.UseRateLimiter();
    }

    private static (string Kind, string EmailField)? Limited(HttpContext c)
    {
        if (!HttpMethods.IsPost(c.Request.Method)) return null;
        foreach (var (path, kind, field) in Forms)
            if (c.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)) return (kind, field);
        return null;
    }

    private static string? EmailOf(HttpContext c)
    {
        if (Limited(c) is not (_, var field) || !c.Request.HasFormContentType || c.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form is not { } form) return null;
        var email = form[field].ToString().Trim().ToLowerInvariant();
        return email.Length > 254 ? email[..254] : email;
    }

    private static RateLimitPartition<string> Partition(HttpContext c, LoginLimits limits, int permits, Func<string, HttpContext, string?> key)
    {
        var partition = Limited(c) is (var kind, _) ? key(kind, c) : null;
        if (partition is null) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
        });
    }
}

/// <summary>
/// A hash of a random password, verified against when the e-mail is unknown, the person inactive or the account
/// locked: every refused login then costs one PBKDF2 verification, as a wrong password does.
/// </summary>
public sealed class DummyPassword(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    // Identity's hasher is scoped; this one has the same options and so the same cost.
    private readonly PasswordHasher<Account> hasher = new(options);
    private readonly Account nobody = new();
    private readonly Lazy<string> hash = new(() => new PasswordHasher<Account>(options).HashPassword(new Account(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public void Verify(string password) => _ = hasher.VerifyHashedPassword(nobody, hash.Value, password);
}
