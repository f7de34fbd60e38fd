using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Teams;

/// <summary>What a user types to create or edit a guidance team; shared by the pages and the API.</summary>
public sealed class TeamInput
{
    /// <summary>The version the form or API call was written on (concurrency check when given).</summary>
    public int? Version { get; set; }

    [Required(ErrorMessage = "Velg skoleeier.")]
    public int? OwnerId { get; set; }

    [Required(ErrorMessage = "Skriv inn teamets navn.")]
    [StringLength(200, ErrorMessage = "Navnet kan ha høyst 200 tegn.")]
    public string Name { get; set; } = "";

    [StringLength(2000, ErrorMessage = "Beskrivelsen kan ha høyst 2000 tegn.")]
    public string? Description { get; set; }

    /// <summary>seed 000 § 1: a team serves 2–3 schools a school year; 10 leaves room for larger owners.</summary>
    [Required(ErrorMessage = "Skriv inn hvor mange skoler teamet kan veilede per skoleår.")]
    [Range(1, 10, ErrorMessage = "Kapasiteten må være mellom 1 og 10 skoler per skoleår.")]
    public int? Capacity { get; set; }

    public static TeamInput From(GuidanceTeam t) => new()
    {
        OwnerId = t.OwnerId, Name = t.Name, Description = t.Description, Capacity = t.CapacityPerSchoolYear, Version = t.Version,
    };

    /// <summary>Rules beyond single fields; returns (field, message) pairs. <paramref name="existing"/> is the team being edited.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, GuidanceTeam? existing, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (existing is not null && OwnerId != existing.OwnerId)
            errors.Add((nameof(OwnerId), L.T("Et veilederteam kan ikke flyttes til en annen skoleeier.")));
        var name = Name.Trim();
        if (OwnerId is int ownerId && name.Length > 0)
        {
            // Names are unique per owner so that lists and pickers are unambiguous.
            var lowered = name.ToLower();
            var taken = await db.Teams
                .IsTakenAsync(t => t.OwnerId == ownerId && t.Name.ToLower() == lowered && t.Id != (existing == null ? 0 : existing.Id), ct);
            if (taken) errors.Add((nameof(Name), L.T("Skoleeieren har allerede et veilederteam med dette navnet.")));
        }
        return errors;
    }

    public void Apply(GuidanceTeam t)
    {
        if (t.Id == 0) t.OwnerId = OwnerId!.Value;
        t.Name = Name.Trim();
        t.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        t.CapacityPerSchoolYear = Capacity!.Value;
    }
}

/// <summary>Puts a person on a team with a team role and an optional period.</summary>
public sealed class MemberInput
{
    [Required(ErrorMessage = "Velg en person.")]
    public int? PersonId { get; set; }

    [Required(ErrorMessage = "Velg rolle i teamet.")]
    public TeamRole? Role { get; set; }

    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>
    /// People who can be put on the owner's team: active, registered by the owner or holding a role
    /// there (what the owner's administrator sees), and not already on the team.
    /// </summary>
    public static IQueryable<People.Person> Candidates(StillasDb db, int ownerId, int teamId) =>
        db.People.AsNoTracking().Where(p => p.Active
            && (p.OwnerId == ownerId || p.Memberships.Any(m => m.Active && m.OwnerId == ownerId))
            && !p.TeamMemberships.Any(tm => tm.TeamId == teamId));

    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, GuidanceTeam team, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (Role is TeamRole role && !Enum.IsDefined(role)) errors.Add((nameof(Role), L.T("Velg rolle i teamet.")));
        if (From is DateOnly from && To is DateOnly to && to < from)
            errors.Add((nameof(To), L.T("Sluttdatoen kan ikke være før startdatoen.")));
        if (PersonId is int personId)
        {
            var alreadyMember = await db.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.PersonId == personId, ct);
            if (alreadyMember) errors.Add((nameof(PersonId), L.T("Personen er allerede med i teamet.")));
            else if (!await Candidates(db, team.OwnerId, team.Id).AnyAsync(p => p.Id == personId, ct))
                errors.Add((nameof(PersonId), L.T("Velg en aktiv person som hører til skoleeieren.")));
        }
        return errors;
    }

    public TeamMember ToMember(GuidanceTeam team) => new()
    {
        TeamId = team.Id, OwnerId = team.OwnerId, PersonId = PersonId!.Value, Role = Role!.Value, From = From, To = To,
    };
}

/// <summary>Training a team member has completed (seed 000 § 1: school assessment from Udir, guidance from UH).</summary>
public sealed class TrainingInput
{
    [Required(ErrorMessage = "Velg teammedlem.")]
    public int? MemberId { get; set; }

    [Required(ErrorMessage = "Skriv inn hva opplæringen het.")]
    [StringLength(200, ErrorMessage = "Tittelen kan ha høyst 200 tegn.")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "Tilbyderen kan ha høyst 200 tegn.")]
    public string? Provider { get; set; }

    [Required(ErrorMessage = "Skriv inn datoen opplæringen ble fullført.")]
    [Platform.Web.EarliestYear(1950)]
    public DateOnly? CompletedOn { get; set; }

    public List<(string Field, string Message)> Check(DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (CompletedOn is DateOnly d && d > today) errors.Add((nameof(CompletedOn), L.T("Datoen kan ikke være fram i tid.")));
        if (CompletedOn is DateOnly old && old.Year < 1950) errors.Add((nameof(CompletedOn), L.T("Datoen er for langt tilbake i tid.")));
        return errors;
    }

    public TrainingRecord ToRecord(int personId, int ownerId) => new()
    {
        PersonId = personId, OwnerId = ownerId, Title = Title.Trim(),
        Provider = string.IsNullOrWhiteSpace(Provider) ? null : Provider.Trim(), CompletedOn = CompletedOn!.Value,
    };
}

public static class TeamRules
{
    /// <summary>seed 000 § 1 / DOMAIN: a team = owner representative + school leader + UH representative.</summary>
    public static readonly TeamRole[] RequiredRoles = [TeamRole.DevelopmentAdvisor, TeamRole.SchoolLeaderGuide, TeamRole.UniversityGuide];

    public static bool IsCurrent(DateOnly? from, DateOnly? to, DateOnly today) => (from is null || from <= today) && (to is null || to >= today);

    public static List<TeamRole> MissingRoles(IEnumerable<(TeamRole Role, DateOnly? From, DateOnly? To)> members, DateOnly today)
    {
        var present = members.Where(m => IsCurrent(m.From, m.To, today)).Select(m => m.Role).ToHashSet();
        return RequiredRoles.Where(r => !present.Contains(r)).ToList();
    }

    /// <summary>The role as it reads inside a sentence ("Teamet mangler en veileder fra UH").</summary>
    public static string InSentence(TeamRole role) => role switch
    {
        TeamRole.DevelopmentAdvisor => L.T("utviklingsveileder (koordinator)"),
        TeamRole.SchoolLeaderGuide => L.T("veileder med skolelederbakgrunn"),
        TeamRole.UniversityGuide => L.T("veileder fra UH"),
        _ => role.ToString(),
    };

    /// <summary>The role with its article, as the missing-role warning lists it ("en veileder fra UH"): the article differs by language.</summary>
    public static string WithArticle(TeamRole role) => role switch
    {
        TeamRole.DevelopmentAdvisor => L.T("en utviklingsveileder (koordinator)"),
        TeamRole.SchoolLeaderGuide => L.T("en veileder med skolelederbakgrunn"),
        TeamRole.UniversityGuide => L.T("en veileder fra UH"),
        _ => role.ToString(),
    };

    /// <summary>"a", "a og b", "a, b og c" ("and" in English).</summary>
    public static string List(IReadOnlyList<string> items) => items.Count <= 1
        ? string.Concat(items)
        : L.T("{0} og {1}", string.Join(", ", items.Take(items.Count - 1)), items[^1]);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Platform.Web.NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
}
