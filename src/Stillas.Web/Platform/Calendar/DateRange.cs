using Stillas.Web.Platform.Web;

namespace Stillas.Web.Platform.Calendar;

/// <summary>A span of whole days with both ends included, e.g. a school holiday 21.12.2026–01.01.2027.</summary>
public sealed record DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start) throw new ArgumentException($"A date range cannot end ({end:O}) before it starts ({start:O}).", nameof(end));
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }

    public static DateRange Day(DateOnly date) => new(date, date);

    /// <summary>Number of calendar days, both ends included.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Contains(DateRange other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(DateRange other) => Start <= other.End && other.Start <= End;

    public IEnumerable<DateOnly> Dates()
    {
        for (var n = Start.DayNumber; n <= End.DayNumber; n++) yield return DateOnly.FromDayNumber(n);
    }

    public void Deconstruct(out DateOnly start, out DateOnly end)
    {
        start = Start;
        end = End;
    }

    /// <summary>Norwegian reading: "05.10.2026" or "28.09.2026–02.10.2026".</summary>
    public override string ToString() =>
        Start == End ? NorwegianTime.Date(Start) : $"{NorwegianTime.Date(Start)}–{NorwegianTime.Date(End)}";
}
