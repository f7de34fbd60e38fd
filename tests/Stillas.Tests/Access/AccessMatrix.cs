using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Schools;

namespace Stillas.Tests.Access;

public enum Who { Anonymous, System, NordvikAdmin, Advisor, UniversityGuide, Principal, FjordlandAdmin }

/// <summary>One endpoint's expectations: which demo roles get through (for Nordvik's data), and whether anonymous does.</summary>
public sealed record Row(string Method, string Route, Who[] Allowed, bool Anonymous = false)
{
    /// <summary>JSON body for POST/PUT (defaults to "{}": allowed callers then get a validation problem).</summary>
    public Func<MatrixIds, string>? Body { get; init; }
    /// <summary>Creates a fresh target for each call (for DELETE), returning route values.</summary>
    public Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>>? Fresh { get; init; }
}

public static class AccessMatrix
{
    public static readonly (Who, string)[] Logins =
    [
        (Who.System, "admin@stillas.test"), (Who.NordvikAdmin, "skoleeier@nordvik.test"), (Who.Advisor, "veileder@nordvik.test"),
        (Who.UniversityGuide, "uh@nordvik.test"), (Who.Principal, "rektor.sentrum@nordvik.test"), (Who.FjordlandAdmin, "skoleeier@fjordland.test"),
    ];

    private static readonly Who[] LoggedIn = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal, Who.FjordlandAdmin];
    private static readonly Who[] NordvikManagers = [Who.System, Who.NordvikAdmin];
    private static readonly Who[] AnyAdmin = [Who.System, Who.NordvikAdmin, Who.FjordlandAdmin];
    private static readonly Who[] SeesSentrum = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];

    public static readonly Row[] Rows =
    [
        // Anonymous pages and endpoints
        new("GET", "/Account/Login", LoggedIn, Anonymous: true),
        new("GET", "/Account/Logout", LoggedIn, Anonymous: true),
        new("GET", "/Account/ForgotPassword", LoggedIn, Anonymous: true),
        new("GET", "/Account/SetPassword", LoggedIn, Anonymous: true),
        new("GET", "/Account/ExternalCallback", LoggedIn, Anonymous: true),
        new("GET", "/Account/AccessDenied", []),
        new("GET", "/Error", LoggedIn, Anonymous: true),
        new("GET", "/health/live", LoggedIn, Anonymous: true),
        new("GET", "/health/ready", LoggedIn, Anonymous: true),
        new("GET", "/openapi/{documentName}.json", LoggedIn, Anonymous: true),

        // Start page
        new("GET", "/", LoggedIn),
        new("GET", "/Home/Index", LoggedIn),
        new("GET", "/Home", LoggedIn),

        // Schools
        new("GET", "/Schools/Index", LoggedIn),
        new("GET", "/Schools", LoggedIn),
        new("GET", "/Schools/Details/{id:int}", SeesSentrum),
        new("GET", "/Schools/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Schools/Create", AnyAdmin),
        new("GET", "/api/v1/schools", LoggedIn),
        new("GET", "/api/v1/schools/{id:int}", SeesSentrum),
        new("POST", "/api/v1/schools", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik},\"name\":\"\"}}" },
        new("PUT", "/api/v1/schools/{id:int}", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik},\"name\":\"\"}}" },
        new("DELETE", "/api/v1/schools/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = (await ids.NewSchoolAsync(app)).ToString(System.Globalization.CultureInfo.InvariantCulture) } },
    ];

    private static readonly Who[] SeesTeam1 = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    private static readonly Who[] SeesNordvik = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];

    // Who may open the people list at all, and who sees Lise Lærer (a teacher at Sentrum skole).
    private static readonly Who[] ViewPeopleRoles = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal, Who.FjordlandAdmin];
    private static readonly Who[] SeesTeacher = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.Principal];

    public static readonly Row[] TeamAndOwnerRows =
    [
        new("GET", "/Teams/Index", LoggedIn),
        new("GET", "/Teams", LoggedIn),
        new("GET", "/Teams/Details/{id:int}", SeesTeam1),
        new("GET", "/Teams/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Teams/Create", AnyAdmin),
        new("GET", "/api/v1/teams", LoggedIn),
        new("GET", "/api/v1/teams/{id:int}", SeesTeam1),
        new("POST", "/api/v1/teams", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik},\"name\":\"\"}}" },
        new("PUT", "/api/v1/teams/{id:int}", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik},\"name\":\"\"}}" },
        new("DELETE", "/api/v1/teams/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = Str(await ids.NewTeamAsync(app)) } },
        new("POST", "/api/v1/teams/{id:int}/members", NordvikManagers),
        new("DELETE", "/api/v1/teams/{id:int}/members/{memberId:int}", NordvikManagers) { Fresh = async (app, ids) => { var (team, member) = await ids.NewTeamMemberAsync(app); return new() { ["id"] = Str(team), ["memberId"] = Str(member) }; } },

        new("GET", "/Import/Schools", AnyAdmin),
        new("GET", "/Audit/Index", AnyAdmin),
        new("GET", "/Audit", AnyAdmin),
        new("GET", "/api/v1/audit", AnyAdmin),

        new("GET", "/People/Index", ViewPeopleRoles),
        new("GET", "/People", ViewPeopleRoles),
        new("GET", "/People/Details/{id:int}", SeesTeacher),
        new("GET", "/People/Edit/{id:int?}", NordvikManagers),
        new("GET", "/People/Create", AnyAdmin),
        new("GET", "/api/v1/people", ViewPeopleRoles),
        new("GET", "/api/v1/people/{id:int}", SeesTeacher),
        new("POST", "/api/v1/people", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik},\"name\":\"\"}}" },
        new("PUT", "/api/v1/people/{id:int}", NordvikManagers),
        new("DELETE", "/api/v1/people/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = Str(await ids.NewPersonAsync(app)) } },
        new("POST", "/api/v1/people/{id:int}/memberships", NordvikManagers),
        new("DELETE", "/api/v1/people/{id:int}/memberships/{membershipId:int}", NordvikManagers) { Fresh = async (app, ids) => { var (person, membership) = await ids.NewMembershipAsync(app); return new() { ["id"] = Str(person), ["membershipId"] = Str(membership) }; } },

        new("GET", "/Owners/Index", LoggedIn),
        new("GET", "/Owners", LoggedIn),
        new("GET", "/Owners/Details/{id:int}", SeesNordvik),
        new("GET", "/Owners/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Owners/Create", [Who.System]),
        new("GET", "/api/v1/owners", LoggedIn),
        new("GET", "/api/v1/owners/{id:int}", SeesNordvik),
        new("POST", "/api/v1/owners", [Who.System]),
        new("PUT", "/api/v1/owners/{id:int}", NordvikManagers),
    ];

    // A programme of Sentrum skole run by team 1, with an agreement: its readers, its writers, its approvers.
    private static readonly Who[] SeesSentrumProgramme = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];
    private static readonly Who[] WritesAgreement = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    private static readonly Who[] ApprovesAgreement = [Who.System, Who.NordvikAdmin, Who.Principal];

    public static readonly Row[] AgreementRows =
    [
        new("GET", "/Agreements/Details/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/Agreements/Edit/{programmeId:int}", WritesAgreement),
        new("GET", "/Agreements/Compare/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/Agreements/Pdf/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/api/v1/programmes/{programmeId:int}/agreement", SeesSentrumProgramme),
        // The agreement exists already: writers get 409, which is past authorisation.
        new("POST", "/api/v1/programmes/{programmeId:int}/agreement", WritesAgreement),
        new("GET", "/api/v1/programmes/{programmeId:int}/agreement/versions/{number:int}", SeesSentrumProgramme),
        new("PUT", "/api/v1/programmes/{programmeId:int}/agreement/draft", WritesAgreement),
        new("POST", "/api/v1/programmes/{programmeId:int}/agreement/approve", ApprovesAgreement),
        new("GET", "/api/v1/programmes/{programmeId:int}/agreement/pdf", SeesSentrumProgramme),
    ];

    private static string Str(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Row? Find(string method, string route) =>
        Rows.Concat(TeamAndOwnerRows).Concat(AgreementRows).FirstOrDefault(r => r.Method == method && string.Equals(r.Route, route, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The Nordvik records the matrix aims at.</summary>
public sealed class MatrixIds
{
    public int Nordvik { get; private init; }
    public int Fjordland { get; private init; }
    public int Sentrum { get; private init; }
    public int Team1 { get; private init; }
    public int Teacher { get; private init; }
    /// <summary>A programme of Sentrum skole run by team 1, with an agreement (version 1, a draft).</summary>
    public int Programme { get; private init; }
    private static int counter;

    public static Task<MatrixIds> LoadAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var nordvik = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync();
        var sentrum = await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync();
        var team1 = await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync();
        return new MatrixIds
        {
            Nordvik = nordvik,
            Fjordland = await db.Owners.Where(o => o.Name == "Fjordland fylkeskommune").Select(o => o.Id).SingleAsync(),
            Sentrum = sentrum,
            Team1 = team1,
            Teacher = await db.People.Where(p => p.Email == "lise.laerer@nordvik.test").Select(p => p.Id).SingleAsync(),
            Programme = await ProgrammeWithAgreementAsync(db, nordvik, sentrum, team1),
        };
    });

    private static async Task<int> ProgrammeWithAgreementAsync(Stillas.Web.Platform.Data.StillasDb db, int nordvik, int sentrum, int team1)
    {
        var existing = await db.Agreements.Where(a => a.SchoolId == sentrum && a.TeamId == team1).Select(a => (int?)a.ProgrammeId).FirstOrDefaultAsync();
        if (existing is int id) return id;
        var programme = await db.Programmes.Where(p => p.SchoolId == sentrum && p.TeamId == team1).FirstOrDefaultAsync();
        if (programme is null)
        {
            var model = Stillas.Web.Features.Programmes.ProgrammeTemplates.TromsoV1;
            programme = new Stillas.Web.Features.Programmes.GuidanceProgramme
            {
                OwnerId = nordvik, SchoolId = sentrum, TeamId = team1, SchoolYear = "2026/27", TemplateKey = model.Key, TemplateVersion = model.Version,
                TemplateName = model.Name, TemplateJson = Stillas.Web.Features.Programmes.ProgrammeModelJson.Write(model), StartDate = new DateOnly(2027, 3, 1),
            };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
        }
        db.Agreements.Add(Stillas.Web.Features.Agreements.AgreementRules.CreateDraft(programme, "Skoleeier: Nordvik kommune\nSkole: Sentrum skole"));
        await db.SaveChangesAsync();
        return programme.Id;
    }

    public Task<int> NewSchoolAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref counter);
        string? orgNo = null;
        for (var stem = 92000000 + n * 20; orgNo is null; stem++)
            orgNo = Stillas.Web.Platform.Data.OrganisationNumber.Complete(stem.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var school = new School { OwnerId = Nordvik, Name = $"Matriseskole {n}", OrganisationNumber = orgNo, Level = SchoolLevel.Barneskole, FirstGrade = 1, LastGrade = 7, Pupils = 10 };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        return school.Id;
    });

    public Task<int> NewTeamAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var team = new Stillas.Web.Features.Teams.GuidanceTeam { OwnerId = Nordvik, Name = $"Matriseteam {Interlocked.Increment(ref counter)}" };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    });

    public async Task<(int Team, int Member)> NewTeamMemberAsync(StillasApp app)
    {
        var teamId = await NewTeamAsync(app);
        return await app.WithDbAsync(async db =>
        {
            var member = new Stillas.Web.Features.Teams.TeamMember { TeamId = teamId, OwnerId = Nordvik, PersonId = Teacher, Role = Stillas.Web.Features.Teams.TeamRole.SchoolLeaderGuide };
            db.TeamMembers.Add(member);
            await db.SaveChangesAsync();
            return (teamId, member.Id);
        });
    }

    public Task<int> NewPersonAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref counter);
        var person = new Stillas.Web.Features.People.Person { OwnerId = Nordvik, Name = $"Matriseperson {n}", Email = $"matrise{n}.{Guid.NewGuid():N}@nordvik.test" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    });

    public async Task<(int Person, int Membership)> NewMembershipAsync(StillasApp app)
    {
        var personId = await NewPersonAsync(app);
        return await app.WithDbAsync(async db =>
        {
            var m = new Stillas.Web.Features.People.Membership { PersonId = personId, Role = Stillas.Web.Features.People.Role.Teacher, OwnerId = Nordvik, SchoolId = Sentrum };
            db.Memberships.Add(m);
            await db.SaveChangesAsync();
            return (personId, m.Id);
        });
    }

    /// <summary>The concrete URL for a route: {id} means the area's Nordvik record (Sentrum skole, team 1, …).</summary>
    public async Task<string> UrlAsync(StillasApp app, Row row, string route)
    {
        var values = row.Fresh is null ? new Dictionary<string, string>() : await row.Fresh(app, this);
        var lower = route.ToLowerInvariant();
        var id = lower.Contains("/schools", StringComparison.Ordinal) ? Sentrum
            : lower.Contains("/teams", StringComparison.Ordinal) ? Team1
            : lower.Contains("/people", StringComparison.Ordinal) ? Teacher
            : lower.Contains("/owners", StringComparison.Ordinal) ? Nordvik
            : 0;
        values.TryAdd("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        values.TryAdd("documentName", "v1");
        values.TryAdd("programmeId", Programme.ToString(System.Globalization.CultureInfo.InvariantCulture));
        values.TryAdd("number", "1");
        var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{([a-zA-Z]+)(:[^}]*)?\}", m =>
            values.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new InvalidOperationException($"No value for {{{m.Groups[1].Value}}} in {route}"));
        return url;
    }
}
