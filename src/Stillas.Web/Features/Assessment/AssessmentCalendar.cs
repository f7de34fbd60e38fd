using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Assessment;

/// <summary>The assessment days' slots as timed events (Europe/Oslo) for a person's calendar feed.</summary>
public static class AssessmentCalendar
{
    public static async Task<List<CalendarEvent>> EventsAsync(StillasDb db, int[] teams, int[] schools, DateOnly from, DateOnly to, string baseUrl, CalDateTime stamp, CancellationToken ct)
    {
        var slots = await db.AssessmentSlots.AsNoTracking()
            .Where(s => s.Programme!.Status == ProgrammeStatus.Active && s.Date >= from && s.Date <= to
                        && (teams.Contains(s.TeamId) || (s.SchoolTakesPart && schools.Contains(s.SchoolId))))
            .OrderBy(s => s.Date).ThenBy(s => s.Start).Take(2000)
            .Select(s => new { s.Id, s.ProgrammeId, s.Date, s.Start, s.End, s.Title, s.Who, s.Where, School = s.Programme!.School!.Name })
            .ToListAsync(ct);
        return [.. slots.Select(s =>
        {
            var url = $"{baseUrl}/Programmes/Assessment/{s.ProgrammeId}";
            return new CalendarEvent
            {
                Uid = $"stillas-assessment-slot-{s.Id}",
                Summary = $"Vurderingsdager: {s.Title} – {s.School}",
                Description = string.Join("\n", new[] { s.Who is null ? null : $"Hvem: {s.Who}", url }.Where(x => x is not null)),
                Location = s.Where,
                DtStart = new CalDateTime(s.Date.ToDateTime(s.Start), "Europe/Oslo"),
                DtEnd = new CalDateTime(s.Date.ToDateTime(s.End), "Europe/Oslo"),
                Url = new Uri(url),
                DtStamp = stamp,
            };
        })];
    }
}
