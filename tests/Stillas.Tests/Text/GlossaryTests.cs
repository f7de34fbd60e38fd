using System.Text.RegularExpressions;
using Stillas.Web.Platform.Text;

namespace Stillas.Tests.Text;

/// <summary>
/// Nynorsk done properly: docs/glossary.md is the project's word list, and the catalogs keep to it —
/// no bokmål word in a nynorsk text, and a glossary term in bokmål gets its glossary form in nynorsk.
/// </summary>
public sealed class GlossaryTests
{
    private sealed record Term(string Nb, string Nn, string En);

    private static (List<Term> Terms, List<Regex> NotNynorsk) ReadGlossary()
    {
        var lines = File.ReadAllLines(Path.Combine(TextCatalogTests.Root(), "docs", "glossary.md"));
        var terms = new List<Term>();
        var inTerms = false;
        var notNynorsk = new List<Regex>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal)) inTerms = line == "## Terms";
            if (inTerms && line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal) && !line.StartsWith("| bokmål", StringComparison.Ordinal))
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                terms.Add(new Term(cells[0], cells[1], cells[2]));
            }
            if (line == "## Not nynorsk")
            {
                // The list is the section's longest line (the paragraph before it explains it).
                var list = lines.Skip(i + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).MaxBy(l => l.Length)!;
                foreach (var w in list.Split(',').Select(w => w.Trim()).Where(w => w.Length > 0))
                {
                    var core = Regex.Escape(w.Trim('*'));
                    var start = w.StartsWith('*') ? @"\p{L}*" : "";
                    var end = w.EndsWith('*') ? @"\p{L}*" : "";
                    notNynorsk.Add(new Regex($@"(?<!\p{{L}}){start}{core}{end}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
                }
            }
        }
        return (terms, notNynorsk);
    }

    [Fact]
    public void The_glossary_is_read()
    {
        var (terms, not) = ReadGlossary();
        Assert.Contains(terms, t => t.Nb == "skoleeier" && t.Nn == "skuleeigar");
        Assert.True(not.Count > 30, $"Only {not.Count} words in \"Not nynorsk\".");
        // Positive control: the check below catches bokmål in a nynorsk sentence.
        Assert.Contains(not, r => r.IsMatch("Skolen har ikke levert"));
        Assert.DoesNotContain(not, r => r.IsMatch("Skulen har ikkje levert"));
    }

    [Fact]
    public void No_nynorsk_text_has_a_bokmal_word()
    {
        var (_, not) = ReadGlossary();
        var problems = TextCatalog.Shared.Entries
            .Where(e => e.Nn is not null)
            .SelectMany(e => not.Where(r => r.IsMatch(Strip(e.Nn!))).Select(r => $"{e.Source}: «{e.Nn}» has «{r.Match(Strip(e.Nn!)).Value}»"))
            .ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} nynorsk texts with bokmål words:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void A_glossary_term_keeps_its_nynorsk_form()
    {
        var (terms, _) = ReadGlossary();
        var problems = new List<string>();
        foreach (var t in terms.Where(t => !string.Equals(t.Nb, t.Nn, StringComparison.OrdinalIgnoreCase)))
        {
            var nb = new Regex($@"(?<!\p{{L}}){Regex.Escape(t.Nb)}", RegexOptions.IgnoreCase);
            var nnStem = Stem(t.Nn);
            foreach (var e in TextCatalog.Shared.Entries.Where(e => e.Nn is not null && nb.IsMatch(Strip(e.Nb))))
                if (!e.Nn!.Contains(nnStem, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"{e.Source}: «{e.Nb}» → «{e.Nn}» lacks «{t.Nn}»");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} nynorsk texts that do not use the glossary:\n" + string.Join('\n', problems));
    }

    // Inflected forms share the stem: skuleeigar/skuleeigarar/skuleeigaren, rettleiar/rettleiarane, veke/veka.
    private static string Stem(string word) => word.Length > 4 ? word[..^1] : word;

    // Placeholders, markup and proper names ("Sentrum skole", "Fjordland videregående skole": a school keeps its name) are not words.
    private static string Strip(string s) => Regex.Replace(Regex.Replace(Regex.Replace(s, @"\{[^}]*\}", " "), "<[^>]+>", " "),
        @"(?<!\p{L})\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)* (?:videregående skole|ungdomsskole|skole)(?!\p{L})", " ");
}
