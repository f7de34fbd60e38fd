using Stillas.Web.Features.Programmes.Assessment;
using Stillas.Web.Features.Programmes;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// Assessment days (seed 000 § 3.3) for every programme whose assessment-days step has begun: the day plan
/// (slots, some with the school), the checklist, the team's interview and observation notes (gone after the
/// owner's retention period once the report is final, as <see cref="NoteRetentionJob"/> would have left them),
/// and the report with a summary and three sections, their version history and, when final, its presentations.
/// </summary>
public sealed class AssessmentDaysPart : IDatasetPart
{
    public string Name => "assessment days, reports";

    private static readonly (int Hour, int Minutes, string Title, string Who, bool School)[] Plan =
    [
        (8, 60, "Samtale med ledelsen", "Rektor og inspektør", true),
        (9, 45, "Observasjon i klasserom", "Veilederteamet", false),
        (10, 60, "Samtale med elever", "Elevrådet og 6 elever fra 5.–7. trinn", true),
        (12, 60, "Samtale med lærere", "Ett team per trinn", true),
        (13, 45, "Samtale med SKUT", "SKUT", true),
        (14, 90, "Rapportskriving", "Veilederteamet", false),
    ];

    private static readonly string[] Tasks =
    [
        "Avtale datoer med skolen", "Sende ut dagsplan", "Be om dokumenter (plan, kartlegginger)", "Fordele samtaler i teamet", "Skrive utkast til rapport", "Presentere rapporten",
    ];

    private static readonly string[] Groups = ["Ledelsen", "Lærere", "Elever", "SKUT", "Klasserom"];

    private static readonly string[] NoteTexts =
    [
        "Ledelsen beskriver en felles retning, men lærerne kjenner den i ulik grad.",
        "Elevene kan si hva de skal lære i timen, sjeldnere hvordan de vet at de har lært det.",
        "Lærerne samarbeider godt i team; det er lite kollegaobservasjon.",
        "Lesing brukes aktivt i norsk, mindre i naturfag og samfunnsfag.",
        "God ro i timene; elevene kommer raskt i gang med arbeidet.",
        "SKUT ønsker tydeligere mandat og fast tid i møteplanen.",
    ];

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var slots = new List<AssessmentSlot>();
        var tasks = new List<AssessmentTask>();
        var notes = new List<AssessmentNote>();
        var reports = new List<AssessmentReport>();
        var sections = new List<ReportSection>();
        var versions = new List<ReportSectionVersion>();
        var presentations = new List<ReportPresentation>();
        var people = set.People.ToDictionary(p => p.Id);
        foreach (var p in set.Programmes)
        {
            var step = p.Steps.FirstOrDefault(s => s.Key == AssessmentRules.StepKey);
            if (step is null || step.Date > set.AsOf) continue;
            var days = Math.Max(1, step.LastDay.DayNumber - step.Date.DayNumber + 1);
            var created = NationalDataset.At(step.Date.AddDays(-21), 10);
            for (var d = 0; d < days; d++)
            {
                var day = step.Date.AddDays(d);
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
                foreach (var (hour, minutes, title, who, school) in Plan)
                {
                    var start = new TimeOnly(hour, 0);
                    slots.Add(new AssessmentSlot
                    {
                        Id = set.NextId<AssessmentSlot>(), ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId,
                        Date = day, Start = start, End = start.AddMinutes(minutes), Title = title, Who = who, Where = school ? "Møterommet" : null,
                        SchoolTakesPart = school, CreatedAt = created,
                    });
                }
            }
            var doneBefore = step.LastDay < set.AsOf;
            for (var i = 0; i < Tasks.Length; i++)
            {
                var due = step.Date.AddDays(-14 + 7 * i);
                var done = doneBefore || due < set.AsOf;
                tasks.Add(new AssessmentTask
                {
                    Id = set.NextId<AssessmentTask>(), ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Title = Tasks[i], DueDate = due, Order = i + 1,
                    Done = done, DoneAt = done ? NationalDataset.At(due, 14) : null, DoneBy = done ? people[set.MembersByTeam[p.TeamId][0].PersonId].Name : null, CreatedAt = created,
                });
            }

            // The report is final three weeks after the days, and presented to the leadership and the staff.
            var finalOn = step.LastDay.AddDays(21);
            var final = finalOn <= set.AsOf;
            var report = new AssessmentReport
            {
                Id = set.NextId<AssessmentReport>(), ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, CreatedAt = created,
                Status = final ? (finalOn.AddDays(14) <= set.AsOf ? ReportStatus.Presented : ReportStatus.Final) : ReportStatus.Draft,
                FinalAt = final ? NationalDataset.At(finalOn, 15) : null, FinalBy = final ? people[set.MembersByTeam[p.TeamId][0].PersonId].Name : null,
                NotesDeleteOn = final ? finalOn.AddDays(AssessmentSettings.DefaultRetentionDays) : null,
            };
            reports.Add(report);
            if (report.NotesDeleteOn is not DateOnly deleteOn || deleteOn > set.AsOf)
            {
                var members = set.MembersByTeam[p.TeamId];
                for (var n = 0; n < 12; n++)
                {
                    var author = people[members[n % members.Count].PersonId];
                    var at = NationalDataset.At(step.Date.AddDays(n % days), 9 + n % 6);
                    notes.Add(new AssessmentNote
                    {
                        Id = set.NextId<AssessmentNote>(), ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, ClientKey = set.NextGuid(),
                        AuthorPersonId = author.Id, AuthorName = author.Name, Kind = n % 3 == 1 ? NoteKind.Observation : NoteKind.Interview, Group = Groups[n % Groups.Length],
                        Text = NoteTexts[(n + p.Id) % NoteTexts.Length], CreatedAt = at, UpdatedAt = at.AddMinutes(20),
                    });
                }
            }
            string[] titles = ["Oppsummering", "Ledelse og retning", "Læringsmiljø", "Undervisning og vurdering"];
            for (var i = 0; i < titles.Length; i++)
            {
                var count = 1 + (i + p.Id) % 3;
                var section = new ReportSection
                {
                    Id = set.NextId<ReportSection>(), ReportId = report.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, IsSummary = i == 0, Order = i,
                    Title = titles[i], Findings = NoteTexts[(i + p.Id) % NoteTexts.Length], WorksWell = "Tydelig ledelse og godt kollegialt samarbeid.",
                    ToDevelop = "Felles forståelse av god praksis i alle fag.", Questions = i == 0 ? "Hva ser dere som skolens viktigste utviklingsområde nå?" : "",
                    Version = count, UpdatedAt = NationalDataset.At(step.LastDay.AddDays(count), 15), UpdatedBy = report.FinalBy ?? people[set.MembersByTeam[p.TeamId][0].PersonId].Name,
                };
                sections.Add(section);
                for (var v = 1; v <= count; v++)
                    versions.Add(new ReportSectionVersion
                    {
                        Id = set.NextId<ReportSectionVersion>(), SectionId = section.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Number = v,
                        Findings = section.Findings, WorksWell = section.WorksWell, ToDevelop = v == count ? section.ToDevelop : "", Questions = section.Questions,
                        AuthorName = section.UpdatedBy!, CreatedAt = NationalDataset.At(step.LastDay.AddDays(v), 15),
                    });
            }
            if (report.Status == ReportStatus.Presented)
                foreach (var (audience, after) in new[] { (Audience.Leadership, 7), (Audience.Staff, 14) })
                    presentations.Add(new ReportPresentation
                    {
                        Id = set.NextId<ReportPresentation>(), ReportId = report.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Audience = audience,
                        Date = finalOn.AddDays(after), CreatedAt = NationalDataset.At(finalOn.AddDays(after), 15),
                    });
        }
        await set.Writer.WriteAsync(slots, ct);
        await set.Writer.WriteAsync(tasks, ct);
        await set.Writer.WriteAsync(notes, ct);
        await set.Writer.WriteAsync(reports, ct);
        await set.Writer.WriteAsync(sections, ct);
        await set.Writer.WriteAsync(versions, ct);
        await set.Writer.WriteAsync(presentations, ct);
    }
}
