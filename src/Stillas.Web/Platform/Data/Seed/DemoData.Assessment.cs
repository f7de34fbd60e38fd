using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Assessment;
using Stillas.Web.Features.Programmes.FuturePicture;
using Stillas.Web.Features.Programmes;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Demo assessment days (issue 5): Sentrum skole's programme (team 1) has had its days, with the guides'
/// kept notes and a final report presented to the leadership, staff, FAU and elevråd; the Nordvik
/// programme whose assessment days come next after <see cref="DemoData.ProgrammesAsOf"/> has them planned.
/// Looks programmes up by school and plan step, and skips what is not there.
/// </summary>
public static class AssessmentDemoData
{
    public static async Task SeedAsync(StillasDb db, DateOnly asOf, CancellationToken ct)
    {
        var nordvik = await db.Owners.Where(o => o.Name.Contains("Nordvik")).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (nordvik is not int ownerId) return;
        // Kept notes live a school year after the report is final in Nordvik.
        if (!await db.AssessmentSettings.AnyAsync(s => s.OwnerId == ownerId, ct))
            db.AssessmentSettings.Add(new AssessmentSettings { OwnerId = ownerId, NoteRetentionDays = 365 });
        await db.SaveChangesAsync(ct);

        var steps = await db.PlanSteps.AsNoTracking().Where(s => s.OwnerId == ownerId && s.Key == AssessmentRules.StepKey)
            .Select(s => new { s.ProgrammeId, s.Date, School = s.Programme!.School!.Name }).ToListAsync(ct);
        var sentrum = steps.Where(s => s.School == "Sentrum skole" && s.Date < asOf).OrderByDescending(s => s.Date).FirstOrDefault();
        if (sentrum is not null) await SeedHeldAsync(db, sentrum.ProgrammeId, ct);
        var next = steps.Where(s => s.Date > asOf && s.ProgrammeId != sentrum?.ProgrammeId).OrderBy(s => s.Date).FirstOrDefault();
        if (next is not null && await AssessmentProgramme.LoadAsync(db, next.ProgrammeId, ct) is { } upcoming)
        {
            await AssessmentService.PlanFromTemplateAsync(db, upcoming, ct);
            var first = await db.AssessmentTasks.Where(t => t.ProgrammeId == upcoming.Id).OrderBy(t => t.Order).Take(2).ToListAsync(ct);
            foreach (var t in first.Where(t => t.DueDate < asOf)) { t.Done = true; t.DoneAt = new DateTimeOffset(t.DueDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero); t.DoneBy = "Rektor"; }
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task SeedHeldAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        if (await AssessmentProgramme.LoadAsync(db, programmeId, ct) is not { } p) return;
        if (await db.AssessmentReports.AnyAsync(r => r.ProgrammeId == p.Id, ct)) return;
        var signs = await EnsureSignsAsync(db, p, ct);
        await AssessmentService.PlanFromTemplateAsync(db, p, ct);
        var slots = await AssessmentService.SlotsAsync(db, p.Id, ct);
        if (slots.Count == 0) return;
        var days = slots.Select(s => s.Date).Distinct().Order().ToList();
        foreach (var t in await db.AssessmentTasks.Where(t => t.ProgrammeId == p.Id).ToListAsync(ct))
        {
            t.Done = true;
            t.DoneAt = new DateTimeOffset(t.DueDate.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
            t.DoneBy = "Per Rektorsen";
        }

        var people = await db.People.Where(x => x.Email == "veileder@nordvik.test" || x.Email == "uh@nordvik.test" || x.Email == "anne.lederstad@nordvik.test")
            .Select(x => new { x.Id, x.Name, x.Email }).ToListAsync(ct);
        string Name(string email) => people.FirstOrDefault(x => x.Email == email)?.Name ?? "Veileder";
        int? Id(string email) => people.FirstOrDefault(x => x.Email == email)?.Id;
        // Oslo wall-clock times, stored in UTC (PostgreSQL takes only offset 0).
        DateTimeOffset At(DateOnly d, int h, int m = 0) => new(TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(new TimeOnly(h, m)), Web.NorwegianTime.Oslo), TimeSpan.Zero);
        Guid Sign(int i) => signs[Math.Min(i, signs.Count - 1)];
        AssessmentNote Note(string email, NoteKind kind, string group, string text, DateTimeOffset at, bool keep, string? reason, params int[] signIdx) => new()
        {
            ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, ClientKey = Guid.NewGuid(),
            AuthorPersonId = Id(email), AuthorName = Name(email), Kind = kind, Group = group, Text = text,
            SignKeys = AssessmentRules.JoinKeys(signIdx.Select(Sign)), CreatedAt = at, UpdatedAt = at.AddMinutes(20),
            Keep = keep, KeepReason = reason, KeptBy = keep ? Name(email) : null,
        };
        // Only kept notes are left after the report was made final; the others were deleted then.
        db.AssessmentNotes.AddRange(
            Note("uh@nordvik.test", NoteKind.Observation, "Norsk 5A, andre time", "Læreren modellerte lesestrategier høyt før elevene leste i par. 18 av 22 elever brukte strategien uten hjelp. To elever ved vinduet satt uten tekst de første ti minuttene.", At(days[1], 9, 10), true,
                "Brukes i oppfølgingen av lesing i 5. trinn sammen med rektor; ingen elever er navngitt.", 0, 1),
            Note("anne.lederstad@nordvik.test", NoteKind.Interview, "Ansatte mellomtrinnet", "Lærerne sier de deler opplegg på trinnmøter, men at tiden går til drift. Ønsker faste tider for å planlegge lesing i fag sammen. Flere nevner at SKUT-møtene sjelden når trinnene.", At(days[1], 12, 40), true,
                "Grunnlag for temaet på veiledning 1 om organisering av samarbeidstid; beholdes til første veiledning er holdt.", 2));
        await db.SaveChangesAsync(ct);

        var report = new AssessmentReport
        {
            ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Status = ReportStatus.Presented,
            FinalAt = At(days[2], 8, 30), FinalBy = Name("veileder@nordvik.test"), NotesDeleteOn = days[2].AddDays(365), CreatedAt = At(days[1], 15),
        };
        var texts = SectionTexts;
        var order = 0;
        var signRows = await FuturePictureQueries.CurrentSignsAsync(db, p.Id, ct);
        foreach (var (s, i) in signRows.Select((s, i) => (s, i)))
        {
            var t = texts[i % texts.Length];
            report.Sections.Add(Section(p, ++order, s.StableKey, s.Text, t.Findings, t.WorksWell, t.ToDevelop, t.Questions, At(days[1], 21, 30), Name(i % 2 == 0 ? "veileder@nordvik.test" : "uh@nordvik.test")));
        }
        report.Sections.Add(Section(p, ++order, null, "Oppsummering",
            "Sentrum skole har en tydelig felles retning for lesing i alle fag, og elevene møter lesestrategier i mange timer. Skolen har gode strukturer på papiret; utfordringen er å gjøre samarbeidet om lesing til en fast del av hverdagen på alle trinn, og å følge med på om elevene faktisk bruker strategiene når de leser på egen hånd.\n\nVeilederteamet takker elever, ansatte, foresatte og ledelsen for åpne og ærlige samtaler.",
            "", "", "Hva vil dere at en ny lærer skal se av lesing i alle fag etter en uke på skolen?", At(days[1], 22, 15), Name("veileder@nordvik.test"), summary: true));
        db.AssessmentReports.Add(report);
        await db.SaveChangesAsync(ct);
        foreach (var s in report.Sections)
            db.AssessmentReportSectionVersions.Add(new ReportSectionVersion
            {
                SectionId = s.Id, OwnerId = s.OwnerId, SchoolId = s.SchoolId, TeamId = s.TeamId, Number = 1, Findings = s.Findings, WorksWell = s.WorksWell,
                ToDevelop = s.ToDevelop, Questions = s.Questions, AuthorName = s.UpdatedBy ?? "", CreatedAt = s.UpdatedAt ?? report.CreatedAt,
            });
        db.AssessmentReportPresentations.AddRange(
            Presented(report, Audience.Leadership, days[2], "Rektor, inspektør og SKUT-leder."),
            Presented(report, Audience.Staff, days[2], "Fellesmøte, hele personalet."),
            Presented(report, Audience.ParentsCouncil, days[2], "FAU-styret, invitert av rektor."),
            Presented(report, Audience.PupilCouncil, days[2], "Elevrådet, med kontaktlærer."));
        await db.SaveChangesAsync(ct);
    }

    private static ReportPresentation Presented(AssessmentReport r, Audience a, DateOnly d, string note) =>
        new() { ReportId = r.Id, OwnerId = r.OwnerId, SchoolId = r.SchoolId, TeamId = r.TeamId, Audience = a, Date = d, Note = note };

    private static ReportSection Section(AssessmentProgramme p, int order, Guid? key, string title, string findings, string well, string develop, string questions, DateTimeOffset at, string by, bool summary = false) => new()
    {
        OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, SignKey = key, IsSummary = summary, Order = order, Title = title,
        Findings = findings, WorksWell = well, ToDevelop = develop, Questions = questions, Version = 1, UpdatedAt = at, UpdatedBy = by,
    };

    private static readonly (string Findings, string WorksWell, string ToDevelop, string Questions)[] SectionTexts =
    [
        ("I de fleste timene vi observerte, gikk læreren gjennom en lesestrategi før elevene leste. Elevene på mellomtrinnet kunne forklare hvorfor de brukte strategien; på småtrinnet var det mer variert.",
         "Felles begreper om lesestrategier på tvers av trinn. Elevene sier at de «vet hva de skal gjøre» når teksten er vanskelig.",
         "Lesing i naturfag og samfunnsfag: strategiene ble sjeldnere brukt der enn i norsk.",
         "Hvordan kan dere se i elevenes arbeid at strategiene brukes i alle fag?\nHva skal til for at lesing i naturfag blir like selvsagt som i norsk?"),
        ("Elevene forteller at de ofte leser sammen to og to, og at de får velge tekster. Foresatte opplever at barna leser mer hjemme enn før.",
         "Lesepar og tekstvalg gir motivasjon; biblioteket brukes aktivt.",
         "Elever som strever, får mindre tid til å lese selv fordi de tas ut av klassen.",
         "Hvordan sikrer dere at elevene som strever mest, får mest lesetid i klassen?\nHva betyr det for organiseringen av spesialundervisningen?"),
        ("Ansatte beskriver trinnmøter der lesing er tema, men tiden går ofte til drift. SKUT har laget en plan for lesing i alle fag; få lærere kjenner innholdet i detalj.",
         "Ledelsen er tydelig på at lesing er skolens utviklingsområde, og SKUT har tatt ansvar for planen.",
         "Faste, skjermede tider for å planlegge, prøve ut og evaluere tiltak sammen.",
         "Hvordan kan tiden til utviklingsarbeid skjermes fra drift?\nHvordan kan SKUT nå alle trinn med planen for lesing?"),
        ("Vi så få eksempler på at lærerne gir elevene tilbakemelding på hvordan de leser, mer på hva de har lest.",
         "Lærerne stiller gode spørsmål til innholdet i tekstene.",
         "Tilbakemelding på lesemåten, og elevenes egen vurdering av hvordan de leser.",
         "Hva kjennetegner en god tilbakemelding på lesing hos dere?"),
    ];

    /// <summary>The signs of good practice the report is written against: the current future picture's, or a first version for the demo when there is none.</summary>
    private static async Task<List<Guid>> EnsureSignsAsync(StillasDb db, AssessmentProgramme p, CancellationToken ct)
    {
        var current = await FuturePictureQueries.CurrentSignsAsync(db, p.Id, ct);
        if (current.Count > 0) return [.. current.Select(s => s.StableKey)];
        if (await db.FuturePictures.AnyAsync(f => f.ProgrammeId == p.Id, ct)) return [Guid.Empty];
        var picture = new FuturePicture { ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, CurrentVersion = 1, Version = 1 };
        var version = new FuturePictureVersion
        {
            FuturePicture = picture, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Number = 1, AuthorName = "Per Rektorsen",
            DevelopmentArea = "Lesing i alle fag",
            Text = "Ved Sentrum skole leser elevene med forståelse og glede i alle fag. Lærerne planlegger leseopplæringen sammen, og elevene vet hvordan de kan gå fram når en tekst er vanskelig.",
            CreatedAt = new DateTimeOffset(2026, 4, 20, 10, 0, 0, TimeSpan.Zero),
        };
        string[] texts =
        [
            "Elevene bruker lesestrategier i alle fag, ikke bare i norsk",
            "Elevene leser mye og får velge tekster selv",
            "Lærerne planlegger, prøver ut og evaluerer leseopplæringen sammen",
            "Elevene får tilbakemelding på hvordan de leser",
        ];
        foreach (var (t, i) in texts.Select((t, i) => (t, i)))
            version.Signs.Add(new SignOfGoodPractice { OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Order = i + 1, Text = t, StableKey = Guid.NewGuid() });
        db.FuturePictureVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return [.. version.Signs.Select(s => s.StableKey)];
    }
}
