using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Stillas.Web.Platform.Web;

/// <summary>Norwegian texts for model-binding errors (e.g. "abc" in a number field).</summary>
public static class NorwegianModelBinding
{
    public static void Configure(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"«{value}» er ikke en gyldig verdi.");
        p.SetMissingBindRequiredValueAccessor(field => "Feltet må fylles ut.");
        p.SetMissingKeyOrValueAccessor(() => "Feltet må fylles ut.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Forespørselen mangler innhold.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"«{value}» er ikke en gyldig verdi.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Verdien er ikke gyldig.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Verdien må være et tall.");
        p.SetUnknownValueIsInvalidAccessor(field => "Verdien er ikke gyldig.");
        p.SetValueIsInvalidAccessor(value => $"«{value}» er ikke en gyldig verdi.");
        p.SetValueMustBeANumberAccessor(field => "Verdien må være et tall.");
        p.SetValueMustNotBeNullAccessor(value => "Feltet må fylles ut.");
    }
}

/// <summary>Norwegian messages from Identity (password rules, duplicate e-mail).</summary>
public sealed class NorwegianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "E-postadressen er allerede i bruk." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "E-postadressen er allerede i bruk." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "E-postadressen er ikke gyldig." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "E-postadressen er ikke gyldig." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Passordet må ha minst {length} tegn." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Passordet må inneholde minst ett siffer." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Passordet må inneholde minst én liten bokstav." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Passordet må inneholde minst én stor bokstav." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Passordet må inneholde minst ett tegn som ikke er bokstav eller siffer." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Passordet må ha minst {uniqueChars} ulike tegn." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Lenken er ugyldig eller utløpt." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Feil passord." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Noe gikk galt. Prøv igjen." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Noen andre har endret dette samtidig. Prøv igjen." };
}

/// <summary>
/// Dates and times in Europe/Oslo, in the format of the current culture (Platform/Text/Languages):
/// 24.11.2026 and 14:00 in bokmål and nynorsk, 24/11/2026 and 14:00 in English (en-GB).
/// </summary>
public static class NorwegianTime
{
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    public static DateTimeOffset ToOslo(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Oslo);
    private static System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.CurrentCulture;
    /// <summary>dd.MM.yyyy (nb, nn) or dd/MM/yyyy (en-GB), always with four-digit years and two-digit days.</summary>
    private static string DatePattern => Culture.TwoLetterISOLanguageName == "en" ? "dd'/'MM'/'yyyy" : "dd.MM.yyyy";
    public static string Date(DateOnly d) => d.ToString(DatePattern, Culture);
    public static string Date(DateTimeOffset t) => ToOslo(t).ToString(DatePattern, Culture);
    public static string DateTime(DateTimeOffset t) => ToOslo(t).ToString(DatePattern + " HH:mm", Culture);
    public static string Time(DateTimeOffset t) => ToOslo(t).ToString("HH:mm", Culture);
    public static string Time(TimeOnly t) => t.ToString("HH:mm", Culture);
    /// <summary>"tirsdag 24. november 2026" / "tysdag 24. november 2026" / "Tuesday 24 November 2026".</summary>
    public static string LongDate(DateOnly d) => d.ToString(Culture.TwoLetterISOLanguageName == "en" ? "dddd d MMMM yyyy" : "dddd d. MMMM yyyy", Culture);
    /// <summary>"24. nov." / "24 Nov": a short day and month for lists and calendars.</summary>
    public static string DayMonth(DateOnly d) => d.ToString(Culture.TwoLetterISOLanguageName == "en" ? "d MMM" : "d. MMM", Culture);
    public static string DayName(DateOnly d) => Culture.DateTimeFormat.GetDayName(d.DayOfWeek);
    public static string MonthName(int month) => Culture.DateTimeFormat.GetMonthName(month);
    /// <summary>ISO 8601 week number (Norway and the UK both count weeks so).</summary>
    public static int Week(DateOnly d) => System.Globalization.ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue));
}
