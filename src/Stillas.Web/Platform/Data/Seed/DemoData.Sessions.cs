using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Sessions;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Sentrum skole's guidance sessions as of <see cref="DemoData.ProgrammesAsOf"/> (27.11.2026): sessions 1–4
/// done with notes, the learning-cycle step, interim-work agreements (three answered, one of them late,
/// and the one after session 4 awaiting feedback before a deadline next week, session 5 on Friday 04.12), session evaluations and
/// the phase evaluation after session 4. The planner puts Sentrum's sessions 3–4 in spring 2027; the demo
/// moves sessions 1–5 and the Fase 4 evaluation earlier (as a team would, in the plan), so that a newcomer
/// sees a programme in the middle of its guidance. Skipped when the programme is not there.
/// </summary>
public static class DemoSessions
{
    private static DateTimeOffset At(int y, int m, int d, int h = 12) => new(y, m, d, h - 1, 0, 0, TimeSpan.Zero);

    public static async Task SeedAsync(StillasDb db, CancellationToken ct)
    {
        var programme = await db.Programmes.Include(p => p.Steps).FirstOrDefaultAsync(p => p.School!.Name == "Sentrum skole" && p.Steps.Any(s => s.Key == "fase4.session1"), ct);
        if (programme is null) return;
        var steps = programme.Steps.ToDictionary(s => s.Key);
        var dates = new (string Key, DateOnly Date, bool Done)[]
        {
            ("fase4.session1", new(2026, 6, 3), true),
            ("fase4.session2", new(2026, 9, 16), true),
            ("fase4.session3", new(2026, 10, 14), true),
            ("fase4.session4", new(2026, 11, 4), true),
            ("fase4.feedback", new(2026, 11, 11), true),
            ("fase4.evaluationmeeting", new(2026, 11, 18), true),
            // In the coming week, after the feedback deadline (Thursday 03.12): the demo's "next session" on the designed day and,
            // moved by whole weeks (DemoData.Today.cs), on the day it is seeded.
            ("fase5.session5", new(2026, 12, 4), false),
        };
        foreach (var (key, date, done) in dates)
        {
            if (!steps.TryGetValue(key, out var step) || step.Date <= date && !done) continue;
            step.Date = date;
            step.EndDate = null;
            step.Status = done ? StepStatus.Done : StepStatus.Moved;
            step.DoneAt = done ? new DateTimeOffset(date.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero) : null;
        }
        await db.SaveChangesAsync(ct);

        var people = await db.People.Where(p => p.Email.EndsWith("@nordvik.test")).ToDictionaryAsync(p => p.Email, ct);
        var advisor = people.GetValueOrDefault("veileder@nordvik.test");
        var uh = people.GetValueOrDefault("uh@nordvik.test");
        var principal = people.GetValueOrDefault("rektor.sentrum@nordvik.test");
        var deputy = people.GetValueOrDefault("hanne.inspektor@nordvik.test");
        if (advisor is null || uh is null || principal is null) return;

        var sessions = programme.Steps.Where(s => s.Kind == StepKind.Session && s.SessionNumber != null).OrderBy(s => s.SessionNumber).Select(s => new GuidanceSession
        {
            ProgrammeId = programme.Id, PlanStepId = s.Id, Number = s.SessionNumber!.Value, OwnerId = programme.OwnerId, SchoolId = programme.SchoolId, TeamId = programme.TeamId,
            Place = "Møterommet i 2. etasje, Sentrum skole",
            Participants = "Per Rektorsen (rektor), Hanne Inspektør (inspektør)\nVeilederteam 1: Ola Veileder, Anne Lederstad, Ingrid Forsker",
            CreatedAt = At(2026, 5, 20),
        }).ToList();
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(ct);
        var byNumber = sessions.ToDictionary(s => s.Number);

        int[] cycle = [1, 2, 3, 3];
        string[] cycleNotes =
        [
            "Ledelsen vil endre lesingen i alle fag, men begrunnelsen er ennå ikke delt i personalet.",
            "Skolen kartlegger praksis: hva lærerne gjør med lesing i fagene, og hva elevene opplever.",
            "SKUT har valgt lesestrategier på mellomtrinnet som første tiltak.",
            "Modellen prøves i to team; ledelsen forventer motstand på 7. trinn.",
        ];
        string[][] points =
        [
            ["Presentere fremtidsbildet og vurderingsrapporten for hele personalet", "SKUT lager en plan for hvordan lærerne kan observere lesing i egne timer", "Informere FAU og elevrådet om utviklingsområdet"],
            ["Samle eksempler på lesing i fagene fra hvert team", "Gjennomføre elevsamtaler om lesing på 5. trinn", "Lese kapittel 3 i Aas (2013) i ledergruppen"],
            ["Prøve ut to lesestrategier i naturfag og samfunnsfag på 5.–6. trinn", "Avtale felles observasjon mellom kolleger i to team", "SKUT samler erfaringene etter tre uker"],
            ["Utvide utprøvingen til 7. trinn, med støtte fra lesepedagogen", "Ledelsen følger opp hvert team i teamtiden", "Skrive en kort oppsummering av hva skolen har lært så langt"],
        ];
        string[] topics = ["Hvordan få med hele personalet?", "Å lede kollegabasert observasjon", "Motstand og forventninger", "Mål for neste fase"];
        string[] statuses =
        [
            "Gjennomført på planleggingsdagen; SKUT ledet gruppearbeid.",
            "Delvis gjennomført; to av fire team har levert.",
            "Gjennomført. Vi merket at lærerne trenger mer tid til å prøve ut.",
        ];

        for (var n = 1; n <= 4; n++)
        {
            var s = byNumber[n];
            var date = dates[n - 1].Date;
            s.CycleStep = cycle[n - 1];
            s.CycleNote = cycleNotes[n - 1];
            var held = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            foreach (var (part, text) in new[]
                     {
                         (SessionPart.Opening, $"Ledelsen presenterte målet: lesing i alle fag. Mellomarbeidet er {(n == 1 ? "ikke aktuelt ennå" : "gjennomgått punkt for punkt")}."),
                         (SessionPart.Inquiry, $"Teori: {topics[n - 1].ToLowerInvariant()}. Veiledningen brukte spørsmålene fra trinn {cycle[n - 1]} i læringssirkelen."),
                         (SessionPart.Closing, "Ledelsen foreslo mellomarbeidet selv; vi justerte omfanget."),
                     })
            {
                db.SessionNotes.Add(new SessionNote { SessionId = s.Id, OwnerId = s.OwnerId, SchoolId = s.SchoolId, TeamId = s.TeamId, Part = part, AuthorPersonId = advisor.Id, AuthorName = advisor.Name, Text = text, CreatedAt = held, UpdatedAt = held.AddHours(2) });
            }
            db.SessionNotes.Add(new SessionNote { SessionId = s.Id, OwnerId = s.OwnerId, SchoolId = s.SchoolId, TeamId = s.TeamId, Part = SessionPart.Inquiry, AuthorPersonId = uh.Id, AuthorName = uh.Name,
                Text = "Ledelsen er trygg i analysen, men trenger hjelp til å prioritere. Forslag til lesing: Aas (2013), kap. 3.", CreatedAt = held, UpdatedAt = held.AddHours(2) });

            var next = n < 4 ? dates[n].Date : dates[6].Date;
            var deadline = n < 4 ? next.AddDays(-7) : new DateOnly(2026, 12, 3);
            var sentAt = held.AddDays(1);
            db.InterimWorkAgreements.Add(new InterimWorkAgreement
            {
                SessionId = s.Id, ProgrammeId = programme.Id, OwnerId = s.OwnerId, SchoolId = s.SchoolId, TeamId = s.TeamId, Version = 1, Status = InterimWorkStatus.Sent,
                Points = [.. points[n - 1]], FeedbackDeadline = deadline, NextSessionAt = next.ToDateTime(new TimeOnly(9, 0)),
                ReadingAssignment = n == 2 ? "Aas, M. (2013). Ledelse av skoleutvikling, kap. 3. Universitetsforlaget." : "Udir: Kollektiv kompetanseutvikling – https://www.udir.no",
                NextTopic = n < 4 ? topics[n] : "Mål og tiltak for fase 5", SentByName = advisor.Name, SentAt = sentAt, CreatedAt = sentAt,
            });
            if (n < 4)
            {
                // Feedback after session 2 came two days late.
                var submitted = new DateTimeOffset(deadline.AddDays(n == 2 ? 2 : -1).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
                db.InterimWorkFeedback.Add(new InterimWorkFeedback
                {
                    SessionId = s.Id, OwnerId = s.OwnerId, SchoolId = s.SchoolId, TeamId = s.TeamId, PointStatus = [.. statuses],
                    WishedTopic = topics[n], SubmittedByName = principal.Name, SubmittedAt = submitted, Late = n == 2, CreatedAt = submitted.AddDays(-2), UpdatedAt = submitted,
                });
            }
            db.SessionEvaluations.Add(new SessionEvaluation
            {
                SessionId = s.Id, OwnerId = s.OwnerId, SchoolId = s.SchoolId, TeamId = s.TeamId, PersonId = principal.Id, AuthorName = principal.Name,
                Clearer = "Hvordan vi kan involvere SKUT mer.", TakeAway = "Å starte i det små og dele erfaringer.", Interest = topics[n - 1], Overall = "Nyttig og godt forberedt.",
                Rating = n == 2 ? 4 : 5, CreatedAt = held.AddHours(3),
            });
            if (deputy is not null)
                db.SessionEvaluations.Add(new SessionEvaluation
                {
                    SessionId = s.Id, OwnerId = s.OwnerId, SchoolId = s.SchoolId, TeamId = s.TeamId, PersonId = deputy.Id, AuthorName = deputy.Name,
                    Clearer = "Hva som er ledelsens rolle i utprøvingen.", Overall = "Bra, men litt kort tid til veiledningsdelen.", Rating = n == 1 ? 4 : 5, CreatedAt = held.AddHours(3),
                });
        }

        db.PhaseEvaluations.Add(new PhaseEvaluation
        {
            ProgrammeId = programme.Id, OwnerId = programme.OwnerId, SchoolId = programme.SchoolId, TeamId = programme.TeamId, PhaseKey = "fase4",
            WorkedWell = "Strukturen i veiledningen og avtalene om mellomarbeid gir retning mellom møtene.",
            ToImprove = "Mer tid til veiledningsdelen, og tidligere beskjed om lesebestillingen.",
            FeedbackByName = principal.Name, FeedbackAt = At(2026, 11, 10),
            MeetingDate = new DateOnly(2026, 11, 18),
            MeetingParticipants = "Rektorer fra første runde, veilederteam 1, skoleeier (Kari Nordmann) og PhD-kandidat",
            Conclusions = "Modellen fungerer; skolene ønsker mer tid til veiledning og mer støtte til SKUT.",
            ModelAdjustments = "Veiledningsdelen utvides til 75 minutter; lesebestillingen sendes sammen med avtalen om mellomarbeid.",
            RecordedByName = advisor.Name, RecordedAt = At(2026, 11, 18, 16), CreatedAt = At(2026, 11, 10),
        });
        await db.SaveChangesAsync(ct);
    }
}
