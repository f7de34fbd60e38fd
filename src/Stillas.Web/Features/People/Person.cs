using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.People;

/// <summary>
/// A person who works in or with the schools. The login (Account) is separate so that the
/// person's visibility can be filtered by access scope while Identity can still find accounts.
/// </summary>
[Audited("Person")]
public class Person : IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    /// <summary>The owner that registered the person (its administrators manage them); null for system staff.</summary>
    public int? OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The written language the person chose ("nb", "nn", "en"; Platform/Text/Languages); null = the browser's, else bokmål. Mail and PDFs for them use it.</summary>
    public string? Language { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Membership> Memberships { get; set; } = [];
    public List<TeamMember> TeamMemberships { get; set; } = [];
}

/// <summary>
/// The language an administrator can choose for a person (<see cref="Person.Language"/>): null for "as the browser",
/// else a code of <see cref="Languages"/>. Each language is named in itself, as the header's switcher does.
/// </summary>
public static class PersonLanguage
{
    /// <summary>The codes a person's language may have (and null).</summary>
    public const string Pattern = "^(nb|nn|en)$";

    public static string Label(string? code) => Languages.Normalize(code) is { } lang ? Languages.NativeName(lang) : L.T("Som nettleseren");

    public static List<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Options() =>
        [.. Languages.Codes.Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(Languages.NativeName(c), c))];
}

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Language).HasMaxLength(2);
        b.HasIndex(p => p.Email).IsUnique();
        // An owner's people in name order (people lists: a page of 50 without sorting the 6,000 of a large
        // kommune), with Active in the index so that "active only" (the lists' default) and counting an owner's
        // active people (start pages) read the index alone. EF Core writes "active" as a bare column, which
        // SQLite cannot seek by: with Active before Name the lists sorted every person (5 ms) again.
        b.HasIndex(p => new { p.OwnerId, p.Name, p.Active });
        b.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}


public static class Roles
{
    public static string Name(Role role) => role switch
    {
        Role.SystemAdmin => L.T("Systemadministrator"),
        Role.OwnerAdmin => L.T("Skoleeieradministrator"),
        Role.DevelopmentAdvisor => L.T("Utviklingsveileder"),
        Role.SchoolLeaderGuide => L.T("Veileder (skoleleder)"),
        Role.UniversityGuide => L.T("Veileder (UH)"),
        Role.Principal => L.T("Rektor"),
        Role.SchoolLeader => L.T("Skoleleder"),
        Role.SkutMember => L.T("SKUT-medlem"),
        Role.GroupLeader => L.T("Gruppeleder"),
        Role.Teacher => L.T("Lærer"),
        _ => role.ToString(),
    };

    /// <summary>The role's name inside a sentence ("har fått rollen lærer"): a lower-case first letter, unless it begins with an abbreviation (SKUT).</summary>
    public static string InSentence(Role role) => L.InSentence(Name(role));

    /// <summary>Roles held at a school; they need a SchoolId.</summary>
    public static bool IsSchoolRole(Role role) => role is Role.Principal or Role.SchoolLeader or Role.SkutMember or Role.GroupLeader or Role.Teacher;

    /// <summary>Roles held at an owner; they need an OwnerId.</summary>
    public static bool IsOwnerRole(Role role) => role is Role.OwnerAdmin or Role.DevelopmentAdvisor or Role.SchoolLeaderGuide or Role.UniversityGuide;
}

/// <summary>A role a person holds at an owner or a school (or system-wide).</summary>
[Audited("Rolle")]
public class Membership : IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form or API call read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public Role Role { get; set; }
    /// <summary>Always set for owner and school roles (stamped from the school for school roles).</summary>
    public int? OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    public int? SchoolId { get; set; }
    public School? School { get; set; }
    /// <summary>For university guides: the university they come from.</summary>
    public int? UniversityId { get; set; }
    public University? University { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The day the role was ended (made inactive); null while active, or when it ended before this was recorded.</summary>
    public DateOnly? EndedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasOne(m => m.Person).WithMany(p => p.Memberships).HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Owner).WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.School).WithMany().HasForeignKey(m => m.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.University).WithMany().HasForeignKey(m => m.UniversityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PersonId, m.Role, m.OwnerId, m.SchoolId });
        b.HasIndex(m => m.SchoolId);
        b.HasIndex(m => m.OwnerId);
    }
}

/// <summary>Universities and university colleges (UH-sektor) that provide guides.</summary>
[NotEdited("national reference data, seeded")]
public class University
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
}

public sealed class UniversityConfiguration : IEntityTypeConfiguration<University>
{
    public void Configure(EntityTypeBuilder<University> b)
    {
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.ShortName).HasMaxLength(40);
    }
}

/// <summary>The universities are kept by the system (seeded); no person edits them in the application.</summary>
public sealed class UniversityWrites() : NoWrite(typeof(University));
