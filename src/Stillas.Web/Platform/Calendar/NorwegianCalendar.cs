using System.Collections.Concurrent;

namespace Stillas.Web.Platform.Calendar;

/// <summary>A Norwegian public holiday (helligdag or offentlig høytidsdag) with its Norwegian name.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);

/// <summary>
/// Norwegian public holidays and school days. A school day is a weekday that is neither a public
/// holiday nor inside one of the owner's school holidays (høstferie, juleferie, vinterferie,
/// påskeferie, sommerferie, planning days …), which the owner enters per school year as date ranges.
/// </summary>
public static class NorwegianCalendar
{
    // Searches for a school day give up after this many days: only holidays covering years on end get there.
    private const int SearchLimitDays = 3 * 366;

    private static readonly ConcurrentDictionary<int, IReadOnlyList<PublicHoliday>> HolidaysByYear = new();

    /// <summary>Easter Sunday (1. påskedag) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The twelve Norwegian public holidays of a year, in date order (Lov om helligdager og helligdagsfred; 1. and 17. mai by lov om 1. og 17. mai).</summary>
    public static IReadOnlyList<PublicHoliday> PublicHolidays(int year) => HolidaysByYear.GetOrAdd(year, Compute);

    private static IReadOnlyList<PublicHoliday> Compute(int year)
    {
        var easter = EasterSunday(year);
        PublicHoliday[] days =
        [
            new(new DateOnly(year, 1, 1), "1. nyttårsdag"),
            new(easter.AddDays(-3), "Skjærtorsdag"),
            new(easter.AddDays(-2), "Langfredag"),
            new(easter, "1. påskedag"),
            new(easter.AddDays(1), "2. påskedag"),
            new(new DateOnly(year, 5, 1), "1. mai"),
            new(new DateOnly(year, 5, 17), "17. mai"),
            new(easter.AddDays(39), "Kristi himmelfartsdag"),
            new(easter.AddDays(49), "1. pinsedag"),
            new(easter.AddDays(50), "2. pinsedag"),
            new(new DateOnly(year, 12, 25), "1. juledag"),
            new(new DateOnly(year, 12, 26), "2. juledag"),
        ];
        // Stable: when two fall on one day (17. mai and 2. pinsedag in 2027), the legal order is kept.
        return [.. days.OrderBy(h => h.Date)];
    }

    public static bool IsPublicHoliday(DateOnly date)
    {
        foreach (var h in PublicHolidays(date.Year))
            if (h.Date == date) return true;
        return false;
    }

    /// <summary>
    /// The holiday's name in the current language (the catalog; <see cref="PublicHoliday.Name"/> is the bokmål name),
    /// or both names joined when two holidays share the day; null on an ordinary day.
    /// </summary>
    public static string? PublicHolidayName(DateOnly date)
    {
        var names = PublicHolidays(date.Year).Where(h => h.Date == date).Select(h => Text.L.T(h.Name)).ToList();
        return names.Count switch
        {
            0 => null,
            1 => names[0],
            _ => Text.L.T("{0} og {1}", string.Join(", ", names[..^1]), names[^1]),
        };
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>No weekend, no public holiday, and outside every one of the owner's school holidays.</summary>
    public static bool IsSchoolDay(DateOnly date, IEnumerable<DateRange> ownerHolidays)
    {
        if (IsWeekend(date) || IsPublicHoliday(date)) return false;
        // The planner asks thousands of times per plan: walk an array without an enumerator.
        if (ownerHolidays is DateRange[] array)
        {
            foreach (var holiday in array)
                if (holiday.Contains(date)) return false;
            return true;
        }
        foreach (var holiday in ownerHolidays)
            if (holiday.Contains(date)) return false;
        return true;
    }

    /// <summary>The date itself when it is a school day, otherwise the first school day after it.</summary>
    public static DateOnly SchoolDayOnOrAfter(DateOnly date, IEnumerable<DateRange> ownerHolidays) => Search(date, +1, ownerHolidays);

    /// <summary>The first school day strictly after the date.</summary>
    public static DateOnly NextSchoolDay(DateOnly date, IEnumerable<DateRange> ownerHolidays) => Search(date.AddDays(1), +1, ownerHolidays);

    /// <summary>The date itself when it is a school day, otherwise the last school day before it (for deadlines such as "by the end of February").</summary>
    public static DateOnly SchoolDayOnOrBefore(DateOnly date, IEnumerable<DateRange> ownerHolidays) => Search(date, -1, ownerHolidays);

    /// <summary>The last school day strictly before the date.</summary>
    public static DateOnly PreviousSchoolDay(DateOnly date, IEnumerable<DateRange> ownerHolidays) => Search(date.AddDays(-1), -1, ownerHolidays);

    /// <summary>
    /// Counts <paramref name="schoolDays"/> school days forward (or backward when negative) from the date,
    /// not counting the date itself. Zero gives <see cref="SchoolDayOnOrAfter"/>.
    /// </summary>
    public static DateOnly AddSchoolDays(DateOnly date, int schoolDays, IEnumerable<DateRange> ownerHolidays)
    {
        var holidays = Materialise(ownerHolidays);
        if (schoolDays == 0) return SchoolDayOnOrAfter(date, holidays);
        var step = Math.Sign(schoolDays);
        var d = date;
        for (var counted = 0; counted < Math.Abs(schoolDays); counted++)
            d = step > 0 ? NextSchoolDay(d, holidays) : PreviousSchoolDay(d, holidays);
        return d;
    }

    /// <summary>
    /// Moves whole weeks forward (or backward when negative) on the same weekday, where a week in which
    /// the school is closed all five weekdays (høstferie, the Easter week, the summer) does not count;
    /// the result is then the first school day on or after that weekday. Zero gives <see cref="SchoolDayOnOrAfter"/>.
    /// </summary>
    public static DateOnly AddSchoolWeeks(DateOnly date, int schoolWeeks, IEnumerable<DateRange> ownerHolidays)
    {
        var holidays = Materialise(ownerHolidays);
        var step = Math.Sign(schoolWeeks);
        var d = date;
        var counted = 0;
        var searched = 0;
        while (counted < Math.Abs(schoolWeeks))
        {
            d = d.AddDays(7 * step);
            if (WeekHasSchoolDay(d, holidays)) counted++;
            if (++searched > SearchLimitDays / 7) throw NoSchoolDay(date);
        }
        return SchoolDayOnOrAfter(d, holidays);
    }

    /// <summary>Whether the Monday–Friday week that holds the date has at least one school day.</summary>
    public static bool WeekHasSchoolDay(DateOnly date, IEnumerable<DateRange> ownerHolidays)
    {
        var holidays = Materialise(ownerHolidays);
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        for (var i = 0; i < 5; i++)
            if (IsSchoolDay(monday.AddDays(i), holidays)) return true;
        return false;
    }

    /// <summary>The school days inside a range, in order.</summary>
    public static IReadOnlyList<DateOnly> SchoolDays(DateRange range, IEnumerable<DateRange> ownerHolidays)
    {
        var holidays = Materialise(ownerHolidays);
        return [.. range.Dates().Where(d => IsSchoolDay(d, holidays))];
    }

    /// <summary>Whether all the calendar days of the range are school days (e.g. three assessment days in a row).</summary>
    public static bool AllSchoolDays(DateRange range, IEnumerable<DateRange> ownerHolidays)
    {
        var holidays = Materialise(ownerHolidays);
        return range.Dates().All(d => IsSchoolDay(d, holidays));
    }

    private static DateOnly Search(DateOnly from, int step, IEnumerable<DateRange> ownerHolidays)
    {
        var holidays = Materialise(ownerHolidays);
        var d = from;
        for (var i = 0; i <= SearchLimitDays; i++, d = d.AddDays(step))
            if (IsSchoolDay(d, holidays)) return d;
        throw NoSchoolDay(from);
    }

    private static DateRange[] Materialise(IEnumerable<DateRange> ownerHolidays) =>
        ownerHolidays as DateRange[] ?? [.. ownerHolidays];

    private static InvalidOperationException NoSchoolDay(DateOnly from) =>
        new($"No school day within three years of {from:O}: the school holidays cover all of it.");
}
