using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.People;

/// <summary>What a user types to edit a person; shared by the pages and the API.</summary>
public class PersonInput
{
    /// <summary>The version the form or API call was written on (concurrency check when given).</summary>
    public int? Version { get; set; }

    // Identity accepts only these characters in a user name (the e-mail is the user name), so the
    // form refuses the rest at the field instead of failing later.
    internal const string EmailPattern = @"^\s*[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\s*$";

    [Required(ErrorMessage = "Skriv inn navnet.")]
    [StringLength(200, ErrorMessage = "Navnet kan ha høyst 200 tegn.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Skriv inn e-postadressen.")]
    [StringLength(254, ErrorMessage = "E-postadressen kan ha høyst 254 tegn.")]
    [RegularExpression(EmailPattern, ErrorMessage = "Skriv inn en gyldig e-postadresse, for eksempel ola.nordmann@kommune.no.")]
    public string Email { get; set; } = "";

    [StringLength(40, ErrorMessage = "Telefonnummeret kan ha høyst 40 tegn.")]
    [RegularExpression(@"^\s*\+?[0-9 ()-]*\s*$", ErrorMessage = "Telefonnummeret kan bare ha siffer, mellomrom og + foran.")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Stillingstittelen kan ha høyst 200 tegn.")]
    public string? Title { get; set; }

    private string? _language;

    /// <summary>
    /// The person's language: "nb", "nn", "en", or null/empty for "as the browser" (<see cref="Person.Language"/>).
    /// Left out of an API call (or a form without the field), the person's language stays as it is: the person
    /// may have chosen it in the header's switcher.
    /// </summary>
    public string? Language
    {
        get => _language;
        set { _language = value; LanguageGiven = true; }
    }

    /// <summary>Whether <see cref="Language"/> was given (JSON or form); private set, so neither binds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool LanguageGiven { get; private set; }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    public void Fill(Person p)
    {
        Version = p.Version;
        Name = p.Name;
        Email = p.Email;
        Phone = p.Phone;
        Title = p.Title;
        Language = p.Language;
    }

    /// <summary>Rules beyond single fields; returns (field, message) pairs. <paramref name="personId"/> is the person being edited.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, int? personId, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        // Checked here rather than by an attribute, so that the API's problem reads in the caller's language too.
        if (!string.IsNullOrEmpty(Language) && !System.Text.RegularExpressions.Regex.IsMatch(Language, PersonLanguage.Pattern))
            errors.Add((nameof(Language), L.T("Språket må være «nb» (bokmål), «nn» (nynorsk) eller «en» (engelsk), eller tomt for nettleserens språk.")));
        if (await EmailTakenAsync(db, Email, personId, ct))
            errors.Add((nameof(Email), L.T("E-postadressen er allerede i bruk.")));
        return errors;
    }

    /// <summary>E-mail addresses are unique across all owners, and across logins.</summary>
    public static async Task<bool> EmailTakenAsync(StillasDb db, string email, int? exceptPersonId, CancellationToken ct)
    {
        var e = NormaliseEmail(email);
        var normalised = e.ToUpperInvariant();
        var except = exceptPersonId ?? 0;
        // Unique across all owners: look past the access filter (a uniqueness rule, not a read of the data).
        return await db.People.IsTakenAsync(p => p.Email.ToLower() == e && p.Id != except, ct)
            || await db.Users.AnyAsync(a => a.NormalizedEmail == normalised && a.PersonId != except, ct);
    }

    public void Apply(Person p)
    {
        p.Name = Name.Trim();
        p.Email = NormaliseEmail(Email);
        p.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        p.Title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim();
        if (LanguageGiven) p.Language = string.IsNullOrWhiteSpace(Language) ? null : Languages.Normalize(Language);
    }
}

/// <summary>Inviting a person: who they are, the owner that registers them, and optionally a first role.</summary>
public sealed class InviteInput : PersonInput
{
    [Required(ErrorMessage = "Velg skoleeier.")]
    public int? OwnerId { get; set; }

    /// <summary>Optional first role; school roles need <see cref="SchoolId"/>.</summary>
    public Role? Role { get; set; }
    public int? SchoolId { get; set; }
    public int? UniversityId { get; set; }

    /// <summary>The person rules plus the owner and the first role; the resolved role is null when none was chosen.</summary>
    public async Task<(List<(string Field, string Message)> Errors, MembershipRules.Grant? FirstRole)> CheckInviteAsync(StillasDb db, AccessScope scope, CancellationToken ct)
    {
        var errors = await CheckAsync(db, personId: null, ct);
        if (OwnerId is not int ownerId) return (errors, null);
        if (!scope.Can(Permission.ManagePeople, ownerId))
        {
            errors.Add((nameof(OwnerId), L.T("Du kan ikke invitere personer til denne skoleeieren.")));
            return (errors, null);
        }
        if (Role is not Platform.Access.Role role)
        {
            if (SchoolId is not null) errors.Add((nameof(Role), L.T("Velg hvilken rolle personen skal ha ved skolen.")));
            else if (UniversityId is not null) errors.Add((nameof(Role), L.T("Velg rollen «{0}» når du velger universitet eller høgskole.", Roles.Name(Platform.Access.Role.UniversityGuide))));
            return (errors, null);
        }
        var (grant, roleErrors) = await MembershipRules.CheckAsync(db, scope, null, role, ownerId, SchoolId, UniversityId, ct);
        errors.AddRange(roleErrors);
        return (errors, grant);
    }
}

/// <summary>Giving a person a role (membership) at an owner or a school; shared by the page and the API.</summary>
public sealed class MembershipInput
{
    [Required(ErrorMessage = "Velg rolle.")]
    public Role? Role { get; set; }
    /// <summary>For owner roles. For school roles the school decides the owner.</summary>
    public int? OwnerId { get; set; }
    public int? SchoolId { get; set; }
    public int? UniversityId { get; set; }

    public Task<(MembershipRules.Grant? Grant, List<(string Field, string Message)> Errors)> CheckAsync(StillasDb db, AccessScope scope, int personId, CancellationToken ct) =>
        MembershipRules.CheckAsync(db, scope, personId, Role!.Value, OwnerId, SchoolId, UniversityId, ct);
}

/// <summary>
/// The rules for roles: school roles need a school and belong to its owner; owner roles need an owner;
/// a university guide names the university; only a system administrator grants system administration;
/// nobody holds the same active role at the same place twice.
/// </summary>
public static class MembershipRules
{
    /// <summary>A role checked and resolved to where it is held.</summary>
    public sealed record Grant(Role Role, int? OwnerId, int? SchoolId, int? UniversityId)
    {
        public Membership ToMembership(Person person) =>
            new() { Person = person, PersonId = person.Id, Role = Role, OwnerId = OwnerId, SchoolId = SchoolId, UniversityId = UniversityId };
    }

    /// <summary>
    /// Checks a role for a person (<paramref name="personId"/> null for one being invited). For a school role
    /// <paramref name="ownerId"/>, when given, must be the school's owner. Errors name the fields Role, OwnerId, SchoolId, UniversityId.
    /// </summary>
    public static async Task<(Grant? Grant, List<(string Field, string Message)> Errors)> CheckAsync(
        StillasDb db, AccessScope scope, int? personId, Role role, int? ownerId, int? schoolId, int? universityId, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (!Enum.IsDefined(role))
        {
            errors.Add(("Role", L.T("Velg en rolle fra listen.")));
            return (null, errors);
        }
        int? owner = null, school = null, university = null;
        if (role == Platform.Access.Role.SystemAdmin)
        {
            if (!scope.IsSystem) errors.Add(("Role", L.T("Bare en systemadministrator kan gi rollen systemadministrator.")));
        }
        else if (Roles.IsSchoolRole(role))
        {
            if (schoolId is not int sid)
                errors.Add(("SchoolId", L.T("Velg skole. {0} er en rolle ved en skole.", Roles.Name(role))));
            else
            {
                var s = await db.Schools.AsNoTracking().Where(x => x.Id == sid).Select(x => new { x.OwnerId, x.Active }).SingleOrDefaultAsync(ct);
                if (s is null || !scope.Can(Permission.ManagePeople, s.OwnerId))
                    errors.Add(("SchoolId", L.T("Du kan ikke gi roller ved denne skolen.")));
                else if (ownerId is int o && o != s.OwnerId)
                    errors.Add(("SchoolId", L.T("Skolen hører ikke til den valgte skoleeieren.")));
                else if (!s.Active)
                    errors.Add(("SchoolId", L.T("Skolen er deaktivert.")));
                else
                {
                    owner = s.OwnerId;
                    school = sid;
                }
            }
        }
        else
        {
            if (ownerId is not int oid)
                errors.Add(("OwnerId", L.T("Velg skoleeier. {0} er en rolle hos en skoleeier.", Roles.Name(role))));
            else if (!scope.Can(Permission.ManagePeople, oid))
                errors.Add(("OwnerId", L.T("Du kan ikke gi roller hos denne skoleeieren.")));
            else owner = oid;
            if (role == Platform.Access.Role.UniversityGuide)
            {
                if (universityId is not int uid)
                    errors.Add(("UniversityId", L.T("Velg universitet eller høgskole for veileder fra UH.")));
                else if (!await db.Universities.AnyAsync(u => u.Id == uid, ct))
                    errors.Add(("UniversityId", L.T("Velg universitet eller høgskole fra listen.")));
                else university = uid;
            }
        }
        if (errors.Count == 0 && personId is int pid)
        {
            // Unique per person, role and place, whoever can see the other role: look past the access filter.
            var taken = await db.Memberships
                .IsTakenAsync(m => m.PersonId == pid && m.Active && m.Role == role && m.OwnerId == owner && m.SchoolId == school, ct);
            if (taken) errors.Add(("Role", L.T("Personen har allerede denne rollen her.")));
        }
        return errors.Count > 0 ? (null, errors) : (new Grant(role, owner, school, university), errors);
    }

    /// <summary>Whether the scope may give or take away this role at this owner.</summary>
    public static bool CanManage(AccessScope scope, Role role, int? ownerId) =>
        role == Platform.Access.Role.SystemAdmin ? scope.IsSystem : ownerId is not null && scope.Can(Permission.ManagePeople, ownerId);
}

public static class PersonAccess
{
    /// <summary>
    /// Whether the scope may edit, invite or deactivate a person: the administrators of the owner that
    /// registered them. People without an owner (system staff) are the system administrators' only.
    /// </summary>
    public static bool CanManage(AccessScope scope, int? personOwnerId) =>
        personOwnerId is null ? scope.IsSystem : scope.Can(Permission.ManagePeople, personOwnerId);
}
