using System.Globalization;
using System.Text;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>The final report as a document for the school and its council: cover, contents, summary, findings per sign, questions for reflection. In the current language (the reader's, who downloads it).</summary>
public static class ReportPdf
{
    public static PdfDocumentModel Build(AssessmentProgramme programme, ReportView report, IReadOnlyList<AssessmentSlot> slots, DateOnly today)
    {
        var cover = new List<PdfKeyValue> { new(L.T("Skole"), programme.SchoolName), new(L.T("Skoleeier"), programme.OwnerName) };
        if (slots.Count > 0)
            cover.Add(new(L.T("Vurderingsdager"), $"{NorwegianTime.Date(slots.Min(s => s.Date))}–{NorwegianTime.Date(slots.Max(s => s.Date))}"));
        cover.Add(new(L.T("Status"), AssessmentRules.Label(report.Status)));
        if (report.FinalAt is { } fa) cover.Add(new(L.T("Endelig"), NorwegianTime.Date(fa)));

        var blocks = new List<PdfBlock>();
        if (report.Status == ReportStatus.Draft)
            blocks.Add(new PdfParagraph([new PdfRun(L.T("Dette er et utkast. Rapporten er ikke endelig."), Bold: true)]));

        var chapter = 0;
        blocks.Add(new PdfHeading(1, $"{++chapter} {L.T("Om vurderingsdagene")}"));
        blocks.Add(new PdfParagraph(L.T("Veilederteamet vurderte praksisen ved {0} sammen med skolens ledelse, med utgangspunkt i tegnene på god praksis i skolens fremtidsbilde. Vurderingen bygger på samtaler med ledelsen, ansatte, elever og foresatte, og på observasjon i undervisning og friminutt. Rapporten er utgangspunktet for veiledningen videre; spørsmålene til refleksjon åpner første veiledning.",
            programme.SchoolName)));
        var school = slots.Where(s => s.SchoolTakesPart).ToList();
        if (school.Count > 0)
            blocks.Add(new PdfTable([L.T("Dato"), L.T("Tid"), L.T("Hva"), L.T("Hvem")],
                [.. school.Select(s => (IReadOnlyList<string>)[NorwegianTime.Date(s.Date), $"{AssessmentRules.Time(s.Start)}–{AssessmentRules.Time(s.End)}", L.Data(s.Title), L.Data(s.Who)])],
                [1.1, 1, 3, 2]));

        if (report.Summary is { } summary)
        {
            blocks.Add(new PdfHeading(1, $"{++chapter} {L.T("Oppsummering")}"));
            blocks.Add(new PdfParagraph(summary.IsEmpty ? L.T("Ikke skrevet.") : summary.Findings));
            if (AssessmentRules.QuestionLines(summary.Questions) is { Count: > 0 } sq) blocks.Add(new PdfBulletList(sq));
        }

        blocks.Add(new PdfHeading(1, $"{++chapter} {L.T("Funn per tegn på god praksis")}"));
        var n = 0;
        foreach (var s in report.SignSections)
        {
            blocks.Add(new PdfHeading(2, $"{chapter}.{++n} {L.Data(s.Title)}"));
            if (s.IsEmpty)
            {
                blocks.Add(new PdfParagraph(L.T("Ikke vurdert.")));
                continue;
            }
            foreach (var (label, text) in new[] { (L.T("Funn"), s.Findings), (L.T("Dette fungerer godt"), s.WorksWell), (L.T("Dette kan utvikles"), s.ToDevelop) })
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                blocks.Add(new PdfHeading(3, label));
                blocks.Add(new PdfParagraph(text));
            }
            if (AssessmentRules.QuestionLines(s.Questions) is { Count: > 0 } q)
            {
                blocks.Add(new PdfHeading(3, L.T("Spørsmål til refleksjon")));
                blocks.Add(new PdfBulletList(q));
            }
        }

        var all = report.SignSections.SelectMany(s => AssessmentRules.QuestionLines(s.Questions)).ToList();
        if (all.Count > 0)
        {
            blocks.Add(new PdfHeading(1, $"{++chapter} {L.T("Alle spørsmål til refleksjon")}"));
            blocks.Add(new PdfNumberedList(all));
        }
        if (report.Presentations.Count > 0)
        {
            blocks.Add(new PdfHeading(1, $"{++chapter} {L.T("Framlegg")}"));
            blocks.Add(new PdfTable([L.T("Dato"), L.T("Lagt fram for"), L.T("Merknad")],
                [.. report.Presentations.Select(x => (IReadOnlyList<string>)[NorwegianTime.Date(x.Date), AssessmentRules.Label(x.Audience), x.Note ?? ""])], [1, 2, 3]));
        }

        return new PdfDocumentModel(L.T("Rapport fra vurderingsdagene"))
        {
            Subtitle = programme.SchoolName,
            Author = L.T("Veilederteamet, {0}", programme.OwnerName),
            Subject = L.T("Vurderingsrapport for {0}", programme.SchoolName),
            Cover = new PdfCover { Lines = cover, Date = report.FinalAt is null ? today : DateOnly.FromDateTime(NorwegianTime.ToOslo(report.FinalAt.Value).DateTime) },
            TableOfContents = true,
            Sections = blocks,
        };
    }

    public static async Task<(byte[] Bytes, string FileName)?> RenderAsync(StillasDb db, int programmeId, Platform.Access.AccessScope scope, DateOnly today, CancellationToken ct)
    {
        var programme = await AssessmentProgramme.LoadAsync(db, programmeId, ct);
        if (programme is null) return null;
        var report = await AssessmentService.ReportAsync(db, programmeId, ct);
        if (report is null || !scope.CanReadReport(programme, report.Status)) return null;
        var slots = await AssessmentService.SlotsAsync(db, programmeId, ct);
        return (PdfWriter.Render(Build(programme, report, slots, today)), FileName(programme.SchoolName));
    }

    public static string FileName(string school)
    {
        var slug = new StringBuilder();
        foreach (var c in school.ToLowerInvariant())
            slug.Append(c switch { 'æ' => "ae", 'ø' => "o", 'å' => "a", _ => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "-" });
        return string.Create(CultureInfo.InvariantCulture, $"vurderingsrapport-{string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries))}.pdf");
    }
}
