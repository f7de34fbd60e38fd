using System.Globalization;
using System.Text;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>An agreement version as a document to file: cover, parties, period, the commitments as checklists, and the approvals.</summary>
public static class AgreementPdf
{
    public static PdfDocumentModel Build(ProgrammeHead programme, AgreementVersion v, DateOnly today)
    {
        var status = v.Status switch
        {
            AgreementStatus.Approved => "godkjent av begge parter",
            AgreementStatus.Superseded => "erstattet av en senere versjon",
            AgreementStatus.AwaitingApproval => "utkast, venter på godkjenning",
            _ => "utkast, ikke godkjent",
        };
        var approvedOn = v.OwnerApprovedAt is { } o && v.PrincipalApprovedAt is { } p ? (o > p ? o : p) : (DateTimeOffset?)null;

        var coverLines = new List<PdfKeyValue>
        {
            new("Skole", programme.School),
            new("Skoleeier", programme.Owner),
        };
        // The team is named under "Parter"; the school's people may not see the team itself, and the PDF reads the same for everyone.
        coverLines.Add(new("Periode", AgreementRules.PeriodText(v.PeriodFrom, v.PeriodTo)));
        coverLines.Add(new("Versjon", $"{v.Number}, {status}"));
        if (approvedOn is { } at) coverLines.Add(new("Godkjent", NorwegianTime.DateTime(at)));

        var blocks = new List<PdfBlock>();
        if (v.Status != AgreementStatus.Approved)
        {
            blocks.Add(new PdfParagraph([new PdfRun(v.Status == AgreementStatus.Superseded
                ? $"Versjon {v.Number} gjelder ikke lenger; den er erstattet av en senere versjon."
                : $"Dette er et utkast. Avtalen gjelder først når både skoleeier og skolen har godkjent versjon {v.Number}.", Bold: true)]));
            blocks.Add(new PdfSpacer(6));
        }
        blocks.Add(new PdfParagraph(
            $"Avtalen gjelder samarbeid om skolebasert kompetanseutvikling mellom {programme.Owner} og {programme.School}, med veiledning av skolens ledelse fra et veilederteam. " +
            "Veiledningen skal støtte skoleledelsen i å lede utviklingsarbeidet; ansvaret for utviklingen ligger fortsatt hos skolen."));

        blocks.Add(new PdfHeading(1, "1 Parter"));
        blocks.Add(new PdfParagraph(v.Parties));

        blocks.Add(new PdfHeading(1, "2 Periode og utviklingsområde"));
        blocks.Add(new PdfKeyValueTable(
        [
            new("Periode", AgreementRules.PeriodText(v.PeriodFrom, v.PeriodTo)),
            new("Utviklingsområde", v.DevelopmentArea ?? AgreementRules.AreaToBeAgreed),
        ]));

        blocks.Add(new PdfHeading(1, "3 Ansvar og forpliktelser"));
        blocks.Add(new PdfParagraph("Punktene som er krysset av, er avtalt mellom partene."));
        var lines = AgreementRules.Ordered(v.Lines).ToList();
        var number = 0;
        foreach (var section in AgreementRules.Sections)
        {
            var inSection = lines.Where(l => l.Section == section).ToList();
            if (inSection.Count == 0) continue;
            number++;
            blocks.Add(new PdfHeading(2, $"3.{number} {AgreementRules.SectionName(section)}"));
            blocks.Add(new PdfCheckList([.. inSection.Select(l => new PdfCheckItem(l.Text, l.Checked))]));
        }

        blocks.Add(new PdfHeading(1, "4 Godkjenning"));
        blocks.Add(new PdfParagraph(v.OwnerApprovedAt is not null && v.PrincipalApprovedAt is not null
            ? $"Versjon {v.Number} av avtalen er godkjent elektronisk i Stillas av begge parter, som vist under."
            : $"Versjon {v.Number} er ikke godkjent av begge parter ennå. En endring etter godkjenning blir en ny versjon som begge parter godkjenner på nytt."));
        blocks.Add(new PdfSignatures(
        [
            new PdfSignature(v.OwnerApprovedBy ?? "", $"For skoleeier, {programme.Owner}", v.OwnerApprovedAt is { } oa ? $"Godkjent {NorwegianTime.DateTime(oa)}" : "Ikke godkjent ennå"),
            new PdfSignature(v.PrincipalApprovedBy ?? "", $"For skolen, {programme.School}", v.PrincipalApprovedAt is { } pa ? $"Godkjent {NorwegianTime.DateTime(pa)}" : "Ikke godkjent ennå"),
        ]));

        return new PdfDocumentModel("Samarbeidsavtale")
        {
            Subtitle = $"om veiledning av skoleledelsen ved {programme.School}",
            Author = programme.Owner,
            Subject = $"Samarbeidsavtale mellom {programme.Owner} og {programme.School}, versjon {v.Number}",
            // An approved version carries its approval time; a draft carries the day it was printed.
            Cover = new PdfCover { Lines = coverLines, Date = approvedOn is null ? today : null },
            Sections = blocks,
        };
    }

    /// <summary>
    /// The PDF of version <paramref name="number"/>, or by default of the version in force (the draft while
    /// none is); null when the programme, its agreement or the version is not visible.
    /// </summary>
    public static async Task<(byte[] Bytes, string FileName)?> RenderAsync(StillasDb db, int programmeId, int? number, DateOnly today, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return null;
        var head = await AgreementReads.AgreementAsync(db, programmeId, ct);
        if (head is null) return null;
        var n = number ?? (head.CurrentVersion > 0 ? head.CurrentVersion : head.LatestNumber);
        var version = await AgreementReads.VersionAsync(db, head.Id, n, ct);
        if (version is null) return null;
        return (PdfWriter.Render(Build(programme, version, today)), FileName(programme, n));
    }

    /// <summary>"samarbeidsavtale-sentrum-skole-v2.pdf": ASCII, so every browser and file system keeps it.</summary>
    public static string FileName(ProgrammeHead programme, int number)
    {
        var slug = new StringBuilder();
        foreach (var c in programme.School.ToLowerInvariant())
        {
            var s = c switch { 'æ' => "ae", 'ø' => "o", 'å' => "a", _ => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "-" };
            slug.Append(s);
        }
        var name = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return string.Create(CultureInfo.InvariantCulture, $"samarbeidsavtale-{name}-v{number}.pdf");
    }
}
