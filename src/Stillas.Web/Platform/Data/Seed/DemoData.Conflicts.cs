using Stillas.Web.Features.People;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data.Seed;

public sealed partial class DemoData
{
    /// <summary>
    /// A possible conflict of interest (issue 20): Tor Skolesjef of Veilederteam 2 taught at Havnå skole until two
    /// years before the demo's day, so Havnå's programme and team 2's page warn until the owner records how it is handled.
    /// </summary>
    private async Task SeedConflictsAsync(CancellationToken ct)
    {
        var tor = db.People.Local.Single(p => p.Email == "tor.skolesjef@nordvik.test");
        var havna = db.Schools.Local.Single(s => s.Name == "Havnå skole");
        db.Memberships.Add(new Membership { PersonId = tor.Id, Role = Role.Teacher, OwnerId = havna.OwnerId, SchoolId = havna.Id, Active = false, EndedOn = ProgrammesAsOf.AddYears(-2) });
        await db.SaveChangesAsync(ct);
    }
}
