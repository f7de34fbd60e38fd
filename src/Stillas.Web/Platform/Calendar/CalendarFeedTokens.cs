using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Platform.Calendar;

/// <summary>The secret in a calendar feed's address: random, stored only as its SHA-256.</summary>
public static class CalendarFeedTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The person a token belongs to. Platform code: like a login, the lookup reads the feeds unfiltered;
    /// what the feed then shows is read with that person's own access scope.
    /// </summary>
    public static Task<int?> PersonOfAsync(StillasDb db, string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) return Task.FromResult<int?>(null);
        var hash = Hash(token);
        return db.CalendarFeeds.IgnoreQueryFilters().AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (int?)f.PersonId).SingleOrDefaultAsync(ct);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
