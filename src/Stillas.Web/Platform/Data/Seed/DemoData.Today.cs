using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// The demo is written for one day (<see cref="ProgrammesAsOf"/>, 27.11.2026: Sentrum in Fase 4 with sessions held,
/// the interim work after session 4 awaiting feedback, session 5 in the coming week). Seeded on another day, it is
/// written as designed and then moved, every date and time in every table, by the whole weeks between the designed
/// week and the seeding day's week, so weekdays stay weekdays and the seeding day falls in the story's week
/// (Monday 23.11 to Sunday 29.11.2026 in the designed frame). Nothing that was not overdue on the designed day is
/// overdue then (the next deadlines are Monday 30.11), and the next session (Friday 4.12) is in the coming week.
/// School years ("2026/27", in titles too) move by the whole years the weeks come to, and the owner's school
/// holidays are the suggestion for the moved school years (Christmas is a date, not a week).
/// </summary>
public sealed partial class DemoData
{
    /// <summary>Whole weeks from the designed week to the week of <paramref name="today"/> (Mondays apart; 0 in the designed week).</summary>
    public static int WeeksFromDesign(DateOnly today) => (Monday(today).DayNumber - Monday(ProgrammesAsOf).DayNumber) / 7;

    /// <summary>Whole years the moved dates come to: school years and years in titles move by this.</summary>
    public static int YearsFromDesign(int weeks) => (int)Math.Round(weeks * 7 / 365.2425, MidpointRounding.AwayFromZero);

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>
    /// Seeds the demo as designed and moves it to the week of <paramref name="clock"/>'s today. In the designed week (the
    /// tests' pinned clock) nothing moves.
    /// </summary>
    public async Task SeedForTodayAsync(TimeProvider clock, CancellationToken ct = default)
    {
        var ownClock = db.Clock;
        var today = DateOnly.FromDateTime(Web.NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
        var weeks = WeeksFromDesign(today);
        // What the database stamps itself (CreatedAt, the audit log) is stamped in the story's frame, at the story's
        // "now": moved with the rest, it is the seeding moment (stamped with the designed morning, a Monday's
        // seeding would find rows made four days ahead).
        db.Clock = new Web.StartingClock(clock.GetUtcNow().AddDays(-7 * weeks));
        try { await SeedAsync(ct); }
        finally { db.Clock = ownClock; }
        if (weeks != 0) await MoveAsync(weeks, ct);
    }

    /// <summary>Moves every date and instant in the database by <paramref name="weeks"/> weeks, and school years by the years that makes.</summary>
    private async Task MoveAsync(int weeks, CancellationToken ct)
    {
        var days = weeks * 7;
        var sqlite = db.Database.IsSqlite();
        var done = new HashSet<(string, string)>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.IsOwned() || entity.GetTableName() is not { } table) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type != typeof(DateOnly) && type != typeof(DateTimeOffset) && type != typeof(DateTime)) continue;
                if (property.GetColumnName(store) is not { } column || !done.Add((table, column))) continue;
                var c = Quote(column);
                var set = (sqlite, type) switch
                {
                    // SQLite: dates as text (yyyy-MM-dd), instants as DateTimeOffsetToBinaryConverter's long: the clock
                    // time's ticks / 1000 shifted left 11 bits above the offset, so a day is 864000000 << 11.
                    (true, _) when type == typeof(DateOnly) => $"date({c}, '{days:+0;-0} days')",
                    (true, _) when property.GetTypeMapping().Converter is DateTimeOffsetToBinaryConverter => $"{c} + ({days}) * {864_000_000L << 11}",
                    (true, _) => $"strftime('%Y-%m-%d %H:%M:%S', {c}, '{days:+0;-0} days')",
                    (false, _) when type == typeof(DateOnly) => $"{c} + ({days})",
                    _ => $"{c} + make_interval(days => {days})",
                };
#pragma warning disable EF1002 // table and column names come from the model, the number is an int: no input reaches the SQL
                await db.Database.ExecuteSqlRawAsync($"UPDATE {Quote(table)} SET {c} = {set} WHERE {c} IS NOT NULL", ct);
#pragma warning restore EF1002
            }
        }
        var years = YearsFromDesign(weeks);
        if (years != 0) await MoveSchoolYearsAsync(years, ct);
        if (years != 0) await MoveIndicatorYearsAsync(years, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>School years and the years in the demo's titles and notes, and the holidays of the moved school years.</summary>
    private async Task MoveSchoolYearsAsync(int years, CancellationToken ct)
    {
        string Years(string? text) => text is null ? "" : YearPattern().Replace(text, m =>
        {
            var first = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + years;
            return m.Groups[2].Success
                ? new SchoolYear(first).ToString()
                : first.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        async Task SetAsync<T>(string property, int id, string? before)
        {
            if (before is null) return;
            var after = Years(before);
            if (after == before) return;
            var entity = db.Model.FindEntityType(typeof(T))!;
            var table = entity.GetTableName()!;
            var column = entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
#pragma warning disable EF1002 // names come from the model; the value is a parameter
            await db.Database.ExecuteSqlRawAsync($"UPDATE {Quote(table)} SET {Quote(column)} = {{0}} WHERE \"Id\" = {{1}}", [after, id], ct);
#pragma warning restore EF1002
        }

        foreach (var r in await db.SelectionRounds.AsNoTracking().Select(r => new { r.Id, r.SchoolYear, r.Title }).ToListAsync(ct))
        {
            await SetAsync<Features.Selection.SelectionRound>(nameof(r.SchoolYear), r.Id, r.SchoolYear);
            await SetAsync<Features.Selection.SelectionRound>(nameof(r.Title), r.Id, r.Title);
        }
        foreach (var c in await db.SelectionCandidates.AsNoTracking().Select(c => new { c.Id, c.SchoolYear, c.DecisionNote, c.FirstTalkNotes }).ToListAsync(ct))
        {
            await SetAsync<Features.Selection.SelectionCandidate>(nameof(c.SchoolYear), c.Id, c.SchoolYear);
            await SetAsync<Features.Selection.SelectionCandidate>(nameof(c.DecisionNote), c.Id, c.DecisionNote);
            await SetAsync<Features.Selection.SelectionCandidate>(nameof(c.FirstTalkNotes), c.Id, c.FirstTalkNotes);
        }
        foreach (var p in await db.Programmes.AsNoTracking().Select(p => new { p.Id, p.SchoolYear }).ToListAsync(ct))
            await SetAsync<Features.Programmes.GuidanceProgramme>(nameof(p.SchoolYear), p.Id, p.SchoolYear);
        foreach (var m in await db.StartUpMeetings.AsNoTracking().Select(m => new { m.Id, m.DocumentsNote }).ToListAsync(ct))
            await SetAsync<Features.Programmes.StartUp.StartUpMeeting>(nameof(m.DocumentsNote), m.Id, m.DocumentsNote);

        // The holidays: the suggestion for each moved school year, kind by kind in date order (the weeks moved them off Christmas).
        var holidays = await db.SchoolHolidays.AsNoTracking().Select(h => new { h.Id, h.SchoolYear, h.Kind, h.Start }).ToListAsync(ct);
        foreach (var group in holidays.GroupBy(h => (h.SchoolYear, h.Kind)))
        {
            if (!SchoolYear.TryParse(group.Key.SchoolYear, out var year)) continue;
            var moved = new SchoolYear(year.StartYear + years);
            var suggested = SchoolHolidaySuggestion.For(moved).Where(s => s.Kind == group.Key.Kind).OrderBy(s => s.Range.Start).ToList();
            foreach (var (h, i) in group.OrderBy(h => h.Start).Select((h, i) => (h, i)))
            {
                if (i >= suggested.Count) break;
                var range = suggested[i].Range;
                var schoolYear = moved.ToString();
                await db.SchoolHolidays.Where(x => x.Id == h.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.SchoolYear, schoolYear)
                    .SetProperty(x => x.Start, range.Start)
                    .SetProperty(x => x.End, range.End), ct);
            }
        }
    }

    /// <summary>"2026/27" (a school year) or a year of the story, 2024–2029 ("vinterferien 2026"); not a reference's year (2013).</summary>
    [GeneratedRegex(@"\b(202[4-9])(/\d\d)?\b")]
    private static partial Regex YearPattern();
}
