using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.People;

/// <summary>The choices on the invitation and role forms: only owners and schools the user administers.</summary>
public static class PeopleOptions
{
    /// <summary>Enough for any owner's schools; a system administrator picks an owner first when there are more.</summary>
    public const int MaxSchools = 1000;

    public static List<SelectListItem> RoleOptions(AccessScope scope)
    {
        var owner = new SelectListGroup { Name = L.T("Roller hos skoleeieren") };
        var school = new SelectListGroup { Name = L.T("Roller ved en skole") };
        var system = new SelectListGroup { Name = L.T("System") };
        return Enum.GetValues<Role>()
            .Where(r => r != Role.SystemAdmin || scope.IsSystem)
            .Select(r => new SelectListItem(Roles.Name(r), r.ToString()) { Group = Roles.IsSchoolRole(r) ? school : Roles.IsOwnerRole(r) ? owner : system })
            .OrderBy(i => i.Group == system ? 2 : i.Group == owner ? 0 : 1)
            .ToList();
    }

    /// <summary>Owners the user administers.</summary>
    public static Task<List<SelectListItem>> OwnerOptionsAsync(StillasDb db, AccessScope scope, CancellationToken ct)
    {
        var admin = scope.AdminOwnerIds;
        var all = scope.IsSystem;
        return db.Owners.AsNoTracking().Where(o => o.Active && (all || admin.Contains(o.Id))).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
    }

    /// <summary>Active schools of the owners the user administers, grouped by owner when there are several; <paramref name="ownerId"/> narrows to one owner.</summary>
    public static async Task<List<SelectListItem>> SchoolOptionsAsync(StillasDb db, AccessScope scope, int? ownerId, CancellationToken ct)
    {
        var admin = scope.AdminOwnerIds;
        var all = scope.IsSystem;
        var rows = await db.Schools.AsNoTracking()
            .Where(s => s.Active && (all || admin.Contains(s.OwnerId)) && (ownerId == null || s.OwnerId == ownerId))
            .OrderBy(s => s.Owner!.Name).ThenBy(s => s.Name).ThenBy(s => s.Id).Take(MaxSchools)
            .Select(s => new { s.Id, s.Name, s.OwnerId, Owner = s.Owner!.Name }).ToListAsync(ct);
        var several = rows.Select(r => r.OwnerId).Distinct().Count() > 1;
        var groups = rows.Select(r => r.OwnerId).Distinct().ToDictionary(id => id, id => new SelectListGroup { Name = rows.First(r => r.OwnerId == id).Owner });
        return rows.Select(r => new SelectListItem(r.Name, r.Id.ToString(CultureInfo.InvariantCulture)) { Group = several ? groups[r.OwnerId] : null }).ToList();
    }

    public static Task<List<SelectListItem>> UniversityOptionsAsync(StillasDb db, CancellationToken ct) =>
        db.Universities.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new SelectListItem(u.ShortName == null ? u.Name : u.Name + " (" + u.ShortName + ")", u.Id.ToString())).ToListAsync(ct);
}
