using System.Globalization;
using System.Net;
using System.Text;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>The interim-work agreement (seed 000 § 5.2) as a PDF to file and as the mail's body.</summary>
public static class InterimWorkPdf
{
    public static string NextSessionText(DateTime? at) =>
        at is { } t ? t.ToString("dd.MM.yyyy 'kl.' HH:mm", CultureInfo.InvariantCulture) : "Ikke avtalt ennå";

    public static PdfDocumentModel Build(ProgrammeHead programme, int sessionNumber, InterimWorkAgreement a, DateOnly today)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfKeyValueTable(
            [
                new("Skole", programme.School),
                new("Avtalt på", $"Veiledning {sessionNumber}"),
                new("Versjon", a.Version.ToString(CultureInfo.InvariantCulture) + (a.Status == InterimWorkStatus.Superseded ? " (erstattet av en senere versjon)" : "")),
                new("Tilbakemelding sendes veilederteamet innen", NorwegianTime.Date(a.FeedbackDeadline)),
                new("Dato og klokkeslett for neste veiledning", NextSessionText(a.NextSessionAt)),
            ]),
            new PdfHeading(1, "Status mellomarbeid"),
            new PdfParagraph("Beskriv under hvert punkt hvordan dere har arbeidet."),
            new PdfNumberedList(a.Points),
            new PdfHeading(1, "Lesebestilling, teori"),
            new PdfParagraph(a.ReadingAssignment ?? "Ingen lesebestilling."),
            new PdfHeading(1, "Veiledningstema for neste veiledning"),
            new PdfParagraph(a.NextTopic ?? "Ikke avtalt."),
        };
        if (a.SentAt is { } sent)
            blocks.Add(new PdfParagraph([new PdfRun($"Sendt av {a.SentByName} {NorwegianTime.DateTime(sent)}.", Italic: true)]));
        return new PdfDocumentModel("Avtalt mellomarbeid")
        {
            Subtitle = $"etter veiledning {sessionNumber}, {programme.School}",
            Author = programme.Owner,
            Subject = $"Avtale om mellomarbeid etter veiledning {sessionNumber}, versjon {a.Version}",
            Sections = blocks,
        };
    }

    public static (string Text, string Html) MailBody(ProgrammeHead programme, int sessionNumber, InterimWorkAgreement a, string link)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Avtale om mellomarbeid etter veiledning {sessionNumber}, {programme.School}{(a.Version > 1 ? $" (endret, versjon {a.Version})" : "")}"));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Tilbakemelding på mellomarbeidet og ønsket tema for neste veiledning sendes veilederteamet innen {NorwegianTime.Date(a.FeedbackDeadline)}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Neste veiledning: {NextSessionText(a.NextSessionAt)}");
        text.AppendLine();
        text.AppendLine("Mellomarbeid:");
        for (var i = 0; i < a.Points.Count; i++) text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {a.Points[i]}");
        text.AppendLine();
        text.AppendLine("Lesebestilling: " + (a.ReadingAssignment ?? "ingen"));
        text.AppendLine("Veiledningstema for neste veiledning: " + (a.NextTopic ?? "ikke avtalt"));
        text.AppendLine();
        text.AppendLine("Skriv tilbakemeldingen i Stillas: " + link);
        text.AppendLine("Avtalen ligger også ved som PDF.");

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>Avtale om mellomarbeid etter veiledning {sessionNumber}</h1><p>{E(programme.School)}{(a.Version > 1 ? $" – endret, versjon {a.Version}" : "")}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><strong>Tilbakemelding sendes veilederteamet innen:</strong> {NorwegianTime.Date(a.FeedbackDeadline)}<br><strong>Neste veiledning:</strong> {E(NextSessionText(a.NextSessionAt))}</p>");
        html.Append("<h2>Mellomarbeid</h2><ol>");
        foreach (var p in a.Points) html.Append("<li>").Append(E(p)).Append("</li>");
        html.Append("</ol>");
        html.Append("<h2>Lesebestilling, teori</h2><p>").Append(E(a.ReadingAssignment ?? "Ingen lesebestilling.")).Append("</p>");
        html.Append("<h2>Veiledningstema for neste veiledning</h2><p>").Append(E(a.NextTopic ?? "Ikke avtalt.")).Append("</p>");
        html.Append("<p><a href=\"").Append(E(link)).Append("\">Skriv tilbakemeldingen i Stillas</a>. Avtalen ligger også ved som PDF.</p>");
        return (text.ToString(), html.ToString());
    }

    public static string FileName(ProgrammeHead programme, int sessionNumber, int version) =>
        AgreementPdf.FileName(programme, version).Replace("samarbeidsavtale-", string.Create(CultureInfo.InvariantCulture, $"mellomarbeid-veiledning{sessionNumber}-"), StringComparison.Ordinal);
}
