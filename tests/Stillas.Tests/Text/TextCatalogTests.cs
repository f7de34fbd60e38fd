using System.Text.RegularExpressions;
using Stillas.Web.Platform.Text;

namespace Stillas.Tests.Text;

/// <summary>
/// The catalog is complete: every key the code asks for has an entry, every entry has nynorsk and
/// English with the same placeholders, and no key is translated two ways (docs/text.md).
/// </summary>
public sealed partial class TextCatalogTests
{
    internal static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Stillas.slnx"))) return dir.FullName;
        throw new InvalidOperationException("No Stillas.slnx above " + AppContext.BaseDirectory);
    }

    // T["…"] / _t["…"] / L.T("…") / ErrorMessage = "…" with a plain literal (no interpolation).
    [GeneratedRegex("""(?:\b(?:T|_t|t|Localizer|localizer)\[|\bL\.T\(|ErrorMessage\s*=\s*)"((?:[^"\\]|\\.)*)"(?=\s*[\],)])""")]
    private static partial Regex KeyUse();

    // <ds-field … label="Navn" description="…" empty="…">: the tag helper translates these literals.
    [GeneratedRegex("""<ds-field\b[^>]*""")]
    private static partial Regex FieldTag();

    [GeneratedRegex(@"\b(?:label|description|empty)=""([^""@]+)""")]
    private static partial Regex FieldText();

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    internal static IEnumerable<(string File, string Key)> KeysInSource()
    {
        var src = Path.Combine(Root(), "src", "Stillas.Web");
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains("Migrations", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in KeyUse().Matches(text))
            {
                // Razor and C# both escape quotes as \" inside these literals.
                var key = Regex.Unescape(m.Groups[1].Value);
                yield return (Path.GetRelativePath(src, file), key);
            }
            if (!file.EndsWith(".cshtml", StringComparison.Ordinal)) continue;
            foreach (Match tag in FieldTag().Matches(text))
            {
                if (tag.Value.Contains("translate=\"false\"", StringComparison.Ordinal)) continue;
                foreach (Match m in FieldText().Matches(tag.Value)) yield return (Path.GetRelativePath(src, file), m.Groups[1].Value);
            }
        }
    }

    [Fact]
    public void Every_key_the_code_uses_has_an_entry()
    {
        var catalog = TextCatalog.Shared;
        var used = KeysInSource().ToList();
        Assert.True(used.Count > 20, $"The scan found only {used.Count} keys: the pattern is broken.");
        var missing = used.Where(u => !catalog.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} texts lack a catalog entry:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_entry_has_nynorsk_and_English_with_the_same_placeholders()
    {
        var problems = new List<string>();
        foreach (var e in TextCatalog.Shared.Entries)
        {
            if (string.IsNullOrWhiteSpace(e.Nn)) problems.Add($"{e.Source}: «{e.Key}» lacks nn");
            if (string.IsNullOrWhiteSpace(e.En)) problems.Add($"{e.Source}: «{e.Key}» lacks en");
            var nb = Placeholders(e.Nb);
            if (e.Nn is not null && !Placeholders(e.Nn).SetEquals(nb)) problems.Add($"{e.Source}: «{e.Key}» nn has other placeholders");
            if (e.En is not null && !Placeholders(e.En).SetEquals(nb)) problems.Add($"{e.Source}: «{e.Key}» en has other placeholders");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void No_key_is_translated_two_ways() =>
        Assert.True(TextCatalog.Shared.Conflicts.Count == 0, "Keys with two translations:\n" + string.Join('\n', TextCatalog.Shared.Conflicts));

    [Fact]
    public void The_check_for_a_missing_translation_fails_on_one()
    {
        // The positive control: an entry without nynorsk is reported, and a missing key falls back to its bokmål text.
        var catalog = TextCatalog.FromEntries([new CatalogEntry("Lagre", "Lagre", null, "Save", "test")]);
        Assert.Null(catalog.Entries[0].Nn);
        Assert.Equal("Save", catalog.Get("Lagre", Languages.EnglishCulture));
        Assert.Equal("Lagre", catalog.Get("Lagre", Languages.NynorskCulture));
        Assert.Equal("Finnes ikke", catalog.Get("Finnes ikke", Languages.EnglishCulture));
        Assert.Contains(("Finnes ikke", "en"), catalog.Missing);
    }

    private static HashSet<string> Placeholders(string s) => Placeholder().Matches(s).Select(m => m.Groups[1].Value).ToHashSet();
}
