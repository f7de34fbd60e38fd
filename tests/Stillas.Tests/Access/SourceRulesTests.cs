namespace Stillas.Tests.Access;

/// <summary>
/// Rules of the code's shape that keep the access model in one place: Platform's access and audit know no
/// feature (features declare their scope, rules and audit names on themselves), and only Platform switches
/// the access filter off.
/// </summary>
public sealed class SourceRulesTests
{
    private static string Web()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Stillas.slnx"))) return Path.Combine(dir.FullName, "src", "Stillas.Web");
        throw new InvalidOperationException("No Stillas.slnx above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<(string File, int Line, string Text)> Lines(string folder, string pattern = "*.cs") =>
        Directory.EnumerateFiles(Path.Combine(Web(), folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(Web(), f), i + 1, text)));

    [Theory]
    [InlineData("Platform/Access")]
    [InlineData("Platform/Audit")]
    public void Platform_access_and_audit_name_no_feature(string folder)
    {
        var hits = Lines(folder).Where(l => l.Text.Contains("Features.", StringComparison.Ordinal) || l.Text.Contains("Stillas.Web.Features", StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits.Select(h => $"{h.File}:{h.Line}: {h.Text.Trim()}")));
    }

    [Fact]
    public void Only_platform_switches_the_access_filter_off()
    {
        var hits = Lines("Features").Concat(Lines("Features", "*.cshtml")).Where(l => l.Text.Contains("IgnoreQueryFilters", StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits.Select(h => $"{h.File}:{h.Line}: {h.Text.Trim()}")));
    }

    [Fact]
    public void No_page_outside_the_programme_wing_routes_itself_under_programmes()
    {
        var hits = Lines("Features", "*.cshtml").Where(l => l.Text.StartsWith("@page \"/Programmes/", StringComparison.Ordinal)
            && !l.File.StartsWith(Path.Combine("Features", "Programmes"), StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits.Select(h => $"{h.File}:{h.Line}: {h.Text.Trim()}")));
    }
}
