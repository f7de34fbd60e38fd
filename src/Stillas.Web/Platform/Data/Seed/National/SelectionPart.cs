using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// A selection round per owner with teams and year, 2022 to 2027 (seed 000 § 3: schools settled by the
/// end of February): the accepted schools become programmes starting in March (some in August), a few
/// decline or are postponed; the 2027 round is still open. Each team starts one or two programmes a year,
/// and every school gets its turn before any gets a second one.
/// </summary>
public sealed class SelectionPart : IDatasetPart
{
    public string Name => "selection rounds, candidates";

    public const int FirstYear = 2022, LastYear = 2027;

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var rounds = new List<SelectionRound>();
        var candidates = new List<SelectionCandidate>();
        foreach (var owner in set.Owners.Where(o => set.Pools.ContainsKey(o.Id)))
        {
            var teams = set.Teams.Where(t => t.OwnerId == owner.Id).ToList();
            var queue = new Queue<School>(Shuffle(set, set.SchoolsByOwner[owner.Id]));
            School NextSchool(HashSet<int> taken)
            {
                for (var tries = 0; tries < queue.Count + 1; tries++)
                {
                    if (queue.Count == 0) foreach (var s in Shuffle(set, set.SchoolsByOwner[owner.Id])) queue.Enqueue(s);
                    var school = queue.Dequeue();
                    if (taken.Add(school.Id)) return school;
                    queue.Enqueue(school);
                }
                return set.SchoolsByOwner[owner.Id].First(s => taken.Add(s.Id));
            }
            for (var year = FirstYear; year <= LastYear; year++)
            {
                var open = year == LastYear;
                var round = new SelectionRound
                {
                    Id = set.NextId<SelectionRound>(), OwnerId = owner.Id, SchoolYear = new SchoolYear(year).ToString(),
                    Title = $"Utvalg av skoler til veiledning {new SchoolYear(year)}", AgreementDeadline = new DateOnly(year, 2, 28),
                    Status = open ? RoundStatus.Open : RoundStatus.Closed, CreatedAt = NationalDataset.At(new DateOnly(year - 1, 11, 2)),
                };
                rounds.Add(round);
                var taken = new HashSet<int>();
                SelectionCandidate Candidate(School s, CandidateDecision decision, int? teamId)
                {
                    var c = new SelectionCandidate
                    {
                        Id = set.NextId<SelectionCandidate>(), RoundId = round.Id, OwnerId = owner.Id, SchoolYear = round.SchoolYear, SchoolId = s.Id,
                        Reason = set.Pick(Reasons), ReasonSource = (ReasonSource)(1 + set.Random.Next(3)), Decision = decision, TeamId = teamId,
                        FirstTalkDate = open && set.Chance(0.5) ? null : new DateOnly(year - 1, 12, 1).AddDays(set.Random.Next(60)),
                        CreatedAt = round.CreatedAt, Version = 1,
                    };
                    if (decision is not CandidateDecision.Pending and not CandidateDecision.Offered)
                    {
                        c.DecidedAt = NationalDataset.At(new DateOnly(year, 2, 10).AddDays(set.Random.Next(15)));
                        c.DecisionNote = decision switch
                        {
                            CandidateDecision.Accepted => "Avtale signert.",
                            CandidateDecision.Declined => "Skolen prioriterer annet utviklingsarbeid dette året.",
                            _ => "Ny rektor fra august; tas opp igjen i en senere runde.",
                        };
                    }
                    if (c.FirstTalkDate is not null) c.FirstTalkNotes = "Rektor og inspektør motiverte. SKUT finnes; fast samarbeidstid onsdager.";
                    candidates.Add(c);
                    return c;
                }
                foreach (var team in teams)
                {
                    var starts = 1 + (team.CapacityPerSchoolYear == 3 && set.Chance(0.35) ? 1 : 0);
                    for (var n = 0; n < starts; n++)
                    {
                        // The benchmark's principal's school is in the largest kommune's first team's 2026 programme.
                        var school = year == 2026 && n == 0 && team == teams[0] && owner.Id == set.Owners[0].Id && taken.Add(set.SchoolsByOwner[owner.Id][0].Id)
                            ? set.SchoolsByOwner[owner.Id][0] : NextSchool(taken);
                        if (open)
                        {
                            // The open round: some already accepted (their programmes are in Forfase), the rest offered or pending.
                            var decision = set.Chance(0.3) ? CandidateDecision.Accepted : set.Chance(0.5) ? CandidateDecision.Offered : CandidateDecision.Pending;
                            Candidate(school, decision, decision == CandidateDecision.Pending ? null : team.Id);
                            if (decision == CandidateDecision.Accepted) set.Starts.Add((team, school, StartDay(set, year)));
                            continue;
                        }
                        Candidate(school, CandidateDecision.Accepted, team.Id);
                        set.Starts.Add((team, school, StartDay(set, year)));
                    }
                }
                var others = set.Random.Next(3);
                for (var i = 0; i < others && taken.Count < set.SchoolsByOwner[owner.Id].Count; i++)
                    Candidate(NextSchool(taken), open ? CandidateDecision.Pending : set.Chance(0.5) ? CandidateDecision.Declined : CandidateDecision.Postponed, null);
            }
        }
        await set.Writer.WriteAsync(rounds, ct);
        await set.Writer.WriteAsync(candidates, ct);
    }

    /// <summary>Most programmes start in the first week of March; one in five in mid-August.</summary>
    private static DateOnly StartDay(NationalDataset set, int year) =>
        set.Chance(0.2) && year < LastYear ? new DateOnly(year, 8, 17) : new DateOnly(year, 3, 2);

    private static List<School> Shuffle(NationalDataset set, List<School> schools)
    {
        var list = schools.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = set.Random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static readonly string[] Reasons =
    [
        "Kvalitetsmeldingen viser svake resultater i lesing på mellomtrinnet, og elevene opplever lite mestring.",
        "Elevundersøkelsen viser økt uro og mobbing; skolen ønsker å arbeide med læringsmiljøet.",
        "Skolen har selv bedt om støtte til arbeidet med vurdering for læring.",
        "Lav gjennomføring og svake resultater i regning over flere år.",
        "Ny ledelse ønsker et langsiktig utviklingsarbeid med hele personalet.",
        "Skolen har aldri fått tilbud om veiledning.",
    ];
}
