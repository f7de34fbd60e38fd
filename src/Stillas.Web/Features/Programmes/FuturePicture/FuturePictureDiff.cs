using System.Text.RegularExpressions;

namespace Stillas.Web.Features.Programmes.FuturePicture;

public enum DiffKind { Same, Added, Removed }

public sealed record DiffPart(DiffKind Kind, string Text);

public enum SignChangeKind { Unchanged, Changed, Added, Removed }

public sealed record SignChange(SignChangeKind Kind, Guid StableKey, int? OldOrder, int? NewOrder, string? OldText, string? NewText, IReadOnlyList<DiffPart> Parts);

/// <summary>
/// A word-level diff (longest common subsequence over words, line breaks kept) of two versions of a
/// future picture, and the signs added, removed and changed, matched by their stable key.
/// </summary>
public static partial class FuturePictureDiff
{
    /// <summary>Beyond this many LCS cells the changed middle is shown as removed then added, whole.</summary>
    private const long MaxCells = 4_000_000;

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Word();

    public static IReadOnlyList<DiffPart> Words(string? before, string? after)
    {
        var a = Word().Matches(before ?? "").Select(m => m.Value).ToArray();
        var b = Word().Matches(after ?? "").Select(m => m.Value).ToArray();
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var parts = new List<DiffPart>();
        Add(parts, DiffKind.Same, a[..prefix]);
        var midA = a[prefix..(a.Length - suffix)];
        var midB = b[prefix..(b.Length - suffix)];
        if ((long)midA.Length * midB.Length > MaxCells)
        {
            Add(parts, DiffKind.Removed, midA);
            Add(parts, DiffKind.Added, midB);
        }
        else Lcs(parts, midA, midB);
        Add(parts, DiffKind.Same, a[(a.Length - suffix)..]);
        return parts;
    }

    private static void Lcs(List<DiffPart> parts, string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var len = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                len[i, j] = a[i] == b[j] ? len[i + 1, j + 1] + 1 : Math.Max(len[i + 1, j], len[i, j + 1]);
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (a[x] == b[y]) { Add(parts, DiffKind.Same, [a[x]]); x++; y++; }
            else if (len[x + 1, y] >= len[x, y + 1]) { Add(parts, DiffKind.Removed, [a[x]]); x++; }
            else { Add(parts, DiffKind.Added, [b[y]]); y++; }
        }
        Add(parts, DiffKind.Removed, a[x..]);
        Add(parts, DiffKind.Added, b[y..]);
    }

    /// <summary>Appends tokens, merging with the last part of the same kind.</summary>
    private static void Add(List<DiffPart> parts, DiffKind kind, string[] tokens)
    {
        if (tokens.Length == 0) return;
        var text = string.Concat(tokens);
        if (parts.Count > 0 && parts[^1].Kind == kind) parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        else parts.Add(new DiffPart(kind, text));
    }

    /// <summary>
    /// The parts as HTML with no whitespace of its own (the text is shown with its line breaks):
    /// &lt;ins&gt;/&lt;del&gt; plus a hidden "Lagt til"/"Fjernet" label, so colour never carries the meaning alone.
    /// </summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Html(IReadOnlyList<DiffPart> parts)
    {
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var sb = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            var text = enc.Encode(part.Text);
            sb.Append(part.Kind switch
            {
                DiffKind.Added => $"<ins class=\"diff-ins\"><span class=\"visually-hidden\">[{enc.Encode(Platform.Text.L.T("Lagt til"))}: </span>{text}<span class=\"visually-hidden\">]</span></ins>",
                DiffKind.Removed => $"<del class=\"diff-del\"><span class=\"visually-hidden\">[{enc.Encode(Platform.Text.L.T("Fjernet"))}: </span>{text}<span class=\"visually-hidden\">]</span></del>",
                _ => text,
            });
        }
        return new Microsoft.AspNetCore.Html.HtmlString(sb.ToString());
    }

    public static bool HasChanges(IReadOnlyList<DiffPart> parts) => parts.Any(p => p.Kind != DiffKind.Same);

    /// <summary>The signs of version b against version a, in b's order, then the removed ones in a's order.</summary>
    public static IReadOnlyList<SignChange> Signs(IReadOnlyList<SignView> a, IReadOnlyList<SignView> b)
    {
        var before = a.ToDictionary(s => s.StableKey);
        var result = new List<SignChange>();
        foreach (var s in b.OrderBy(s => s.Order))
        {
            if (before.TryGetValue(s.StableKey, out var old))
            {
                var same = old.Text == s.Text;
                result.Add(new SignChange(same ? SignChangeKind.Unchanged : SignChangeKind.Changed, s.StableKey, old.Order, s.Order, old.Text, s.Text,
                    same ? [new DiffPart(DiffKind.Same, s.Text)] : Words(old.Text, s.Text)));
            }
            else result.Add(new SignChange(SignChangeKind.Added, s.StableKey, null, s.Order, null, s.Text, [new DiffPart(DiffKind.Added, s.Text)]));
        }
        var kept = b.Select(s => s.StableKey).ToHashSet();
        foreach (var s in a.OrderBy(s => s.Order).Where(s => !kept.Contains(s.StableKey)))
            result.Add(new SignChange(SignChangeKind.Removed, s.StableKey, s.Order, null, s.Text, null, [new DiffPart(DiffKind.Removed, s.Text)]));
        return result;
    }
}
