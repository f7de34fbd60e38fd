using Microsoft.Extensions.DependencyInjection;
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
        // The benchmark baseline: public on purpose when Bench:Baseline=true (the test app sets it), 404 otherwise.
        new("GET", "/Baseline/Fortunes", LoggedIn, Anonymous: true),

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

        // Selection rounds: the owner's staff follow up, its administrator decides ({id} is a Nordvik round / candidate at Sentrum).
        new("GET", "/Selection/Index", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.FjordlandAdmin]),
        new("GET", "/Selection", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.FjordlandAdmin]),
        new("GET", "/Selection/Details/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        new("GET", "/Selection/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Selection/Create", AnyAdmin),
        new("GET", "/Selection/Candidate/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        new("GET", "/api/v1/selection-rounds", [Who.System, Who.NordvikAdmin, Who.Advisor, Who.FjordlandAdmin]),
        new("GET", "/api/v1/selection-rounds/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        new("POST", "/api/v1/selection-rounds", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik},\"schoolYear\":\"\"}}" },
        new("PUT", "/api/v1/selection-rounds/{id:int}", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik},\"schoolYear\":\"\"}}" },
        new("GET", "/api/v1/selection-rounds/{id:int}/candidates", [Who.System, Who.NordvikAdmin, Who.Advisor]),
        new("POST", "/api/v1/selection-rounds/{id:int}/candidates", NordvikManagers),
        new("PUT", "/api/v1/selection-candidates/{id:int}", [Who.System, Who.NordvikAdmin, Who.Advisor]),
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

    // Sentrum skole's programme (team 1): the owner's staff, team 1 and Sentrum's people see it; Havnå's (team 2) is not the guide's.
    private static readonly Who[] SeesSentrumProgramme = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];
    // Nordvik's own models: the owner's staff and its guides.
    private static readonly Who[] SeesNordvikModels = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];

    public static readonly Row[] ProgrammeRows =
    [
        new("GET", "/Programmes/Index", LoggedIn),
        new("GET", "/Programmes", LoggedIn),
        new("GET", "/Programmes/Details/{id:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Step/{id:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Create", AnyAdmin),
        new("GET", "/api/v1/programmes", LoggedIn),
        new("GET", "/api/v1/programmes/{id:int}", SeesSentrumProgramme),
        new("POST", "/api/v1/programmes", NordvikManagers) { Body = ids => $"{{\"schoolId\":{ids.Sentrum}}}" },
        // A school step of Sentrum's plan: the principal may mark it done, so it reaches validation too.
        new("PUT", "/api/v1/programmes/{id:int}/steps/{stepId:int}", SeesSentrumProgramme) { Fresh = (_, ids) => Task.FromResult(new Dictionary<string, string> { ["stepId"] = Str(ids.SentrumStep) }) },

        new("GET", "/Holidays/Index", LoggedIn),
        new("GET", "/Holidays", LoggedIn),
        new("GET", "/Holidays/Edit/{id:int?}", NordvikManagers),
        new("GET", "/Holidays/Create", AnyAdmin),
        new("GET", "/api/v1/holidays", LoggedIn),
        new("POST", "/api/v1/holidays", NordvikManagers) { Body = ids => $"{{\"ownerId\":{ids.Nordvik}}}" },
        new("DELETE", "/api/v1/holidays/{id:int}", NordvikManagers) { Fresh = async (app, ids) => new() { ["id"] = Str(await ids.NewHolidayAsync(app)) } },

        new("GET", "/Programmes/Calendar", LoggedIn),
        // The feed's secret address is its authorisation: calendar apps cannot log in.
        new("GET", "/calendar/{token}.ics", LoggedIn, Anonymous: true) { Fresh = async (app, ids) => new() { ["token"] = await ids.NewCalendarTokenAsync(app) } },

        new("GET", "/Models/Index", LoggedIn),
        new("GET", "/Models", LoggedIn),
        new("GET", "/Models/Details/{id:int}", SeesNordvikModels),
        new("GET", "/Models/Step/{id:int}", NordvikManagers),
        new("GET", "/Models/BuiltIn/{key}/{version:int}", LoggedIn) { Fresh = (_, _) => Task.FromResult(new Dictionary<string, string> { ["key"] = "tromso", ["version"] = "1" }) },
    ];

    // Start-up meeting and document requests of a Sentrum programme run by team 1 (MatrixIds.DocumentsProgramme).
    private static readonly Who[] KeepsSentrumProgramme = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];

    public static readonly Row[] DocumentRows =
    [
        new("GET", "/Programmes/StartUp/{id:int}", SeesSentrum),
        new("GET", "/Programmes/Documents/{id:int}", SeesSentrum),
        new("GET", "/api/v1/programmes/{id:int}/documents", SeesSentrum),
        new("POST", "/api/v1/document-requests/{id:int}/files", SeesSentrum),
        new("GET", "/api/v1/files/{id:int}", SeesSentrum),
        new("GET", "/api/v1/programmes/{id:int}/startup", SeesSentrum),
        new("PUT", "/api/v1/programmes/{id:int}/startup", KeepsSentrumProgramme),
    ];

    private static readonly Who[] SentrumLeaders = [Who.Principal];

    /// <summary>The future picture of the matrix's Sentrum programme (<see cref="MatrixIds.FuturePictureProgramme"/>).</summary>
    public static readonly Row[] FuturePictureRows =
    [
        new("GET", "/Programmes/FuturePicture/{programmeId:int}", SeesSentrum),
        new("GET", "/Programmes/FuturePicture/Edit/{programmeId:int}", SentrumLeaders),
        new("GET", "/Programmes/FuturePicture/Compare/{programmeId:int}", SeesSentrum),
        new("GET", "/api/v1/programmes/{id:int}/future-picture", SeesSentrum),
        new("GET", "/api/v1/programmes/{id:int}/future-picture/versions/{number:int}", SeesSentrum),
        new("POST", "/api/v1/programmes/{id:int}/future-picture/versions", SentrumLeaders),
        new("GET", "/api/v1/programmes/{id:int}/future-picture/comments", SeesSentrum),
        new("POST", "/api/v1/programmes/{id:int}/future-picture/comments", SeesSentrum),
    ];

    // A programme of Sentrum skole run by team 1, with an agreement: its readers, its writers, its approvers.
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

    // Sessions of Sentrum's demo programme (MatrixIds.Session is its session 1, with a sent interim-work agreement).
    // The team and the owner's staff run sessions; the school's leaders answer (feedback, evaluations).
    private static readonly Who[] RunsSessions = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    private static readonly Func<StillasApp, MatrixIds, Task<Dictionary<string, string>>> Fase4 = (_, _) => Task.FromResult(new Dictionary<string, string> { ["phase"] = "fase4" });

    public static readonly Row[] SessionRows =
    [
        new("GET", "/Programmes/Sessions/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Sessions/Session/{id:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Sessions/InterimWork/{id:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Sessions/Evaluate/{id:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Sessions/Phase/{programmeId:int}/{phase}", SeesSentrumProgramme) { Fresh = Fase4 },
        new("GET", "/Programmes/Timeline/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/api/v1/programmes/{programmeId:int}/sessions", SeesSentrumProgramme),
        new("GET", "/api/v1/sessions/{id:int}", SeesSentrumProgramme),
        new("PUT", "/api/v1/sessions/{id:int}", RunsSessions),
        // Notes are the team's: the school's people do not read them.
        new("GET", "/api/v1/sessions/{id:int}/notes", RunsSessions),
        new("PUT", "/api/v1/sessions/{id:int}/notes/{part}", RunsSessions) { Fresh = (_, _) => Task.FromResult(new Dictionary<string, string> { ["part"] = "ukjent" }) },
        new("GET", "/api/v1/sessions/{id:int}/interim-work", SeesSentrumProgramme),
        new("PUT", "/api/v1/sessions/{id:int}/interim-work", RunsSessions),
        new("POST", "/api/v1/sessions/{id:int}/interim-work/send", RunsSessions),
        new("GET", "/api/v1/sessions/{id:int}/interim-work/pdf", SeesSentrumProgramme),
        // The school's feedback: its principal (the system administrator is not the school).
        new("PUT", "/api/v1/sessions/{id:int}/interim-work/feedback", [Who.Principal]) { Body = _ => "{\"wishedTopic\":\"" + new string('x', 1001) + "\"}" },
        new("GET", "/api/v1/sessions/{id:int}/evaluations", SeesSentrumProgramme),
        new("PUT", "/api/v1/sessions/{id:int}/evaluations/mine", [Who.Principal]),
        new("GET", "/api/v1/programmes/{programmeId:int}/evaluations", SeesSentrumProgramme),
        new("PUT", "/api/v1/programmes/{programmeId:int}/phase-evaluations/{phase}/feedback", [Who.Principal]) { Fresh = Fase4 },
        new("PUT", "/api/v1/programmes/{programmeId:int}/phase-evaluations/{phase}/meeting", RunsSessions) { Fresh = Fase4 },
        new("GET", "/api/v1/programmes/{programmeId:int}/timeline", SeesSentrumProgramme),
    ];

    // The demo's Sentrum programme after its assessment days (MatrixIds.AssessmentProgramme): schedule and
    // final report for all who see the programme; notes, section versions and writes for team 1 only (not
    // the system administrator, who is no team member, and never the school or the owner's administrator).
    private static readonly Who[] Team1 = [Who.Advisor, Who.UniversityGuide];
    private static readonly Who[] PlansDays = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide];
    private static readonly Who[] TicksTasks = [Who.System, Who.NordvikAdmin, Who.Advisor, Who.UniversityGuide, Who.Principal];

    public static readonly Row[] AssessmentRows =
    [
        new("GET", "/Programmes/Assessment/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Assessment/Slot/{programmeId:int}/{slotId:int?}", PlansDays),
        new("GET", "/Programmes/Assessment/DayPlan/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Assessment/Notes/{programmeId:int}", Team1),
        new("GET", "/Programmes/Assessment/Report/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Assessment/ReportPdf/{programmeId:int}", SeesSentrumProgramme),
        new("GET", "/Programmes/Assessment/Retention/{ownerId:int}", NordvikManagers),
        // The owner's retention period for kept notes ({ownerId} = Nordvik): its administrator (and the system's), not
        // the guides, not the school, not Fjordland's administrator. "{}" gets the allowed a validation problem, nothing saved.
        new("GET", "/api/v1/owners/{ownerId:int}/assessment-settings", NordvikManagers),
        new("PUT", "/api/v1/owners/{ownerId:int}/assessment-settings", NordvikManagers),
        new("GET", "/api/v1/programmes/{id:int}/assessment/schedule", SeesSentrumProgramme),
        // Already planned: planners get 409, past authorisation.
        new("POST", "/api/v1/programmes/{id:int}/assessment/schedule/plan", PlansDays),
        new("POST", "/api/v1/programmes/{id:int}/assessment/schedule/slots", PlansDays),
        new("PUT", "/api/v1/programmes/{id:int}/assessment/schedule/slots/{slotId:int}", PlansDays),
        new("DELETE", "/api/v1/programmes/{id:int}/assessment/schedule/slots/{slotId:int}", PlansDays) { Fresh = async (app, ids) => new() { ["slotId"] = Str(await ids.NewSlotAsync(app)) } },
        new("PUT", "/api/v1/programmes/{id:int}/assessment/tasks/{taskId:int}", TicksTasks) { Body = _ => "{\"done\":true}" },
        new("GET", "/api/v1/programmes/{id:int}/assessment/notes", Team1),
        new("POST", "/api/v1/programmes/{id:int}/assessment/notes", Team1),
        new("PUT", "/api/v1/programmes/{id:int}/assessment/notes/{noteId:int}", Team1),
        new("GET", "/api/v1/programmes/{id:int}/assessment/report", SeesSentrumProgramme),
        new("POST", "/api/v1/programmes/{id:int}/assessment/report", Team1),
        new("PUT", "/api/v1/programmes/{id:int}/assessment/report/sections/{sectionId:int}", Team1),
        new("GET", "/api/v1/programmes/{id:int}/assessment/report/sections/{sectionId:int}/versions", Team1),
        new("POST", "/api/v1/programmes/{id:int}/assessment/report/final", Team1),
        new("POST", "/api/v1/programmes/{id:int}/assessment/report/presentations", Team1),
        new("GET", "/api/v1/programmes/{id:int}/assessment/report/pdf", SeesSentrumProgramme),
        new("GET", "/api/v1/programmes/{id:int}/assessment/reflection-questions", SeesSentrumProgramme),
    ];

    private static string Str(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Row? Find(string method, string route) =>
        Rows.Concat(TeamAndOwnerRows).Concat(ProgrammeRows).Concat(DocumentRows).Concat(FuturePictureRows).Concat(AgreementRows).Concat(SessionRows).Concat(AssessmentRows).FirstOrDefault(r => r.Method == method && string.Equals(r.Route, route, StringComparison.OrdinalIgnoreCase));
}
