using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Stillas.Web.Platform.Web;

using Text = Stillas.Web.Platform.Text;

/// <summary>Norwegian texts for model-binding errors (e.g. "abc" in a number field).</summary>
public static class NorwegianModelBinding
{
    public static void Configure(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => Text.L.T("«{0}» er ikke en gyldig verdi.", value));
        p.SetMissingBindRequiredValueAccessor(field => Text.L.T("Feltet må fylles ut."));
        p.SetMissingKeyOrValueAccessor(() => Text.L.T("Feltet må fylles ut."));
        p.SetMissingRequestBodyRequiredValueAccessor(() => Text.L.T("Forespørselen mangler innhold."));
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => Text.L.T("«{0}» er ikke en gyldig verdi.", value));
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => Text.L.T("Verdien er ikke gyldig."));
        p.SetNonPropertyValueMustBeANumberAccessor(() => Text.L.T("Verdien må være et tall."));
        p.SetUnknownValueIsInvalidAccessor(field => Text.L.T("Verdien er ikke gyldig."));
        p.SetValueIsInvalidAccessor(value => Text.L.T("«{0}» er ikke en gyldig verdi.", value));
        p.SetValueMustBeANumberAccessor(field => Text.L.T("Verdien må være et tall."));
        p.SetValueMustNotBeNullAccessor(value => Text.L.T("Feltet må fylles ut."));
    }
}

/// <summary>Norwegian messages from Identity (password rules, duplicate e-mail).</summary>
public sealed class NorwegianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = Text.L.T("E-postadressen er allerede i bruk.") };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = Text.L.T("E-postadressen er allerede i bruk.") };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = Text.L.T("E-postadressen er ikke gyldig.") };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = Text.L.T("E-postadressen er ikke gyldig.") };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Text.L.T("Passordet må ha minst {0} tegn.", length) };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = Text.L.T("Passordet må inneholde minst ett siffer.") };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = Text.L.T("Passordet må inneholde minst én liten bokstav.") };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = Text.L.T("Passordet må inneholde minst én stor bokstav.") };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = Text.L.T("Passordet må inneholde minst ett tegn som ikke er bokstav eller siffer.") };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = Text.L.T("Passordet må ha minst {0} ulike tegn.", uniqueChars) };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = Text.L.T("Lenken er ugyldig eller utløpt.") };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = Text.L.T("Feil passord.") };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = Text.L.T("Noe gikk galt. Prøv igjen.") };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = Text.L.T("Noen andre har endret dette samtidig. Prøv igjen.") };
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
