using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>The assessment days' slots as timed events (Europe/Oslo) for a person's calendar feed, in the language the feed runs in.</summary>
public static class AssessmentCalendar
{
    public static async Task WriteAsync(ICalendarWriter calendar, StillasDb db, int[] teams, int[] schools, DateOnly from, DateOnly to, string baseUrl, CancellationToken ct)
    {
        var slots = await db.AssessmentSlots.AsNoTracking()
            .Where(s => s.Programme!.Status == ProgrammeStatus.Active && s.Date >= from && s.Date <= to
                        && (teams.Contains(s.TeamId) || (s.SchoolTakesPart && schools.Contains(s.SchoolId))))
            .OrderBy(s => s.Date).ThenBy(s => s.Start).ThenBy(s => s.Id).Take(2000)
            .Select(s => new { s.Id, s.ProgrammeId, s.Date, s.Start, s.End, s.Title, s.Who, s.Where, s.Version, School = s.Programme!.School!.Name })
            .ToListAsync(ct);
        var host = Invitations.CalendarUids.Host(db.MailBaseUrl);
        foreach (var s in slots)
        {
            var url = $"{baseUrl}/Programmes/Assessment/{s.ProgrammeId}";
            calendar.InOslo(Invitations.CalendarUids.AssessmentSlot(s.Id, host), s.Date.ToDateTime(s.Start), s.Date.ToDateTime(s.End),
                L.T("Vurderingsdager: {0} – {1}", L.Data(s.Title), s.School), s.Who is null ? url : L.T("Hvem: {0}", L.Data(s.Who)) + "\n" + url, url, s.Where is null ? null : L.Data(s.Where), sequence: s.Version);
        }
    }
}
