namespace Stillas.Web.Platform.Web;

/// <summary>Data for the shared _Pager partial.</summary>
public sealed record PagerModel(int Page, int Pages, Func<int, string> Url);

/// <summary>
/// Paging by key for lists too long to count and skip: links to the first, previous and next page carry the
/// last (or first) row's sort key, so every page costs the same however deep (docs/performance.md, issue 7).
/// <paramref name="Pages"/> is null when the list was not counted to the end.
/// </summary>
public sealed record KeyPagerModel(int Page, int? Pages, string? FirstUrl, string? PreviousUrl, string? NextUrl);
