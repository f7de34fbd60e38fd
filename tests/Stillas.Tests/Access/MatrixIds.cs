using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Programmes.Sessions;

namespace Stillas.Tests.Access;

/// <summary>The Nordvik records the matrix aims at.</summary>
public sealed class MatrixIds
{
    public int Nordvik { get; private init; }
    public int Fjordland { get; private init; }
    public int Sentrum { get; private init; }
    public int Team1 { get; private init; }
    public int Teacher { get; private init; }
    /// <summary>A Nordvik selection round and its candidate Sentrum skole (undecided, no team), made for the matrix.</summary>
    public int Round { get; private init; }
    public int Candidate { get; private init; }
    public int SentrumProgramme { get; private init; }
    /// <summary>A school step of Sentrum's plan (the principal may mark it done).</summary>
    public int SentrumStep { get; private init; }
    public int NordvikHoliday { get; private init; }
    public int NordvikModel { get; private init; }
    public string NordvikOrganisationNumber { get; private init; } = "";
    /// <summary>Jonas Rådgiver, Nordvik's development advisor in team 2: a valid new member of a fresh team.</summary>
    public int Advisor2 { get; private init; }
    /// <summary>A programme for Sentrum skole with team 1 whose future picture has version 1.</summary>
    public int FuturePictureProgramme { get; private set; }
    /// <summary>A programme of Sentrum skole run by team 1, with an agreement (version 1, a draft).</summary>
    public int Programme { get; private init; }
    private static int counter;
    /// <summary>A Sentrum skole programme run by team 1, with its document requests and one stored file.</summary>
    public int DocumentsProgramme { get; private set; }
    public int DocumentRequest { get; private set; }
    public int DocumentFile { get; private set; }
    /// <summary>Session 1 of Sentrum's demo programme.</summary>
    public int Session { get; private set; }
    /// <summary>A development-area objective: only Fjordland's record has one (Nordvik's objective rows make fresh targets).</summary>
    public int Objective { get; private init; }
    /// <summary>The demo's Sentrum programme after its assessment days, with a slot, a task, a kept note and a section.</summary>
    public int AssessmentProgramme { get; private set; }
    public int AssessmentSlot { get; private set; }
    public int AssessmentTask { get; private set; }
    public int AssessmentNote { get; private set; }
    public int AssessmentSection { get; private set; }

    private async Task AddAssessmentAsync(StillasApp app) =>
        (AssessmentProgramme, AssessmentSlot, AssessmentTask, AssessmentNote, AssessmentSection) = await app.WithDbAsync(async db =>
        {
            var report = await db.AssessmentReports.OrderBy(r => r.Id).FirstAsync(r => r.SchoolId == Sentrum);
            return (report.ProgrammeId,
                await db.AssessmentSlots.Where(s => s.ProgrammeId == report.ProgrammeId).Select(s => s.Id).FirstAsync(),
                await db.AssessmentTasks.Where(s => s.ProgrammeId == report.ProgrammeId).Select(s => s.Id).FirstAsync(),
                await db.AssessmentNotes.Where(s => s.ProgrammeId == report.ProgrammeId).Select(s => s.Id).FirstAsync(),
                await db.AssessmentReportSections.Where(s => s.ReportId == report.Id).Select(s => s.Id).FirstAsync());
        });

    public Task<int> NewSlotAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var p = await db.Programmes.SingleAsync(x => x.Id == AssessmentProgramme);
        var slot = new Stillas.Web.Features.Programmes.Assessment.AssessmentSlot { ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Date = new DateOnly(2026, 4, 27), Start = new TimeOnly(8, 0), End = new TimeOnly(9, 0), Title = "Matrise" };
        db.AssessmentSlots.Add(slot);
        await db.SaveChangesAsync();
        return slot.Id;
    });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StillasApp, Task<MatrixIds>> Cache = new();

    /// <summary>The matrix's records, made once per app (the tests of one class share it).</summary>
    public static Task<MatrixIds> ForAsync(StillasApp app) => Cache.GetValue(app, LoadAsync);

    /// <summary>The team's confidential note on session 1 (part Opening), seeded for the note-text test.</summary>
    public const string SessionNoteText = "Matrisenotat: rektor virket sliten, ta det opp forsiktig";

    private static async Task<MatrixIds> LoadAsync(StillasApp app)
    {
        await MatrixCallers.ForAsync(app); // the extra people and the Fjordland team
        var ids = await LoadOrganisationAsync(app);
        await ids.AddDocumentsAsync(app);
        ids.FuturePictureProgramme = await NewFuturePictureProgrammeAsync(app, ids);
        ids.Session = await app.WithDbAsync(db => db.Sessions.Where(s => s.ProgrammeId == ids.SentrumProgramme && s.Number == 1).Select(s => s.Id).SingleAsync());
        await ids.AddAssessmentAsync(app);
        await ids.AddSessionNoteAsync(app);
        ids.FjordlandRecords = await FjordlandRecordsAsync(app, ids);
        return ids;
    }

    private Task AddSessionNoteAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var session = await db.Sessions.SingleAsync(s => s.Id == Session);
        var advisor = await db.People.SingleAsync(p => p.Email == "veileder@nordvik.test");
        db.SessionNotes.RemoveRange(await db.SessionNotes.Where(n => n.SessionId == Session && n.AuthorPersonId == advisor.Id && n.Part == SessionPart.Opening).ToListAsync());
        db.SessionNotes.Add(new SessionNote
        {
            SessionId = session.Id, OwnerId = session.OwnerId, SchoolId = session.SchoolId, TeamId = session.TeamId, Part = SessionPart.Opening,
            AuthorPersonId = advisor.Id, AuthorName = advisor.Name, Text = SessionNoteText, CreatedAt = app.Now, UpdatedAt = app.Now,
        });
        await db.SaveChangesAsync();
    });

    /// <summary>Fjordland's records of each kind the routes name (0 where Fjordland has none: those routes are skipped).</summary>
    public MatrixIds? FjordlandRecords { get; private set; }

    private static Task<MatrixIds> FjordlandRecordsAsync(StillasApp app, MatrixIds nordvik) => app.WithDbAsync(async db =>
    {
        var fjordland = nordvik.Fjordland;
        var school = await db.Schools.Where(s => s.Name == "Fjordland videregående skole").Select(s => s.Id).SingleAsync();
        var team = await db.Teams.Where(t => t.Name == MatrixCallers.FjordlandTeamName).Select(t => t.Id).SingleAsync();
        var round = new Stillas.Web.Features.Selection.SelectionRound { OwnerId = fjordland, SchoolYear = "2040/41", Title = "Fjordlands matriserunde", AgreementDeadline = new DateOnly(2041, 2, 28) };
        db.SelectionRounds.Add(round);
        await db.SaveChangesAsync();
        var candidate = new Stillas.Web.Features.Selection.SelectionCandidate { RoundId = round.Id, OwnerId = fjordland, SchoolYear = round.SchoolYear, SchoolId = school, Reason = "Matrisetest." };
        db.SelectionCandidates.Add(candidate);
        var holiday = new Stillas.Web.Features.Holidays.SchoolHolidayPeriod { OwnerId = fjordland, SchoolYear = "2090/91", Kind = Stillas.Web.Platform.Calendar.SchoolHolidayKind.Other, Name = "Fjordlands matrisefridag", Start = new DateOnly(2090, 10, 1), End = new DateOnly(2090, 10, 1) };
        db.SchoolHolidays.Add(holiday);
        var model = Stillas.Web.Features.Programmes.ProgrammeTemplates.TromsoV1;
        var programme = new Stillas.Web.Features.Programmes.GuidanceProgramme
        {
            OwnerId = fjordland, SchoolId = school, TeamId = team, SchoolYear = "2026/27", TemplateKey = model.Key, TemplateVersion = model.Version,
            TemplateName = model.Name, TemplateJson = Stillas.Web.Features.Models.ProgrammeModelJson.Write(model), StartDate = new DateOnly(2027, 3, 1),
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        db.Agreements.Add(Stillas.Web.Features.Programmes.Agreement.AgreementRules.CreateDraft(programme, "Skoleeier: Fjordland fylkeskommune"));
        var picture = new Stillas.Web.Features.Programmes.FuturePicture.FuturePicture { Programme = programme, OwnerId = fjordland, SchoolId = school, TeamId = team, CurrentVersion = 1, Version = 1 };
        db.FuturePictureVersions.Add(new Stillas.Web.Features.Programmes.FuturePicture.FuturePictureVersion
        {
            FuturePicture = picture, OwnerId = fjordland, SchoolId = school, TeamId = team, Number = 1, DevelopmentArea = "Vurdering", Text = "Fjordlands bilde.", AuthorName = "Matrise",
        });
        var requests = Stillas.Web.Features.Programmes.StartUp.DocumentRequest.DefaultsFor(programme, null);
        db.DocumentRequests.AddRange(requests);
        var objective = new Stillas.Web.Features.Programmes.Objectives.DevelopmentObjective
        {
            ProgrammeId = programme.Id, OwnerId = fjordland, SchoolId = school, TeamId = team, Title = "Fjordlands matrisemål", Order = 1,
        };
        db.Add(objective);
        await db.SaveChangesAsync();
        return new MatrixIds
        {
            Nordvik = fjordland, Fjordland = fjordland, Sentrum = school, Team1 = team,
            Teacher = await db.People.Where(p => p.Email == "rektor@fjordland-vgs.test").Select(p => p.Id).SingleAsync(),
            Round = round.Id, Candidate = candidate.Id, SentrumProgramme = programme.Id, Programme = programme.Id, NordvikHoliday = holiday.Id,
            NordvikModel = await db.ProgrammeModels.Where(m => m.OwnerId == fjordland).Select(m => m.Id).FirstOrDefaultAsync(),
            SentrumStep = await db.PlanSteps.Where(s => s.ProgrammeId == programme.Id).Select(s => s.Id).FirstOrDefaultAsync(),
            FuturePictureProgramme = programme.Id, DocumentsProgramme = programme.Id, DocumentRequest = requests[0].Id,
            Session = await db.Sessions.Where(s => s.ProgrammeId == programme.Id).Select(s => s.Id).FirstOrDefaultAsync(),
            AssessmentProgramme = programme.Id, Objective = objective.Id,
        };
    });

    private async Task AddDocumentsAsync(StillasApp app)
    {
        var store = app.Services.GetRequiredService<Stillas.Web.Platform.Files.FileStore>();
        await using var pdf = new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray());
        var content = (await store.SaveAsync(pdf, "matrise.pdf", Nordvik, CancellationToken.None)).Content!;
        (DocumentsProgramme, DocumentRequest, DocumentFile) = await app.WithDbAsync(async db =>
        {
            var programme = new Stillas.Web.Features.Programmes.GuidanceProgramme
            {
                OwnerId = Nordvik, SchoolId = Sentrum, TeamId = Team1, SchoolYear = "2026/27", TemplateKey = "tromso", TemplateVersion = 1,
                TemplateName = "Tromsømodellen", TemplateJson = "{}", StartDate = new DateOnly(2026, 9, 1),
            };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            var requests = Stillas.Web.Features.Programmes.StartUp.DocumentRequest.DefaultsFor(programme, null);
            db.DocumentRequests.AddRange(requests);
            await db.SaveChangesAsync();
            var file = new Stillas.Web.Features.Programmes.StartUp.StoredFile
            {
                RequestId = requests[0].Id, OwnerId = Nordvik, SchoolId = Sentrum, TeamId = Team1, FileName = "matrise.pdf", ContentType = content.ContentType,
                Size = content.Size, Sha256 = content.Sha256, StoragePath = content.StoragePath, UploadedByName = "System",
            };
            db.StoredFiles.Add(file);
            await db.SaveChangesAsync();
            return (programme.Id, requests[0].Id, file.Id);
        });
    }

    /// <summary>The id a document route aims at, if it is one.</summary>
    private int? DocumentsId(string lower) =>
        lower.Contains("/document-requests/", StringComparison.Ordinal) ? DocumentRequest
        : lower.Contains("/files/", StringComparison.Ordinal) ? DocumentFile
        : lower.Contains("/documents", StringComparison.Ordinal) || lower.Contains("/startup", StringComparison.Ordinal) ? DocumentsProgramme
        : null;

    private static Task<int> NewFuturePictureProgrammeAsync(StillasApp app, MatrixIds ids) => app.WithDbAsync(async db =>
    {
        var programme = new Stillas.Web.Features.Programmes.GuidanceProgramme
        {
            OwnerId = ids.Nordvik, SchoolId = ids.Sentrum, TeamId = ids.Team1, SchoolYear = "2026/27", TemplateKey = "tiu", TemplateVersion = 1,
            TemplateName = "Matriseforløp fremtidsbilde", TemplateJson = "{}", StartDate = new DateOnly(2026, 8, 17),
        };
        var picture = new Stillas.Web.Features.Programmes.FuturePicture.FuturePicture { Programme = programme, OwnerId = ids.Nordvik, SchoolId = ids.Sentrum, TeamId = ids.Team1, CurrentVersion = 1, Version = 1 };
        var version = new Stillas.Web.Features.Programmes.FuturePicture.FuturePictureVersion
        {
            FuturePicture = picture, OwnerId = ids.Nordvik, SchoolId = ids.Sentrum, TeamId = ids.Team1, Number = 1,
            DevelopmentArea = "Lesing", Text = "Alle elever leser hver dag.", AuthorName = "Matrise",
        };
        version.Signs.Add(new Stillas.Web.Features.Programmes.FuturePicture.SignOfGoodPractice { OwnerId = ids.Nordvik, SchoolId = ids.Sentrum, TeamId = ids.Team1, Order = 1, Text = "Elevene leser", StableKey = Guid.NewGuid() });
        db.FuturePictureVersions.Add(version);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    private static Task<MatrixIds> LoadOrganisationAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var nordvik = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync();
        var sentrum = await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync();
        var (round, candidate) = await MatrixCandidateAsync(db, nordvik, sentrum);
        return new MatrixIds
        {
            Nordvik = nordvik,
            Fjordland = await db.Owners.Where(o => o.Name == "Fjordland fylkeskommune").Select(o => o.Id).SingleAsync(),
            NordvikOrganisationNumber = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.OrganisationNumber).SingleAsync(),
            Advisor2 = await db.People.Where(p => p.Email == "jonas.radgiver@nordvik.test").Select(p => p.Id).SingleAsync(),
            Sentrum = sentrum,
            Team1 = await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync(),
            Teacher = await db.People.Where(p => p.Email == "lise.laerer@nordvik.test").Select(p => p.Id).SingleAsync(),
            Round = round,
            Candidate = candidate,
            SentrumProgramme = await db.Programmes.Where(p => p.School!.Name == "Sentrum skole").Select(p => p.Id).SingleAsync(),
            SentrumStep = await db.PlanSteps.Where(s => s.Programme!.School!.Name == "Sentrum skole" && s.Key == "fase4.feedback").Select(s => s.Id).SingleAsync(),
            NordvikHoliday = await db.SchoolHolidays.Where(h => h.Owner!.Name == "Nordvik kommune").OrderBy(h => h.Id).Select(h => h.Id).FirstAsync(),
            Programme = await ProgrammeWithAgreementAsync(db, nordvik, sentrum, await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync()),
            NordvikModel = await db.ProgrammeModels.Where(m => m.Owner!.Name == "Nordvik kommune").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
        };
    });

    /// <summary>A fresh calendar feed token for the development advisor (a new one replaces the old).</summary>
    public Task<string> NewCalendarTokenAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var advisor = await db.People.Where(p => p.Email == "veileder@nordvik.test").Select(p => p.Id).SingleAsync();
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == advisor).ToListAsync());
        await db.SaveChangesAsync();
        var token = Stillas.Web.Platform.Calendar.CalendarFeedTokens.NewToken();
        db.CalendarFeeds.Add(new Stillas.Web.Features.Programmes.CalendarFeed { PersonId = advisor, TokenHash = Stillas.Web.Platform.Calendar.CalendarFeedTokens.Hash(token) });
        await db.SaveChangesAsync();
        return token;
    });

    /// <summary>A one-day holiday far in the future, for a DELETE to remove.</summary>
    public Task<int> NewHolidayAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref counter);
        var day = new DateOnly(2090, 9, 1).AddDays(n);
        var holiday = new Stillas.Web.Features.Holidays.SchoolHolidayPeriod { OwnerId = Nordvik, SchoolYear = "2090/91", Kind = Stillas.Web.Platform.Calendar.SchoolHolidayKind.Other, Name = $"Matrisefridag {n}", Start = day, End = day };
        db.SchoolHolidays.Add(holiday);
        await db.SaveChangesAsync();
        return holiday.Id;
    });

    private static async Task<(int Round, int Candidate)> MatrixCandidateAsync(Stillas.Web.Platform.Data.StillasDb db, int nordvik, int sentrum)
    {
        const string title = "Matriserunde";
        var round = await db.SelectionRounds.SingleOrDefaultAsync(r => r.OwnerId == nordvik && r.Title == title);
        if (round is null)
        {
            round = new Stillas.Web.Features.Selection.SelectionRound { OwnerId = nordvik, SchoolYear = "2040/41", Title = title, AgreementDeadline = new DateOnly(2040, 2, 29) };
            db.SelectionRounds.Add(round);
            await db.SaveChangesAsync();
        }
        var candidate = await db.SelectionCandidates.SingleOrDefaultAsync(c => c.RoundId == round.Id && c.SchoolId == sentrum);
        if (candidate is null)
        {
            candidate = new Stillas.Web.Features.Selection.SelectionCandidate { RoundId = round.Id, OwnerId = nordvik, SchoolYear = round.SchoolYear, SchoolId = sentrum, Reason = "Matrisetest." };
            db.SelectionCandidates.Add(candidate);
            await db.SaveChangesAsync();
        }
        return (round.Id, candidate.Id);
    }

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
                TemplateName = model.Name, TemplateJson = Stillas.Web.Features.Models.ProgrammeModelJson.Write(model), StartDate = new DateOnly(2027, 3, 1),
            };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
        }
        db.Agreements.Add(Stillas.Web.Features.Programmes.Agreement.AgreementRules.CreateDraft(programme, "Skoleeier: Nordvik kommune\nSkole: Sentrum skole"));
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

    public Task<int> NewOwnerAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref counter);
        string? orgNo = null;
        for (var stem = 93000000 + n * 20; orgNo is null; stem++)
            orgNo = Stillas.Web.Platform.Data.OrganisationNumber.Complete(stem.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var owner = new Stillas.Web.Features.Owners.SchoolOwner { Name = $"Matriseeier {n}", OrganisationNumber = orgNo, Kind = Stillas.Web.Features.Owners.OwnerKind.Kommune };
        db.Owners.Add(owner);
        await db.SaveChangesAsync();
        return owner.Id;
    });

    /// <summary>A copy of Nordvik's model (for Delete and the other model handlers).</summary>
    public Task<int> NewModelAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref counter);
        var source = await db.ProgrammeModels.AsNoTracking().SingleAsync(m => m.Id == NordvikModel);
        var model = new Stillas.Web.Features.Models.ProgrammeModel { OwnerId = Nordvik, Key = $"matrise{n}", Name = $"Matrisemodell {n}", Json = source.Json };
        db.ProgrammeModels.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    });

    /// <summary>A training record of Lise's, for DeleteTraining (the team is team 1: the handler only checks the record's owner).</summary>
    public Task<int> NewTrainingAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var record = new Stillas.Web.Features.Teams.TrainingRecord { PersonId = Teacher, OwnerId = Nordvik, Title = $"Matrisekurs {Interlocked.Increment(ref counter)}" };
        db.TrainingRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    /// <summary>A fresh round with Sentrum as its candidate: (round, candidate).</summary>
    public async Task<(int Round, int Candidate)> NewCandidateAsync(StillasApp app)
    {
        var round = await NewRoundAsync(app);
        return (round, await app.WithDbAsync(async db =>
        {
            var candidate = new Stillas.Web.Features.Selection.SelectionCandidate { RoundId = round, OwnerId = Nordvik, SchoolYear = "2041/42", SchoolId = Sentrum, Reason = "Matrisetest." };
            db.SelectionCandidates.Add(candidate);
            await db.SaveChangesAsync();
            return candidate.Id;
        }));
    }

    /// <summary>A valid, unused organisation number (mod-11), for schools and owners the API creates.</summary>
    public static string NewOrganisationNumber()
    {
        string? orgNo = null;
        for (var stem = 94000000 + Interlocked.Increment(ref counter) * 20; orgNo is null; stem++)
            orgNo = Stillas.Web.Platform.Data.OrganisationNumber.Complete(stem.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return orgNo;
    }

    public static int Next() => Interlocked.Increment(ref counter);

    /// <summary>A Sentrum programme of team 1 without an agreement (for the agreement's create).</summary>
    public Task<int> NewProgrammeAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var model = Stillas.Web.Features.Programmes.ProgrammeTemplates.TromsoV1;
        var programme = new Stillas.Web.Features.Programmes.GuidanceProgramme
        {
            OwnerId = Nordvik, SchoolId = Sentrum, TeamId = Team1, SchoolYear = "2026/27", TemplateKey = model.Key, TemplateVersion = model.Version,
            TemplateName = model.Name, TemplateJson = Stillas.Web.Features.Models.ProgrammeModelJson.Write(model), StartDate = new DateOnly(2027, 3, 1),
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    public Task<int> NewRoundAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var round = new Stillas.Web.Features.Selection.SelectionRound { OwnerId = Nordvik, SchoolYear = "2041/42", Title = $"Matriserunde {Interlocked.Increment(ref counter)}", AgreementDeadline = new DateOnly(2042, 2, 28) };
        db.SelectionRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
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
            var m = new Stillas.Web.Features.People.Membership { PersonId = personId, Role = Stillas.Web.Platform.Access.Role.Teacher, OwnerId = Nordvik, SchoolId = Sentrum };
            db.Memberships.Add(m);
            await db.SaveChangesAsync();
            return (personId, m.Id);
        });
    }

    private static string Str(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The concrete URL for a route: {id} means the area's Nordvik record (Sentrum skole, team 1, …). A route
    /// value nothing resolves is an error, not a silent 0: a row aimed at no record proves nothing.
    /// </summary>
    public async Task<(Dictionary<string, string> Values, string Url)> UrlAsync(StillasApp app, Row row, string route)
    {
        var values = row.Fresh is null ? new Dictionary<string, string>() : await row.Fresh(app, this);
        return (values, Resolve(route, values));
    }

    /// <summary>
    /// The same route aimed at Fjordland's record of the same kind (null when the route names no record, or
    /// Fjordland has none of that kind). Fresh targets are Nordvik's, so they are not used here.
    /// </summary>
    public Task<(Dictionary<string, string> Values, string? Url)> FjordlandUrlAsync(StillasApp app, Row row, string route)
    {
        var names = RouteValue.Matches(route).Select(m => m.Groups[1].Value).ToList();
        if (!names.Any(n => n.EndsWith("id", StringComparison.OrdinalIgnoreCase)) || FjordlandRecords is null) return Task.FromResult((new Dictionary<string, string>(), (string?)null));
        var values = new Dictionary<string, string> { ["phase"] = "fase4", ["part"] = "opening" };
        try { return Task.FromResult((values, (string?)FjordlandRecords.Resolve(route, values))); }
        catch (MissingRecordException) { return Task.FromResult((values, (string?)null)); }
    }

    private sealed class MissingRecordException(string message) : InvalidOperationException(message);

    private static readonly System.Text.RegularExpressions.Regex RouteValue = new(@"\{([a-zA-Z]+)(:[^}]*)?\}");

    private string Resolve(string route, Dictionary<string, string> values)
    {
        var lower = route.ToLowerInvariant();
        void Add(string name, int id)
        {
            if (values.ContainsKey(name)) return;
            if (id == 0) throw new MissingRecordException($"No record for {{{name}}} in {route}");
            values.TryAdd(name, Str(id));
        }
        bool Has(string name) => lower.Contains("{" + name.ToLowerInvariant(), StringComparison.Ordinal);
        if (DocumentsId(lower) is int documentsId && Has("id")) Add("id", documentsId);
        if (lower.Contains("/assessment", StringComparison.Ordinal))
        {
            if (Has("programmeId")) Add("programmeId", AssessmentProgramme);
            if (Has("id") && !lower.StartsWith("/api/v1/owners", StringComparison.Ordinal)) Add("id", AssessmentProgramme);
            if (Has("slotId")) Add("slotId", AssessmentSlot);
            if (Has("taskId")) Add("taskId", AssessmentTask);
            if (Has("noteId")) Add("noteId", AssessmentNote);
            if (Has("sectionId")) Add("sectionId", AssessmentSection);
        }
        if (Has("ownerId")) Add("ownerId", Nordvik);
        if (lower.Contains("futurepicture", StringComparison.Ordinal) || lower.Contains("future-picture", StringComparison.Ordinal))
        {
            if (Has("programmeId")) Add("programmeId", FuturePictureProgramme);
            if (Has("id")) Add("id", FuturePictureProgramme);
            values.TryAdd("number", "1");
        }
        if ((lower.Contains("/sessions/session/", StringComparison.Ordinal) || lower.Contains("/sessions/interimwork/", StringComparison.Ordinal)
            || lower.Contains("/sessions/evaluate/", StringComparison.Ordinal) || lower.Contains("/sessions/loop/", StringComparison.Ordinal) || lower.StartsWith("/api/v1/sessions/", StringComparison.Ordinal)) && Has("id"))
            Add("id", Session);
        if (Has("stepId")) Add("stepId", SentrumStep);
        // Nordvik's objective rows make fresh targets (Objective 0 here); Fjordland's record has one of its own.
        if (lower.Contains("/objectives/edit/", StringComparison.Ordinal) && Has("id")) Add("id", Objective);
        if (Has("id"))
        {
            var id = lower.Contains("/selection-candidates", StringComparison.Ordinal) || lower.Contains("/selection/candidate/", StringComparison.Ordinal) ? Candidate
                : lower.Contains("/selection", StringComparison.Ordinal) ? Round
                : lower.Contains("/schools", StringComparison.Ordinal) ? Sentrum
                : lower.Contains("/teams", StringComparison.Ordinal) ? Team1
                : lower.Contains("/people", StringComparison.Ordinal) ? Teacher
                : lower.Contains("/owners", StringComparison.Ordinal) ? Nordvik
                : lower.Contains("/programmes/step/", StringComparison.Ordinal) || lower.Contains("/programmes/stepwork/", StringComparison.Ordinal) ? SentrumStep
                : lower.Contains("/programmes", StringComparison.Ordinal) ? SentrumProgramme
                : lower.Contains("/holidays", StringComparison.Ordinal) ? NordvikHoliday
                : lower.Contains("/models", StringComparison.Ordinal) ? NordvikModel
                : 0;
            Add("id", id);
        }
        if (Has("programmeId")) Add("programmeId", Programme);
        values.TryAdd("documentName", "v1");
        values.TryAdd("number", "1");
        return RouteValue.Replace(route, m =>
            values.TryGetValue(m.Groups[1].Value, out var v) ? v : throw new MissingRecordException($"No value for {{{m.Groups[1].Value}}} in {route}"));
    }

    /// <summary>
    /// What an allowed read of the route's record must contain, so a 200 is the target's own content and not
    /// an empty shell, another owner's record or an error page: the school's name for everything of Sentrum's.
    /// Lists (no record in the route) need only answer 200.
    /// </summary>
    public string? Marker(Row row)
    {
        var lower = row.Route.ToLowerInvariant();
        if (!RouteValue.IsMatch(row.Route) || lower.StartsWith("/openapi", StringComparison.Ordinal)) return null;
        if (lower.Contains("pdf", StringComparison.Ordinal) || lower.StartsWith("/api/v1/files/", StringComparison.Ordinal)) return "%PDF";
        if (lower.EndsWith(".ics", StringComparison.Ordinal)) return "BEGIN:VCALENDAR";
        var api = lower.StartsWith("/api/", StringComparison.Ordinal);
        if (lower.Contains("{ownerid", StringComparison.Ordinal)) return api ? $"\"ownerId\":{Nordvik}" : "Nordvik kommune";
        // The API's sub-resources name their programme or session, or carry the demo's own text.
        if (api && lower.EndsWith("/candidates", StringComparison.Ordinal)) return "Sentrum skole";
        if (api && lower.Contains("/assessment/notes", StringComparison.Ordinal)) return "Lærerne sier de deler opplegg";
        if (api && lower.Contains("/reflection-questions", StringComparison.Ordinal)) return "lesestrategier";
        if (api && lower.Contains("/sections/", StringComparison.Ordinal)) return "lesestrategi";
        if (api && lower.Contains("/assessment/schedule", StringComparison.Ordinal)) return $"\"programmeId\":{AssessmentProgramme}";
        if (api && lower.EndsWith("/documents", StringComparison.Ordinal)) return "matrise.pdf";
        if (api && lower.EndsWith("/startup", StringComparison.Ordinal)) return $"\"programmeId\":{DocumentsProgramme}";
        if (api && lower.EndsWith("/future-picture/comments", StringComparison.Ordinal)) return "["; // none yet: the list itself
        if (api && lower.EndsWith("/objectives", StringComparison.Ordinal)) return "\"ratings\":"; // the list's objectives, each with its history
        if (api && lower.Contains("/future-picture", StringComparison.Ordinal)) return "Alle elever leser hver dag.";
        if (api && (lower.EndsWith("/evaluations", StringComparison.Ordinal) || lower.EndsWith("/interim-work", StringComparison.Ordinal))) return $"\"sessionId\":{Session}";
        return lower.Contains("/selection-candidates", StringComparison.Ordinal) || lower.Contains("/selection/candidate/", StringComparison.Ordinal) ? "Sentrum skole"
            : lower.Contains("/selection", StringComparison.Ordinal) ? "Matriserunde"
            : lower.Contains("/teams", StringComparison.Ordinal) ? "Veilederteam 1"
            : lower.Contains("/people", StringComparison.Ordinal) ? "Lise Lærer"
            : lower.Contains("/owners", StringComparison.Ordinal) ? "Nordvik kommune"
            : lower.Contains("/holidays", StringComparison.Ordinal) || lower.Contains("/models", StringComparison.Ordinal) ? null
            : "Sentrum skole";
    }
}
