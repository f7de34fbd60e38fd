using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// What bench/run.sh needs: the three people it logs in as, a programme page of the advisor's, and a
/// calendar feed of the advisor's (its token derives from the seed; only its hash is stored, as always).
/// </summary>
public sealed class BenchUsersPart : IDatasetPart
{
    public string Name => "benchmark users";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var advisor = set.BenchAdvisor!;
        var token = $"nasjonal-{set.Options.Seed}-" + Convert.ToHexStringLower(BitConverter.GetBytes(set.Random.NextInt64()));
        await set.Writer.WriteAsync([new CalendarFeed { Id = set.NextId<CalendarFeed>(), PersonId = advisor.Id, TokenHash = CalendarFeedTokens.Hash(token), CreatedAt = set.Now }], ct);
        var benchSchool = set.SchoolsByOwner[set.Owners[0].Id][0];
        var programme = set.Programmes.Where(p => p.SchoolId == benchSchool.Id).OrderByDescending(p => p.StartDate).FirstOrDefault()
            ?? set.Programmes.First(p => p.OwnerId == set.Owners[0].Id);
        set.Bench = new BenchUsers(NationalOptions.Password, set.BenchSystemAdmin!.Email, advisor.Email, set.BenchOwnerAdmin!.Email, set.BenchPrincipal!.Email,
            programme.Id, $"/calendar/{token}.ics", benchSchool.Name.Split(' ')[0]);
    }
}
