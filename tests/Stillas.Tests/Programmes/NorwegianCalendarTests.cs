using System.Globalization;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Tests.Programmes;

public class NorwegianCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly DateRange[] NoHolidays = [];

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, string easter) =>
        Assert.Equal(D(easter), NorwegianCalendar.EasterSunday(year));

    [Fact]
    public void Public_holidays_of_2026_are_the_twelve_with_Norwegian_names()
    {
        var expected = new (string Date, string Name)[]
        {
            ("2026-01-01", "1. nyttårsdag"),
            ("2026-04-02", "Skjærtorsdag"),
            ("2026-04-03", "Langfredag"),
            ("2026-04-05", "1. påskedag"),
            ("2026-04-06", "2. påskedag"),
            ("2026-05-01", "1. mai"),
            ("2026-05-14", "Kristi himmelfartsdag"),
            ("2026-05-17", "17. mai"),
            ("2026-05-24", "1. pinsedag"),
            ("2026-05-25", "2. pinsedag"),
            ("2026-12-25", "1. juledag"),
            ("2026-12-26", "2. juledag"),
        };
        Assert.Equal(expected.Select(e => new PublicHoliday(D(e.Date), e.Name)), NorwegianCalendar.PublicHolidays(2026));
    }

    [Fact]
    public void Ascension_day_2026_is_14_May_and_Whitsun_ten_days_later()
    {
        Assert.Equal("Kristi himmelfartsdag", NorwegianCalendar.PublicHolidayName(D("2026-05-14")));
        Assert.Equal("1. pinsedag", NorwegianCalendar.PublicHolidayName(D("2026-05-24")));
        Assert.Equal("2. pinsedag", NorwegianCalendar.PublicHolidayName(D("2026-05-25")));
        Assert.False(NorwegianCalendar.IsSchoolDay(D("2026-05-14"), NoHolidays));
        Assert.False(NorwegianCalendar.IsSchoolDay(D("2026-05-25"), NoHolidays));
        Assert.True(NorwegianCalendar.IsSchoolDay(D("2026-05-15"), NoHolidays));
        Assert.Null(NorwegianCalendar.PublicHolidayName(D("2026-05-15")));
    }

    [Fact]
    public void Whit_Monday_2027_is_the_seventeenth_of_May_and_both_names_are_given()
    {
        Assert.Equal("17. mai og 2. pinsedag", NorwegianCalendar.PublicHolidayName(D("2027-05-17")));
        Assert.Equal(12, NorwegianCalendar.PublicHolidays(2027).Count);
    }

    [Theory]
    [InlineData("2026-09-29", false)] // Tuesday in høstferie (owner holiday)
    [InlineData("2026-10-05", true)]  // the Monday after
    [InlineData("2026-10-03", false)] // Saturday
    [InlineData("2026-04-02", false)] // skjærtorsdag
    [InlineData("2026-05-01", false)] // 1. mai, a Friday
    [InlineData("2026-06-04", true)]  // an ordinary Thursday
    public void A_school_day_is_a_weekday_outside_public_holidays_and_the_owners_holidays(string date, bool schoolDay)
    {
        DateRange[] owner = [new(D("2026-09-28"), D("2026-10-02"))];
        Assert.Equal(schoolDay, NorwegianCalendar.IsSchoolDay(D(date), owner));
    }

    [Fact]
    public void Next_school_day_skips_weekends_public_holidays_and_owner_holidays()
    {
        DateRange[] owner = [new(D("2026-09-28"), D("2026-10-02"))];
        Assert.Equal(D("2026-10-05"), NorwegianCalendar.SchoolDayOnOrAfter(D("2026-09-30"), owner));
        Assert.Equal(D("2026-10-05"), NorwegianCalendar.NextSchoolDay(D("2026-09-25"), owner));
        Assert.Equal(D("2026-09-25"), NorwegianCalendar.SchoolDayOnOrBefore(D("2026-10-02"), owner));
        Assert.Equal(D("2026-04-07"), NorwegianCalendar.SchoolDayOnOrAfter(D("2026-04-02"), NoHolidays)); // over Easter
        Assert.Equal(D("2026-04-01"), NorwegianCalendar.PreviousSchoolDay(D("2026-04-07"), NoHolidays));
        Assert.Equal(D("2026-05-13"), NorwegianCalendar.AddSchoolDays(D("2026-05-08"), 3, NoHolidays));
        Assert.Equal(D("2026-05-18"), NorwegianCalendar.AddSchoolDays(D("2026-05-13"), 2, NoHolidays)); // over Kristi himmelfart
        Assert.Equal(D("2026-05-08"), NorwegianCalendar.AddSchoolDays(D("2026-05-13"), -3, NoHolidays));
    }

    [Fact]
    public void School_weeks_do_not_count_a_week_the_school_is_closed()
    {
        DateRange[] owner = [new(D("2026-09-28"), D("2026-10-02"))];
        Assert.True(NorwegianCalendar.WeekHasSchoolDay(D("2026-09-21"), owner));
        Assert.False(NorwegianCalendar.WeekHasSchoolDay(D("2026-09-30"), owner));
        // Two school weeks after Monday 21 September: 5 October would be the second week counted without høstferie.
        Assert.Equal(D("2026-10-12"), NorwegianCalendar.AddSchoolWeeks(D("2026-09-21"), 2, owner));
        Assert.Equal(D("2026-10-05"), NorwegianCalendar.AddSchoolWeeks(D("2026-09-21"), 2, NoHolidays));
        // A week with one public holiday still counts; the weekday moves to the next school day.
        Assert.Equal(D("2026-05-15"), NorwegianCalendar.AddSchoolWeeks(D("2026-05-07"), 1, NoHolidays));
        Assert.Equal(D("2026-09-21"), NorwegianCalendar.AddSchoolWeeks(D("2026-10-12"), -2, owner));
    }

    [Fact]
    public void Holidays_covering_everything_give_a_clear_error_not_an_endless_search()
    {
        DateRange[] always = [new(D("2020-01-01"), D("2040-12-31"))];
        Assert.Throws<InvalidOperationException>(() => NorwegianCalendar.SchoolDayOnOrAfter(D("2026-01-05"), always));
    }

    [Fact]
    public void Date_range_includes_both_ends_and_knows_overlaps()
    {
        var autumn = new DateRange(D("2026-09-28"), D("2026-10-02"));
        Assert.True(autumn.Contains(D("2026-09-28")));
        Assert.True(autumn.Contains(D("2026-10-02")));
        Assert.False(autumn.Contains(D("2026-10-03")));
        Assert.Equal(5, autumn.Days);
        Assert.True(autumn.Overlaps(new DateRange(D("2026-10-02"), D("2026-10-09"))));
        Assert.False(autumn.Overlaps(new DateRange(D("2026-10-03"), D("2026-10-09"))));
        Assert.True(autumn.Contains(DateRange.Day(D("2026-09-30"))));
        Assert.Equal("28.09.2026–02.10.2026", autumn.ToString());
        Assert.Throws<ArgumentException>(() => new DateRange(D("2026-10-02"), D("2026-09-28")));
    }

    [Fact]
    public void School_year_2026_27_runs_from_1_August_to_31_July()
    {
        var year = new SchoolYear(2026);
        Assert.Equal("2026/27", year.ToString());
        Assert.Equal(D("2026-08-01"), year.Start);
        Assert.Equal(D("2027-07-31"), year.End);
        Assert.Equal(year, SchoolYear.Of(D("2026-08-01")));
        Assert.Equal(year, SchoolYear.Of(D("2027-07-31")));
        Assert.Equal(new SchoolYear(2025), SchoolYear.Of(D("2026-07-31")));
        Assert.Equal("2099/00", new SchoolYear(2099).ToString());
    }

    [Theory]
    [InlineData("2026/27", 2026)]
    [InlineData(" 2026/2027 ", 2026)]
    [InlineData("2026-27", 2026)]
    [InlineData("2099/00", 2099)]
    [InlineData("2026/28", null)]
    [InlineData("2026", null)]
    [InlineData("tjuesju", null)]
    [InlineData("", null)]
    public void School_year_reads_the_way_it_is_written(string text, int? startYear)
    {
        Assert.Equal(startYear is not null, SchoolYear.TryParse(text, out var year));
        if (startYear is not null) Assert.Equal(startYear, year.StartYear);
        else Assert.Throws<FormatException>(() => SchoolYear.Parse(text));
    }

    [Fact]
    public void Half_years_are_autumn_August_to_December_and_spring_January_to_June()
    {
        var year = new SchoolYear(2026);
        Assert.Equal(new DateRange(D("2026-08-01"), D("2026-12-31")), year.Autumn.Range);
        Assert.Equal(new DateRange(D("2027-01-01"), D("2027-06-30")), year.Spring.Range);
        Assert.Equal("Høsthalvåret 2026", year.Autumn.Name);
        Assert.Equal("Vårhalvåret 2027", year.Spring.Name);
        Assert.Equal(year.Spring, year.Autumn.Next);
        Assert.Equal(new SchoolYear(2027).Autumn, year.Spring.Next);
        Assert.Equal(year.Autumn, year.Spring.Previous);
        Assert.Equal(year.Autumn.Ordinal + 1, year.Spring.Ordinal);
        Assert.Equal(year.Spring, HalfYear.Containing(D("2027-03-01")));
        Assert.Null(HalfYear.Containing(D("2027-07-10")));
        Assert.Equal(new SchoolYear(2027).Autumn, HalfYear.OnOrAfter(D("2027-07-10")));
    }

    [Fact]
    public void Suggested_holidays_for_2026_27_are_the_usual_weeks_inside_the_school_year()
    {
        var year = new SchoolYear(2026);
        var suggestion = SchoolHolidaySuggestion.For(year);
        var byName = suggestion.ToDictionary(h => h.Name, h => h.Range);
        Assert.Equal(new DateRange(D("2026-08-01"), D("2026-08-16")), byName["Sommerferie (til skolestart)"]);
        Assert.Equal(new DateRange(D("2026-09-28"), D("2026-10-02")), byName["Høstferie"]);     // week 40
        Assert.Equal(new DateRange(D("2026-12-21"), D("2027-01-01")), byName["Juleferie"]);
        Assert.Equal(new DateRange(D("2027-03-01"), D("2027-03-05")), byName["Vinterferie"]);   // week 9
        Assert.Equal(new DateRange(D("2027-03-22"), D("2027-03-29")), byName["Påskeferie"]);    // Monday of Easter week to 2. påskedag
        Assert.Equal(new DateRange(D("2027-06-19"), D("2027-07-31")), byName["Sommerferie"]);   // 20 June is a Sunday: last day Friday 18
        Assert.All(suggestion, h => Assert.True(year.Range.Contains(h.Range), h.Name));
        Assert.Contains("Forslag", SchoolHolidaySuggestion.Notice);

        var south = SchoolHolidaySuggestion.For(year, autumnWeek: 41, winterWeek: 8);
        Assert.Equal(new DateRange(D("2026-10-05"), D("2026-10-09")), south.Single(h => h.Kind == SchoolHolidayKind.Autumn).Range);
        Assert.Equal(new DateRange(D("2027-02-22"), D("2027-02-26")), south.Single(h => h.Kind == SchoolHolidayKind.Winter).Range);
    }

    [Fact]
    public void Suggested_holidays_never_overlap_each_other_in_any_year()
    {
        for (var y = 2024; y <= 2060; y++)
        {
            var holidays = SchoolHolidaySuggestion.For(new SchoolYear(y));
            foreach (var a in holidays)
                foreach (var b in holidays.Where(b => b != a))
                    Assert.False(a.Range.Overlaps(b.Range), $"{y}: {a.Name} {a.Range} / {b.Name} {b.Range}");
        }
    }
}
