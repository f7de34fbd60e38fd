using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Invitations;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Issue 20, the invitations: Sentrum skole's next session (5) was invited when its time was set, a fortnight
/// before it, so a newcomer sees on the session page whom the invitation went to. The record only: the demo sends
/// no mail. Dated from the session's own date, so it moves with the demo's dates. Skipped when the session is not there.
/// </summary>
public static class DemoCalendar
{
    public static async Task SeedAsync(StillasDb db, CancellationToken ct)
    {
        var session = await db.Sessions.Include(s => s.PlanStep)
            .Where(s => s.Number == 5 && s.PlanStep!.Programme!.School!.Name == "Sentrum skole").OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (session?.PlanStep is not { } step || await db.Set<MeetingInvitation>().AnyAsync(i => i.Kind == MeetingKind.Session && i.SourceId == session.Id, ct)) return;
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == session.ProgrammeId, ct);
        var invited = (await MeetingInvitations.RecipientsAsync(db, programme, ct)).Count(r => r.Email.Contains('@', StringComparison.Ordinal));
        var starts = step.Date.ToDateTime(session.StartTime);
        var sentAt = new DateTimeOffset(step.Date.AddDays(-14).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        db.Add(new MeetingInvitation
        {
            Kind = MeetingKind.Session, SourceId = session.Id, ProgrammeId = programme.Id, Sequence = session.Version + step.Version,
            Starts = starts, Ends = starts.AddMinutes(session.Minutes), Location = session.Place ?? session.VideoLink,
            SentAt = sentAt, CreatedAt = sentAt, InvitedCount = invited,
        }.PlaceIn(programme));
        await db.SaveChangesAsync(ct);
    }
}
