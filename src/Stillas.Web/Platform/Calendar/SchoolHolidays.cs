using System.Globalization;

namespace Stillas.Web.Platform.Calendar;

public enum SchoolHolidayKind
{
    Summer,
    Autumn,
    Christmas,
    Winter,
    Easter,
    /// <summary>Planning days and other days off the owner decides.</summary>
    Other,
}

/// <summary>
/// One of the owner's school holidays in a school year, with its bokmål name (stored as the owner's data when a
/// suggestion is accepted; pages show it with <c>L.Data</c>, which translates the usual names).
/// </summary>
public sealed record SchoolHoliday(SchoolHolidayKind Kind, string Name, DateRange Range);

/// <summary>
/// A SUGGESTION of the usual school holidays of a school year, for the owner to check and edit against
/// the school calendar (skolerute) the kommune has decided. Never used as if the owner had entered it.
/// Each range lies inside the school year, so summer appears twice: until school starts in August, and
/// from the end of June.
/// </summary>
public static class SchoolHolidaySuggestion
{
    /// <summary>Shown wherever the suggestion is offered.</summary>
    public static string Notice => Text.L.T("Forslag ut fra en vanlig skolerute. Kontroller og rett datoene etter skoleruten kommunen har vedtatt.");

    /// <param name="year">The school year.</param>
    /// <param name="autumnWeek">ISO week of høstferie; week 40 in most kommuner, 41 in some.</param>
    /// <param name="winterWeek">ISO week of vinterferie; week 8 in the south-east, week 9 in much of the rest of the country (Tromsø among them).</param>
    public static IReadOnlyList<SchoolHoliday> For(SchoolYear year, int autumnWeek = 40, int winterWeek = 9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(autumnWeek, 36);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(autumnWeek, 46);
        ArgumentOutOfRangeException.ThrowIfLessThan(winterWeek, 5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(winterWeek, 11);

        var autumn = year.StartYear;
        var spring = year.StartYear + 1;

        // School starts on the Monday of week 34 (mid-August).
        var firstSchoolDay = Monday(autumn, 34);
        // The last school day before summer is the last weekday on or before 20 June.
        var lastSchoolDay = new DateOnly(spring, 6, 20);
        while (NorwegianCalendar.IsWeekend(lastSchoolDay)) lastSchoolDay = lastSchoolDay.AddDays(-1);
        var easter = NorwegianCalendar.EasterSunday(spring);

        return
        [
            new(SchoolHolidayKind.Summer, "Sommerferie (til skolestart)", new(year.Start, firstSchoolDay.AddDays(-1))),
            new(SchoolHolidayKind.Autumn, "Høstferie", new(Monday(autumn, autumnWeek), Monday(autumn, autumnWeek).AddDays(4))),
            new(SchoolHolidayKind.Christmas, "Juleferie", new(new DateOnly(autumn, 12, 21), new DateOnly(spring, 1, 1))),
            new(SchoolHolidayKind.Winter, "Vinterferie", new(Monday(spring, winterWeek), Monday(spring, winterWeek).AddDays(4))),
            // From the Monday of the Easter week to 2. påskedag.
            new(SchoolHolidayKind.Easter, "Påskeferie", new(easter.AddDays(-6), easter.AddDays(1))),
            new(SchoolHolidayKind.Summer, "Sommerferie", new(lastSchoolDay.AddDays(1), year.End)),
        ];
    }

    /// <summary>The ranges of several school years' suggestions, for planning across years.</summary>
    public static IReadOnlyList<DateRange> Ranges(SchoolYear from, SchoolYear to) =>
        [.. Enumerable.Range(from.StartYear, to.StartYear - from.StartYear + 1).SelectMany(y => For(new SchoolYear(y))).Select(h => h.Range)];

    private static DateOnly Monday(int year, int week) => DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
}
