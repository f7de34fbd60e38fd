using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Stillas.Web.Platform.Text;

/// <summary>
/// Every text a person reads, in bokmål, nynorsk and English: the <c>*.texts.json</c> files beside the
/// features (embedded in the assembly), read once. A text's key is its bokmål wording, so a page reads
/// as it did (<c>@T["Lagre"]</c>) and a missing translation can only ever show bokmål, never a key:
/// <code>{ "Lagre": { "nn": "Lagre", "en": "Save" },
///   "nav.home": { "nb": "Start", "nn": "Start", "en": "Home" } }</code>
/// An entry may give "nb" when the key is not itself the bokmål text (the same word translated two ways).
/// </summary>
public sealed class TextCatalog
{
    public const string ResourcePrefix = "Stillas.Texts.";
    public const char PseudoOpen = '⟦', PseudoClose = '⟧';

    private static readonly Lazy<TextCatalog> SharedCatalog = new(() => Load(typeof(TextCatalog).Assembly));

    /// <summary>The catalog of the running app (static: the texts are part of the build, not of a request).</summary>
    public static TextCatalog Shared => SharedCatalog.Value;

    /// <summary>
    /// Pseudo-localisation for tests (Text:Pseudo=true): every text from the catalog is wrapped in ⟦ ⟧ and
    /// a key the catalog lacks in ⟦! !⟧, so a crawl sees what bypassed the localizer or lacks an entry.
    /// </summary>
    public static bool Pseudo { get; set; }

    /// <summary>Where a missing key is reported (once per key and language).</summary>
    public static ILogger? Log { get; set; }

    private readonly FrozenDictionary<string, string[]> _entries;
    private readonly ConcurrentDictionary<(string Key, string Lang), bool> _missing = new();

    public IReadOnlyList<CatalogEntry> Entries { get; }
    /// <summary>Keys given twice with different texts (a test fails on them).</summary>
    public IReadOnlyList<string> Conflicts { get; }

    private TextCatalog(IReadOnlyList<CatalogEntry> entries)
    {
        Entries = entries;
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (var e in entries)
        {
            string[] texts = [e.Nb, e.Nn ?? e.Nb, e.En ?? e.Nb];
            if (map.TryGetValue(e.Key, out var before))
            {
                if (!before.SequenceEqual(texts)) conflicts.Add($"{e.Key} ({e.Source})");
                continue;
            }
            map[e.Key] = texts;
        }
        _entries = map.ToFrozenDictionary(StringComparer.Ordinal);
        Conflicts = conflicts;
    }

    /// <summary>Keys asked for that the catalog lacks, with the language they were asked in.</summary>
    public IReadOnlyCollection<(string Key, string Lang)> Missing => _missing.Keys.ToList();

    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>The text for a key in the current UI language; bokmål (the key) when it is missing.</summary>
    public string Get(string key) => Get(key, CultureInfo.CurrentUICulture);

    public string Get(string key, CultureInfo culture)
    {
        if (_entries.TryGetValue(key, out var texts))
        {
            var text = texts[Index(culture)];
            return Pseudo ? PseudoOpen + text + PseudoClose : text;
        }
        var lang = Languages.Code(culture);
        if (_missing.TryAdd((key, lang), true))
            Log?.LogWarning("Text missing from the catalog ({Language}): {Key}", lang, key);
        return Pseudo ? PseudoOpen + "!" + key + "!" + PseudoClose : key;
    }

    /// <summary>The text with its placeholders ({0}, {1:d}) filled in the current culture.</summary>
    public string Format(string key, object?[] args)
    {
        var text = Get(key);
        try { return string.Format(CultureInfo.CurrentCulture, text, args); }
        catch (FormatException)
        {
            Log?.LogWarning("Text with broken placeholders ({Language}): {Key}", Languages.Current, key);
            return string.Format(CultureInfo.CurrentCulture, key, args);
        }
    }

    /// <summary>
    /// A text stored as data (a model's phase or step name, written in the language of its author):
    /// its translation when the catalog has one, else the text as written. Never reported as missing.
    /// </summary>
    public string Data(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!_entries.TryGetValue(text, out var texts)) return text;
        var t = texts[Index(CultureInfo.CurrentUICulture)];
        return Pseudo ? PseudoOpen + t + PseudoClose : t;
    }

    private static int Index(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "nn" => 1,
        "en" => 2,
        _ => 0,
    };

    public static TextCatalog Load(Assembly assembly)
    {
        var entries = new List<CatalogEntry>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            entries.AddRange(Parse(stream, name[ResourcePrefix.Length..]));
        }
        return new TextCatalog(entries);
    }

    public static TextCatalog FromEntries(IReadOnlyList<CatalogEntry> entries) => new(entries);

    public static IEnumerable<CatalogEntry> Parse(Stream json, string source)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var list = new List<CatalogEntry>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Name.StartsWith('$')) continue;
            string? Read(string lang) => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty(lang, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            list.Add(new CatalogEntry(p.Name, Read("nb") ?? p.Name, Read("nn"), Read("en"), source));
        }
        return list;
    }
}

/// <summary>One text: its key, bokmål, nynorsk and English, and the file it came from.</summary>
public sealed record CatalogEntry(string Key, string Nb, string? Nn, string? En, string Source);
