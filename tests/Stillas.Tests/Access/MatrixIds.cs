using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Schools;

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
        var slot = new Stillas.Web.Features.Assessment.AssessmentSlot { ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Date = new DateOnly(2026, 4, 27), Start = new TimeOnly(8, 0), End = new TimeOnly(9, 0), Title = "Matrise" };
        db.AssessmentSlots.Add(slot);
        await db.SaveChangesAsync();
        return slot.Id;
    });

    public static async Task<MatrixIds> LoadAsync(StillasApp app)
    {
        var ids = await LoadOrganisationAsync(app);
        await ids.AddDocumentsAsync(app);
        ids.FuturePictureProgramme = await NewFuturePictureProgrammeAsync(app, ids);
        ids.Session = await app.WithDbAsync(db => db.Sessions.Where(s => s.ProgrammeId == ids.SentrumProgramme && s.Number == 1).Select(s => s.Id).SingleAsync());
        await ids.AddAssessmentAsync(app);
        return ids;
    }

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
            var requests = Stillas.Web.Features.Documents.DocumentRequest.DefaultsFor(programme, null);
            db.DocumentRequests.AddRange(requests);
            await db.SaveChangesAsync();
            var file = new Stillas.Web.Features.Documents.StoredFile
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
        var picture = new Stillas.Web.Features.FuturePicture.FuturePicture { Programme = programme, OwnerId = ids.Nordvik, SchoolId = ids.Sentrum, TeamId = ids.Team1, CurrentVersion = 1, Version = 1 };
        var version = new Stillas.Web.Features.FuturePicture.FuturePictureVersion
        {
            FuturePicture = picture, OwnerId = ids.Nordvik, SchoolId = ids.Sentrum, TeamId = ids.Team1, Number = 1,
            DevelopmentArea = "Lesing", Text = "Alle elever leser hver dag.", AuthorName = "Matrise",
        };
        version.Signs.Add(new Stillas.Web.Features.FuturePicture.SignOfGoodPractice { OwnerId = ids.Nordvik, SchoolId = ids.Sentrum, TeamId = ids.Team1, Order = 1, Text = "Elevene leser", StableKey = Guid.NewGuid() });
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
        var holiday = new Stillas.Web.Features.Programmes.SchoolHolidayPeriod { OwnerId = Nordvik, SchoolYear = "2090/91", Kind = Stillas.Web.Platform.Calendar.SchoolHolidayKind.Other, Name = $"Matrisefridag {n}", Start = day, End = day };
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

    private static string Str(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The concrete URL for a route: {id} means the area's Nordvik record (Sentrum skole, team 1, …).</summary>
    public async Task<string> UrlAsync(StillasApp app, Row row, string route)
    {
        var values = row.Fresh is null ? new Dictionary<string, string>() : await row.Fresh(app, this);
        if (DocumentsId(route.ToLowerInvariant()) is int documentsId) values.TryAdd("id", documentsId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lower = route.ToLowerInvariant();
        if (lower.Contains("/assessment", StringComparison.Ordinal))
        {
            values.TryAdd("programmeId", Str(AssessmentProgramme));
            values.TryAdd("id", Str(AssessmentProgramme));
            values.TryAdd("slotId", Str(AssessmentSlot));
            values.TryAdd("taskId", Str(AssessmentTask));
            values.TryAdd("noteId", Str(AssessmentNote));
            values.TryAdd("sectionId", Str(AssessmentSection));
            values.TryAdd("ownerId", Str(Nordvik));
        }
        if (lower.Contains("futurepicture", StringComparison.Ordinal) || lower.Contains("future-picture", StringComparison.Ordinal))
        {
            values.TryAdd("programmeId", Str(FuturePictureProgramme));
            values.TryAdd("id", Str(FuturePictureProgramme));
            values.TryAdd("number", "1");
        }
        if (lower.Contains("/sessions/session/", StringComparison.Ordinal) || lower.Contains("/sessions/interimwork/", StringComparison.Ordinal)
            || lower.Contains("/sessions/evaluate/", StringComparison.Ordinal) || lower.StartsWith("/api/v1/sessions/", StringComparison.Ordinal))
            values.TryAdd("id", Str(Session));
        var id = lower.Contains("/selection-candidates", StringComparison.Ordinal) || lower.Contains("/selection/candidate/", StringComparison.Ordinal) ? Candidate
            : lower.Contains("/selection", StringComparison.Ordinal) ? Round
            : lower.Contains("/schools", StringComparison.Ordinal) ? Sentrum
            : lower.Contains("/teams", StringComparison.Ordinal) ? Team1
            : lower.Contains("/people", StringComparison.Ordinal) ? Teacher
            : lower.Contains("/owners", StringComparison.Ordinal) ? Nordvik
            : lower.Contains("/programmes/step/", StringComparison.Ordinal) ? SentrumStep
            : lower.Contains("/programmes", StringComparison.Ordinal) ? SentrumProgramme
            : lower.Contains("/holidays", StringComparison.Ordinal) ? NordvikHoliday
            : lower.Contains("/models", StringComparison.Ordinal) ? NordvikModel
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
