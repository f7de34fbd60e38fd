using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Teams;

/// <summary>
/// A member joined or left a team. Joining a team opens its confidential content (notes), so who came and
/// went is shown on the team's page to its members and staff, and mailed to the members while the team has
/// running programmes: nobody reads the team's notes without the team knowing (DESIGN.md, Authorisation).
/// Written by <see cref="TeamChanges"/> in the same save as the membership, whoever makes it.
/// </summary>
[Audited("Endring i veilederteam")]
[NotEdited("a log of who joined or left")]
public class TeamChange : IOwnerScoped
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public int OwnerId { get; set; }
    public int PersonId { get; set; }
    public required string PersonName { get; set; }
    public bool Joined { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class TeamChangeConfiguration : IEntityTypeConfiguration<TeamChange>
{
    public void Configure(EntityTypeBuilder<TeamChange> b)
    {
        b.Property(c => c.PersonName).HasMaxLength(200);
        b.Property(c => c.ByName).HasMaxLength(200);
        b.HasIndex(c => new { c.TeamId, c.At });
    }
}

/// <summary>A change is written by the save that adds or removes the member (its rule decided that save), never edited.</summary>
public sealed class TeamChangeWrites : WriteRule<TeamChange>
{
    protected override bool MayWrite(WriteContext w, TeamChange row) => w.Added;
}

public static class TeamChanges
{
    /// <summary>
    /// Records the members added to or removed from teams in this save, and mails each such team's members
    /// (the one who joined or left included) when the team runs a programme that is active or paused.
    /// </summary>
    public static async Task RecordAsync(StillasDb db, AccessScope scope, DateTimeOffset now, string baseUrl, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<TeamMember>().Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => (Member: e.Entity, Joined: e.State == EntityState.Added)).ToList();
        if (changed.Count == 0) return;
        var personIds = changed.Select(c => c.Member.PersonId).Distinct().ToArray();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var team in changed.GroupBy(c => c.Member.TeamId))
        {
            var teamId = team.Key;
            var ownerId = team.First().Member.OwnerId;
            foreach (var (member, joined) in team)
                db.Add(new TeamChange
                {
                    TeamId = teamId, OwnerId = ownerId, PersonId = member.PersonId, PersonName = names.GetValueOrDefault(member.PersonId, "(ukjent)"),
                    Joined = joined, ByName = scope.ActorName.Length > 200 ? scope.ActorName[..200] : scope.ActorName, At = now,
                });
            var running = await db.Programmes.AsNoTracking()
                .Where(p => p.TeamId == teamId && (p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Paused))
                .Select(p => p.School!.Name).ToListAsync(ct);
            if (running.Count == 0) continue;
            var teamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync(ct);
            // Everyone on the team after this save, and those who left.
            var stays = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId).Select(m => m.PersonId).ToListAsync(ct);
            var told = stays.Concat(team.Select(c => c.Member.PersonId)).Distinct().ToArray();
            var recipients = await db.People.AsNoTracking().Where(p => told.Contains(p.Id) && p.Active).Select(p => new { p.Name, p.Email, p.Language }).ToListAsync(ct);
            // Each member reads the mail in their own language (Person.Language), not the one of whoever made the change.
            foreach (var language in recipients.GroupBy(r => Languages.Normalize(r.Language)))
            {
                string subject, text;
                using (Languages.Use(language.Key))
                {
                    var lines = string.Join("\n", team.Select(c => "- " + (c.Joined
                        ? L.T("{0} er lagt til i teamet.", names.GetValueOrDefault(c.Member.PersonId, L.T("(ukjent)")))
                        : L.T("{0} er fjernet fra teamet.", names.GetValueOrDefault(c.Member.PersonId, L.T("(ukjent)"))))));
                    subject = L.T("Endring i {0}", teamName);
                    text = string.Join("\n",
                        L.T("Hei!"),
                        "",
                        L.T("{0} har endret medlemmene i {1} {2}:", scope.ActorName, teamName, Platform.Web.NorwegianTime.DateTime(now)),
                        lines,
                        "",
                        L.T("Teamet veileder nå {0}. Bare teamets medlemmer leser teamets notater fra veiledninger og vurderingsdager.", string.Join(", ", running)),
                        L.T("Se teamet: {0}", $"{baseUrl.TrimEnd('/')}/Teams/Details/{teamId}"),
                        "",
                        L.T("Hilsen Stillas"));
                }
                foreach (var r in language)
                    db.Add(new OutboxMessage { ToAddress = r.Email, ToName = r.Name, Subject = subject, TextBody = text, CreatedAt = now, DueAt = now, OwnerId = ownerId });
            }
        }
    }
}
