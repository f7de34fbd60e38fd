using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Indicators;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Schools;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Five school years of fictional indicator figures (issue 21, part 16) for every Nordvik and Fjordland school, the
/// owners, a county (which is split by the 2024 reform: the years before stay under the county that published them)
/// and the nation: '*' cells (a small school), absent cells (not stored), a "mangler" cell and a series break (a new
/// reading test from the third year). The five years end with the school year before the story's; they move with
/// the demo (<see cref="MoveIndicatorYearsAsync"/>). Bulk: two saves.
/// </summary>
public sealed partial class DemoData
{
    private async Task SeedIndicatorsAsync(SchoolOwner nordvik, SchoolOwner fjordland, School[] nordvikSchools, School[] fjordlandSchools, CancellationToken ct)
    {
        var last = Calendar.SchoolYear.Of(ProgrammesAsOf).StartYear - 1;
        var years = Enumerable.Range(last - 4, 5).ToArray();
        var ids = IndicatorCatalogue.All.ToDictionary(i => i.Code, i => i.Id);
        var now = db.Clock.GetUtcNow();
        var imports = new Dictionary<(int Owner, ExportKind Kind), IndicatorImport>();
        IndicatorImport ImportOf(SchoolOwner owner, ExportKind kind)
        {
            if (imports.TryGetValue((owner.Id, kind), out var i)) return i;
            i = new IndicatorImport
            {
                OwnerId = owner.Id, Kind = kind, FileName = $"demo-{kind.ToString().ToLowerInvariant()}.csv", ContentHash = $"demo-{owner.Id}-{kind}",
                ImportedAt = now.AddDays(-30), ImportedByName = "Demo", SchoolYears = string.Join(',', years),
            };
            imports[(owner.Id, kind)] = i;
            return i;
        }
        var (oldCounty, newCounty) = (NextOrgNo(), NextOrgNo());
        var random = new Random(21);
        var values = new List<(IndicatorImport Import, IndicatorValue Value)>();

        void Add(SchoolOwner owner, string code, IndicatorLevel level, string org, string unit, int? schoolId, int year, int? grade, decimal? value, ValueStatus status = ValueStatus.Value)
        {
            var indicator = IndicatorCatalogue.All.First(i => i.Code == code);
            var seriesBreak = code == IndicatorCatalogue.Reading && year == years[2];
            values.Add((ImportOf(owner, indicator.Kind), new IndicatorValue
            {
                OwnerId = owner.Id, IndicatorId = ids[code], Level = level, OrganisationNumber = org, UnitName = unit, SchoolId = schoolId, SchoolYear = year, Grade = grade,
                Status = status, Value = status == ValueStatus.Value ? value : null, Denominator = status == ValueStatus.Value && level == IndicatorLevel.School ? 20 + random.Next(60) : null,
                SeriesBreak = seriesBreak, SeriesBreakNote = seriesBreak ? "Ny leseprøve fra dette året; skalaen er ikke sammenlignbar med årene før." : null,
            }));
        }
        decimal Around(decimal centre, decimal spread) => Math.Round(centre + (decimal)(random.NextDouble() * 2 - 1) * spread, 1);

        // What each kind of school reports, with a typical level per indicator.
        (string Code, int? Grade, decimal Centre, decimal Spread)[] Series(School s) => s.Level switch
        {
            SchoolLevel.Barneskole when s.LastGrade < 5 => [(IndicatorCatalogue.TeacherDensity, null, 14m, 1.5m)],
            SchoolLevel.Barneskole => [(IndicatorCatalogue.Wellbeing, 7, 4.3m, 0.2m), (IndicatorCatalogue.Bullying, 7, 7m, 3m), (IndicatorCatalogue.TeacherSupport, 7, 4.2m, 0.2m),
                (IndicatorCatalogue.Mastery, 7, 3.9m, 0.2m), (IndicatorCatalogue.Reading, 5, 50m, 3m), (IndicatorCatalogue.Numeracy, 5, 50m, 3m), (IndicatorCatalogue.TeacherDensity, null, 15m, 2m)],
            SchoolLevel.Ungdomsskole => [(IndicatorCatalogue.Wellbeing, 10, 4.0m, 0.2m), (IndicatorCatalogue.Bullying, 10, 6m, 3m), (IndicatorCatalogue.TeacherSupport, 10, 3.8m, 0.2m),
                (IndicatorCatalogue.Mastery, 10, 3.8m, 0.2m), (IndicatorCatalogue.Reading, 8, 50m, 3m), (IndicatorCatalogue.Numeracy, 8, 50m, 3m), (IndicatorCatalogue.Points, null, 41m, 2m),
                (IndicatorCatalogue.TeacherDensity, null, 17m, 2m)],
            SchoolLevel.Kombinert => [(IndicatorCatalogue.Wellbeing, 7, 4.2m, 0.2m), (IndicatorCatalogue.Wellbeing, 10, 4.0m, 0.2m), (IndicatorCatalogue.Reading, 5, 49m, 3m),
                (IndicatorCatalogue.Reading, 8, 49m, 3m), (IndicatorCatalogue.Numeracy, 8, 49m, 3m), (IndicatorCatalogue.Points, null, 40m, 2m), (IndicatorCatalogue.TeacherDensity, null, 12m, 2m)],
            _ => [(IndicatorCatalogue.Wellbeing, 11, 4.1m, 0.2m), (IndicatorCatalogue.Bullying, 11, 4m, 2m), (IndicatorCatalogue.TeacherSupport, 11, 3.7m, 0.2m),
                (IndicatorCatalogue.Mastery, 11, 3.8m, 0.2m), (IndicatorCatalogue.Completion, null, 80m, 5m), (IndicatorCatalogue.Marks, null, 4.1m, 0.2m)],
        };

        foreach (var (owner, schools) in new[] { (nordvik, nordvikSchools), (fjordland, fjordlandSchools) })
        {
            var combos = new HashSet<(string, int?, decimal, decimal)>();
            foreach (var school in schools)
            {
                foreach (var (code, grade, centre, spread) in Series(school))
                {
                    combos.Add((code, grade, centre, spread));
                    foreach (var year in years)
                    {
                        // Absent cells: not in the file at all (Sentrum's mastery in the second year).
                        if (school.Name == "Sentrum skole" && code == IndicatorCatalogue.Mastery && year == years[1]) continue;
                        // The file says "-" (mangler): Sentrum's teacher support in the first year.
                        if (school.Name == "Sentrum skole" && code == IndicatorCatalogue.TeacherSupport && year == years[0]) { Add(owner, code, IndicatorLevel.School, school.OrganisationNumber, school.Name, school.Id, year, grade, null, ValueStatus.Missing); continue; }
                        // Too few pupils: '*' for the small schools' survey figures and some tests.
                        var small = school.Pupils is < 130 && code is IndicatorCatalogue.Bullying or IndicatorCatalogue.Numeracy;
                        var suppressed = small || (school.Name == "Sentrum skole" && code == IndicatorCatalogue.Bullying && year == years[3]);
                        Add(owner, code, IndicatorLevel.School, school.OrganisationNumber, school.Name, school.Id, year, grade,
                            suppressed ? null : Around(centre, spread), suppressed ? ValueStatus.Suppressed : ValueStatus.Value);
                    }
                }
            }
            foreach (var (code, grade, centre, spread) in combos)
                foreach (var year in years)
                {
                    Add(owner, code, IndicatorLevel.Owner, owner.OrganisationNumber, owner.Name, null, year, grade, Around(centre, spread / 2));
                    if (owner == nordvik)
                    {
                        // The county before and after the 2024 split: each year under the county that published it.
                        var split = year >= 2024;
                        Add(owner, code, IndicatorLevel.County, split ? newCounty : oldCounty, split ? "Nordfylket" : "Nordfylket og Vidda", null, year, grade, Around(centre, spread / 3));
                    }
                    Add(owner, code, IndicatorLevel.Nation, "", "Nasjonalt", null, year, grade, Around(centre, spread / 4));
                }
        }

        foreach (var import in imports.Values)
        {
            var of = values.Where(v => v.Import == import).Select(v => v.Value).ToList();
            import.ValueCount = of.Count(v => v.Status == ValueStatus.Value);
            import.SuppressedCount = of.Count(v => v.Status == ValueStatus.Suppressed);
            import.MissingCount = of.Count(v => v.Status == ValueStatus.Missing);
        }
        db.AddRange(imports.Values);
        await db.SaveChangesAsync(ct);
        foreach (var (import, value) in values) value.ImportId = import.Id;
        db.AddRange(values.Select(v => v.Value));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo's indicator years move with the story (called when the demo is seeded on another day).</summary>
    private async Task MoveIndicatorYearsAsync(int years, CancellationToken ct)
    {
        await db.Set<IndicatorValue>().ExecuteUpdateAsync(u => u.SetProperty(v => v.SchoolYear, v => v.SchoolYear + years), ct);
        foreach (var import in await db.Set<IndicatorImport>().AsNoTracking().Select(i => new { i.Id, i.SchoolYears }).ToListAsync(ct))
        {
            var moved = string.Join(',', import.SchoolYears.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(y => int.Parse(y, System.Globalization.CultureInfo.InvariantCulture) + years));
            await db.Set<IndicatorImport>().Where(i => i.Id == import.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.SchoolYears, moved), ct);
        }
    }
}
