using Stillas.Web.Features.Programmes.FuturePicture;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>The school's future picture once Fase 2 has begun: one to three versions, each with its signs of good practice (stable across versions), and a few comments.</summary>
public sealed class FuturePicturesPart : IDatasetPart
{
    public string Name => "future pictures";

    public static readonly string[] Areas =
    [
        "Lesing i alle fag", "Vurdering for læring", "Et trygt og inkluderende læringsmiljø", "Elevmedvirkning", "Dybdelæring i matematikk",
        "Tilpasset opplæring", "Profesjonelt lærerfellesskap", "Begynneropplæring i lesing og skriving",
    ];

    private static readonly string[] Signs =
    [
        "Elevene kan forklare hva de skal lære og hvordan de vet at de har lært det.",
        "Lærerne gir framovermeldinger som elevene bruker i arbeidet videre.",
        "Elevene leser daglig i alle fag, med tekster tilpasset nivået sitt.",
        "Lærerne planlegger undervisningen sammen og observerer hverandre.",
        "Elevene opplever at de blir sett og hørt av de voksne.",
        "Det er ro og arbeidsinnsats i timene.",
        "Elevene deltar i å sette mål for egen læring.",
        "Skolen bruker data om elevenes læring i utviklingsarbeidet.",
    ];

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var pictures = new List<FuturePicture>();
        var versions = new List<FuturePictureVersion>();
        var signs = new List<SignOfGoodPractice>();
        var comments = new List<FuturePictureComment>();
        var people = set.People.ToDictionary(p => p.Id);
        foreach (var p in set.Programmes)
        {
            var step = p.Steps.FirstOrDefault(s => s.PhaseKey == "fase2");
            if (step is null || step.Date > set.AsOf) continue;
            var principal = set.Principals[p.SchoolId];
            var picture = new FuturePicture { Id = set.NextId<FuturePicture>(), ProgrammeId = p.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId };
            var count = 1 + set.Random.Next(3);
            var area = set.Pick(Areas);
            var keys = Enumerable.Range(0, 6).Select(_ => set.NextGuid()).ToArray();
            for (var n = 1; n <= count; n++)
            {
                var at = NationalDataset.At(step.Date.AddDays(7 * (n - 1)), 13);
                var v = new FuturePictureVersion
                {
                    Id = set.NextId<FuturePictureVersion>(), FuturePictureId = picture.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Number = n,
                    DevelopmentArea = area, AuthorPersonId = principal.Id, AuthorName = principal.Name, CreatedAt = at,
                    Text = $"Om tre år er {area.ToLowerInvariant()} en del av hverdagen på skolen. Alle ansatte har et felles språk for hva god praksis er, og elevene merker det i hver time.",
                    ChangeNote = n == 1 ? null : "Justert etter veiledning.",
                };
                var signCount = 3 + (n % 2) + set.Random.Next(2);
                for (var i = 0; i < signCount; i++)
                    signs.Add(new SignOfGoodPractice { Id = set.NextId<SignOfGoodPractice>(), FuturePictureVersionId = v.Id, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Order = i + 1, Text = Signs[(i + p.Id) % Signs.Length], StableKey = keys[i] });
                versions.Add(v);
                if (set.Chance(0.4))
                {
                    var advisor = people[set.MembersByTeam[p.TeamId][0].PersonId];
                    comments.Add(new FuturePictureComment { Id = set.NextId<FuturePictureComment>(), FuturePictureId = picture.Id, VersionNumber = n, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, AuthorPersonId = advisor.Id, AuthorName = advisor.Name, Text = "Kan tegnene gjøres mer observerbare?", CreatedAt = at.AddDays(2), Resolved = n < count });
                }
            }
            picture.CurrentVersion = count;
            picture.Version = count;
            pictures.Add(picture);
        }
        await set.Writer.WriteAsync(pictures, ct);
        await set.Writer.WriteAsync(versions, ct);
        await set.Writer.WriteAsync(signs, ct);
        await set.Writer.WriteAsync(comments, ct);
    }
}
