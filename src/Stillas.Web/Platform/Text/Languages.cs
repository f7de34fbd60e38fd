using System.Globalization;

namespace Stillas.Web.Platform.Text;

/// <summary>
/// The three written languages Stillas speaks: bokmål (default), nynorsk and English. A language is
/// kept as its code ("nb", "nn", "en") on a person and in the culture cookie; a request, an e-mail or a
/// PDF runs in the matching culture (nb-NO, nn-NO, en-GB), which decides texts (the catalog) and the
/// format of dates, times and numbers.
/// </summary>
public static class Languages
{
    public const string Bokmal = "nb";
    public const string Nynorsk = "nn";
    public const string English = "en";

    public static readonly CultureInfo BokmalCulture = CultureInfo.GetCultureInfo("nb-NO");
    public static readonly CultureInfo NynorskCulture = CultureInfo.GetCultureInfo("nn-NO");
    public static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");

    public static readonly IReadOnlyList<string> Codes = [Bokmal, Nynorsk, English];
    public static readonly IReadOnlyList<CultureInfo> Cultures = [BokmalCulture, NynorskCulture, EnglishCulture];

    /// <summary>The language's own name, as the switcher shows it (each in its own language).</summary>
    public static string NativeName(string code) => code switch
    {
        Nynorsk => "Nynorsk",
        English => "English",
        _ => "Bokmål",
    };

    public static CultureInfo Culture(string? code) => Normalize(code) switch
    {
        Nynorsk => NynorskCulture,
        English => EnglishCulture,
        _ => BokmalCulture,
    };

    /// <summary>
    /// The language code for a language tag ("nn", "nn-NO", "no", "nb-NO", "en-US", …), or null when
    /// Stillas does not speak it. "no" (Norwegian, unspecified) is bokmål.
    /// </summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var t = tag.Trim();
        var dash = t.IndexOfAny(['-', '_']);
        var primary = (dash < 0 ? t : t[..dash]).ToLowerInvariant();
        return primary switch
        {
            "nb" or "no" => Bokmal,
            "nn" => Nynorsk,
            "en" => English,
            _ => null,
        };
    }

    /// <summary>The code of the language the current thread speaks (its UI culture).</summary>
    public static string Current => Code(CultureInfo.CurrentUICulture);

    public static string Code(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "nn" => Nynorsk,
        "en" => English,
        _ => Bokmal,
    };

    /// <summary>
    /// Runs what follows in another person's language (an e-mail or a PDF for them), until disposed:
    /// <c>using (Languages.Use(person.Language)) { … }</c>. Culture flows with async calls and is
    /// restored on dispose.
    /// </summary>
    public static IDisposable Use(string? code) => new Scope(Culture(code));

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
