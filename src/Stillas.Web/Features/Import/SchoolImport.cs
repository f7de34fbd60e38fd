using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Import;

/// <summary>The database side of a school import: the rules a file cannot check by itself, and the write.</summary>
public static class SchoolImport
{
    public sealed record Owner(int Id, string Name, string OrganisationNumber);

    /// <summary>
    /// Adds the line errors that need the database (whose owner a line names, whose school an
    /// organisation number already is) and marks the lines that update an existing school of the owner.
    /// </summary>
    public static async Task CheckAsync(StillasDb db, AccessScope scope, Owner owner, IReadOnlyList<SchoolCsvRow> rows, CancellationToken ct)
    {
        var otherOwnerNumbers = rows
            .Where(r => OrganisationNumber.IsValid(r.OwnerOrganisationNumber) && r.OwnerOrganisationNumber != owner.OrganisationNumber)
            .Select(r => r.OwnerOrganisationNumber).Distinct().ToList();
        // Only owners the user may see can be named back to them; the rest stay anonymous.
        var others = otherOwnerNumbers.Count == 0 ? [] : await db.Owners.AsNoTracking()
            .Where(o => otherOwnerNumbers.Contains(o.OrganisationNumber))
            .Select(o => new Owner(o.Id, o.Name, o.OrganisationNumber)).ToListAsync(ct);
        foreach (var row in rows.Where(r => otherOwnerNumbers.Contains(r.OwnerOrganisationNumber)))
        {
            var other = others.FirstOrDefault(o => o.OrganisationNumber == row.OwnerOrganisationNumber);
            row.Errors.Add(other is not null && scope.Can(Permission.ImportSchools, other.Id)
                ? L.T("Linjen gjelder {0}, ikke {1}. Velg {0} som skoleeier og importer den derfra.", other.Name, owner.Name)
                : L.T("Skoleeierens organisasjonsnummer {0} er ikke {1} sitt ({2}). Du kan bare importere skoler for skoleeiere du administrerer.", row.OwnerOrganisationNumber, owner.Name, owner.OrganisationNumber));
        }

        var numbers = rows.Where(r => OrganisationNumber.IsValid(r.OrganisationNumber)).Select(r => r.OrganisationNumber).Distinct().ToList();
        if (numbers.Count == 0) return;
        // Organisation numbers are unique across all owners: look past the access filter
        // (a uniqueness check, as in SchoolInput.CheckAsync; nothing of another owner is shown).
        var existing = await db.Schools.TakenAsync(s => numbers.Contains(s.OrganisationNumber), s => new { s.Id, s.OrganisationNumber, s.OwnerId }, ct);
        var byNumber = existing.ToDictionary(s => s.OrganisationNumber, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byNumber.TryGetValue(row.OrganisationNumber, out var school)) continue;
            if (school.OwnerId == owner.Id) row.ExistingSchoolId = school.Id;
            else row.Errors.Add(L.T("Organisasjonsnummeret {0} tilhører en skole hos en annen skoleeier.", row.OrganisationNumber));
        }
    }

    /// <summary>
    /// Creates and updates the schools of valid, checked rows with one SaveChanges: StillasDb writes
    /// them and their audit entries in one transaction, so a failure leaves nothing half-imported.
    /// </summary>
    public static async Task<(int Created, int Updated)> ApplyAsync(StillasDb db, int ownerId, IReadOnlyList<SchoolCsvRow> rows, CancellationToken ct)
    {
        if (rows.Any(r => !r.IsValid)) throw new InvalidOperationException("Only a file without errors is imported.");
        var ids = rows.Where(r => r.ExistingSchoolId is not null).Select(r => r.ExistingSchoolId!.Value).ToList();
        var existing = await db.Schools.Where(s => ids.Contains(s.Id) && s.OwnerId == ownerId).ToDictionaryAsync(s => s.Id, ct);
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            School school;
            if (row.ExistingSchoolId is int id && existing.TryGetValue(id, out var found))
            {
                school = found;
                updated++;
            }
            else
            {
                school = new School { OwnerId = ownerId, Name = "", OrganisationNumber = row.OrganisationNumber };
                db.Schools.Add(school);
                created++;
            }
            school.Name = row.Name;
            school.Level = row.Level!.Value;
            school.FirstGrade = row.FirstGrade!.Value;
            school.LastGrade = row.LastGrade!.Value;
            if (row.Pupils is int pupils) school.Pupils = pupils;
        }
        await db.SaveChangesAsync(ct);
        return (created, updated);
    }
}
