using System.Text.RegularExpressions;

namespace Stillas.Tests.Text;

/// <summary>
/// <c>T["… {0} …", x].Value</c> in a view is the text with "{0}" still in it: the view localizer's
/// LocalizedHtmlString formats only when it is written to the page. A title or attribute that needs a string takes
/// <c>L.T("… {0} …", x)</c>, which formats (the holidays page's title read «Skoleferier {0}»).
/// </summary>
public sealed partial class ViewTextFormatTests
{
    [GeneratedRegex("""(?<![\w.])T\["(?:[^"\\]|\\.)*\{\d\}(?:[^"\\]|\\.)*"\s*,[^\[\]\r\n]*\]\.Value""")]
    private static partial Regex UnformattedValue();

    [Fact]
    public void No_view_takes_the_Value_of_a_text_with_placeholders()
    {
        var src = Path.Combine(TextCatalogTests.Root(), "src", "Stillas.Web");
        var found = Directory.EnumerateFiles(src, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => UnformattedValue().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(src, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Use L.T(…) where a formatted string is needed:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_rule_sees_an_unformatted_value()
    {
        Assert.Matches(UnformattedValue(), """ViewData["Title"] = T["Skoleferier {0}", Model.SchoolYear].Value;""");
        Assert.DoesNotMatch(UnformattedValue(), """ViewData["Title"] = T["Skoleferier"].Value;""");
        Assert.DoesNotMatch(UnformattedValue(), """ViewData["Title"] = L.T("Skoleferier {0}", Model.SchoolYear);""");
    }
}
