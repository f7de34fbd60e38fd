using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Account;

/// <summary>Why a session ended (stored as a number).</summary>
public enum SessionEnd { Logout = 1, PasswordChanged = 2, PasswordReset = 3, Administrator = 4, Idle = 5, Expired = 6, EndedByOwner = 7, Deactivated = 8 }

/// <summary>
/// One login: the cookie carries "{Id}.{secret}", the row keeps only the secret's SHA-256. The cookie is
/// valid only while its row is open, not idle too long and not too old, so logout, a password change or
/// reset and an administrator end it on the server at once, on every instance (the truth is the table).
/// </summary>
public class UserSession
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Written at most once a minute (<see cref="UserSessions.LastSeenResolution"/>).</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>The absolute end: <see cref="CreatedAt"/> + <see cref="SessionLimits.AbsoluteLifetime"/>.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public SessionEnd? EndReason { get; set; }
    /// <summary>A short description of the browser and system ("Firefox på Windows"), for the person's own list.</summary>
    public string Device { get; set; } = "";
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.SecretHash).HasMaxLength(64);
        b.Property(s => s.Device).HasMaxLength(100);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.AccountId, s.EndedAt });
    }
}

/// <summary>Session limits (<c>Sessions:*</c>): 30 minutes idle, 10 hours at most, a warning 5 minutes before.</summary>
public sealed class SessionLimits
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Starts, checks and ends <see cref="UserSession"/>s.</summary>
public sealed class UserSessions(StillasDb db, TimeProvider clock, IOptions<SessionLimits> options, SignInManager<Account> signIn)
{
    /// <summary>The cookie's claim holding "{session id}.{secret}".</summary>
    public const string Claim = "stillas:session";
    /// <summary>LastSeenAt is written at most this often: a request costs one primary-key read, not a write.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public SessionLimits Options => options.Value;

    /// <summary>A new session (a new id at every login) and the cookie that carries it.</summary>
    public async Task SignInAsync(Account account, HttpContext http, string method)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            AccountId = account.Id, SecretHash = AccountLinks.Hash(secret), CreatedAt = now, LastSeenAt = now,
            ExpiresAt = now + Options.AbsoluteLifetime, Device = DeviceOf(http.Request.Headers.UserAgent.ToString()),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(http.RequestAborted);
        await signIn.SignInWithClaimsAsync(account, new AuthenticationProperties { IsPersistent = false },
            [new Claim(Claim, $"{session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{secret}"), new Claim("amr", method)]);
        // The person's chosen language follows them to every browser they log in on; without a choice, what was
        // picked on the login page (or else the browser's own languages) decides.
        var language = await db.LanguageOfAsync(account.PersonId, http.RequestAborted);
        if (language is not null) Platform.Text.TextSetup.SetLanguageCookie(http, language);
    }

    /// <summary>Ends the session the principal's cookie carries (logout).</summary>
    public Task EndAsync(ClaimsPrincipal user, SessionEnd reason) =>
        IdOf(user) is int id ? UpdateAsync(db.UserSessions.Where(s => s.Id == id && s.EndedAt == null), reason) : Task.FromResult(0);

    /// <summary>Ends every open session of the account, except <paramref name="except"/>; returns how many.</summary>
    public Task<int> EndAllAsync(int accountId, SessionEnd reason, int? except = null) =>
        UpdateAsync(db.UserSessions.Where(s => s.AccountId == accountId && s.EndedAt == null && s.Id != (except ?? 0)), reason);

    /// <summary>Ends every open session of the person's login (a deactivated person); returns how many.</summary>
    public async Task<int> EndAllOfPersonAsync(StillasDb people, int personId, SessionEnd reason, CancellationToken ct)
    {
        var accountId = await people.Users.Where(a => a.PersonId == personId).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        return accountId is int id ? await EndAllAsync(id, reason) : 0;
    }

    /// <summary>The account's sessions that still let a cookie in, newest first.</summary>
    public Task<List<UserSession>> ActiveAsync(int accountId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var idleSince = now - Options.IdleTimeout;
        return db.UserSessions.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.Id).ToListAsync(ct);
    }

    /// <summary>Marks the session as seen now (the "Forbli innlogget" button).</summary>
    public Task TouchAsync(ClaimsPrincipal user) => IdOf(user) is int id ? Gated(db, () =>
        db.UserSessions.Where(s => s.Id == id && s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, clock.GetUtcNow()))) : Task.CompletedTask;

    private Task<int> UpdateAsync(IQueryable<UserSession> sessions, SessionEnd reason)
    {
        var now = clock.GetUtcNow();
        return Gated(db, () => sessions.ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason)));
    }

    public static int? IdOf(ClaimsPrincipal user) => Parse(user.FindFirst(Claim)?.Value)?.Id;

    private static (int Id, string Secret)? Parse(string? value)
    {
        if (value is null) return null;
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && int.TryParse(value.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? (id, value[(dot + 1)..]) : null;
    }

    /// <summary>SQLite takes one writer at a time through the context's write gate (StillasDb.WriteGate).</summary>
    private static async Task<T> Gated<T>(StillasDb db, Func<Task<T>> write)
    {
        var gate = db.Database.CurrentTransaction is null ? db.WriteGate : null;
        if (gate is not null) await gate.WaitAsync();
        try { return await write(); }
        finally { gate?.Release(); }
    }

    /// <summary>
    /// The cookie's check on every request (CookieAuthenticationEvents.OnValidatePrincipal): one primary-key read;
    /// LastSeenAt written at most once a minute. A cookie without an open, fresh session is rejected and deleted,
    /// so pages go to the login and the API answers 401.
    /// </summary>
    /// <summary>What the check needs of a session, compiled once (it runs on every request of a logged-in person).</summary>
    public sealed record Check(int AccountId, string SecretHash, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, DateTimeOffset? EndedAt);

    private static readonly CompiledQuery<int, Check> ById = new((db, id) =>
        db.UserSessions.AsNoTracking().Where(s => s.Id == id).Select(s => new Check(s.AccountId, s.SecretHash, s.LastSeenAt, s.ExpiresAt, s.EndedAt)));

    public static async Task<bool> ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        // Public files (CSS, scripts, fonts: anonymous endpoints with a file extension) show nothing of the
        // person: no database read for them. Pages and the API are always checked.
        if (ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null
            && Path.HasExtension(ctx.HttpContext.Request.Path.Value)) return true;
        var services = ctx.HttpContext.RequestServices;
        var parsed = ctx.Principal is null ? null : Parse(ctx.Principal.FindFirst(Claim)?.Value);
        var accountId = ctx.Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (parsed is not (var id, var secret) || accountId is null) return await RejectAsync(ctx);
        var db = services.GetRequiredService<StillasDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var limits = services.GetRequiredService<IOptions<SessionLimits>>().Value;
        var row = await ById.FirstOrDefaultAsync(db, id, ctx.HttpContext.RequestAborted);
        if (row is null || row.EndedAt is not null || accountId != row.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(row.SecretHash), System.Text.Encoding.ASCII.GetBytes(AccountLinks.Hash(secret))))
            return await RejectAsync(ctx);
        var now = clock.GetUtcNow();
        var end = now >= row.ExpiresAt ? SessionEnd.Expired : now - row.LastSeenAt > limits.IdleTimeout ? SessionEnd.Idle : (SessionEnd?)null;
        if (end is SessionEnd reason)
        {
            await Gated(db, () => db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason)));
            return await RejectAsync(ctx);
        }
        if (now - row.LastSeenAt >= LastSeenResolution)
            await Gated(db, () => db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now)));
        return true;
    }

    private static async Task<bool> RejectAsync(CookieValidatePrincipalContext ctx)
    {
        ctx.RejectPrincipal();
        await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return false;
    }

    /// <summary>"Firefox på Windows": enough for a person to recognise their own devices, nothing more.</summary>
    public static string DeviceOf(string userAgent)
    {
        string browser = userAgent switch
        {
            var u when u.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            var u when u.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            var u when u.Contains("Chrome/", StringComparison.Ordinal) || u.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            var u when u.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            "" => "Ukjent nettleser",
            _ => "Annen klient",
        };
        string? system = userAgent switch
        {
            var u when u.Contains("iPhone", StringComparison.Ordinal) || u.Contains("iPad", StringComparison.Ordinal) => "iOS",
            var u when u.Contains("Android", StringComparison.Ordinal) => "Android",
            var u when u.Contains("Windows", StringComparison.Ordinal) => "Windows",
            var u when u.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            var u when u.Contains("CrOS", StringComparison.Ordinal) => "ChromeOS",
            var u when u.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser} på {system}";
    }

    /// <summary>
    /// A stored device (<see cref="DeviceOf"/>, kept in bokmål as it was written at login) in the reader's language:
    /// "Firefox on Windows", "Unknown browser".
    /// </summary>
    public static string DeviceText(string device)
    {
        var on = device.IndexOf(" på ", StringComparison.Ordinal);
        return on < 0 ? Platform.Text.L.Data(device)
            : Platform.Text.L.T("{0} på {1}", Platform.Text.L.Data(device[..on]), device[(on + 4)..]);
    }
}
