using System.Globalization;
using System.Text;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>An agreement version as a document to file: cover, parties, period, the commitments as checklists, and the approvals.</summary>
public static class AgreementPdf
{
    public static PdfDocumentModel Build(ProgrammeHead programme, AgreementVersion v, DateOnly today)
    {
        var status = v.Status switch
        {
            AgreementStatus.Approved => L.T("godkjent av begge parter"),
            AgreementStatus.Superseded => L.T("erstattet av en senere versjon"),
            AgreementStatus.AwaitingApproval => L.T("utkast, venter på godkjenning"),
            _ => L.T("utkast, ikke godkjent"),
        };
        var approvedOn = v.OwnerApprovedAt is { } o && v.PrincipalApprovedAt is { } p ? (o > p ? o : p) : (DateTimeOffset?)null;

        var coverLines = new List<PdfKeyValue>
        {
            new(L.T("Skole"), programme.School),
            new(L.T("Skoleeier"), programme.Owner),
        };
        // The team is named under "Parter"; the school's people may not see the team itself, and the PDF reads the same for everyone.
        coverLines.Add(new(L.T("Periode"), AgreementRules.PeriodText(v.PeriodFrom, v.PeriodTo)));
        coverLines.Add(new(L.T("Versjon"), $"{v.Number}, {status}"));
        if (approvedOn is { } at) coverLines.Add(new(L.T("Godkjent"), NorwegianTime.DateTime(at)));

        var blocks = new List<PdfBlock>();
        if (v.Status != AgreementStatus.Approved)
        {
            blocks.Add(new PdfParagraph([new PdfRun(v.Status == AgreementStatus.Superseded
                ? L.T("Versjon {0} gjelder ikke lenger; den er erstattet av en senere versjon.", v.Number)
                : L.T("Dette er et utkast. Avtalen gjelder først når både skoleeier og skolen har godkjent versjon {0}.", v.Number), Bold: true)]));
            blocks.Add(new PdfSpacer(6));
        }
        blocks.Add(new PdfParagraph(
            L.T("Avtalen gjelder samarbeid om skolebasert kompetanseutvikling mellom {0} og {1}, med veiledning av skolens ledelse fra et veilederteam. Veiledningen skal støtte skoleledelsen i å lede utviklingsarbeidet; ansvaret for utviklingen ligger fortsatt hos skolen.", programme.Owner, programme.School)));

        blocks.Add(new PdfHeading(1, L.T("1 Parter")));
        blocks.Add(new PdfParagraph(v.Parties));

        blocks.Add(new PdfHeading(1, L.T("2 Periode og utviklingsområde")));
        blocks.Add(new PdfKeyValueTable(
        [
            new(L.T("Periode"), AgreementRules.PeriodText(v.PeriodFrom, v.PeriodTo)),
            new(L.T("Utviklingsområde"), v.DevelopmentArea ?? AgreementRules.AreaToBeAgreed),
        ]));

        blocks.Add(new PdfHeading(1, L.T("3 Ansvar og forpliktelser")));
        blocks.Add(new PdfParagraph(L.T("Punktene som er krysset av, er avtalt mellom partene.")));
        var lines = AgreementRules.Ordered(v.Lines).ToList();
        var number = 0;
        foreach (var section in AgreementRules.Sections)
        {
            var inSection = lines.Where(l => l.Section == section).ToList();
            if (inSection.Count == 0) continue;
            number++;
            blocks.Add(new PdfHeading(2, $"3.{number} {AgreementRules.SectionName(section)}"));
            blocks.Add(new PdfCheckList([.. inSection.Select(l => new PdfCheckItem(L.Data(l.Text), l.Checked))]));
        }

        blocks.Add(new PdfHeading(1, L.T("4 Godkjenning")));
        blocks.Add(new PdfParagraph(v.OwnerApprovedAt is not null && v.PrincipalApprovedAt is not null
            ? L.T("Versjon {0} av avtalen er godkjent elektronisk i Stillas av begge parter, som vist under.", v.Number)
            : L.T("Versjon {0} er ikke godkjent av begge parter ennå. En endring etter godkjenning blir en ny versjon som begge parter godkjenner på nytt.", v.Number)));
        blocks.Add(new PdfSignatures(
        [
            new PdfSignature(v.OwnerApprovedBy ?? "", L.T("For skoleeier, {0}", programme.Owner), v.OwnerApprovedAt is { } oa ? L.T("Godkjent {0}", NorwegianTime.DateTime(oa)) : L.T("Ikke godkjent ennå")),
            new PdfSignature(v.PrincipalApprovedBy ?? "", L.T("For skolen, {0}", programme.School), v.PrincipalApprovedAt is { } pa ? L.T("Godkjent {0}", NorwegianTime.DateTime(pa)) : L.T("Ikke godkjent ennå")),
        ]));

        return new PdfDocumentModel(L.T("Samarbeidsavtale"))
        {
            Subtitle = L.T("om veiledning av skoleledelsen ved {0}", programme.School),
            Author = programme.Owner,
            Subject = L.T("Samarbeidsavtale mellom {0} og {1}, versjon {2}", programme.Owner, programme.School, v.Number),
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
