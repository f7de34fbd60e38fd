using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Shared.Charts;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Indicators;

/// <summary>One indicator (and trinn) for one school: five school years beside the owner, the county and the nation.</summary>
public sealed record Trend(Indicator Indicator, int? Grade, LineChart Chart);

/// <summary>
/// The trend page's figures: one school's current values of the last five school years and the owner's, the
/// county's (as published by the county of that year: never merged across reforms) and the nation's. Suppressed
/// and missing values are gaps, never zeros; a series break is a gap with its explanation. Nothing here compares
/// schools with each other.
/// </summary>
public static class IndicatorTrends
{
    public const int Years = 5;

    public static async Task<(int First, int Last)> WindowAsync(StillasDb db, int ownerId, DateOnly today, CancellationToken ct)
    {
        var current = SchoolYear.Of(today).StartYear;
        var latest = await db.Set<IndicatorValue>().Where(v => v.OwnerId == ownerId && v.Current && v.SchoolYear <= current).MaxAsync(v => (int?)v.SchoolYear, ct);
        var last = latest ?? current - 1;
        return (last - Years + 1, last);
    }

    public static async Task<List<Trend>> ForSchoolAsync(StillasDb db, int schoolId, string schoolName, int ownerId, string ownerName, DateOnly today, CancellationToken ct)
    {
        var (first, last) = await WindowAsync(db, ownerId, today, ct);
        var rows = await db.Set<IndicatorValue>().AsNoTracking()
            .Where(v => v.OwnerId == ownerId && v.Current && v.SchoolYear >= first && v.SchoolYear <= last && v.Gender == ""
                && ((v.Level == IndicatorLevel.School && v.SchoolId == schoolId) || v.Level != IndicatorLevel.School))
            .Select(v => new { v.IndicatorId, v.Level, v.SchoolYear, v.Grade, v.Status, v.Value, v.OrganisationNumber, v.UnitName, v.SeriesBreak, v.SeriesBreakNote })
            .ToListAsync(ct);
        var indicators = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Area).ThenBy(i => i.Order).ToListAsync(ct);
        var years = Enumerable.Range(first, Years).ToList();
        var categories = years.Select(IndicatorImporter.YearText).ToList();
        var trends = new List<Trend>();
        foreach (var indicator in indicators)
        {
            var own = rows.Where(r => r.IndicatorId == indicator.Id && r.Level == IndicatorLevel.School).ToList();
            foreach (var grade in own.Select(r => r.Grade).Distinct().OrderBy(g => g ?? 0))
            {
                var of = rows.Where(r => r.IndicatorId == indicator.Id && r.Grade == grade).ToList();
                var breaks = new List<int>();
                var notes = new List<string>();
                foreach (var b in of.Where(r => r.SeriesBreak).GroupBy(r => r.SchoolYear).OrderBy(g => g.Key))
                {
                    breaks.Add(years.IndexOf(b.Key));
                    var note = b.Select(r => r.SeriesBreakNote).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
                    notes.Add(note is null ? L.T("Brudd i tidsserien fra {0}: tallene før og etter kan ikke sammenlignes.", IndicatorImporter.YearText(b.Key))
                        : L.T("Brudd i tidsserien fra {0}: {1}", IndicatorImporter.YearText(b.Key), note));
                }
                ChartSeries Series(IndicatorLevel level, string name)
                {
                    var values = new List<double?>();
                    var cells = new List<string>();
                    var seriesBreaks = new List<int>();
                    string? previousUnit = null;
                    foreach (var (year, i) in years.Select((y, i) => (y, i)))
                    {
                        var r = of.FirstOrDefault(x => x.Level == level && x.SchoolYear == year);
                        var unitText = level == IndicatorLevel.County && r is not null ? $" ({r.UnitName})" : "";
                        if (level == IndicatorLevel.County && r is not null)
                        {
                            if (previousUnit is not null && previousUnit != r.OrganisationNumber)
                            {
                                seriesBreaks.Add(i);
                                notes.Add(L.T("Fylket er et annet fra {0} ({1}): fylkestallene står under fylket som publiserte dem og er ikke slått sammen.", IndicatorImporter.YearText(year), r.UnitName));
                            }
                            previousUnit = r.OrganisationNumber;
                        }
                        switch (r?.Status)
                        {
                            case ValueStatus.Value when r.Value is decimal v:
                                values.Add((double)v);
                                cells.Add(v.ToString("0.0", CultureInfo.CurrentCulture) + unitText);
                                break;
                            case ValueStatus.Suppressed:
                                values.Add(null);
                                cells.Add(L.T("skjermet – for få elever") + unitText);
                                break;
                            default:
                                values.Add(null);
                                cells.Add("–");
                                break;
                        }
                    }
                    return new ChartSeries(name, values, cells) { BreaksBefore = seriesBreaks };
                }
                var series = new List<ChartSeries> { Series(IndicatorLevel.School, schoolName), Series(IndicatorLevel.Owner, ownerName) };
                if (of.Any(r => r.Level == IndicatorLevel.County)) series.Add(Series(IndicatorLevel.County, L.T("Fylket")));
                if (of.Any(r => r.Level == IndicatorLevel.Nation)) series.Add(Series(IndicatorLevel.Nation, L.T("Nasjonalt")));
                var name = L.Data(indicator.Name);
                var title = grade is int g ? L.T("{0}, {1}. trinn ({2})", name, g > 10 ? $"Vg{g - 10}" : g.ToString(CultureInfo.InvariantCulture), L.Data(indicator.Unit)) : L.T("{0} ({1})", name, L.Data(indicator.Unit));
                (double, double)? range = indicator.Unit == "skalapoeng" && indicator.Kind == ExportKind.PupilSurvey ? (1, 5) : null;
                trends.Add(new Trend(indicator, grade, new LineChart($"ind-{indicator.Code.ToLowerInvariant()}-{grade ?? 0}", title, L.Data(indicator.Unit), categories, series)
                    { BreaksBefore = breaks, Notes = notes, Range = range }));
            }
        }
        return trends;
    }
}
