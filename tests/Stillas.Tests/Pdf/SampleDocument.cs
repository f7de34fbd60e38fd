using Stillas.Web.Platform.Pdf;

namespace Stillas.Tests.Pdf;

/// <summary>A report-sized document with every kind of block, as a feature would describe it.</summary>
public static class SampleDocument
{
    public const string Title = "Vurderingsrapport for Sentrum skole";
    public const string Norwegian = "Blåbærsyltetøy på Ørland";
    public const string TableHeading = "Tiltak og ansvar";
    public const string LastChapter = "Oppsummering og videre arbeid";

    static readonly string[] Words =
    [
        "skolen", "elevene", "lærerne", "vurdering", "utviklingsarbeid", "ledelsen", "kollegiet", "læringsmiljø",
        "refleksjon", "praksis", "samarbeid", "kompetanse", "undervisning", "tilbakemelding", "mål", "tiltak",
        "og", "i", "på", "for", "med", "som", "til", "av", "det", "en", "et", "gjennom", "både", "øker", "får",
        "særlig", "økt", "første", "fåtall", "ærlig", "støtte", "åpenhet", "veileder", "skoleeier", "møter",
    ];

    public static string Prose(Random random, int words)
    {
        var parts = new string[words];
        for (var i = 0; i < words; i++)
            parts[i] = Words[random.Next(Words.Length)];
        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join(' ', parts) + ".";
    }

    public static PdfDocumentModel Build()
    {
        var random = new Random(42);
        var blocks = new List<PdfBlock>
        {
            new PdfHeading(1, "Innledning"),
            new PdfParagraph([
                new PdfRun("Denne rapporten oppsummerer vurderingen av skolens utviklingsarbeid. "),
                new PdfRun("Eksempel på norske bokstaver: ", Bold: true),
                new PdfRun(Norwegian + ". "),
                new PdfRun("Kursiv tekst viser at stiler kan blandes i ett avsnitt. ", Italic: true),
                new PdfRun(Prose(random, 60)),
            ]),
            new PdfKeyValueTable([
                new("Skole", "Sentrum skole"),
                new("Skoleeier", "Nordvik kommune"),
                new("Veiledningsteam", "Team 1 – Nordvik"),
                new("Periode", "01.08.2025–30.06.2026, med oppfølgingsmøter hver sjette uke og en avsluttende samling for hele kollegiet"),
            ]),
            new PdfHeading(2, "Bakgrunn"),
            new PdfParagraph(Prose(random, 120)),
            new PdfBulletList([
                "Kartlegging av læringsmiljøet høsten 2025",
                "Samtaler med elevråd, foreldreutvalg og ansatte om hva som fungerer og hva som bør endres, med vekt på elevenes opplevelse av medvirkning",
                "Observasjon i klasserom",
            ]),
            new PdfHeading(2, "Avtalte forpliktelser"),
            new PdfCheckList([
                new("Skolen setter av tid til felles utviklingsarbeid hver uke", true),
                new("Skoleeier deltar på oppstartsmøtet og sluttmøtet", true),
                new("Veiledningsteamet gir skriftlig tilbakemelding etter hver samling, senest to uker etter samlingen, og tar opp uenigheter med rektor", false),
            ]),
            new PdfHeading(2, "Fremgangsmåte"),
            new PdfNumberedList(Enumerable.Range(1, 11).Select(i => $"Trinn {i}: " + Prose(random, i % 3 == 0 ? 30 : 8)).ToList()),
            new PdfPageBreak(),
            new PdfHeading(1, TableHeading),
            new PdfParagraph(Prose(random, 40)),
            new PdfTable(
                ["Tiltak", "Ansvarlig", "Frist", "Status"],
                Enumerable.Range(1, 46).Select(i => (IReadOnlyList<string>)[
                    $"Tiltak {i}: " + Prose(random, i % 4 == 0 ? 22 : 6),
                    i % 2 == 0 ? "Rektor" : "Veiledningsteamet",
                    $"{(i % 28) + 1:00}.{(i % 12) + 1:00}.2026",
                    i % 3 == 0 ? "Fullført" : "Pågår",
                ]).ToList(),
                [4, 1.6, 1.1, 1]),
        };

        for (var chapter = 1; chapter <= 4; chapter++)
        {
            blocks.Add(new PdfHeading(1, $"Kapittel {chapter}: Funn fra område {chapter}"));
            blocks.Add(new PdfParagraph(Prose(random, 90)));
            for (var section = 1; section <= 3; section++)
            {
                blocks.Add(new PdfHeading(2, $"Delområde {chapter}.{section}"));
                for (var p = 0; p < 3; p++)
                    blocks.Add(new PdfParagraph(Prose(random, 70 + random.Next(120))));
                blocks.Add(new PdfHeading(3, "Vurdering"));
                blocks.Add(new PdfParagraph(Prose(random, 80)));
            }
        }

        blocks.Add(new PdfHeading(1, LastChapter));
        blocks.Add(new PdfParagraph(Prose(random, 400)));
        blocks.Add(new PdfSpacer(16));
        blocks.Add(new PdfSignatures([
            new("Kari Nordmann", "Rektor, Sentrum skole", "Godkjent 12.03.2026"),
            new("Ola Ås", "Skoleeier, Nordvik kommune", "Godkjent 14.03.2026"),
            new("Siri Bø", "Veileder, universitetet"),
        ]));

        return new PdfDocumentModel(Title)
        {
            Subtitle = "Oppfølgingsordningen – sluttrapport",
            Author = "Veiledningsteam 1, Nordvik",
            Cover = new PdfCover
            {
                Lines = [new("Skole", "Sentrum skole"), new("Skoleeier", "Nordvik kommune")],
                Date = new DateOnly(2026, 3, 14),
            },
            TableOfContents = true,
            Sections = blocks,
        };
    }
}
