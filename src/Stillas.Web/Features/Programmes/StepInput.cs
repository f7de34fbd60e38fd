using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes;

/// <summary>A change to one step of a progress plan; shared by the step page and the API.</summary>
public sealed class StepInput
{
    /// <summary>The version the form or API call was written on (concurrency check when given).</summary>
    public int? Version { get; set; }

    [Required(ErrorMessage = "Skriv inn dato.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Velg status.")]
    public StepStatus? Status { get; set; }

    [StringLength(200, ErrorMessage = "Hvem som er ansvarlig kan ha høyst 200 tegn.")]
    public string? ResponsibleNote { get; set; }

    [StringLength(2000, ErrorMessage = "Notatet kan ha høyst 2000 tegn.")]
    public string? Note { get; set; }

    public static StepInput From(PlanStep s) => new() { Date = s.Date, Status = s.Status, ResponsibleNote = s.ResponsibleNote, Note = s.Note, Version = s.Version };

    /// <summary>The owner's school holidays with their names, for telling why a date is not a school day.</summary>
    public static async Task<List<SchoolHoliday>> HolidaysAsync(StillasDb db, int ownerId, CancellationToken ct)
    {
        var rows = await db.SchoolHolidays.AsNoTracking().Where(h => h.OwnerId == ownerId)
            .Select(h => new { h.Kind, h.Name, h.Start, h.End }).ToListAsync(ct);
        return [.. rows.Select(h => new SchoolHoliday(h.Kind, h.Name, new DateRange(h.Start, h.End)))];
    }

    /// <summary>A moved step must still lie on school days; the reason is told in Norwegian.</summary>
    public List<(string Field, string Message)> Check(PlanStep step, IReadOnlyList<SchoolHoliday> holidays, DateOnly programmeEnd)
    {
        var errors = new List<(string, string)>();
        if (Status is StepStatus status && !Enum.IsDefined(status)) errors.Add((nameof(Status), L.T("Velg status.")));
        if (Date is not DateOnly date) return errors;
        if (date.Year is < 2000 or > 2099)
        {
            errors.Add((nameof(Date), L.T("Datoen må være mellom 2000 og 2099.")));
            return errors;
        }
        if (date == step.Date) return errors;
        var days = (step.EndDate ?? step.Date).DayNumber - step.Date.DayNumber;
        if (date.AddDays(days) > programmeEnd)
        {
            errors.Add((nameof(Date), L.T("Forløpet varer til {0}. Et steg kan ikke flyttes til etter forløpets slutt; velg en dato før det.", NorwegianTime.Date(programmeEnd))));
            return errors;
        }
        foreach (var day in new DateRange(date, date.AddDays(days)).Dates())
        {
            var why = WhyNotSchoolDay(day, holidays);
            if (why is null) continue;
            errors.Add((nameof(Date), days == 0 ? L.T("{0} er {1}. Velg en skoledag.", NorwegianTime.Date(day), why) : L.T("Steget varer {0} dager, og {1} er {2}. Velg dager som alle er skoledager.", days + 1, NorwegianTime.Date(day), why)));
            break;
        }
        return errors;
    }

    private static string? WhyNotSchoolDay(DateOnly day, IReadOnlyList<SchoolHoliday> holidays)
    {
        if (NorwegianCalendar.IsWeekend(day)) return L.T("en {0}", NorwegianTime.DayName(day));
        if (NorwegianCalendar.PublicHolidayName(day) is { } name) return name;
        var holiday = holidays.FirstOrDefault(h => h.Range.Contains(day));
        return holiday is null ? null : L.T("i {0} ({1})", holiday.Name.ToLowerInvariant(), holiday.Range);
    }

    /// <summary>
    /// Applies the change. A step whose date differs from the plan's is "Flyttet" (moved) while it is
    /// still to do; the plan's first date stays in <see cref="PlanStep.OriginalDate"/>.
    /// </summary>
    public void Apply(PlanStep step, DateTimeOffset now)
    {
        var date = Date!.Value;
        if (date != step.Date)
        {
            if (step.EndDate is DateOnly end) step.EndDate = end.AddDays(date.DayNumber - step.Date.DayNumber);
            step.Date = date;
        }
        var status = Status!.Value;
        step.Status = status is StepStatus.Planned or StepStatus.Moved
            ? (step.Date == step.OriginalDate ? StepStatus.Planned : StepStatus.Moved)
            : status;
        step.DoneAt = step.Status == StepStatus.Done ? step.DoneAt ?? now : null;
        step.ResponsibleNote = string.IsNullOrWhiteSpace(ResponsibleNote) ? null : ResponsibleNote.Trim();
        step.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }

    /// <summary>What a school leader may do to a school step: mark it done or not done, with a note.</summary>
    public static void MarkDone(PlanStep step, bool done, string? note, DateTimeOffset now)
    {
        step.Status = done ? StepStatus.Done : step.Date == step.OriginalDate ? StepStatus.Planned : StepStatus.Moved;
        step.DoneAt = done ? step.DoneAt ?? now : null;
        if (note is not null) step.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
