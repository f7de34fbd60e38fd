using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>The scales' values and labels (higher is better on all of them).</summary>
public static class SurveyScales
{
    public static int Max(ItemScale scale) => scale switch
    {
        ItemScale.TrafficLight => 3,
        ItemScale.Likert5 => 5,
        ItemScale.Likert6 => 6,
        _ => 0,
    };

    public static string[] Labels(ItemScale scale) => scale switch
    {
        ItemScale.TrafficLight => [L.T("Rød"), L.T("Gul"), L.T("Grønn")],
        ItemScale.Likert5 => [L.T("Helt uenig"), L.T("Litt uenig"), L.T("Verken enig eller uenig"), L.T("Litt enig"), L.T("Helt enig")],
        ItemScale.Likert6 => [L.T("I svært liten grad"), L.T("I liten grad"), L.T("I noen grad"), L.T("I ganske stor grad"), L.T("I stor grad"), L.T("I svært stor grad")],
        _ => [],
    };

    public static string Name(ItemScale scale) => scale switch
    {
        ItemScale.TrafficLight => L.T("Trafikklys (rød, gul, grønn)"),
        ItemScale.Likert5 => L.T("Enig–uenig (5 trinn)"),
        ItemScale.Likert6 => L.T("Grad (6 trinn)"),
        _ => L.T("Fritekst"),
    };
}

/// <summary>Counts as grouped in SQL: respondents per group, and answers per item, group and value.</summary>
public sealed record SurveyCounts(IReadOnlyDictionary<string, int> Respondents, IReadOnlyList<ValueCount> Values);

public sealed record ValueCount(int ItemId, string Group, int Value, int Count);

/// <summary>One group's cell of a statement: how many answered, the mean and the distribution (index = value − 1).</summary>
public sealed record Cell(int Answered, double Mean, int[] Distribution);

/// <summary>One statement's results: the total (null when hidden) and the groups' cells (null: hidden).</summary>
public sealed record ItemResult(SurveyItem Item, Cell? Total, IReadOnlyDictionary<string, Cell?> Groups);

/// <summary>A statement answered by two groups side by side, with the gap (first group's mean minus the second's).</summary>
public sealed record GapRow(SurveyItem Item, Cell First, Cell Second, double Gap);

/// <summary>One area's (block's) mean per group.</summary>
public sealed record AreaRow(string Block, double? Total, IReadOnlyDictionary<string, double?> Groups);

/// <summary>
/// A survey's results with the minimum group size (part 7): nothing shows for fewer than N respondents, every breakdown
/// hides a group under N, and a breakdown that would let a hidden group be computed from the total and the others hides
/// more groups (complementary suppression) until the hidden ones together are at least N, or hides the breakdown. Only
/// aggregates leave here; no page, export or API call returns one person's answers.
/// </summary>
public sealed class SurveyResultSet
{
    public required Survey Survey { get; init; }
    public required int MinimumGroupSize { get; init; }
    public required int Respondents { get; init; }
    public required IReadOnlyDictionary<string, int> GroupRespondents { get; init; }
    /// <summary>Groups whose breakdown is hidden (under N, or hidden so no hidden group can be computed).</summary>
    public required IReadOnlySet<string> HiddenGroups { get; init; }
    public bool Shown => Respondents >= MinimumGroupSize;
    public IReadOnlyList<ItemResult> Items { get; init; } = [];
    public IReadOnlyList<AreaRow> Areas { get; init; } = [];
    public IReadOnlyList<GapRow> Gaps { get; init; } = [];
    public IReadOnlyList<(SurveyItem Item, IReadOnlyList<string> Texts)> FreeTexts { get; init; } = [];
    public bool HasBreakdown => Survey.GroupKeys.Count > 1;
}

public static class SurveyResults
{
    /// <summary>The owner's N: never below 3 whatever is stored.</summary>
    public static int Floor(int n) => Math.Max(3, n);

    /// <summary>Counts straight from the answers, grouped in SQL (GROUP BY item, group, value), never loaded one by one.</summary>
    public static async Task<SurveyCounts> CountLiveAsync(StillasDb db, Survey survey, CancellationToken ct)
    {
        var respondents = await db.ResponsesOf(survey)
            .GroupBy(r => r.Group).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var values = await db.AnswersOf(survey).Where(a => a.Value != null)
            .GroupBy(a => new { a.ItemId, a.Group, a.Value }).Select(g => new { g.Key.ItemId, g.Key.Group, g.Key.Value, Count = g.Count() }).ToListAsync(ct);
        return new(respondents, [.. values.Select(v => new ValueCount(v.ItemId, v.Group, v.Value!.Value, v.Count))]);
    }

    /// <summary>A closed survey's stored counts.</summary>
    public static async Task<SurveyCounts> CountStoredAsync(StillasDb db, int surveyId, CancellationToken ct)
    {
        var rows = await db.Set<SurveyAggregate>().AsNoTracking().Where(a => a.SurveyId == surveyId).Select(a => new { a.ItemId, a.Group, a.Value, a.Count }).ToListAsync(ct);
        return new(rows.Where(r => r.ItemId is null).ToDictionary(r => r.Group, r => r.Count),
            [.. rows.Where(r => r.ItemId is not null && r.Value is not null).Select(r => new ValueCount(r.ItemId!.Value, r.Group, r.Value!.Value, r.Count))]);
    }

    /// <summary>
    /// The groups to hide in a breakdown: those with 1 to N−1, then (complementary) the smallest shown ones until the
    /// hidden groups together have at least N, so none can be computed from the total and the others.
    /// </summary>
    public static HashSet<string> Hidden(IReadOnlyDictionary<string, int> counts, int n)
    {
        var hidden = counts.Where(c => c.Value > 0 && c.Value < n).Select(c => c.Key).ToHashSet();
        if (hidden.Count == 0) return hidden;
        foreach (var next in counts.Where(c => c.Value > 0 && !hidden.Contains(c.Key)).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            if (hidden.Sum(h => counts[h]) >= n && hidden.Count >= 2) break;
            hidden.Add(next.Key);
        }
        return hidden;
    }

    private static Cell? CellOf(IEnumerable<ValueCount> counts, int max)
    {
        var dist = new int[max];
        foreach (var c in counts) if (c.Value >= 1 && c.Value <= max) dist[c.Value - 1] += c.Count;
        var answered = dist.Sum();
        if (answered == 0) return null;
        return new Cell(answered, dist.Select((k, i) => (double)k * (i + 1)).Sum() / answered, dist);
    }

    /// <summary>The survey's results for a reader who may see them: stored counts when closed, else live; N applied throughout.</summary>
    public static async Task<SurveyResultSet> BuildAsync(StillasDb db, Survey survey, int minimumGroupSize, CancellationToken ct)
    {
        var n = Floor(minimumGroupSize);
        var counts = survey.Status == SurveyStatus.Closed ? await CountStoredAsync(db, survey.Id, ct) : await CountLiveAsync(db, survey, ct);
        var groups = survey.GroupKeys;
        var respondents = groups.ToDictionary(g => g, g => counts.Respondents.GetValueOrDefault(g));
        var total = respondents.Values.Sum();
        var hidden = Hidden(respondents, n);
        if (total < n)
            return new SurveyResultSet { Survey = survey, MinimumGroupSize = n, Respondents = total, GroupRespondents = respondents, HiddenGroups = hidden };

        var items = survey.Items.Count > 0 ? survey.Items : await db.Set<SurveyItem>().AsNoTracking().Where(i => i.SurveyId == survey.Id).ToListAsync(ct);
        var byItem = counts.Values.ToLookup(v => v.ItemId);
        var results = new List<ItemResult>();
        foreach (var item in items.Where(i => i.Scale != ItemScale.Text).OrderBy(i => i.Order))
        {
            var max = SurveyScales.Max(item.Scale);
            var rows = byItem[item.Id].ToList();
            var totalCell = CellOf(rows, max);
            if (totalCell is null || totalCell.Answered < n) { results.Add(new ItemResult(item, null, groups.ToDictionary(g => g, _ => (Cell?)null))); continue; }
            // The item's own breakdown: its answered counts per group, with the survey's hidden groups hidden too.
            var cells = groups.ToDictionary(g => g, g => CellOf(rows.Where(r => r.Group == g), max));
            var itemHidden = Hidden(cells.ToDictionary(c => c.Key, c => c.Value?.Answered ?? 0), n);
            itemHidden.UnionWith(hidden);
            if (itemHidden.Count > 0 && itemHidden.Count < groups.Count && cells.Where(c => itemHidden.Contains(c.Key)).Sum(c => c.Value?.Answered ?? 0) is var sum && sum > 0 && sum < n)
                itemHidden.UnionWith(groups);
            results.Add(new ItemResult(item, totalCell, groups.ToDictionary(g => g, g => itemHidden.Contains(g) ? null : cells[g])));
        }

        // Areas: the mean of every answer in the block, per group (hidden groups hidden).
        var areas = results.GroupBy(r => r.Item.Block).Select(b =>
        {
            double? Mean(IEnumerable<Cell?> cells) { var list = cells.OfType<Cell>().ToList(); var k = list.Sum(c => c.Answered); return k == 0 ? null : list.Sum(c => c.Mean * c.Answered) / k; }
            return new AreaRow(b.Key, Mean(b.Select(r => r.Total)), groups.ToDictionary(g => g, g => hidden.Contains(g) ? null : Mean(b.Select(r => r.Groups[g]))));
        }).ToList();

        // Two groups side by side, ordered by the gap for discussion.
        var gaps = new List<GapRow>();
        if (survey.Kind == SurveyKind.OwnerGroups && groups.Count == 2)
            gaps = [.. results.Where(r => r.Groups[groups[0]] is not null && r.Groups[groups[1]] is not null)
                .Select(r => new GapRow(r.Item, r.Groups[groups[0]]!, r.Groups[groups[1]]!, r.Groups[groups[0]]!.Mean - r.Groups[groups[1]]!.Mean))
                .OrderByDescending(g => Math.Abs(g.Gap)).ThenBy(g => g.Item.Order)];

        // Free texts, in random order (SQL's own), never by group.
        var textItems = items.Where(i => i.Scale == ItemScale.Text).OrderBy(i => i.Order).ToList();
        var free = new List<(SurveyItem, IReadOnlyList<string>)>();
        foreach (var item in textItems)
        {
            var texts = await db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == survey.Id && a.ItemId == item.Id && a.Text != null)
                .OrderBy(a => EF.Functions.Random()).Select(a => a.Text!).Take(500).ToListAsync(ct);
            if (texts.Count >= n) free.Add((item, texts));
            else if (texts.Count > 0) free.Add((item, []));
        }

        return new SurveyResultSet
        {
            Survey = survey, MinimumGroupSize = n, Respondents = total, GroupRespondents = respondents, HiddenGroups = hidden,
            Items = results, Areas = areas, Gaps = gaps, FreeTexts = free,
        };
    }

    /// <summary>The owner's minimum group size.</summary>
    public static async Task<int> MinimumGroupSizeAsync(StillasDb db, int ownerId, CancellationToken ct) =>
        Floor(await db.Owners.AsNoTracking().Where(o => o.Id == ownerId).Select(o => (int?)o.SurveyMinimumGroupSize).SingleOrDefaultAsync(ct) ?? 5);

    public static string LockedMessage(int n) => L.T("Resultatene vises når minst {0} har svart.", n);
}
