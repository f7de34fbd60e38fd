using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Stillas.Web.Platform.Calendar;

/// <summary>A Norwegian school year, "2026/27": 1 August 2026 to 31 July 2027.</summary>
public readonly record struct SchoolYear
{
    public SchoolYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, 9998);
        StartYear = startYear;
    }

    /// <summary>The calendar year the school year starts in (2026 for "2026/27").</summary>
    public int StartYear { get; }

    public DateOnly Start => new(StartYear, 8, 1);
    public DateOnly End => new(StartYear + 1, 7, 31);
    public DateRange Range => new(Start, End);

    /// <summary>Høsthalvåret: August–December.</summary>
    public HalfYear Autumn => new(this, HalfYearKind.Autumn);

    /// <summary>Vårhalvåret: January–June.</summary>
    public HalfYear Spring => new(this, HalfYearKind.Spring);

    public SchoolYear Next => new(StartYear + 1);
    public SchoolYear Previous => new(StartYear - 1);

    /// <summary>The school year a date belongs to (August onwards starts a new one).</summary>
    public static SchoolYear Of(DateOnly date) => new(date.Month >= 8 ? date.Year : date.Year - 1);

    /// <summary>"2026/27".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00}");

    /// <summary>Reads "2026/27", "2026/2027" or "2026-27"; the second year must follow the first.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SchoolYear schoolYear)
    {
        schoolYear = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('/', '-');
        if (parts.Length != 2) return false;
        if (!int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var first) || first < 1900 || first > 9998) return false;
        var second = parts[1].Trim();
        if (!int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out var next)) return false;
        var ok = second.Length switch
        {
            2 => next == (first + 1) % 100,
            4 => next == first + 1,
            _ => false,
        };
        if (!ok) return false;
        schoolYear = new SchoolYear(first);
        return true;
    }

    public static SchoolYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"«{text}» er ikke et skoleår. Skriv for eksempel 2026/27.");
}

public enum HalfYearKind
{
    Autumn,
    Spring,
}

/// <summary>
/// Høsthalvåret (1 August–31 December) or vårhalvåret (1 January–30 June) of a school year; July
/// belongs to neither. Guidance is counted per half-year (seed 000 § 1.3: "to ganger i halvåret").
/// </summary>
public readonly record struct HalfYear(SchoolYear SchoolYear, HalfYearKind Kind)
{
    public DateRange Range => Kind == HalfYearKind.Autumn
        ? new(new DateOnly(SchoolYear.StartYear, 8, 1), new DateOnly(SchoolYear.StartYear, 12, 31))
        : new(new DateOnly(SchoolYear.StartYear + 1, 1, 1), new DateOnly(SchoolYear.StartYear + 1, 6, 30));

    public HalfYear Next => Kind == HalfYearKind.Autumn ? SchoolYear.Spring : SchoolYear.Next.Autumn;
    public HalfYear Previous => Kind == HalfYearKind.Spring ? SchoolYear.Autumn : SchoolYear.Previous.Spring;

    /// <summary>Increases by one from each half-year to the next; for ordering and distances.</summary>
    public int Ordinal => (SchoolYear.StartYear * 2) + (int)Kind;

    /// <summary>The half-year holding the date, or null in July.</summary>
    public static HalfYear? Containing(DateOnly date) => date.Month switch
    {
        >= 8 => new SchoolYear(date.Year).Autumn,
        <= 6 => new SchoolYear(date.Year - 1).Spring,
        _ => null,
    };

    /// <summary>The half-year holding the date; in July the autumn that follows.</summary>
    public static HalfYear OnOrAfter(DateOnly date) => Containing(date) ?? new SchoolYear(date.Year).Autumn;

    /// <summary>"Høsthalvåret 2027" / "Vårhalvåret 2028", in the current language.</summary>
    public string Name => Kind == HalfYearKind.Autumn
        ? Text.L.T("Høsthalvåret {0}", Range.Start.Year.ToString(CultureInfo.InvariantCulture))
        : Text.L.T("Vårhalvåret {0}", Range.Start.Year.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Name;
}
