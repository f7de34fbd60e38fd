using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Schools;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// 356 kommuner (one large, a long tail of small ones), 15 fylkeskommuner with the upper secondary
/// schools, the rest private owners (friskoler); 3,100 schools with levels and pupil numbers; ten
/// universities and university colleges.
/// </summary>
public sealed class OwnersAndSchoolsPart : IDatasetPart
{
    public string Name => "owners, schools";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var o = set.Options;
        int kommuner = o.Scaled(356, 2), fylker = o.Scaled(15), privat = o.Scaled(59);
        int upperSecondary = o.Scaled(420, fylker), privateSchools = o.Scaled(250, privat);
        var primary = Math.Max(kommuner, o.Scaled(3100, 4) - upperSecondary - privateSchools);
        var r = set.Random;
        var places = Names.Places(r, kommuner + fylker + privat + 10);
        var p = 0;
        var created = NationalDataset.At(new DateOnly(2022, 6, 1));

        SchoolOwner Owner(string name, OwnerKind kind)
        {
            var owner = new SchoolOwner { Id = set.NextId<SchoolOwner>(), Name = name, OrganisationNumber = set.NextOrganisationNumber(), Kind = kind, CreatedAt = created };
            set.Owners.Add(owner);
            set.SchoolsByOwner[owner.Id] = [];
            return owner;
        }

        var kommuneOwners = Enumerable.Range(0, kommuner).Select(_ => Owner($"{places[p++]} kommune", OwnerKind.Kommune)).ToList();
        var fylkeOwners = Enumerable.Range(0, fylker).Select(_ => Owner($"{places[p++]} fylkeskommune", OwnerKind.Fylkeskommune)).ToList();
        string[] privateForms = ["{0} friskole AS", "Steinerskolen i {0}", "{0} Montessoriskole SA", "Kristen skole {0} AS", "{0} private skole AS"];
        var privateOwners = Enumerable.Range(0, privat).Select(i => Owner(string.Format(System.Globalization.CultureInfo.InvariantCulture, privateForms[i % privateForms.Length], places[p++]), OwnerKind.Privat)).ToList();

        for (var i = 0; i < 10; i++)
            set.Universities.Add(new University { Id = set.NextId<University>(), Name = (i % 2 == 0 ? "Universitetet i " : "Høgskolen i ") + places[p++], ShortName = null });

        // A kommune's share of the grunnskoler falls off like city sizes (Zipf); each has at least one school.
        var kommuneShare = Allocate(primary, kommuneOwners.Select((_, i) => 1.0 / Math.Pow(i + 1, 0.9)).ToArray(), 1);
        for (var i = 0; i < kommuner; i++)
            for (var n = 0; n < kommuneShare[i]; n++)
            {
                var roll = r.NextDouble();
                var level = roll < 0.55 ? SchoolLevel.Barneskole : roll < 0.78 ? SchoolLevel.Ungdomsskole : SchoolLevel.Kombinert;
                var pupils = level switch
                {
                    SchoolLevel.Barneskole => 40 + (int)(r.NextDouble() * r.NextDouble() * 560),
                    SchoolLevel.Ungdomsskole => 120 + r.Next(450),
                    _ => 30 + (int)(r.NextDouble() * 420),
                };
                AddSchool(set, kommuneOwners[i], level, pupils);
            }
        var fylkeShare = Allocate(upperSecondary, fylkeOwners.Select(_ => 0.5 + r.NextDouble()).ToArray(), 1);
        for (var i = 0; i < fylker; i++)
            for (var n = 0; n < fylkeShare[i]; n++)
                AddSchool(set, fylkeOwners[i], SchoolLevel.Videregaende, 150 + (int)(r.NextDouble() * r.NextDouble() * 1400));
        var privateShare = Allocate(privateSchools, privateOwners.Select(_ => 0.3 + r.NextDouble()).ToArray(), 1);
        for (var i = 0; i < privat; i++)
            for (var n = 0; n < privateShare[i]; n++)
            {
                var level = (SchoolLevel)(1 + r.Next(4));
                AddSchool(set, privateOwners[i], level, 20 + r.Next(280));
            }

        await set.Writer.WriteAsync(set.Owners, ct);
        await set.Writer.WriteAsync(set.Universities, ct);
        await set.Writer.WriteAsync(set.Schools, ct);
    }

    private static void AddSchool(NationalDataset set, SchoolOwner owner, SchoolLevel level, int pupils)
    {
        var list = set.SchoolsByOwner[owner.Id];
        var suffix = level switch
        {
            SchoolLevel.Ungdomsskole => " ungdomsskole",
            SchoolLevel.Videregaende => " videregående skole",
            _ => " skole",
        };
        string name;
        var attempt = 0;
        do
        {
            var stem = attempt < 8 ? set.Pick(Names.SchoolStems) : set.Pick(Names.SchoolStems) + " " + (attempt - 6);
            name = stem + suffix;
            attempt++;
        } while (list.Any(s => s.Name == name));
        var (first, last) = School.GradeRange(level);
        if (level == SchoolLevel.Barneskole && pupils < 80 && set.Chance(0.3)) last = 4;
        var school = new School
        {
            Id = set.NextId<School>(), OwnerId = owner.Id, Name = name, OrganisationNumber = set.NextOrganisationNumber(),
            Level = level, FirstGrade = first, LastGrade = last, Pupils = pupils, CreatedAt = owner.CreatedAt,
        };
        list.Add(school);
        set.Schools.Add(school);
    }

    /// <summary>Splits a total by weights (largest remainder), each at least <paramref name="min"/>.</summary>
    public static int[] Allocate(int total, double[] weights, int min)
    {
        var result = new int[weights.Length];
        var rest = total - (min * weights.Length);
        if (rest < 0) { Array.Fill(result, min); return result; }
        var sum = weights.Sum();
        var exact = weights.Select(w => w / sum * rest).ToArray();
        for (var i = 0; i < result.Length; i++) result[i] = min + (int)exact[i];
        var left = total - result.Sum();
        foreach (var i in Enumerable.Range(0, result.Length).OrderByDescending(i => exact[i] - Math.Floor(exact[i])).ThenBy(i => i).Take(left))
            result[i]++;
        return result;
    }
}
