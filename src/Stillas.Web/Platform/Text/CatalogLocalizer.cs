using Microsoft.Extensions.Localization;

namespace Stillas.Web.Platform.Text;

/// <summary>
/// The localizer every page, page model, validation attribute and service uses (IStringLocalizer,
/// IStringLocalizer&lt;T&gt;, and through the framework's HtmlLocalizer also IViewLocalizer). One catalog
/// for the whole app: a text means the same wherever it is shown, so the resource's type is not part of the key.
/// </summary>
public sealed class CatalogLocalizer(TextCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = catalog.Get(name);
            return new LocalizedString(name, value, resourceNotFound: !catalog.Contains(name));
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var value = catalog.Format(name, arguments);
            return new LocalizedString(name, value, resourceNotFound: !catalog.Contains(name));
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Entries.Select(e => new LocalizedString(e.Key, catalog.Get(e.Key)));
}

public sealed class CatalogLocalizerFactory(TextCatalog catalog) : IStringLocalizerFactory
{
    private readonly CatalogLocalizer _localizer = new(catalog);
    public IStringLocalizer Create(Type resourceSource) => _localizer;
    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

/// <summary>The typed localizer (IStringLocalizer&lt;T&gt;), the same catalog.</summary>
public sealed class CatalogLocalizer<T>(IStringLocalizerFactory factory) : IStringLocalizer<T>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(T));
    public LocalizedString this[string name] => _inner[name];
    public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}

/// <summary>
/// The catalog for code that has no localizer injected: domain rules, enum labels, static helpers.
/// <c>L.T("Lagre")</c>, <c>L.T("{0} skoler", n)</c>; <c>L.Data(phase.Name)</c> for texts stored as data.
/// Same catalog and current-culture rules as the injected localizer.
/// </summary>
public static class L
{
    public static string T(string key) => TextCatalog.Shared.Get(key);
    public static string T(string key, params object?[] args) => TextCatalog.Shared.Format(key, args);
    public static string Data(string? text) => TextCatalog.Shared.Data(text);

    /// <summary>
    /// A name (a role, a status) inside a sentence: a lower-case first letter, the rest as written, so an
    /// abbreviation keeps its capitals ("Veileder fra UH" → "veileder fra UH", not "veileder fra uh"), and a name
    /// that begins with one (SKUT-medlem) is left as it is.
    /// </summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1])
            ? char.ToLower(name[0], System.Globalization.CultureInfo.CurrentCulture) + name[1..]
            : name;
}
