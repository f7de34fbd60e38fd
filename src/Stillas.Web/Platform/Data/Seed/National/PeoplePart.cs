using Microsoft.AspNetCore.Identity;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using AccountEntity = Stillas.Web.Features.Account.Account;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// 90,000 people: the owners' administrators and development advisors, the university guides they
/// register, and every school's principal, leaders, SKUT, group leaders and teachers (by pupil numbers);
/// their memberships, and an account each with one known password (hashed once: PBKDF2 is slow on purpose).
/// </summary>
public sealed class PeoplePart : IDatasetPart
{
    public string Name => "people, memberships, accounts";

    /// <summary>Guidance teams per owner, decided here because their members are people.</summary>
    public static Dictionary<int, int> TeamCounts(NationalDataset set)
    {
        var candidates = set.Owners.Where(o => o.Kind != OwnerKind.Privat && set.SchoolsByOwner[o.Id].Count >= 3).ToList();
        if (candidates.Count == 0) candidates = [set.Owners[0]];
        var share = OwnersAndSchoolsPart.Allocate(set.Options.Scaled(600, 2), candidates.Select(o => (double)set.SchoolsByOwner[o.Id].Count).ToArray(), 1);
        // A team guides 2–3 schools at a time: never more teams than half the owner's schools; what the
        // cap takes from small owners goes to the largest ones with room.
        var counts = new Dictionary<int, int>();
        int Cap(int i) => Math.Max(1, set.SchoolsByOwner[candidates[i].Id].Count / 2);
        for (var i = 0; i < candidates.Count; i++)
            counts[candidates[i].Id] = Math.Clamp(share[i], 1, Cap(i));
        var left = share.Sum() - counts.Values.Sum();
        for (var i = 0; left > 0 && i < candidates.Count; i = (i + 1) % candidates.Count)
        {
            if (counts[candidates[i].Id] < Cap(i)) { counts[candidates[i].Id]++; left--; }
            if (i == candidates.Count - 1 && counts.Keys.Select((_, j) => j).All(j => counts[candidates[j].Id] >= Cap(j))) break;
        }
        return counts;
    }

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var total = set.Options.Scaled(90_000, 50);
        var created = NationalDataset.At(new DateOnly(2022, 8, 1));
        var memberships = new List<Membership>();
        var teams = TeamCounts(set);
        set.Metrics["teams"] = teams.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var slugs = set.Owners.ToDictionary(o => o.Id, o => Names.Slug(o.Name.Replace(" kommune", "", StringComparison.Ordinal).Replace(" fylkeskommune", "-fylke", StringComparison.Ordinal)));

        Person NewPerson(int ownerId, string? title)
        {
            var first = set.Pick(Names.FirstNames);
            var last = set.Pick(Names.LastNames);
            var id = set.NextId<Person>();
            var person = new Person
            {
                Id = id, OwnerId = ownerId, Name = $"{first} {last}", Title = title, CreatedAt = created,
                Email = $"{Names.Slug(first)}.{Names.Slug(last)}.{id}@{slugs[ownerId]}.test",
            };
            set.People.Add(person);
            return person;
        }

        void Member(Person p, Role role, int? ownerId, int? schoolId = null, int? universityId = null) =>
            memberships.Add(new Membership { Id = set.NextId<Membership>(), PersonId = p.Id, Role = role, OwnerId = ownerId, SchoolId = schoolId, UniversityId = universityId, CreatedAt = created });

        // One system administrator (the schools list at page 50 needs someone who sees all 3,100 schools).
        var admin = new Person { Id = set.NextId<Person>(), Name = "Siri Systemsen", Email = "admin@nasjonal.test", Title = "Systemadministrator", CreatedAt = created };
        set.People.Add(admin);
        Member(admin, Role.SystemAdmin, null);
        set.BenchSystemAdmin = admin;

        // Owner staff.
        var guides = new Dictionary<int, (List<Person> Advisors, List<Person> Uh)>();
        foreach (var owner in set.Owners)
        {
            var admins = owner.Kind == OwnerKind.Kommune && set.SchoolsByOwner[owner.Id].Count > 20 ? 3 : owner.Kind == OwnerKind.Privat ? 1 : 2;
            set.OwnerAdmins[owner.Id] = [];
            for (var i = 0; i < admins; i++)
            {
                var p = NewPerson(owner.Id, i == 0 ? "Kommunalsjef oppvekst" : "Rådgiver skole");
                if (owner.Kind != OwnerKind.Kommune) p.Title = i == 0 ? "Fagsjef opplæring" : "Rådgiver";
                Member(p, Role.OwnerAdmin, owner.Id);
                set.OwnerAdmins[owner.Id].Add(p);
            }
            if (!teams.TryGetValue(owner.Id, out var t)) continue;
            var advisors = new List<Person>();
            for (var i = 0; i < (t + 1) / 2; i++)
            {
                var p = NewPerson(owner.Id, "Utviklingsveileder");
                Member(p, Role.DevelopmentAdvisor, owner.Id);
                advisors.Add(p);
            }
            var uh = new List<Person>();
            for (var i = 0; i < t; i++)
            {
                var p = NewPerson(owner.Id, set.Chance(0.5) ? "Førsteamanuensis" : "Universitetslektor");
                Member(p, Role.UniversityGuide, owner.Id, universityId: set.Pick(set.Universities).Id);
                uh.Add(p);
            }
            guides[owner.Id] = (advisors, uh);
        }

        // School staff: principal and leaders first, then teachers shared out by pupils to reach the total.
        var leaders = new Dictionary<int, int>();
        foreach (var s in set.Schools)
        {
            var principal = NewPerson(s.OwnerId, "Rektor");
            Member(principal, Role.Principal, s.OwnerId, s.Id);
            set.Principals[s.Id] = principal;
            set.StaffBySchool[s.Id] = [principal];
            var n = s.Pupils > 400 ? 2 : s.Pupils > 150 ? 1 : 0;
            for (var i = 0; i < n; i++)
            {
                var p = NewPerson(s.OwnerId, i == 0 ? "Inspektør" : "Avdelingsleder");
                Member(p, Role.SchoolLeader, s.OwnerId, s.Id);
                set.StaffBySchool[s.Id].Add(p);
            }
        }
        var remaining = Math.Max(set.Schools.Count * 2, total - set.People.Count);
        var teachers = OwnersAndSchoolsPart.Allocate(remaining, set.Schools.Select(s => (double)s.Pupils).ToArray(), 2);
        for (var i = 0; i < set.Schools.Count; i++)
        {
            var s = set.Schools[i];
            for (var n = 0; n < teachers[i]; n++)
            {
                var p = NewPerson(s.OwnerId, "Lærer");
                Member(p, Role.Teacher, s.OwnerId, s.Id);
                if (n < 3) Member(p, Role.SkutMember, s.OwnerId, s.Id);
                else if (n < 5) Member(p, Role.GroupLeader, s.OwnerId, s.Id);
                set.StaffBySchool[s.Id].Add(p);
            }
        }

        // The guides who are experienced school leaders are principals of the owner's own schools.
        foreach (var (ownerId, (advisors, uh)) in guides)
        {
            var leaderGuides = set.SchoolsByOwner[ownerId].Skip(1).Take(uh.Count).Select(s => set.Principals[s.Id]).ToList();
            foreach (var p in leaderGuides) Member(p, Role.SchoolLeaderGuide, ownerId);
            set.Pools[ownerId] = (advisors, leaderGuides, uh);
        }

        // The benchmark's people (bench/run.sh): predictable addresses in the largest kommune.
        var largest = set.Owners[0];
        set.BenchOwnerAdmin = set.OwnerAdmins[largest.Id][0];
        set.BenchOwnerAdmin.Email = "skoleeier@nasjonal.test";
        set.BenchAdvisor = guides[largest.Id].Advisors[0];
        set.BenchAdvisor.Email = "veileder@nasjonal.test";
        set.BenchPrincipal = set.Principals[set.SchoolsByOwner[largest.Id][0].Id];
        set.BenchPrincipal.Email = "rektor@nasjonal.test";

        await set.Writer.WriteAsync(set.People, ct);
        await set.Writer.WriteAsync(memberships, ct);

        var hash = new PasswordHasher<AccountEntity>().HashPassword(null!, NationalOptions.Password);
        var accounts = set.People.Select(p => new AccountEntity
        {
            Id = p.Id, PersonId = p.Id, UserName = p.Email, NormalizedUserName = p.Email.ToUpperInvariant(),
            Email = p.Email, NormalizedEmail = p.Email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash,
            SecurityStamp = set.NextGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = set.NextGuid().ToString(), LockoutEnabled = true,
        }).ToList();
        await set.Writer.WriteAsync(accounts, ct);
    }
}
