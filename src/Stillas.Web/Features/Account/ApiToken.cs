using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;

namespace Stillas.Web.Features.Account;

public enum ApiTokenRights { ReadOnly = 1, ReadWrite = 2 }

/// <summary>
/// A personal API token for scripts and integrations (issue 18, part 4): it acts with exactly its holder's access,
/// read-only or read-write, until it expires (at most a year) or is revoked. Only the SHA-256 of the whole token is
/// stored; <see cref="Prefix"/> (public, part of the token) finds the row. Created, revoked and used (at most once an
/// hour, <see cref="ApiTokens.UseRecordedEvery"/>) show in the audit log.
/// </summary>
[Audited("API-nøkkel")]
public class ApiToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public int PersonId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    [NotAudited] public required string TokenHash { get; set; }
    public ApiTokenRights Rights { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public const int NameMax = 100;

    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("ApiTokens");
        b.Property(t => t.Name).HasMaxLength(NameMax);
        b.Property(t => t.Prefix).HasMaxLength(ApiTokens.PrefixLength);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.Prefix).IsUnique();
        b.HasIndex(t => t.PersonId);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A person makes, revokes and uses only their own tokens; a saved token changes only its use and revocation (its
/// name, rights and expiry are fixed at creation, so a stolen session cannot widen a token it did not make).
/// </summary>
public sealed class ApiTokenWrites : WriteRule<ApiToken>
{
    private static readonly HashSet<string> Changeable = [nameof(ApiToken.LastUsedAt), nameof(ApiToken.RevokedAt)];

    protected override bool MayWrite(WriteContext write, ApiToken row) =>
        write.Scope.PersonId == write.Original<int>(nameof(ApiToken.PersonId)) && row.PersonId == write.Scope.PersonId
        && (write.Added || (write.Modified && write.OnlyChanged(Changeable)));
}

/// <summary>Making and reading tokens: the format, the hash and the limits, in one place.</summary>
public static class ApiTokens
{
    public const string Marker = "stillas_";
    public const int PrefixLength = 10;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);
    public const int DefaultDays = 90;
    public const int MaxDays = 365;

    /// <summary>
    /// Use is written (LastUsedAt, and so an audit entry) at most this often per token: enough to tell whether and
    /// when a token is in use, without an audit row and a database write on every call of a polling script.
    /// </summary>
    public static readonly TimeSpan UseRecordedEvery = TimeSpan.FromHours(1);

    /// <summary>A new token: "stillas_" + 10 hex characters (the public prefix) + "_" + 43 random characters.</summary>
    public static (string Token, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var token = Marker + prefix + "_" + secret;
        return (token, prefix, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>The prefix of a token as presented, or null when it cannot be one of ours.</summary>
    public static string? PrefixOf(string token)
    {
        if (token.Length < Marker.Length + PrefixLength + 2 || token.Length > 200 || !token.StartsWith(Marker, StringComparison.Ordinal)) return null;
        if (token[Marker.Length + PrefixLength] != '_') return null;
        var prefix = token.Substring(Marker.Length, PrefixLength);
        return prefix.All(char.IsAsciiHexDigitLower) ? prefix : null;
    }

    public static bool HashMatches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Hash(token)), System.Text.Encoding.ASCII.GetBytes(storedHash));

    public static string RightsText(ApiTokenRights rights) => rights == ApiTokenRights.ReadWrite ? Platform.Text.L.T("Lese og skrive") : Platform.Text.L.T("Bare lese");
}
