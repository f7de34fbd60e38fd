using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Account.Passwords;

/// <summary>
/// Password rules after NSM's advice (docs/security.md): length over composition, at least
/// <c>Passwords:MinimumLength</c> (12) and at most <c>Passwords:MaximumLength</c> (128) characters, spaces and
/// æøå welcome, no rules about digits or capitals, no expiry.
/// </summary>
public sealed class PasswordPolicy
{
    public int MinimumLength { get; set; } = 12;
    public int MaximumLength { get; set; } = 128;
}

/// <summary>Texts of the password rules, in one place (bokmål keys of the catalog; shown through <see cref="L"/>).</summary>
public static class PasswordTexts
{
    public static string TooLong(int max) => L.T("Passordet kan ha høyst {0} tegn.", max);
    public const string Common = "Passordet er for vanlig eller har vært lekket og er kjent for angripere. Velg et annet, gjerne en setning av flere ord.";
    public const string ContainsName = "Passordet kan ikke inneholde navnet ditt eller e-postadressen din.";
    public static string Advice(int min) => L.T("Bruk minst {0} tegn. Lange passord er sikrere enn kompliserte: skriv gjerne en setning av flere ord, med mellomrom om du vil. Vanlige og lekkede passord, og passord med navnet eller e-postadressen din, blir avvist.", min);
}

/// <summary>
/// Refuses too long passwords, passwords on the shipped list of common and leaked passwords, and passwords that
/// contain the person's name parts or e-mail's local part. Identity's own validator checks the minimum length.
/// </summary>
public sealed class NsmPasswordValidator(StillasDb db, IOptions<PasswordPolicy> policy) : IPasswordValidator<Account>
{
    /// <summary>Name parts shorter than this are ignored ("Bo", "Li" would refuse too much).</summary>
    public const int ShortestNamePart = 3;

    public async Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return IdentityResult.Success; // Identity's own validator says it is missing
        var errors = new List<IdentityError>();
        var max = policy.Value.MaximumLength;
        if (password.Length > max) errors.Add(new() { Code = "PasswordTooLong", Description = PasswordTexts.TooLong(max) });
        if (CommonPasswords.Contains(password)) errors.Add(new() { Code = "PasswordCommon", Description = L.T(PasswordTexts.Common) });
        var name = await db.ActivePersonNameAsync(user.PersonId, CancellationToken.None);
        if (ContainsPersonal(password, name, user.Email)) errors.Add(new() { Code = "PasswordPersonal", Description = L.T(PasswordTexts.ContainsName) });
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    public static bool ContainsPersonal(string password, string? name, string? email)
    {
        var parts = new List<string>();
        if (name is not null) parts.AddRange(name.Split([' ', '-', '\'', '.'], StringSplitOptions.RemoveEmptyEntries));
        if (email is not null && email.IndexOf('@', StringComparison.Ordinal) is var at and > 0)
        {
            var local = email[..at];
            parts.Add(local);
            parts.AddRange(local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries));
        }
        return parts.Any(p => p.Length >= ShortestNamePart && password.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// The common and leaked passwords shipped with the app (embedded resources): the 49 233 passwords of the
/// zxcvbn-ts common dictionary (MIT) and a short list of Norwegian ones. Compared without case and without spaces.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password)
    {
        var lower = password.ToLowerInvariant();
        return List.Value.Contains(lower) || List.Value.Contains(lower.Replace(" ", "", StringComparison.Ordinal));
    }

    private static FrozenSet<string> Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var assembly = typeof(CommonPasswords).Assembly;
        foreach (var resource in new[] { "Stillas.Passwords.common-passwords.txt", "Stillas.Passwords.norwegian-common.txt" })
        {
            using var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"The password list {resource} is not embedded.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
                if (line.Length > 0 && line[0] != '#') set.Add(line.Trim().ToLowerInvariant());
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
