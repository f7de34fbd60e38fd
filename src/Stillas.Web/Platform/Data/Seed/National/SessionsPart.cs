using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Sessions;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// Guidance sessions (seed 000 § 3.4) for every session step that has been held, and the next one: the team's
/// notes per part, the learning-cycle step, the interim-work agreement with its points (sent the day after),
/// the school's feedback on it before the next session (now and then late) and the principal's evaluation.
/// </summary>
public sealed class SessionsPart : IDatasetPart
{
    public string Name => "sessions, interim work";

    private static readonly string[][] Points =
    [
        ["Presentere fremtidsbildet for hele personalet", "SKUT lager en plan for kollegaobservasjon", "Informere FAU og elevrådet om utviklingsområdet"],
        ["Samle eksempler på praksis fra hvert team", "Gjennomføre elevsamtaler på ett trinn", "Lese et kapittel om skoleutvikling i ledergruppen"],
        ["Prøve ut to strategier i to fag", "Avtale felles observasjon i to team", "SKUT samler erfaringene etter tre uker"],
        ["Utvide utprøvingen til flere trinn", "Ledelsen følger opp hvert team i teamtiden", "Skrive en kort oppsummering av hva skolen har lært"],
    ];

    private static readonly string[] Topics = ["Hvordan få med hele personalet?", "Å lede kollegabasert observasjon", "Motstand og forventninger", "Mål for neste fase", "Å gjøre endringen varig"];

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var sessions = new List<GuidanceSession>();
        var notes = new List<SessionNote>();
        var agreements = new List<InterimWorkAgreement>();
        var feedback = new List<InterimWorkFeedback>();
        var evaluations = new List<SessionEvaluation>();
        var people = set.People.ToDictionary(p => p.Id);
        foreach (var p in set.Programmes)
        {
            var steps = p.Steps.Where(s => s.Kind == StepKind.Session && s.SessionNumber != null && s.Status != StepStatus.Cancelled).OrderBy(s => s.SessionNumber).ToList();
            var members = set.MembersByTeam[p.TeamId];
            var advisor = people[members[0].PersonId];
            var principal = set.Principals[p.SchoolId];
            var numbers = new HashSet<int>();
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (!numbers.Add(step.SessionNumber!.Value)) continue;
                var held = step.Date <= set.AsOf;
                // The sessions held, and the next one (opened by the team to prepare it).
                if (!held && (i == 0 || steps[i - 1].Date > set.AsOf)) break;
                var n = step.SessionNumber!.Value;
                var session = new GuidanceSession
                {
                    Id = set.NextId<GuidanceSession>(), ProgrammeId = p.Id, PlanStepId = step.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Number = n,
                    Place = "Møterommet", Participants = $"{principal.Name} (rektor)\n{string.Join(", ", members.Take(3).Select(m => people[m.PersonId].Name))}",
                    CycleStep = held ? 1 + (n - 1) % 4 : null, CycleNote = held ? "Ledelsen har delt begrunnelsen for endringen med personalet." : null,
                    CreatedAt = NationalDataset.At(step.Date.AddDays(-14), 10),
                };
                sessions.Add(session);
                if (!held) continue;
                var at = NationalDataset.At(step.Date, 10);
                foreach (var (part, text) in new[]
                         {
                             (SessionPart.Opening, "Mellomarbeidet ble gjennomgått punkt for punkt."),
                             (SessionPart.Inquiry, $"Teori: {Topics[(n - 1) % Topics.Length].ToLowerInvariant()}."),
                             (SessionPart.Closing, "Ledelsen foreslo mellomarbeidet selv; vi justerte omfanget."),
                         })
                    notes.Add(new SessionNote { Id = set.NextId<SessionNote>(), SessionId = session.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Part = part, AuthorPersonId = advisor.Id, AuthorName = advisor.Name, Text = text, CreatedAt = at, UpdatedAt = at.AddHours(2) });

                var next = i + 1 < steps.Count ? steps[i + 1].Date : step.Date.AddDays(42);
                var deadline = next.AddDays(-7);
                var sentAt = at.AddDays(1);
                agreements.Add(new InterimWorkAgreement
                {
                    Id = set.NextId<InterimWorkAgreement>(), SessionId = session.Id, ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Version = 1,
                    Status = InterimWorkStatus.Sent, Points = [.. Points[(n - 1) % Points.Length]], FeedbackDeadline = deadline, NextSessionAt = next.ToDateTime(new TimeOnly(9, 0)),
                    ReadingAssignment = "Udir: Kollektiv kompetanseutvikling – https://www.udir.no", NextTopic = Topics[n % Topics.Length],
                    SentByName = advisor.Name, SentAt = sentAt, CreatedAt = sentAt,
                });
                var late = set.Chance(0.15);
                var submittedOn = deadline.AddDays(late ? 2 : -1);
                if (submittedOn <= set.AsOf)
                {
                    var submitted = NationalDataset.At(submittedOn, 15);
                    feedback.Add(new InterimWorkFeedback
                    {
                        Id = set.NextId<InterimWorkFeedback>(), SessionId = session.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId,
                        PointStatus = ["Gjennomført.", "Delvis gjennomført; to av fire team har levert.", "Gjennomført, men lærerne trenger mer tid."],
                        WishedTopic = Topics[n % Topics.Length], SubmittedByName = principal.Name, SubmittedAt = submitted, Late = late, CreatedAt = submitted.AddDays(-2), UpdatedAt = submitted,
                    });
                }
                if (set.Chance(0.8))
                    evaluations.Add(new SessionEvaluation
                    {
                        Id = set.NextId<SessionEvaluation>(), SessionId = session.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, PersonId = principal.Id, AuthorName = principal.Name,
                        Clearer = "Hvordan vi kan involvere SKUT mer.", TakeAway = "Å starte i det små og dele erfaringer.", Interest = Topics[(n - 1) % Topics.Length],
                        Overall = "Nyttig og godt forberedt.", Rating = 3 + set.Random.Next(3), CreatedAt = at.AddHours(3),
                    });
            }
        }
        await set.Writer.WriteAsync(sessions, ct);
        await set.Writer.WriteAsync(notes, ct);
        await set.Writer.WriteAsync(agreements, ct);
        await set.Writer.WriteAsync(feedback, ct);
        await set.Writer.WriteAsync(evaluations, ct);
    }
}
