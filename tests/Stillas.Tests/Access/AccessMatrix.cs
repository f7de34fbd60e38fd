using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Schools;

namespace Stillas.Tests.Access;

public enum Who { Anonymous, System, NordvikAdmin, Advisor, UniversityGuide, Principal, Teacher, Skut, OtherPrincipal, FjordlandAdmin, FjordlandGuide, NoRole }

/// <summary>Content only the team that runs the programme reads or writes (DESIGN.md, Authorisation).</summary>
public enum Confidential { None, SessionNotes, AssessmentNotes, ReportDrafts }

/// <summary>
/// One endpoint's expectations: which callers get through (for Nordvik's data), and whether anonymous does.
/// A page's handler (<c>OnPostSave…</c> → <c>?handler=Save</c>) is a row of its own.
/// </summary>
public sealed record Row(string Method, string Route, Who[] Allowed, bool Anonymous = false)
{
    /// <summary>The page handler's name (null: the page's unnamed OnGet/OnPost).</summary>
    public string? Handler { get; init; }
    /// <summary>JSON body for an API POST/PUT: valid, so that the allowed callers' call succeeds (unless <see cref="PastAuthorisation"/>).</summary>
    public Func<MatrixIds, IReadOnlyDictionary<string, string>, string>? Body { get; init; }
    /// <summary>Form fields for a page handler (the antiforgery token is added); with them the allowed callers' post must succeed (a redirect).</summary>
    public Func<MatrixIds, IReadOnlyDictionary<string, string>, Dictionary<string, string>>? Form { get; init; }
    /// <summary>Creates a fresh target for each call (for writes that would disturb other rows), returning route values.</summary>
    public Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>>? Fresh { get; init; }
    /// <summary>Text an allowed read must contain: a marker of the target itself (default: <see cref="MatrixIds.Marker"/>).</summary>
    public Func<MatrixIds, string?>? Expect { get; init; }
    /// <summary>Checks a successful write's effect by re-reading; returns what is wrong, or null.</summary>
    public Func<WriteCall, Task<string?>>? Effect { get; init; }
    /// <summary>Why the allowed callers' write only needs to get past authorisation (2xx, a page's 200/redirect, 400, 409), not succeed.</summary>
    public string? PastAuthorisation { get; init; }
    /// <summary>The allowed callers whose write must succeed when not all can (e.g. the second one gets 409 "already exists").</summary>
    public Who[]? Succeeds { get; init; }
    /// <summary>Why an allowed read answers a redirect (not to the login) instead of 200.</summary>
    public string? Redirects { get; init; }
    /// <summary>Why an allowed caller's 404 counts as past authorisation (the handler's sub-record is not given).</summary>
    public string? NotFoundIsPast { get; init; }
    /// <summary>The call's success is a redirect to the login page (logout, external login).</summary>
    public bool LoginIsSuccess { get; init; }
    /// <summary>Why no logged-in caller may use the endpoint (a row that refuses all must say so).</summary>
    public string? RefusesAll { get; init; }
    public Confidential Confidential { get; init; }
    /// <summary>The call ends the caller's session (logout): it gets a login of its own, not the shared one.</summary>
    public bool OwnLogin { get; init; }

    public bool IsPage => !Route.StartsWith("/api/", StringComparison.Ordinal);
    public bool IsRead => Method == "GET";
    public override string ToString() => $"{Method} {Route}" + (Handler is null ? "" : $" handler={Handler}");
}

/// <summary>A successful write, for its row's <see cref="Row.Effect"/>.</summary>
public sealed record WriteCall(StillasApp App, MatrixIds Ids, Who Who, IReadOnlyDictionary<string, string> Values, string Response);

/// <summary>Where the programme wing's pages live (Features/Programmes/<Sub>: the folder is the URL).</summary>
public static class MatrixRoutes
{
    public const string AgreementPages = "/Programmes/Agreement";
    public const string StartUpPages = "/Programmes/StartUp";
    public const string SessionPages = "/Programmes/Sessions";
    public const string AssessmentPages = "/Programmes/Assessment";
    public const string FuturePicturePages = "/Programmes/FuturePicture";
    public const string TimelinePages = "/Programmes/Timeline";
    public const string ConflictPages = "/Programmes/Conflicts";
    /// <summary>The session page, which shows the team's notes to the team only.</summary>
    public const string SessionPage = SessionPages + "/Session/{id:int}";
    /// <summary>
    /// Folders whose Index page takes a route ("{programmeId:int}"): Razor Pages also answers it under
    /// .../Index/..., as /Programmes/Index beside /Programmes. Those aliases get the same rows.
    /// </summary>
    public const string ObjectivePages = "/Programmes/Objectives";
    public const string FollowUpPages = "/Programmes/FollowUp";
    public static readonly string[] IndexFolders = [StartUpPages, SessionPages, AssessmentPages, FuturePicturePages, TimelinePages, ObjectivePages, FollowUpPages, ConflictPages];
}

public static class AccessMatrix
{
    // Where the programme pages live: one place to change when they move (the API routes are stable).
    private const string AgreementPages = MatrixRoutes.AgreementPages;
    private const string SessionPages = MatrixRoutes.SessionPages;
    private const string AssessmentPages = MatrixRoutes.AssessmentPages;
    private const string FuturePicturePages = MatrixRoutes.FuturePicturePages;
    private const string StartUpPages = MatrixRoutes.StartUpPages;
    private const string TimelinePages = MatrixRoutes.TimelinePages;

    public static readonly (Who, string)[] Logins =
    [
        (Who.System, "admin@stillas.test"), (Who.NordvikAdmin, "skoleeier@nordvik.test"), (Who.Advisor, "veileder@nordvik.test"),
        (Who.UniversityGuide, "uh@nordvik.test"), (Who.Principal, "rektor.sentrum@nordvik.test"), (Who.FjordlandAdmin, "skoleeier@fjordland.test"),
        // Demo people without a demo login, and people the demo lacks (MatrixCallers makes them): Lise teaches at
        // Sentrum, Erik sits in Sentrum's SKUT, the other principal leads Havnå skole (no guide role), the Fjordland
        // guide is in a Fjordland team, and the last person has an account but no role at all.
        (Who.Teacher, "lise.laerer@nordvik.test"), (Who.Skut, "erik.tillitsvalgt@nordvik.test"), (Who.OtherPrincipal, MatrixCallers.OtherPrincipalEmail),
        (Who.FjordlandGuide, MatrixCallers.FjordlandGuideEmail), (Who.NoRole, MatrixCallers.NoRoleEmail),
    ];

    /// <summary>The members of team 1, which runs Sentrum's programmes: the only readers and writers of its confidential content.</summary>
    public static readonly Who[] Team1Members = [Who.Advisor, Who.UniversityGuide];

    /// <summary>The callers from Nordvik (and no system role): refused on every Fjordland record.</summary>
    public static readonly Who[] NordvikCallers = [Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal, Who.Teacher, Who.Skut, Who.OtherPrincipal];

    private static readonly Who[] LoggedIn = Enum.GetValues<Who>().Where(w => w != Who.Anonymous).ToArray();
    private static readonly Who[] NordvikManagers = [Who.System, Who.NordvikAdmin];
    private static readonly Who[] AnyAdmin = [Who.System, Who.NordvikAdmin, Who.FjordlandAdmin];
    private static readonly Who[] SeesSentrum = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];
    // Sentrum's teachers and SKUT read what their school's leaders read (they take part in the programme), but do not write.
    private static readonly Who[] ReadsSentrum = [.. SeesSentrum, Who.Teacher, Who.Skut];

    public static readonly Row[] Rows =
    [
        // Anonymous pages and endpoints
        new("GET", "/Account/Login", LoggedIn, Anonymous: true),
        new("GET", "/Account/Logout", LoggedIn, Anonymous: true),
        new("GET", "/Account/ForgotPassword", LoggedIn, Anonymous: true),
        new("GET", "/Account/SetPassword", LoggedIn, Anonymous: true),
        new("GET", "/Account/ExternalCallback", LoggedIn, Anonymous: true),
        // The language choice: anyone, logged in or not (the login page has the switcher too).
        new("GET", "/Account/Language", LoggedIn, Anonymous: true),
        // One's own profile: password, sessions; the idle warning's "Forbli innlogget" calls KeepAlive.
        new("GET", "/Account/Profile", LoggedIn),
        new("GET", "/Account/Profile", LoggedIn) { Handler = "KeepAlive", Expect = _ => "idleSeconds" },
        // Where refusals land: it answers 403 to everybody by design.
        new("GET", "/Account/AccessDenied", []) { RefusesAll = "the access-denied page itself answers 403" },
        new("GET", "/Error", LoggedIn, Anonymous: true),
        new("GET", "/health/live", LoggedIn, Anonymous: true),
        new("GET", "/health/ready", LoggedIn, Anonymous: true),
        new("GET", "/openapi/{documentName}.json", LoggedIn, Anonymous: true),
        // The benchmark baseline: public on purpose when Bench:Baseline=true (the test app sets it), 404 otherwise.
        new("GET", "/Baseline/Fortunes", LoggedIn, Anonymous: true),

        // The person's own API tokens: anyone logged in, each their own.
        new("GET", "/Account/Tokens", LoggedIn),

        // Start page
        new("GET", "/", LoggedIn),
        new("GET", "/Home/Index", LoggedIn),
        new("GET", "/Home", LoggedIn),

        // Schools
        new("GET", "/Schools/Index", LoggedIn),
        new("GET", "/Schools", LoggedIn),
        new("GET", "/Schools/Details/{id:int}", ReadsSentrum),
        new("GET", "/Schools/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Schools/Create", AnyAdmin),
        new("GET", "/api/v1/schools", LoggedIn),
        new("GET", "/api/v1/schools/{id:int}", ReadsSentrum),
        new("POST", "/api/v1/schools", NordvikManagers)
        {
            Body = (ids, _) => J(new { ownerId = ids.Nordvik, name = $"Matriseskole api {MatrixIds.Next()}", organisationNumber = MatrixIds.NewOrganisationNumber(), level = (int)SchoolLevel.Barneskole, firstGrade = 1, lastGrade = 7, pupils = 10 }),
            Effect = c => Check(c, db => db.Schools.AnyAsync(x => x.Id == IdOf(c) && x.OwnerId == c.Ids.Nordvik), "the school is not there"),
        },
        new("PUT", "/api/v1/schools/{id:int}", NordvikManagers)
        {
            Fresh = async (app, ids) => { var id = await ids.NewSchoolAsync(app); return new() { ["id"] = Str(id), ["orgNo"] = await app.WithDbAsync(db => db.Schools.Where(x => x.Id == id).Select(x => x.OrganisationNumber).SingleAsync()) }; },
            Body = (ids, v) => J(new { ownerId = ids.Nordvik, name = "Omdøpt matriseskole " + v["id"], organisationNumber = v["orgNo"], level = (int)SchoolLevel.Barneskole, firstGrade = 1, lastGrade = 7, pupils = 11 }),
            Effect = c => Check(c, db => db.Schools.AnyAsync(x => x.Id == int.Parse(c.Values["id"]) && x.Name == "Omdøpt matriseskole " + c.Values["id"]), "the name is not saved"),
        },
        new("DELETE", "/api/v1/schools/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = (await ids.NewSchoolAsync(app)).ToString(System.Globalization.CultureInfo.InvariantCulture) } },

        // Selection rounds: the owner's staff follow up, its administrator decides ({id} is a Nordvik round / candidate at Sentrum).
        new("GET", "/Selection/Index", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.FjordlandAdmin, Who.FjordlandGuide]),
        new("GET", "/Selection", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.FjordlandAdmin, Who.FjordlandGuide]),
        new("GET", "/Selection/Details/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        new("GET", "/Selection/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Selection/Create", AnyAdmin),
        // The school's leaders (and the team assigned to it) see the candidacy read-only: the programme links to it.
        new("GET", "/Selection/Candidate/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.Principal]),
        new("GET", "/api/v1/selection-rounds", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.FjordlandAdmin, Who.FjordlandGuide]),
        new("GET", "/api/v1/selection-rounds/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        new("POST", "/api/v1/selection-rounds", NordvikManagers)
        {
            Body = (ids, _) => { var y = 2060 + MatrixIds.Next() % 38; return J(new { ownerId = ids.Nordvik, schoolYear = $"{y}/{(y + 1) % 100:00}" }); },
            Effect = c => Check(c, db => db.SelectionRounds.AnyAsync(x => x.Id == IdOf(c) && x.OwnerId == c.Ids.Nordvik), "the round is not there"),
        },
        new("PUT", "/api/v1/selection-rounds/{id:int}", NordvikManagers) { Fresh = FreshId((ids, app) => ids.NewRoundAsync(app)), Body = (ids, _) => J(new { ownerId = ids.Nordvik, schoolYear = "2041/42", status = 2 }) },
        new("GET", "/api/v1/selection-rounds/{id:int}/candidates", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        new("POST", "/api/v1/selection-rounds/{id:int}/candidates", NordvikManagers)
        {
            Fresh = FreshId((ids, app) => ids.NewRoundAsync(app)),
            Body = (ids, _) => J(new { schoolId = ids.Sentrum, reason = "Matrisetest via API.", reasonSource = 1 }),
            Effect = c => Check(c, db => db.SelectionCandidates.AnyAsync(x => x.RoundId == int.Parse(c.Values["id"]) && x.SchoolId == c.Ids.Sentrum), "the candidate is not there"),
        },
        new("PUT", "/api/v1/selection-candidates/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor])
        {
            Fresh = async (app, ids) => new() { ["id"] = Str((await ids.NewCandidateAsync(app)).Candidate) },
            Body = (_, _) => J(new { firstTalkDate = "2041-01-10", decision = 1, version = 0 }),
            Effect = c => Check(c, db => db.SelectionCandidates.AnyAsync(x => x.Id == int.Parse(c.Values["id"]) && x.FirstTalkDate == new DateOnly(2041, 1, 10)), "the first talk is not saved"),
        },
    ];

    private static readonly Who[] SeesTeam1 = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    // Everybody in Nordvik sees Nordvik (the owner's card is the header of their schools' pages).
    private static readonly Who[] SeesNordvik = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal, Who.Teacher, Who.Skut, Who.OtherPrincipal];

    // Who may open the people list at all, and who sees Lise Lærer (a teacher at Sentrum skole).
    private static readonly Who[] ViewPeopleRoles = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal, Who.OtherPrincipal, Who.FjordlandAdmin, Who.FjordlandGuide];
    // Lise herself and her Sentrum colleagues see her too.
    private static readonly Who[] SeesTeacher = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.Principal, Who.Teacher, Who.Skut];

    public static readonly Row[] TeamAndOwnerRows =
    [
        new("GET", "/Teams/Index", LoggedIn),
        new("GET", "/Teams", LoggedIn),
        new("GET", "/Teams/Details/{id:int}", SeesTeam1),
        new("GET", "/Teams/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Teams/Create", AnyAdmin),
        new("GET", "/api/v1/teams", LoggedIn),
        new("GET", "/api/v1/teams/{id:int}", SeesTeam1),
        new("POST", "/api/v1/teams", NordvikManagers)
        {
            Body = (ids, _) => J(new { ownerId = ids.Nordvik, name = $"Matriseteam api {MatrixIds.Next()}", capacity = 2 }),
            Effect = c => Check(c, db => db.Teams.AnyAsync(x => x.Id == IdOf(c) && x.OwnerId == c.Ids.Nordvik), "the team is not there"),
        },
        new("PUT", "/api/v1/teams/{id:int}", NordvikManagers)
        {
            Fresh = FreshId((ids, app) => ids.NewTeamAsync(app)),
            Body = (ids, v) => J(new { ownerId = ids.Nordvik, name = "Omdøpt matriseteam " + v["id"], capacity = 3 }),
            Effect = c => Check(c, db => db.Teams.AnyAsync(x => x.Id == int.Parse(c.Values["id"]) && x.Name == "Omdøpt matriseteam " + c.Values["id"]), "the name is not saved"),
        },
        new("DELETE", "/api/v1/teams/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = Str(await ids.NewTeamAsync(app)) } },
        new("POST", "/api/v1/teams/{id:int}/members", NordvikManagers)
        {
            Fresh = FreshId((ids, app) => ids.NewTeamAsync(app)),
            Body = (ids, _) => J(new { personId = ids.Advisor2, role = 1 }),
            Effect = c => Check(c, db => db.TeamMembers.AnyAsync(x => x.TeamId == int.Parse(c.Values["id"]) && x.PersonId == c.Ids.Advisor2), "the member is not there"),
        },
        new("DELETE", "/api/v1/teams/{id:int}/members/{memberId:int}", NordvikManagers) { Fresh = async (app, ids) => { var (team, member) = await ids.NewTeamMemberAsync(app); return new() { ["id"] = Str(team), ["memberId"] = Str(member) }; } },

        new("GET", "/Import/Schools", AnyAdmin),
        new("GET", "/Audit/Index", AnyAdmin),
        new("GET", "/Audit", AnyAdmin),
        new("GET", "/api/v1/audit", AnyAdmin),
        // Undelivered mail: every administrator opens the page (their owners' mail); "Send på nytt" on a Nordvik mail
        // is Nordvik's administrator's and the system administrator's (Fjordland's gets 404: not their mail).
        new("GET", "/Mail/Undelivered", AnyAdmin),
        new("POST", "/Mail/Undelivered", NordvikManagers)
        {
            Handler = "Resend",
            Fresh = async (app, ids) => new() { ["mail"] = Str(await app.WithDbAsync(async db =>
            {
                var m = new Stillas.Web.Platform.Mail.OutboxMessage
                {
                    ToAddress = "matrise@nordvik.test", Subject = "Matrisepost", TextBody = "-", CreatedAt = app.Now, DueAt = app.Now, Attempts = 8,
                    LastError = "Connection refused", FailedAt = app.Now, OwnerId = ids.Nordvik, LeaseUntil = app.Now.AddDays(365), // the dispatcher leaves it be
                };
                db.Outbox.Add(m);
                await db.SaveChangesAsync();
                return (int)m.Id;
            })) },
            Form = (_, v) => new() { ["id"] = v["mail"] },
            Effect = c => Check(c, db => db.Outbox.AnyAsync(x => x.Id == long.Parse(c.Values["mail"], System.Globalization.CultureInfo.InvariantCulture) && x.FailedAt == null), "the mail is still marked undelivered"),
        },

        new("GET", "/People/Index", ViewPeopleRoles),
        new("GET", "/People", ViewPeopleRoles),
        new("GET", "/People/Details/{id:int}", SeesTeacher),
        new("GET", "/People/Edit/{id:int?}", NordvikManagers),
        new("GET", "/People/Create", AnyAdmin),
        new("GET", "/api/v1/people", ViewPeopleRoles),
        new("GET", "/api/v1/people/{id:int}", SeesTeacher),
        new("POST", "/api/v1/people", NordvikManagers)
        {
            Body = (ids, _) => J(new { name = "Matrise Api", email = $"matrise.api{MatrixIds.Next()}.{Guid.NewGuid():N}@nordvik.test", ownerId = ids.Nordvik, role = 10, schoolId = ids.Sentrum }),
            Effect = c => Check(c, db => db.People.AnyAsync(x => x.Id == IdOf(c) && x.Name == "Matrise Api"), "the person is not there"),
        },
        new("PUT", "/api/v1/people/{id:int}", NordvikManagers)
        {
            Fresh = FreshId((ids, app) => ids.NewPersonAsync(app)),
            Body = (_, v) => J(new { name = "Matrise Endret", email = $"matrise.endret{v["id"]}@nordvik.test", title = "Inspektør" }),
            Effect = c => Check(c, db => db.People.AnyAsync(x => x.Id == int.Parse(c.Values["id"]) && x.Name == "Matrise Endret"), "the name is not saved"),
        },
        new("DELETE", "/api/v1/people/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = Str(await ids.NewPersonAsync(app)) } },
        new("POST", "/api/v1/people/{id:int}/memberships", NordvikManagers)
        {
            Fresh = FreshId((ids, app) => ids.NewPersonAsync(app)),
            Body = (ids, _) => J(new { role = 10, schoolId = ids.Sentrum }),
            Effect = c => Check(c, db => db.Memberships.AnyAsync(x => x.PersonId == int.Parse(c.Values["id"]) && x.SchoolId == c.Ids.Sentrum), "the role is not there"),
        },
        new("DELETE", "/api/v1/people/{id:int}/memberships/{membershipId:int}", NordvikManagers) { Fresh = async (app, ids) => { var (person, membership) = await ids.NewMembershipAsync(app); return new() { ["id"] = Str(person), ["membershipId"] = Str(membership) }; } },

        new("GET", "/Owners/Index", LoggedIn),
        new("GET", "/Owners", LoggedIn),
        new("GET", "/Owners/Details/{id:int}", SeesNordvik),
        new("GET", "/Owners/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Owners/Create", [Who.System]),
        new("GET", "/api/v1/owners", LoggedIn),
        new("GET", "/api/v1/owners/{id:int}", SeesNordvik),
        new("POST", "/api/v1/owners", [Who.System])
        {
            Body = (_, _) => J(new { name = $"Matrisekommune {MatrixIds.Next()}", kind = 1, organisationNumber = MatrixIds.NewOrganisationNumber() }),
            Effect = c => Check(c, db => db.Owners.AnyAsync(x => x.Id == IdOf(c)), "the owner is not there"),
        },
        // Nordvik's own name and number again: a valid save that changes nothing the other rows read.
        new("PUT", "/api/v1/owners/{id:int}", NordvikManagers)
        {
            Body = (ids, _) => J(new { name = "Nordvik kommune", kind = 1, organisationNumber = ids.NordvikOrganisationNumber }),
            Effect = c => Check(c, db => db.Owners.AnyAsync(x => x.Id == c.Ids.Nordvik && x.Name == "Nordvik kommune" && x.Active), "Nordvik is changed"),
        },
    ];

    // Sentrum skole's programme (team 1): the owner's staff, team 1 and Sentrum's people see it; Havnå's (team 2) is not the guide's.
    private static readonly Who[] SeesSentrumProgramme = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];
    private static readonly Who[] ReadsSentrumProgramme = [.. SeesSentrumProgramme, Who.Teacher, Who.Skut];
    // Nordvik's own models: the owner's staff and its guides.
    private static readonly Who[] SeesNordvikModels = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];

    public static readonly Row[] ProgrammeRows =
    [
        new("GET", "/Programmes/Index", LoggedIn),
        new("GET", "/Programmes", LoggedIn),
        new("GET", "/Programmes/Details/{id:int}", ReadsSentrumProgramme),
        new("GET", "/Programmes/Step/{id:int}", ReadsSentrumProgramme),
        // Where a step's work is (StepLinks): everyone who sees the step is sent on to it.
        new("GET", "/Programmes/StepWork/{id:int}", ReadsSentrumProgramme) { Redirects = "it redirects to the page where the step's work is done" },
        new("GET", "/Programmes/Create", AnyAdmin),
        new("GET", "/api/v1/programmes", LoggedIn),
        new("GET", "/api/v1/programmes/{id:int}", ReadsSentrumProgramme),
        // A fresh school and a fresh team per call: a team's capacity and a school's one programme a year are not the subject here.
        new("POST", "/api/v1/programmes", NordvikManagers)
        {
            Fresh = async (app, ids) => new() { ["school"] = Str(await ids.NewSchoolAsync(app)), ["team"] = Str(await ids.NewTeamAsync(app)) },
            Body = (_, v) => J(new { schoolId = int.Parse(v["school"]), teamId = int.Parse(v["team"]), startDate = "2030-03-04", model = "tromso:1" }),
            Effect = c => Check(c, db => db.Programmes.AnyAsync(x => x.Id == IdOf(c) && x.SchoolId == int.Parse(c.Values["school"])), "the programme is not there"),
        },
        // A school step of Sentrum's plan: the principal may mark it done, so it reaches validation too.
        // A school step of Sentrum's plan, saved as it is: the principal may mark it done, so everybody who sees the plan may save it.
        new("PUT", "/api/v1/programmes/{id:int}/steps/{stepId:int}", SeesSentrumProgramme)
        {
            Fresh = async (app, ids) => new() { ["stepId"] = Str(ids.SentrumStep), ["date"] = await app.WithDbAsync(db => db.PlanSteps.Where(x => x.Id == ids.SentrumStep).Select(x => x.Date).SingleAsync()) is var d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "" },
            Body = (_, v) => J(new { date = v["date"], status = 0 }),
        },

        new("GET", "/Holidays/Index", LoggedIn),
        new("GET", "/Holidays", LoggedIn),
        new("GET", "/Holidays/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Holidays/Create", AnyAdmin) { Redirects = "holidays are added on the list page: /Holidays/Create goes there" },
        new("GET", "/api/v1/holidays", LoggedIn),
        new("POST", "/api/v1/holidays", NordvikManagers)
        {
            Body = (ids, _) => { var n = MatrixIds.Next(); var day = new DateOnly(2091, 8, 1).AddDays(n % 360).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); return J(new { ownerId = ids.Nordvik, schoolYear = "2091/92", kind = 5, name = $"Matrisefri {n}", start = day, end = day }); },
            Effect = c => Check(c, db => db.SchoolHolidays.AnyAsync(x => x.OwnerId == c.Ids.Nordvik && x.SchoolYear == "2091/92"), "the holiday is not there"),
        },
        new("DELETE", "/api/v1/holidays/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = Str(await ids.NewHolidayAsync(app)) } },

        new("GET", "/Programmes/Calendar", LoggedIn),
        // The feed's secret address is its authorisation: calendar apps cannot log in.
        new("GET", "/calendar/{token}.ics", LoggedIn, Anonymous: true) { Fresh = async (app, ids) => new() { ["token"] = await ids.NewCalendarTokenAsync(app) } },

        new("GET", "/Models/Index", LoggedIn),
        new("GET", "/Models", LoggedIn),
        new("GET", "/Models/Details/{id:int}", SeesNordvikModels),
        new("GET", "/Models/Step/{id:int}", NordvikManagers) { Redirects = "without ?key the step page goes back to the model" },
        new("GET", "/Models/BuiltIn/{key}/{version:int}", LoggedIn) { Fresh = (_, _) => Task.FromResult(new Dictionary<string, string> { ["key"] = "tromso", ["version"] = "1" }) },
    ];

    // Start-up meeting and document requests of a Sentrum programme run by team 1 (MatrixIds.DocumentsProgramme).
    private static readonly Who[] KeepsSentrumProgramme = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];

    public static readonly Row[] DocumentRows =
    [
        new("GET", StartUpPages + "/{id:int}", ReadsSentrum),
        new("GET", StartUpPages + "/Documents/{id:int}", ReadsSentrum),
        new("GET", "/api/v1/programmes/{id:int}/documents", ReadsSentrum),
        new("POST", "/api/v1/document-requests/{id:int}/files", SeesSentrum) { PastAuthorisation = "a multipart upload: the matrix sends JSON and gets 400; DocumentTests upload real files" },
        new("GET", "/api/v1/files/{id:int}", ReadsSentrum),
        new("GET", "/api/v1/programmes/{id:int}/startup", ReadsSentrum),
        // The minutes carry a version: the first caller's save succeeds, the others get 409 (stale version), past authorisation.
        new("PUT", "/api/v1/programmes/{id:int}/startup", KeepsSentrumProgramme) { Succeeds = [Who.System], Body = (_, _) => J(new { version = 0, developmentArea = "Lesing" }) },
    ];

    private static readonly Who[] SentrumLeaders = [Who.Principal];

    /// <summary>The future picture of the matrix's Sentrum programme (<see cref="MatrixIds.FuturePictureProgramme"/>).</summary>
    public static readonly Row[] FuturePictureRows =
    [
        new("GET", FuturePicturePages + "/{programmeId:int}", ReadsSentrum),
        new("GET", FuturePicturePages + "/Edit/{programmeId:int}", SentrumLeaders),
        new("GET", FuturePicturePages + "/Compare/{programmeId:int}", ReadsSentrum),
        new("GET", "/api/v1/programmes/{id:int}/future-picture", ReadsSentrum),
        new("GET", "/api/v1/programmes/{id:int}/future-picture/versions/{number:int}", ReadsSentrum),
        new("POST", "/api/v1/programmes/{id:int}/future-picture/versions", SentrumLeaders)
        {
            Body = (_, _) => J(new { expectedVersion = 1, developmentArea = "Lesing", text = "Alle elever leser hver dag, også i matematikk." }),
            Effect = c => Check(c, db => db.FuturePictureVersions.AnyAsync(x => x.FuturePicture!.ProgrammeId == c.Ids.FuturePictureProgramme && x.Number == 2), "version 2 is not there"),
        },
        new("GET", "/api/v1/programmes/{id:int}/future-picture/comments", ReadsSentrum),
        new("POST", "/api/v1/programmes/{id:int}/future-picture/comments", SeesSentrum) { Body = (_, _) => J(new { text = "Matrisekommentar" }) },
    ];

    // A programme of Sentrum skole run by team 1, with an agreement: its readers, its writers, its approvers.
    private static readonly Who[] WritesAgreement = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    private static readonly Who[] ApprovesAgreement = [Who.System, Who.NordvikAdmin, Who.Principal];

    public static readonly Row[] AgreementRows =
    [
        new("GET", AgreementPages + "/Details/{programmeId:int}", ReadsSentrumProgramme),
        // Conflicts of interest: the owner's staff and the team see them; the owner's staff record how one is handled.
        new("GET", MatrixRoutes.ConflictPages + "/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide]),
        new("POST", MatrixRoutes.ConflictPages + "/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor])
        {
            Form = (_, _) => new() { ["Input.PersonId"] = "1", ["Input.Handling"] = "Et annet teammedlem tar samtalene med ledelsen." },
            PastAuthorisation = "the matrix data has no conflict of interest (the page answers 200 with its message); ConflictTests record one",
        },
        new("GET", AgreementPages + "/Edit/{programmeId:int}", WritesAgreement),
        new("GET", AgreementPages + "/Compare/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", AgreementPages + "/Pdf/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", "/api/v1/programmes/{programmeId:int}/agreement", ReadsSentrumProgramme),
        // The agreement exists already: writers get 409, which is past authorisation.
        // A programme without an agreement per call, so every writer's create succeeds.
        new("POST", "/api/v1/programmes/{programmeId:int}/agreement", WritesAgreement)
        {
            Fresh = async (app, ids) => new() { ["programmeId"] = Str(await ids.NewProgrammeAsync(app)) },
            Effect = c => Check(c, db => db.Agreements.AnyAsync(x => x.ProgrammeId == int.Parse(c.Values["programmeId"])), "the agreement is not there"),
        },
        new("GET", "/api/v1/programmes/{programmeId:int}/agreement/versions/{number:int}", ReadsSentrumProgramme),
        new("PUT", "/api/v1/programmes/{programmeId:int}/agreement/draft", WritesAgreement) { PastAuthorisation = "the draft's full body (sections, lines, version) is AgreementTests' subject; \"{}\" gets 400" },
        new("POST", "/api/v1/programmes/{programmeId:int}/agreement/approve", ApprovesAgreement) { PastAuthorisation = "approving needs the current number and version; \"{}\" gets 400 (AgreementTests approve for real)" },
        new("GET", "/api/v1/programmes/{programmeId:int}/agreement/pdf", ReadsSentrumProgramme),
    ];

    // Sessions of Sentrum's demo programme (MatrixIds.Session is its session 1, with a sent interim-work agreement).
    // The team and the owner's staff run sessions; the school's leaders answer (feedback, evaluations).
    private static readonly Who[] RunsSessions = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    /// <summary>The school's loop (SKUT → staff → documentation): written by its principal and SKUT members, its text read by them, the school's people and the team.</summary>
    private static readonly Who[] WritesLoop = [Who.Principal, Who.Skut];
    private static readonly Who[] ReadsLoopText = [Who.Advisor, Who.UniversityGuide, Who.Principal, Who.Teacher, Who.Skut];
    private static readonly Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> Fase4 = (_, _) => Task.FromResult(new Dictionary<string, string> { ["phase"] = "fase4" });

    public static readonly Row[] SessionRows =
    [
        new("GET", SessionPages + "/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", SessionPages + "/Session/{id:int}", ReadsSentrumProgramme),
        new("GET", SessionPages + "/InterimWork/{id:int}", ReadsSentrumProgramme),
        new("GET", SessionPages + "/Evaluate/{id:int}", ReadsSentrumProgramme),
        // The school's process loop: everyone who sees the programme sees its state; the text and the file are the team's and the school's.
        new("GET", SessionPages + "/Loop/{id:int}", ReadsSentrumProgramme),
        new("GET", SessionPages + "/Loop/{id:int}", ReadsLoopText) { Handler = "File", Expect = _ => "prosessdokument" },
        new("GET", SessionPages + "/Phase/{programmeId:int}/{phase}", ReadsSentrumProgramme) { Fresh = Fase4 },
        new("GET", TimelinePages + "/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", "/api/v1/programmes/{programmeId:int}/sessions", ReadsSentrumProgramme),
        new("GET", "/api/v1/sessions/{id:int}", ReadsSentrumProgramme),
        new("PUT", "/api/v1/sessions/{id:int}", RunsSessions)
        {
            Body = (_, _) => J(new { startTime = "12:30", minutes = 180, place = "Matrisebiblioteket", videoLink = "https://video.example/rom", cycleStep = 2 }),
            Effect = c => Check(c, db => db.Sessions.AnyAsync(x => x.Id == c.Ids.Session && x.Place == "Matrisebiblioteket"), "the place is not saved"),
        },
        // Notes are confidential: team 1 only, not the owner's administrator, not the system administrator.
        new("GET", "/api/v1/sessions/{id:int}/notes", Team1Members) { Confidential = Confidential.SessionNotes, Expect = _ => MatrixIds.SessionNoteText },
        new("PUT", "/api/v1/sessions/{id:int}/notes/{part}", Team1Members)
        {
            Confidential = Confidential.SessionNotes, Fresh = (_, _) => Task.FromResult(new Dictionary<string, string> { ["part"] = "closing" }),
            Body = (_, _) => J(new { text = "Matrise: avslutningen" }),
            Effect = c => Check(c, db => db.SessionNotes.AnyAsync(x => x.SessionId == c.Ids.Session && x.Text == "Matrise: avslutningen"), "the note is not saved"),
        },
        new("GET", "/api/v1/sessions/{id:int}/interim-work", ReadsSentrumProgramme),
        new("PUT", "/api/v1/sessions/{id:int}/interim-work", RunsSessions) { Body = (_, _) => J(new { points = new[] { "Matrisepunkt" }, feedbackDeadline = "2027-12-01" }) },
        new("POST", "/api/v1/sessions/{id:int}/interim-work/send", RunsSessions) { Body = (_, _) => J(new { points = new[] { "Matrisepunkt" }, feedbackDeadline = "2027-12-01" }) },
        new("GET", "/api/v1/sessions/{id:int}/interim-work/pdf", ReadsSentrumProgramme),
        // The school's feedback: its principal (the system administrator is not the school).
        new("PUT", "/api/v1/sessions/{id:int}/interim-work/feedback", [Who.Principal]) { Body = (_, _) => J(new { pointStatus = new[] { "Gjort" }, wishedTopic = "Matrisetema", submit = false }) },
        new("GET", "/api/v1/sessions/{id:int}/evaluations", ReadsSentrumProgramme),
        new("PUT", "/api/v1/sessions/{id:int}/evaluations/mine", [Who.Principal]) { PastAuthorisation = "the evaluation form's answers are SessionTests' subject; \"{}\" gets 400" },
        new("GET", "/api/v1/programmes/{programmeId:int}/evaluations", ReadsSentrumProgramme),
        new("PUT", "/api/v1/programmes/{programmeId:int}/phase-evaluations/{phase}/feedback", [Who.Principal]) { Fresh = Fase4, Body = (_, _) => J(new { workedWell = "Strukturen", toImprove = "Mer tid" }) },
        new("PUT", "/api/v1/programmes/{programmeId:int}/phase-evaluations/{phase}/meeting", RunsSessions) { Fresh = Fase4, Body = (_, _) => J(new { meetingDate = "2027-12-01", participants = "Matrise", conclusions = "Videre" }) },
        new("GET", "/api/v1/programmes/{programmeId:int}/timeline", ReadsSentrumProgramme),
    ];

    // The demo's Sentrum programme after its assessment days (MatrixIds.AssessmentProgramme): schedule and
    // final report for all who see the programme; notes, section versions and writes for team 1 only (not
    // the system administrator, who is no team member, and never the school or the owner's administrator).
    private static readonly Who[] Team1 = [Who.Advisor, Who.UniversityGuide];
    private static readonly Who[] PlansDays = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    private static readonly Who[] TicksTasks = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];

    public static readonly Row[] AssessmentRows =
    [
        new("GET", AssessmentPages + "/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", AssessmentPages + "/Slot/{programmeId:int}/{slotId:int?}", PlansDays),
        new("GET", AssessmentPages + "/DayPlan/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", AssessmentPages + "/Notes/{programmeId:int}", Team1) { Confidential = Confidential.AssessmentNotes },
        new("GET", AssessmentPages + "/Report/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", AssessmentPages + "/ReportPdf/{programmeId:int}", ReadsSentrumProgramme),
        new("GET", AssessmentPages + "/Retention/{ownerId:int}", NordvikManagers),
        // The owner's retention period for kept notes ({ownerId} = Nordvik): its administrator (and the system's), not
        // the guides, not the school, not Fjordland's administrator. "{}" gets the allowed a validation problem, nothing saved.
        new("GET", "/api/v1/owners/{ownerId:int}/assessment-settings", NordvikManagers),
        new("PUT", "/api/v1/owners/{ownerId:int}/assessment-settings", NordvikManagers) { Body = (_, _) => J(new { noteRetentionDays = 365 }) },
        new("GET", "/api/v1/programmes/{id:int}/assessment/schedule", ReadsSentrumProgramme),
        // Already planned: planners get 409, past authorisation.
        new("POST", "/api/v1/programmes/{id:int}/assessment/schedule/plan", PlansDays) { PastAuthorisation = "the demo's days are planned already: 409" },
        new("POST", "/api/v1/programmes/{id:int}/assessment/schedule/slots", PlansDays) { Body = (_, _) => J(new { date = "2026-04-27", start = "08:00", end = "09:00", title = "Matrise" }) },
        new("PUT", "/api/v1/programmes/{id:int}/assessment/schedule/slots/{slotId:int}", PlansDays) { Fresh = async (app, ids) => new() { ["slotId"] = Str(await ids.NewSlotAsync(app)) }, Body = (_, _) => J(new { date = "2026-04-27", start = "10:00", end = "11:00", title = "Matrise flyttet" }) },
        new("DELETE", "/api/v1/programmes/{id:int}/assessment/schedule/slots/{slotId:int}", PlansDays) { Fresh = async (app, ids) => new() { ["slotId"] = Str(await ids.NewSlotAsync(app)) } },
        new("PUT", "/api/v1/programmes/{id:int}/assessment/tasks/{taskId:int}", TicksTasks) { Body = (_, _) => "{\"done\":true}" },
        new("GET", "/api/v1/programmes/{id:int}/assessment/notes", Team1) { Confidential = Confidential.AssessmentNotes },
        new("POST", "/api/v1/programmes/{id:int}/assessment/notes", Team1) { Confidential = Confidential.AssessmentNotes, PastAuthorisation = "the demo's report is final: notes and drafts are closed (409)" },
        new("PUT", "/api/v1/programmes/{id:int}/assessment/notes/{noteId:int}", Team1) { Confidential = Confidential.AssessmentNotes, PastAuthorisation = "the demo's report is final: notes and drafts are closed (409)" },
        new("GET", "/api/v1/programmes/{id:int}/assessment/report", ReadsSentrumProgramme),
        new("POST", "/api/v1/programmes/{id:int}/assessment/report", Team1) { Confidential = Confidential.ReportDrafts, PastAuthorisation = "the demo's report is final: notes and drafts are closed (409)" },
        new("PUT", "/api/v1/programmes/{id:int}/assessment/report/sections/{sectionId:int}", Team1) { Confidential = Confidential.ReportDrafts, PastAuthorisation = "the demo's report is final: notes and drafts are closed (409)" },
        new("GET", "/api/v1/programmes/{id:int}/assessment/report/sections/{sectionId:int}/versions", Team1) { Confidential = Confidential.ReportDrafts },
        new("POST", "/api/v1/programmes/{id:int}/assessment/report/final", Team1) { PastAuthorisation = "the demo's report is final: notes and drafts are closed (409)" },
        new("POST", "/api/v1/programmes/{id:int}/assessment/report/presentations", Team1) { Body = (_, _) => J(new { audience = 1, date = "2026-06-01", note = "Matrise" }) },
        new("GET", "/api/v1/programmes/{id:int}/assessment/report/pdf", ReadsSentrumProgramme),
        new("GET", "/api/v1/programmes/{id:int}/assessment/reflection-questions", ReadsSentrumProgramme),
    ];

    // Issue 20, parts 7 and 9: the development area's objectives and their ratings, the follow-up meeting, the owner's yearly evaluation.
    // The objectives are kept by those who run the programme and the school's leaders; ratings (and their comments) are the team's
    // members' and the school's leaders' alone; the owner's overview and the yearly evaluations are the owner's staff's.
    private static readonly Who[] KeepsObjectives = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];
    private static readonly Who[] RatesObjectives = [Who.Advisor, Who.UniversityGuide, Who.Principal];
    private static readonly Who[] AnyStaff = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.FjordlandAdmin, Who.FjordlandGuide];
    // The year's evaluation: Nordvik's staff, and whoever sees one of Nordvik's programmes with a step in 2026/27 (Sentrum's, Havnå's).
    private static readonly Who[] ReadsNordvikEvaluation = [.. ReadsSentrumProgramme, Who.OtherPrincipal];
    private static readonly Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> FreshObjective = async (app, ids) => new() { ["id"] = Str(await app.WithDbAsync(async db =>
    {
        var p = await db.Programmes.SingleAsync(x => x.Id == ids.SentrumProgramme);
        var o = Stillas.Web.Platform.Access.Placement.PlaceIn(new Stillas.Web.Features.Programmes.Objectives.DevelopmentObjective { ProgrammeId = p.Id, Title = $"Matrisemål {MatrixIds.Next()}", Order = 50 }, p);
        db.Set<Stillas.Web.Features.Programmes.Objectives.DevelopmentObjective>().Add(o);
        await db.SaveChangesAsync();
        return o.Id;
    })) };
    private static readonly Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> Year2026 = (_, _) => Task.FromResult(new Dictionary<string, string> { ["year"] = "2026" });

    public static readonly Row[] ObjectiveRows =
    [
        new("GET", MatrixRoutes.ObjectivePages + "/{programmeId:int}", ReadsSentrumProgramme),
        new("POST", MatrixRoutes.ObjectivePages + "/{programmeId:int}", KeepsObjectives) { Handler = "Add", Form = (_, _) => new() { ["Input.Title"] = "Matrise: alle leser hver dag" } },
        new("POST", MatrixRoutes.ObjectivePages + "/{programmeId:int}", KeepsObjectives) { Handler = "Suggest" },
        new("POST", MatrixRoutes.ObjectivePages + "/{programmeId:int}", KeepsObjectives) { Handler = "Delete", NotFoundIsPast = "no objective id: the handler's 404 is for the missing objective" },
        new("GET", MatrixRoutes.ObjectivePages + "/Edit/{id:int}", KeepsObjectives) { Fresh = FreshObjective },
        new("POST", MatrixRoutes.ObjectivePages + "/Edit/{id:int}", KeepsObjectives) { Fresh = FreshObjective, Form = (_, _) => new() { ["Input.Title"] = "Matrise: endret", ["Input.Version"] = "0" } },
        new("POST", MatrixRoutes.ObjectivePages + "/Edit/{id:int}", KeepsObjectives) { Handler = "Close", Fresh = FreshObjective, Form = (_, _) => new() { ["Close.Reason"] = "Matrise: passer ikke", ["Close.Version"] = "0" } },
        new("POST", MatrixRoutes.ObjectivePages + "/Edit/{id:int}", KeepsObjectives) { Handler = "Reopen", Fresh = FreshObjective, Form = (_, _) => new() { ["Close.Version"] = "0" } },
        new("GET", MatrixRoutes.ObjectivePages + "/Rate/{programmeId:int}", RatesObjectives),
        new("POST", MatrixRoutes.ObjectivePages + "/Rate/{programmeId:int}", RatesObjectives) { PastAuthorisation = "a rating needs an objective, a colour and a comment; an empty form gets the page's message (ObjectiveTests rate for real)" },
        new("GET", MatrixRoutes.ObjectivePages + "/Overview", AnyStaff),
        new("GET", "/api/v1/programmes/{id:int}/objectives", ReadsSentrumProgramme),
        new("POST", "/api/v1/programmes/{id:int}/objectives", KeepsObjectives)
        {
            Body = (_, _) => J(new { title = "Matrise: API-mål" }),
            Effect = c => Check(c, db => db.Set<Stillas.Web.Features.Programmes.Objectives.DevelopmentObjective>().AnyAsync(o => o.ProgrammeId == c.Ids.SentrumProgramme && o.Title == "Matrise: API-mål"), "the objective is not there"),
        },
        new("POST", "/api/v1/programmes/{id:int}/objectives/{objectiveId:int}/ratings", RatesObjectives)
        {
            Fresh = async (app, ids) => new() { ["objectiveId"] = (await FreshObjective(app, ids))["id"] },
            Body = (_, _) => J(new { colour = 2, comment = "Matrise: halvveis", occasion = 2 }),
        },
        new("GET", MatrixRoutes.FollowUpPages + "/{programmeId:int}", ReadsSentrumProgramme),
        new("POST", MatrixRoutes.FollowUpPages + "/{programmeId:int}", RunsSessions) { PastAuthorisation = "the second caller's save needs the first one's version (409 shown on the page); FollowUpTests save for real", Form = (_, _) => new() { ["Input.MeetingDate"] = "2028-05-02", ["Input.Participants"] = "Matrise" } },
        new("POST", MatrixRoutes.FollowUpPages + "/{programmeId:int}", RunsSessions)
        {
            Handler = "Close", Fresh = async (app, ids) => new() { ["programmeId"] = Str(await ids.NewProgrammeAsync(app)) },
            Form = (_, _) => new() { ["Input.MeetingDate"] = "2028-05-02", ["Input.Participants"] = "Matrise" },
        },
        new("GET", "/Programmes/Evaluation", AnyStaff),
        new("GET", "/Programmes/Evaluation/Index", AnyStaff),
        new("GET", "/Programmes/Evaluation/Year/{ownerId:int}/{year:int}", ReadsNordvikEvaluation) { Fresh = Year2026 },
        new("POST", "/Programmes/Evaluation/Year/{ownerId:int}/{year:int}", [Who.System, Who.NordvikAdmin, Who.Advisor])
        {
            Fresh = (_, _) => Task.FromResult(new Dictionary<string, string> { ["year"] = Str(2050 + MatrixIds.Next() % 50) }),
            Form = (_, _) => new() { ["Input.MeetingDate"] = "2027-06-01", ["Input.Participants"] = "Matrise" },
        },
    ];


    // Issue 21, the survey engine (Features/Surveys): a school's survey is run by its principal (Sentrum's); the owner's staff and the
    // school's people see its status and counts; results are the principal's until published; item banks are the owner's administrator's
    // and readable by everyone at the owner; the answer page and its thanks are anyone's with the link (no login). Targets are fresh
    // Sentrum surveys (a draft, an open one) and a fresh Nordvik bank, made per call.
    private static readonly Who[] StartsSurveys = [Who.NordvikAdmin, Who.Principal, Who.OtherPrincipal, Who.FjordlandAdmin];
    private static readonly Who[] SeesSentrumSurvey = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.Principal, Who.Teacher, Who.Skut];
    private static readonly Who[] RunsSentrumSurvey = [Who.Principal];
    private static readonly Who[] ReadsNordvikBanks = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal, Who.Teacher, Who.Skut, Who.OtherPrincipal];
    private const string SurveyTitle = "Matriseundersøkelse";

    private static Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus status) => async (app, ids) =>
    {
        var (id, token) = await app.WithDbAsync(async db =>
        {
            var s = Stillas.Web.Features.Surveys.SurveyEngine.Create(db, ids.Nordvik, ids.Sentrum, Stillas.Web.Features.Surveys.SurveyKind.SelfAssessment, SurveyTitle,
                Stillas.Web.Features.Surveys.DefaultBanks.SelfAssessment.Items, "Stillas: ståstedsanalyse", null, 1, null, null, DateTimeOffset.UtcNow);
            if (status != Stillas.Web.Features.Surveys.SurveyStatus.Draft) Stillas.Web.Features.Surveys.SurveyEngine.Open(s, new DateOnly(2026, 11, 27));
            await db.SaveChangesAsync();
            return (s.Id, s.OpenToken ?? "");
        });
        return new() { ["id"] = Str(id), ["token"] = token };
    };

    private static readonly Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> FreshBank = async (app, ids) =>
    {
        var (id, version) = await app.WithDbAsync(async db =>
        {
            var bank = new Stillas.Web.Features.Surveys.ItemBank { OwnerId = ids.Nordvik, Name = $"Matrisebank {MatrixIds.Next()}", Kind = Stillas.Web.Features.Surveys.SurveyKind.SelfAssessment, Author = "Matrise", Licence = "CC BY 4.0", RightsConfirmedBy = "" };
            await Stillas.Web.Features.Surveys.ItemBankStore.SaveAsync(db, bank, Stillas.Web.Features.Surveys.DefaultBanks.SelfAssessment.Items, "Matrise", DateTimeOffset.UtcNow, default);
            await db.SaveChangesAsync();
            return (bank.Id, bank.Version);
        });
        return new() { ["id"] = Str(id), ["version"] = Str(version) };
    };

    private static readonly object MatrixBankItems = new[] { new { block = "Kjerne", code = "M1", text = "Matrisepåstand", scale = "trafikklys", roles = "", mandatory = true } };

    public static readonly Row[] SurveyRows =
    [
        new("GET", "/Surveys", LoggedIn),
        new("GET", "/Surveys/Index", LoggedIn),
        new("GET", "/Surveys/Create", StartsSurveys),
        new("POST", "/Surveys/Create", StartsSurveys) { PastAuthorisation = "an empty form gets the page's messages (SurveyTests create for real)" },
        new("GET", "/Surveys/Details/{id:int}", SeesSentrumSurvey) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Expect = _ => SurveyTitle },
        new("POST", "/Surveys/Details/{id:int}", RunsSentrumSurvey) { Handler = "Open", Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Draft) },
        new("POST", "/Surveys/Details/{id:int}", RunsSentrumSurvey) { Handler = "Close", Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open) },
        new("POST", "/Surveys/Details/{id:int}", RunsSentrumSurvey) { Handler = "Publish", Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open) },
        new("POST", "/Surveys/Details/{id:int}", RunsSentrumSurvey) { Handler = "Unpublish", Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open) },
        new("POST", "/Surveys/Details/{id:int}", RunsSentrumSurvey) { Handler = "Invite", Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Form = (_, _) => new() { ["Emails"] = "matrise@nordvik.test" } },
        new("POST", "/Surveys/Details/{id:int}", RunsSentrumSurvey) { Handler = "Remind", Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open) },
        new("GET", "/Surveys/Results/{id:int}", RunsSentrumSurvey) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Expect = _ => "Resultatene vises når minst" },
        new("POST", "/Surveys/Results/{id:int}", RunsSentrumSurvey) { Handler = "Record", Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Form = (_, _) => new() { ["Record.Version"] = "0", ["Record.Text"] = "Matrise" }, PastAuthorisation = "a fresh survey's version may have been stepped by its opening (409 on the page)" },
        // The answer link is its own authorisation: anyone who has it, logged in or not.
        new("GET", "/svar/{token}", LoggedIn, Anonymous: true) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Expect = _ => SurveyTitle },
        new("POST", "/svar/{token}", LoggedIn, Anonymous: true) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), PastAuthorisation = "an empty answer gets the page's messages (SurveyTests answer for real)" },
        new("GET", "/svar/takk", LoggedIn, Anonymous: true),
        new("GET", "/Surveys/Banks", LoggedIn),
        new("GET", "/Surveys/Banks/Index", LoggedIn),
        new("GET", "/Surveys/Banks/Details/{id:int}", ReadsNordvikBanks) { Fresh = FreshBank, Expect = _ => "Matrisebank" },
        new("GET", "/Surveys/Banks/Edit/{id:int?}", NordvikManagers) { Fresh = FreshBank, Expect = _ => "Matrisebank" },
        new("POST", "/Surveys/Banks/Edit/{id:int?}", NordvikManagers) { Fresh = FreshBank, PastAuthorisation = "an empty form gets the page's messages (SurveyTests write banks for real)" },
        new("GET", "/api/v1/surveys", LoggedIn),
        new("POST", "/api/v1/surveys", StartsSurveys)
        {
            Body = (ids, _) => J(new { kind = 1, schoolId = ids.Sentrum, title = SurveyTitle, bank = "default:1" }),
            PastAuthorisation = "only Sentrum's principal leads Sentrum: the others get the validation problem (400) for the school",
        },
        new("GET", "/api/v1/surveys/{id:int}", SeesSentrumSurvey) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Expect = _ => SurveyTitle },
        new("POST", "/api/v1/surveys/{id:int}/open", RunsSentrumSurvey) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Draft) },
        new("POST", "/api/v1/surveys/{id:int}/close", RunsSentrumSurvey) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open) },
        new("POST", "/api/v1/surveys/{id:int}/invitations", RunsSentrumSurvey) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Body = (_, _) => J(new { emails = new[] { "matrise@nordvik.test" } }) },
        new("GET", "/api/v1/surveys/{id:int}/results", RunsSentrumSurvey) { Fresh = FreshSurvey(Stillas.Web.Features.Surveys.SurveyStatus.Open), Expect = _ => "Resultatene vises når minst" },
        new("GET", "/api/v1/item-banks", LoggedIn),
        new("GET", "/api/v1/item-banks/{id:int}", ReadsNordvikBanks) { Fresh = FreshBank, Expect = _ => "Matrisebank" },
        new("POST", "/api/v1/item-banks", NordvikManagers)
        {
            Body = (ids, _) => J(new { ownerId = ids.Nordvik, name = $"Matrisebank {MatrixIds.Next()}", kind = 1, author = "Matrise", licence = "CC BY 4.0", confirmRights = true, items = MatrixBankItems }),
        },
        new("PUT", "/api/v1/item-banks/{id:int}", NordvikManagers)
        {
            Fresh = FreshBank,
            Body = (_, v) => J(new { version = int.Parse(v["version"]), name = "Matrisebank endret", author = "Matrise", licence = "CC BY 4.0", confirmRights = true, items = MatrixBankItems }),
        },
    ];

    private static string Str(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<Row> Listed =>
        Rows.Concat(TeamAndOwnerRows).Concat(ProgrammeRows).Concat(DocumentRows).Concat(FuturePictureRows).Concat(AgreementRows).Concat(SessionRows).Concat(AssessmentRows).Concat(HandlerRows).Concat(ObjectiveRows).Concat(SurveyRows).Concat(IndicatorRows);

    /// <summary>The rows of the wing's index pages again, for their .../Index/... aliases (see <see cref="MatrixRoutes.IndexFolders"/>).</summary>
    private static IEnumerable<Row> IndexAliasRows =>
        Listed.SelectMany(r => MatrixRoutes.IndexFolders.Where(f => r.Route.StartsWith(f + "/{", StringComparison.Ordinal))
            .Select(f => r with { Route = f + "/Index" + r.Route[f.Length..] }));

    public static IEnumerable<Row> All => Listed.Concat(IndexAliasRows);

    public static Row? Find(string method, string route, string? handler) =>
        All.FirstOrDefault(r => r.Method == method && string.Equals(r.Route, route, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Handler, handler, StringComparison.OrdinalIgnoreCase));

    private static string J(object value) => System.Text.Json.JsonSerializer.Serialize(value, System.Text.Json.JsonSerializerOptions.Web);

    /// <summary>The created record's id: the response's first "id".</summary>
    private static int IdOf(WriteCall c) => int.Parse(System.Text.RegularExpressions.Regex.Match(c.Response, "\"id\":(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string?> Check(WriteCall c, Func<Stillas.Web.Platform.Data.StillasDb, Task<bool>> holds, string otherwise) =>
        await c.App.WithDbAsync(holds) ? null : otherwise;

    private static readonly Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> FreshHoliday = async (app, ids) => new() { ["holiday"] = Str(await ids.NewHolidayAsync(app)) };
    private static readonly Func<WriteCall, Task<string?>> HolidayGone = c => Check(c, async db => !await db.SchoolHolidays.AnyAsync(x => x.Id == int.Parse(c.Values["holiday"])), "the holiday is still there");

    private static Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> FreshId(Func<MatrixIds, StillasApp, Task<int>> make) =>
        async (app, ids) => new() { ["id"] = Str(await make(ids, app)) };

    // Page handlers. Without form fields a post only has to get past authorisation (the page answers 200 with
    // its validation messages, or redirects); a handler that acts on the record alone (deactivate, delete,
    // close) gets a fresh record, so it cannot disturb the other rows. Logout ends the session: its own login.
    private static readonly Who[] SystemOnly = [Who.System];
    private static readonly Who[] SchoolLeadersOfSentrum = [Who.Principal];

    public static readonly Row[] HandlerRows =
    [
        new("POST", "/Account/Login", LoggedIn, Anonymous: true),
        new("POST", "/Account/Login", LoggedIn, Anonymous: true) { Handler = "External", LoginIsSuccess = true },
        new("POST", "/Account/Logout", LoggedIn, Anonymous: true) { OwnLogin = true, LoginIsSuccess = true },
        new("POST", "/Account/ForgotPassword", LoggedIn, Anonymous: true),
        new("POST", "/Account/SetPassword", LoggedIn, Anonymous: true),
        new("POST", "/Account/Tokens", LoggedIn) { Handler = "Create" },
        new("POST", "/Account/Tokens", LoggedIn) { Handler = "Revoke", NotFoundIsPast = "no token id given: the caller's own token 0 is not found" },
        // Without fields the password form answers with its messages; ending one's other sessions leaves this one.
        new("POST", "/Account/Profile", LoggedIn) { Handler = "ChangePassword" },
        new("POST", "/Account/Profile", LoggedIn) { Handler = "EndOthers" },
        // Without a language the profile follows the browser again; the switcher without one is bokmål.
        new("POST", "/Account/Profile", LoggedIn) { Handler = "Language" },
        new("POST", "/Account/Language", LoggedIn, Anonymous: true) { LoginIsSuccess = true },
        new("POST", "/Error", LoggedIn, Anonymous: true),

        new("POST", "/Schools/Details/{id:int}", NordvikManagers) { Handler = "Deactivate", Fresh = FreshId((ids, app) => ids.NewSchoolAsync(app)) },
        new("POST", "/Schools/Details/{id:int}", NordvikManagers) { Handler = "Activate", Fresh = FreshId((ids, app) => ids.NewSchoolAsync(app)) },
        new("POST", "/Schools/Edit/{id:int?}", NordvikManagers),
        new("POST", "/Schools/Create", AnyAdmin),

        new("POST", "/Selection/Details/{id:int}", NordvikManagers) { Handler = "AddCandidate" },
        new("POST", "/Selection/Details/{id:int}", NordvikManagers)
        {
            Handler = "RemoveCandidate", Fresh = async (app, ids) => { var (round, candidate) = await ids.NewCandidateAsync(app); return new() { ["id"] = Str(round), ["candidateId"] = Str(candidate) }; },
            Form = (_, v) => new() { ["candidateId"] = v["candidateId"] },
        },
        new("POST", "/Selection/Details/{id:int}", NordvikManagers) { Handler = "Close", Fresh = FreshId((ids, app) => ids.NewRoundAsync(app)) },
        new("POST", "/Selection/Details/{id:int}", NordvikManagers) { Handler = "Reopen", Fresh = FreshId((ids, app) => ids.NewRoundAsync(app)) },
        new("POST", "/Selection/Edit/{id:int?}", NordvikManagers),
        new("POST", "/Selection/Create", AnyAdmin),
        new("POST", "/Selection/Candidate/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        // The reason for a candidacy is the administrator's (the advisor follows up the talks, not the reason).
        new("POST", "/Selection/Candidate/{id:int}", NordvikManagers) { Handler = "Reason" },

        new("POST", "/Teams/Details/{id:int}", NordvikManagers) { Handler = "AddMember", Fresh = FreshId((ids, app) => ids.NewTeamAsync(app)) },
        new("POST", "/Teams/Details/{id:int}", NordvikManagers)
        {
            Handler = "RemoveMember", Fresh = async (app, ids) => { var (team, member) = await ids.NewTeamMemberAsync(app); return new() { ["id"] = Str(team), ["memberId"] = Str(member) }; },
            Form = (_, v) => new() { ["memberId"] = v["memberId"] },
        },
        new("POST", "/Teams/Details/{id:int}", NordvikManagers) { Handler = "AddTraining", Fresh = FreshId((ids, app) => ids.NewTeamAsync(app)) },
        new("POST", "/Teams/Details/{id:int}", NordvikManagers)
        {
            Handler = "DeleteTraining", Fresh = async (app, ids) => new() { ["record"] = Str(await ids.NewTrainingAsync(app)) },
            Form = (_, v) => new() { ["recordId"] = v["record"] },
            Effect = c => Check(c, async db => !await db.TrainingRecords.AnyAsync(x => x.Id == int.Parse(c.Values["record"])), "the training record is still there"),
        },
        new("POST", "/Teams/Details/{id:int}", NordvikManagers) { Handler = "Deactivate", Fresh = FreshId((ids, app) => ids.NewTeamAsync(app)) },
        new("POST", "/Teams/Details/{id:int}", NordvikManagers) { Handler = "Activate", Fresh = FreshId((ids, app) => ids.NewTeamAsync(app)) },
        new("POST", "/Teams/Edit/{id:int?}", NordvikManagers),
        new("POST", "/Teams/Create", AnyAdmin),

        new("POST", "/Import/Schools", AnyAdmin) { Handler = "Preview" },
        new("POST", "/Import/Schools", AnyAdmin) { Handler = "Confirm" },
        new("GET", "/Import/Schools", AnyAdmin) { Handler = "Example", Expect = _ => null },

        new("POST", "/People/Details/{id:int}", NordvikManagers) { Handler = "AddMembership", Fresh = FreshId((ids, app) => ids.NewPersonAsync(app)) },
        new("POST", "/People/Details/{id:int}", NordvikManagers)
        {
            Handler = "RemoveMembership", Fresh = async (app, ids) => { var (person, membership) = await ids.NewMembershipAsync(app); return new() { ["id"] = Str(person), ["membershipId"] = Str(membership) }; },
            Form = (_, v) => new() { ["membershipId"] = v["membershipId"] },
            Effect = c => Check(c, db => db.Memberships.AnyAsync(x => x.Id == int.Parse(c.Values["membershipId"]) && !x.Active), "the role is still active"),
        },
        new("POST", "/People/Details/{id:int}", NordvikManagers) { Handler = "Invite", Fresh = FreshId((ids, app) => ids.NewPersonAsync(app)) },
        new("POST", "/People/Details/{id:int}", NordvikManagers) { Handler = "EndSessions", Fresh = FreshId((ids, app) => ids.NewPersonAsync(app)) },
        new("POST", "/People/Details/{id:int}", NordvikManagers) { Handler = "Deactivate", Fresh = FreshId((ids, app) => ids.NewPersonAsync(app)) },
        new("POST", "/People/Details/{id:int}", NordvikManagers) { Handler = "Activate", Fresh = FreshId((ids, app) => ids.NewPersonAsync(app)) },
        new("POST", "/People/Edit/{id:int?}", NordvikManagers),
        new("POST", "/People/Create", AnyAdmin),

        // Only the system administrator (de)activates an owner: a fresh owner, so Nordvik stays active for the other rows.
        new("POST", "/Owners/Details/{id:int}", SystemOnly) { Handler = "Deactivate", Fresh = FreshId((ids, app) => ids.NewOwnerAsync(app)) },
        new("POST", "/Owners/Details/{id:int}", SystemOnly) { Handler = "Activate", Fresh = FreshId((ids, app) => ids.NewOwnerAsync(app)) },
        new("POST", "/Owners/Edit/{id:int?}", NordvikManagers),
        new("POST", "/Owners/Create", SystemOnly),

        new("POST", "/Programmes/Details/{id:int}", NordvikManagers) { Handler = "Status" },
        // Editing a step's date is the team's and the owner's; the principal only marks school steps done.
        new("POST", "/Programmes/Step/{id:int}", KeepsSentrumProgramme),
        new("POST", "/Programmes/Step/{id:int}", SeesSentrumProgramme) { Handler = "Done" },
        new("POST", "/Programmes/Step/{id:int}", SeesSentrumProgramme) { Handler = "Undone" },
        new("POST", "/Programmes/Create", AnyAdmin) { Handler = "Preview" },
        new("POST", "/Programmes/Create", AnyAdmin) { Handler = "Confirm" },
        new("POST", "/Programmes/Calendar", LoggedIn) { Handler = "Create" },
        new("POST", "/Programmes/Calendar", LoggedIn) { Handler = "Delete" },
        new("POST", StartUpPages + "/{id:int}", KeepsSentrumProgramme),
        new("POST", StartUpPages + "/Documents/{id:int}", SeesSentrum) { Handler = "Upload", Form = (ids, _) => new() { ["requestId"] = Str(ids.DocumentRequest) }, PastAuthorisation = "no file: the page answers with its validation message" },
        new("POST", StartUpPages + "/Documents/{id:int}", KeepsSentrumProgramme) { Handler = "Status", Form = (ids, _) => new() { ["requestId"] = Str(ids.DocumentRequest) }, PastAuthorisation = "no status: the page answers with its validation message" },

        // Suggestions are for the caller's own owner: the system administrator has none, Fjordland's administrator its own.
        new("POST", "/Holidays/Index", [Who.NordvikAdmin, Who.FjordlandAdmin]) { Handler = "AcceptSuggestion" },
        new("POST", "/Holidays/Index", NordvikManagers) { Handler = "Delete", Fresh = FreshHoliday, Form = (_, v) => new() { ["id"] = v["holiday"] }, Effect = HolidayGone },
        new("POST", "/Holidays", [Who.NordvikAdmin, Who.FjordlandAdmin]) { Handler = "AcceptSuggestion" },
        new("POST", "/Holidays", NordvikManagers) { Handler = "Delete", Fresh = FreshHoliday, Form = (_, v) => new() { ["id"] = v["holiday"] }, Effect = HolidayGone },
        new("POST", "/Holidays/Edit/{id:int?}", NordvikManagers),
        new("POST", "/Holidays/Create", []) { RefusesAll = "/Holidays/Create only redirects to the list page; a post there is refused (access denied) for everybody" },

        new("POST", "/Models/Index", AnyAdmin) { Handler = "Copy" },
        new("POST", "/Models", AnyAdmin) { Handler = "Copy" },
        new("POST", "/Models/Details/{id:int}", NordvikManagers) { Handler = "Cadence", Fresh = FreshId((ids, app) => ids.NewModelAsync(app)) },
        new("POST", "/Models/Details/{id:int}", NordvikManagers) { Handler = "RemoveStep", Fresh = FreshId((ids, app) => ids.NewModelAsync(app)), Form = (_, _) => new() { ["key"] = "fase4.feedback" } },
        new("POST", "/Models/Details/{id:int}", NordvikManagers) { Handler = "Delete", Fresh = FreshId((ids, app) => ids.NewModelAsync(app)) },
        new("POST", "/Models/Step/{id:int}", NordvikManagers),

        new("GET", TimelinePages + "/{programmeId:int}", ReadsSentrumProgramme) { Handler = "Pdf" },

        new("POST", AgreementPages + "/Details/{programmeId:int}", NordvikManagers)
        {
            // The form's side is the owner's (the default): its approvers. The principal approves with side=School (AgreementTests).
            Handler = "Approve", Form = (_, _) => new() { ["number"] = "1", ["version"] = "1" }, PastAuthorisation = "the side and version decide the outcome, AgreementTests' subject",
        },
        new("POST", AgreementPages + "/Details/{programmeId:int}", WritesAgreement) { Handler = "Discard" },
        new("POST", AgreementPages + "/Edit/{programmeId:int}", WritesAgreement),
        new("POST", AgreementPages + "/Edit/{programmeId:int}", WritesAgreement) { Handler = "AddLine" },
        new("POST", AgreementPages + "/Edit/{programmeId:int}", WritesAgreement) { Handler = "RemoveLine" },

        new("POST", FuturePicturePages + "/{programmeId:int}", SeesSentrum) { Handler = "Comment" },
        new("POST", FuturePicturePages + "/{programmeId:int}", SeesSentrum) { Handler = "Resolve", NotFoundIsPast = "no comment id: the handler's 404 is for the missing comment" },
        new("POST", FuturePicturePages + "/Edit/{programmeId:int}", SentrumLeaders),
        new("POST", FuturePicturePages + "/Edit/{programmeId:int}", SentrumLeaders) { Handler = "AddSign" },
        new("POST", FuturePicturePages + "/Edit/{programmeId:int}", SentrumLeaders) { Handler = "RemoveSign" },

        new("POST", SessionPages + "/Session/{id:int}", RunsSessions) { Handler = "Details" },
        new("POST", SessionPages + "/Session/{id:int}", RunsSessions) { Handler = "Cycle" },
        // The session notes section: the team's, confidential.
        new("POST", SessionPages + "/Session/{id:int}", Team1Members) { Handler = "Note", Confidential = Confidential.SessionNotes, Form = (_, _) => new() { ["part"] = "Evaluation", ["text"] = "Matrise: evalueringen" } },
        new("POST", SessionPages + "/Session/{id:int}", RunsSessions) { Handler = "Done" },
        new("POST", SessionPages + "/Evaluate/{id:int}", SchoolLeadersOfSentrum),
        new("POST", SessionPages + "/InterimWork/{id:int}", RunsSessions),
        new("POST", SessionPages + "/Loop/{id:int}", WritesLoop) { Form = (_, _) => new() { ["Input.Agenda"] = "Matrise: dagsorden for SKUT-møtet" } },
        new("POST", SessionPages + "/Session/{id:int}", Team1Members) { Handler = "DraftAgenda", PastAuthorisation = "the draft is shown in the form (200); nothing is saved" },
        new("POST", SessionPages + "/Session/{id:int}", Team1Members) { Handler = "Agenda", Form = (_, _) => new() { ["agenda"] = "Matrise: dagsorden" } },
        new("POST", SessionPages + "/InterimWork/{id:int}", SchoolLeadersOfSentrum) { Handler = "Feedback" },
        new("POST", SessionPages + "/Phase/{programmeId:int}/{phase}", SchoolLeadersOfSentrum) { Handler = "Feedback", Fresh = Fase4 },

        new("POST", AssessmentPages + "/{programmeId:int}", PlansDays) { Handler = "Plan" },
        new("POST", AssessmentPages + "/{programmeId:int}", TicksTasks) { Handler = "Tick", Form = (ids, _) => new() { ["taskId"] = Str(ids.AssessmentTask), ["done"] = "true" } },
        new("POST", AssessmentPages + "/Slot/{programmeId:int}/{slotId:int?}", PlansDays),
        new("POST", AssessmentPages + "/Slot/{programmeId:int}/{slotId:int?}", PlansDays) { Handler = "Delete", Fresh = async (app, ids) => new() { ["slotId"] = Str(await ids.NewSlotAsync(app)) } },
        new("POST", AssessmentPages + "/Notes/{programmeId:int}", Team1) { Confidential = Confidential.AssessmentNotes },
        new("POST", AssessmentPages + "/Notes/{programmeId:int}", Team1) { Handler = "Autosave", Confidential = Confidential.AssessmentNotes },
        new("POST", AssessmentPages + "/Notes/{programmeId:int}", Team1) { Handler = "Keep", Confidential = Confidential.AssessmentNotes, Form = (ids, _) => new() { ["noteId"] = Str(ids.AssessmentNote), ["keep"] = "true" }, PastAuthorisation = "the report is final: notes are closed" },
        new("POST", AssessmentPages + "/Notes/{programmeId:int}", Team1) { Handler = "Delete", Confidential = Confidential.AssessmentNotes, NotFoundIsPast = "no note id: deleting the demo's kept note would empty the other rows' target" },
        new("POST", AssessmentPages + "/Retention/{ownerId:int}", NordvikManagers),
        new("POST", AssessmentPages + "/Report/{programmeId:int}", Team1) { Handler = "Start", Confidential = Confidential.ReportDrafts },
        new("POST", AssessmentPages + "/Report/{programmeId:int}", Team1) { Handler = "Save", Confidential = Confidential.ReportDrafts, Form = (ids, _) => new() { ["sectionId"] = Str(ids.AssessmentSection) }, PastAuthorisation = "the demo's report is final: drafts are closed" },
        new("POST", AssessmentPages + "/Report/{programmeId:int}", Team1) { Handler = "Autosave", Confidential = Confidential.ReportDrafts, Form = (ids, _) => new() { ["sectionId"] = Str(ids.AssessmentSection) }, PastAuthorisation = "the demo's report is final: drafts are closed" },
        new("POST", AssessmentPages + "/Report/{programmeId:int}", Team1) { Handler = "Merge", Confidential = Confidential.ReportDrafts, Form = (ids, _) => new() { ["sectionId"] = Str(ids.AssessmentSection) }, PastAuthorisation = "the demo's report is final: drafts are closed" },
        new("POST", AssessmentPages + "/Report/{programmeId:int}", Team1) { Handler = "Final" },
        new("POST", AssessmentPages + "/Report/{programmeId:int}", Team1) { Handler = "Present" },
    ];

    // ---- Issue 21, indicators (Features/Indicators): the catalogue and a school's trends for everyone who sees the school;
    // imports for the owner's administrators (a Fjordland administrator gets 403 for Nordvik's owner id).
    public static readonly Row[] IndicatorRows =
    [
        new("GET", "/Indicators/Index", LoggedIn),
        new("GET", "/Indicators", LoggedIn),
        new("GET", "/Indicators/Schools/{id:int}", ReadsSentrum),
        new("GET", "/Indicators/Import", AnyAdmin),
        new("POST", "/Indicators/Import", AnyAdmin) { Handler = "Preview" },
        new("POST", "/Indicators/Import", AnyAdmin) { Handler = "Confirm" },
        // The test app has no open API configured: the page answers with its message (past authorisation).
        new("POST", "/Indicators/Import", AnyAdmin) { Handler = "Sync" },
        new("GET", "/api/v1/indicators", LoggedIn),
        new("GET", "/api/v1/schools/{id:int}/indicators", ReadsSentrum),
        new("GET", "/api/v1/indicator-imports", AnyAdmin),
        new("POST", "/api/v1/indicator-imports", NordvikManagers)
        {
            // A preview (confirm false): nothing is written, so every allowed caller's call succeeds alike.
            Body = (ids, _) => J(new { ownerId = ids.Nordvik, kind = 5, fileName = "matrise.csv", csv = $"Nivå;Organisasjonsnummer;Skoleår;Verdi\nKommune;{ids.NordvikOrganisationNumber};2030-31;40,1\n", confirm = false }),
        },
    ];
}
