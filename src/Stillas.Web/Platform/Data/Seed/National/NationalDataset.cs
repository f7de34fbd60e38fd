using System.Diagnostics;
using System.Globalization;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>How big and which: the seed decides every name, number and date; the scale shrinks the counts (tests).</summary>
public sealed record NationalOptions(int Seed = 1, double Scale = 1.0)
{
    /// <summary>The day the history is drawn up to: five school years, 2022/23 to this one.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 11, 27);
    public const string Password = "Demo-passord-1";

    public int Scaled(int full, int min = 1) => Math.Max(min, (int)Math.Round(full * Scale));
}

/// <summary>
/// One area of the national dataset (owners and schools, people, teams, programmes …). Parts run in
/// order, read what earlier parts left in <see cref="NationalDataset"/> and write their rows through its
/// writer. A later area (assessment days, sessions, reports) is one more class added to <see cref="NationalDataset.Parts"/>.
/// </summary>
public interface IDatasetPart
{
    string Name { get; }
    Task WriteAsync(NationalDataset set, CancellationToken ct);
}

/// <summary>The people the benchmark logs in as (written to JSON next to the database).</summary>
public sealed record BenchUsers(string Password, string SystemAdmin, string Advisor, string OwnerAdmin, string Principal, int ProgrammeId, string CalendarPath, string SchoolSearch);

/// <summary>
/// The national dataset (issue 7): about 430 owners, 3,100 schools, 90,000 people with accounts, 600
/// guidance teams and five school years of selection, programmes, agreements, plans, documents,
/// future pictures, start-up meetings, audit and mail history. Fictional and deterministic from the seed.
/// </summary>
public sealed class NationalDataset
{
    public static IReadOnlyList<IDatasetPart> Parts { get; } =
    [
        new OwnersAndSchoolsPart(),
        new PeoplePart(),
        new TeamsPart(),
        new HolidaysAndModelsPart(),
        new SelectionPart(),
        new ProgrammesPart(),
        new StartUpAndDocumentsPart(),
        new AgreementsPart(),
        new FuturePicturesPart(),
        new AssessmentDaysPart(),
        new SessionsPart(),
        new AuditAndOutboxPart(),
        new BenchUsersPart(),
    ];

    public NationalDataset(NationalOptions options, BulkWriter writer)
    {
        Options = options;
        Writer = writer;
        Random = new Random(options.Seed);
    }

    public NationalOptions Options { get; }
    public BulkWriter Writer { get; }
    public Random Random { get; }
    public DateOnly AsOf => Options.AsOf;
    public DateTimeOffset Now => new(AsOf.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    // What the parts share (ids assigned here, in insertion order).
    public List<SchoolOwner> Owners { get; } = [];
    public List<School> Schools { get; } = [];
    public Dictionary<int, List<School>> SchoolsByOwner { get; } = [];
    public List<University> Universities { get; } = [];
    public List<Person> People { get; } = [];
    public Dictionary<int, List<Person>> OwnerAdmins { get; } = [];
    public Dictionary<int, Person> Principals { get; } = [];
    public Dictionary<int, List<Person>> StaffBySchool { get; } = [];
    /// <summary>Per owner with teams: its development advisors, principals who guide, and university guides.</summary>
    public Dictionary<int, (List<Person> Advisors, List<Person> LeaderGuides, List<Person> UniversityGuides)> Pools { get; } = [];
    public List<GuidanceTeam> Teams { get; } = [];
    public Dictionary<int, List<TeamMember>> MembersByTeam { get; } = [];
    public Dictionary<int, DateRange[]> Holidays { get; } = [];
    public Dictionary<int, ProgrammeTemplate> OwnModels { get; } = [];
    /// <summary>Programmes to create: team, school, start, from the selection rounds.</summary>
    public List<(GuidanceTeam Team, School School, DateOnly Start)> Starts { get; } = [];
    public List<GuidanceProgramme> Programmes { get; } = [];
    public Dictionary<string, string> Metrics { get; } = [];
    public Person? BenchAdvisor { get; set; }
    public Person? BenchSystemAdmin { get; set; }
    public Person? BenchOwnerAdmin { get; set; }
    public Person? BenchPrincipal { get; set; }
    public BenchUsers? Bench { get; set; }

    private readonly Dictionary<Type, long> ids = [];

    /// <summary>The next key of a table (the dataset writes into empty tables).</summary>
    public int NextId<T>() => (int)NextLongId<T>();

    public long NextLongId<T>()
    {
        ids.TryGetValue(typeof(T), out var id);
        ids[typeof(T)] = ++id;
        return id;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];
    public bool Chance(double p) => Random.NextDouble() < p;

    /// <summary>A deterministic GUID from the seeded random (Guid.NewGuid would differ per run).</summary>
    public Guid NextGuid()
    {
        Span<byte> b = stackalloc byte[16];
        Random.NextBytes(b);
        b[7] = (byte)((b[7] & 0x0F) | 0x40);
        return new Guid(b);
    }

    private int orgStem = 80000000;

    /// <summary>Next valid, fictional organisation number (mod-11).</summary>
    public string NextOrganisationNumber()
    {
        while (true)
        {
            orgStem += 1 + Random.Next(7);
            var n = OrganisationNumber.Complete(orgStem.ToString(CultureInfo.InvariantCulture));
            if (n is not null) return n;
        }
    }

    public static DateTimeOffset At(DateOnly day, int hour = 9) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    /// <summary>Runs every part in one transaction, timing each.</summary>
    public async Task WriteAsync(Action<string>? log, CancellationToken ct)
    {
        foreach (var part in Parts)
        {
            var sw = Stopwatch.StartNew();
            var before = Writer.Rows;
            await part.WriteAsync(this, ct);
            log?.Invoke($"  {part.Name,-28} {Writer.Rows - before,9:N0} rows {sw.Elapsed.TotalSeconds,6:F1} s");
        }
    }
}
