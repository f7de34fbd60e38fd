using System.Globalization;
using System.Text;

namespace Stillas.Web.Features.Shared.Charts;

/// <summary>
/// One series of a chart. <see cref="Values"/> has one entry per category (null: no point, the line has a gap);
/// <see cref="Cells"/> is what the table alternative says in each cell ("skjermet – for få elever", "–", "52,1").
/// </summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, IReadOnlyList<string> Cells)
{
    /// <summary>Category indexes where this series alone is not comparable with the one before (e.g. another county published it).</summary>
    public IReadOnlyList<int> BreaksBefore { get; init; } = [];
}

/// <summary>
/// A line chart over categories (school years): server-rendered SVG with a table alternative (_LineChart.cshtml).
/// <see cref="BreaksBefore"/> holds the category indexes where the series is not comparable with the one before
/// (a series break): no line is drawn across them. <see cref="Notes"/> are shown under the chart.
/// </summary>
public sealed record LineChart(string Id, string Title, string Unit, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public IReadOnlyList<int> BreaksBefore { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>Fixed axis range, e.g. 1–5 for a scale; null: from the data.</summary>
    public (double Min, double Max)? Range { get; init; }
}

/// <summary>
/// Horizontal stacked bars: one bar per row (a group, a statement), one segment per category (svært liten grad …
/// svært stor grad), values as counts; segments are drawn as shares of the row's total. For distributions.
/// </summary>
public sealed record StackedBarChart(string Id, string Title, IReadOnlyList<string> Rows, IReadOnlyList<string> Segments, IReadOnlyList<IReadOnlyList<int>> Counts);

/// <summary>Colours with at least 3:1 contrast against white, and a marker and dash per series, so colour is never the only difference.</summary>
public static class ChartStyle
{
    public static readonly string[] Colours = ["#1a5c96", "#a34400", "#2a6b2e", "#6b2a8a", "#5a5a5a", "#8a1c3c"];
    public static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2"];
    /// <summary>Sequential colours for the segments of a stacked bar (dark to light to dark, all ≥ 3:1 on white, white text inside).</summary>
    public static readonly string[] Segments = ["#8a1c1c", "#b34a00", "#7a6a00", "#4d7a2a", "#2a6b4e", "#1a5c96", "#3d3d8a"];
    public static string Colour(int i) => Colours[i % Colours.Length];
    public static string Dash(int i) => Dashes[i % Dashes.Length];

    /// <summary>An SVG text element (Razor reserves the text tag inside code blocks), its content encoded.</summary>
    public static Microsoft.AspNetCore.Html.HtmlString Text(double x, double y, string content, string anchor = "start", int size = 12, string fill = "#333")
    {
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        return new($"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{fill}\">{System.Net.WebUtility.HtmlEncode(content)}</text>");
    }

    /// <summary>A marker's SVG at (x, y): circle, square, triangle, diamond … by series.</summary>
    public static string Marker(int series, double x, double y, string colour)
    {
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        return (series % 4) switch
        {
            0 => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4.5\" fill=\"{colour}\"/>",
            1 => $"<rect x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"8\" height=\"8\" fill=\"{colour}\"/>",
            2 => $"<path d=\"M{F(x)} {F(y - 5)} L{F(x + 5)} {F(y + 4)} L{F(x - 5)} {F(y + 4)} Z\" fill=\"{colour}\"/>",
            _ => $"<path d=\"M{F(x)} {F(y - 5)} L{F(x + 5)} {F(y)} L{F(x)} {F(y + 5)} L{F(x - 5)} {F(y)} Z\" fill=\"{colour}\"/>",
        };
    }
}

/// <summary>The geometry of a line chart in a fixed view box (scaled to the width by CSS): axes, ticks, paths, points.</summary>
public sealed class LineGeometry
{
    public const double Width = 640, Height = 280, Left = 48, Right = 16, Top = 16, Bottom = 40;
    public double Min { get; }
    public double Max { get; }
    public IReadOnlyList<double> Ticks { get; }
    public IReadOnlyList<double> X { get; }

    public LineGeometry(LineChart chart)
    {
        var values = chart.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        var (min, max) = chart.Range ?? (values.Count == 0 ? (0, 1) : (values.Min(), values.Max()));
        if (chart.Range is null)
        {
            var pad = Math.Max((max - min) * 0.15, Math.Abs(max) * 0.02 + 0.5);
            min = Math.Max(values.Count > 0 && values.Min() >= 0 ? 0 : double.MinValue, min - pad);
            max += pad;
        }
        var step = NiceStep((max - min) / 4);
        Min = Math.Floor(min / step) * step;
        Max = Math.Ceiling(max / step) * step;
        if (Max <= Min) Max = Min + step;
        var ticks = new List<double>();
        for (var t = Min; t <= Max + step / 2; t += step) ticks.Add(Math.Round(t, 6));
        Ticks = ticks;
        var n = chart.Categories.Count;
        var plot = Width - Left - Right;
        X = Enumerable.Range(0, n).Select(i => n == 1 ? Left + plot / 2 : Left + 12 + i * (plot - 24) / (n - 1)).ToList();
    }

    public double Y(double value) => Top + (Max - value) / (Max - Min) * (Height - Top - Bottom);

    /// <summary>The series' line as SVG path data: a new segment after a gap (null) or at a series break.</summary>
    public string Path(ChartSeries series, IReadOnlyList<int> breaksBefore)
    {
        var sb = new StringBuilder();
        var open = false;
        for (var i = 0; i < series.Values.Count; i++)
        {
            if (series.Values[i] is null || breaksBefore.Contains(i) || series.BreaksBefore.Contains(i)) open = false;
            if (series.Values[i] is not double value) continue;
            sb.Append(open ? " L" : (sb.Length > 0 ? " M" : "M")).Append(F(X[i])).Append(' ').Append(F(Y(value)));
            open = true;
        }
        return sb.ToString();
    }

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static double NiceStep(double raw)
    {
        if (raw <= 0 || double.IsNaN(raw)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * magnitude;
    }
}
