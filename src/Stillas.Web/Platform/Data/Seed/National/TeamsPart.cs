using Stillas.Web.Features.Teams;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// 600 guidance teams (seed 000 § 1: a development advisor, a principal of another school, a university
/// guide), with the training they have. An advisor coordinates two teams; the benchmark's advisor in the
/// largest kommune works in up to eight, so their start page has many programmes.
/// </summary>
public sealed class TeamsPart : IDatasetPart
{
    public string Name => "teams, members, training";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var members = new List<TeamMember>();
        var training = new List<TrainingRecord>();
        var created = NationalDataset.At(new DateOnly(2022, 8, 15));
        var from = new DateOnly(2022, 8, 15);
        var trained = new HashSet<int>();
        foreach (var (ownerId, (advisors, leaderGuides, uh)) in set.Pools)
        {
            for (var i = 0; i < uh.Count; i++)
            {
                var team = new GuidanceTeam
                {
                    Id = set.NextId<GuidanceTeam>(), OwnerId = ownerId, Name = $"Veilederteam {i + 1}",
                    Description = i % 2 == 0 ? "Veileder skoler i nord og sentrum." : "Veileder skoler i sør og i distriktet.",
                    CapacityPerSchoolYear = set.Chance(0.6) ? 3 : 2, CreatedAt = created,
                };
                set.Teams.Add(team);
                var list = new List<TeamMember>();
                void Add(Features.People.Person p, TeamRole role)
                {
                    if (list.Any(m => m.PersonId == p.Id)) return;
                    list.Add(new TeamMember { Id = set.NextId<TeamMember>(), TeamId = team.Id, OwnerId = ownerId, PersonId = p.Id, Role = role, From = from, CreatedAt = created });
                    if (trained.Add(p.Id))
                        training.Add(new TrainingRecord { Id = set.NextId<TrainingRecord>(), PersonId = p.Id, OwnerId = ownerId, Title = "Skolebasert vurdering", Provider = "Utdanningsdirektoratet", CompletedOn = new DateOnly(2022, 10, 12), CreatedAt = created });
                }
                Add(advisors[i / 2], TeamRole.DevelopmentAdvisor);
                if (set.BenchAdvisor is { } bench && advisors.Contains(bench) && i < 8) Add(bench, TeamRole.DevelopmentAdvisor);
                if (leaderGuides.Count > 0) Add(leaderGuides[i % leaderGuides.Count], TeamRole.SchoolLeaderGuide);
                Add(uh[i], TeamRole.UniversityGuide);
                set.MembersByTeam[team.Id] = list;
                members.AddRange(list);
            }
        }
        await set.Writer.WriteAsync(set.Teams, ct);
        await set.Writer.WriteAsync(members, ct);
        await set.Writer.WriteAsync(training, ct);
    }
}
