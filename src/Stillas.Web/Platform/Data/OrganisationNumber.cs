namespace Stillas.Web.Platform.Data;

/// <summary>Norwegian organisation numbers (Enhetsregisteret): nine digits, the last a mod-11 check digit.</summary>
public static class OrganisationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>Strips spaces so "974 760 673" and "974760673" are the same number.</summary>
    public static string Normalise(string? value) =>
        new((value ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static bool IsValid(string? value)
    {
        var digits = Normalise(value);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (digits[i] - '0') * Weights[i];
        var remainder = sum % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return check != 10 && check == digits[8] - '0';
    }

    /// <summary>Makes a valid number from an eight-digit stem (used by demo data and tests); null when the stem has no valid check digit.</summary>
    public static string? Complete(string stem)
    {
        if (stem.Length != 8 || !stem.All(char.IsAsciiDigit)) throw new ArgumentException("Eight digits expected.", nameof(stem));
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (stem[i] - '0') * Weights[i];
        var remainder = sum % 11;
        var check = remainder == 0 ? 0 : 11 - remainder;
        return check == 10 ? null : stem + (char)('0' + check);
    }
}

/// <summary>Validation attribute for organisation numbers with the Norwegian message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OrganisationNumberAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
{
    public OrganisationNumberAttribute() : base("Organisasjonsnummeret er ikke gyldig. Det skal ha ni siffer og riktig kontrollsiffer.") { }
    public override bool IsValid(object? value) => value is null || (value is string s && (s.Length == 0 || OrganisationNumber.IsValid(s)));
}
