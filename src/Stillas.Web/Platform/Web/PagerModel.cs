namespace Stillas.Web.Platform.Web;

/// <summary>Data for the shared _Pager partial.</summary>
public sealed record PagerModel(int Page, int Pages, Func<int, string> Url);
