using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Holidays;

/// <summary>One school holiday as the owner administrator enters it; shared by the page and the API.</summary>
public sealed class HolidayInput
{
    /// <summary>The version the form or API call was written on (concurrency check when given).</summary>
    public int? Version { get; set; }

    [Required(ErrorMessage = "Velg skoleeier.")]
    public int? OwnerId { get; set; }

    [Required(ErrorMessage = "Skriv inn skoleåret, for eksempel 2026/27.")]
    public string? SchoolYear { get; set; }

    [Required(ErrorMessage = "Velg hva slags ferie det er.")]
    public SchoolHolidayKind? Kind { get; set; }

    [Required(ErrorMessage = "Skriv inn et navn, for eksempel Høstferie.")]
    [StringLength(100, ErrorMessage = "Navnet kan ha høyst 100 tegn.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Skriv inn første feriedag.")]
    public DateOnly? Start { get; set; }

    [Required(ErrorMessage = "Skriv inn siste feriedag.")]
    public DateOnly? End { get; set; }

    public static HolidayInput From(SchoolHolidayPeriod h) => new()
    {
        OwnerId = h.OwnerId, SchoolYear = h.SchoolYear, Kind = h.Kind, Name = h.Name, Start = h.Start, End = h.End, Version = h.Version,
    };

    /// <summary>Rules beyond single fields; <paramref name="id"/> is the period being edited.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, int? id, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (Kind is SchoolHolidayKind kind && !Enum.IsDefined(kind)) errors.Add((nameof(Kind), L.T("Velg hva slags ferie det er.")));
        if (!Platform.Calendar.SchoolYear.TryParse(SchoolYear, out var year))
        {
            errors.Add((nameof(SchoolYear), L.T("Skriv skoleåret som for eksempel 2026/27.")));
            return errors;
        }
        if (Start is not DateOnly start || End is not DateOnly end) return errors;
        if (end < start)
        {
            errors.Add((nameof(End), L.T("Siste feriedag kan ikke være før første feriedag.")));
            return errors;
        }
        if (!year.Range.Contains(new DateRange(start, end)))
        {
            errors.Add((nameof(Start), L.T("Ferien må ligge i skoleåret {0} ({1}).", year, year.Range)));
            return errors;
        }
        if (OwnerId is int ownerId)
        {
            var clash = await db.SchoolHolidays.AsNoTracking()
                .Where(h => h.OwnerId == ownerId && h.Id != (id ?? 0) && h.Start <= end && start <= h.End)
                .Select(h => new { h.Name, h.Start, h.End }).FirstOrDefaultAsync(ct);
            if (clash is not null)
                errors.Add((nameof(Start), L.T("Perioden overlapper med {0} ({1}).", L.Data(clash.Name), new DateRange(clash.Start, clash.End))));
        }
        return errors;
    }

    public void Apply(SchoolHolidayPeriod h)
    {
        h.OwnerId = OwnerId!.Value;
        h.SchoolYear = Platform.Calendar.SchoolYear.Parse(SchoolYear!).ToString();
        h.Kind = Kind!.Value;
        h.Name = Name.Trim();
        h.Start = Start!.Value;
        h.End = End!.Value;
    }
}
