using System.Globalization;
using System.Net;
using System.Text;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Pdf;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>The interim-work agreement (seed 000 § 5.2) as a PDF to file and as the mail's body.</summary>
public static class InterimWorkPdf
{
    /// <summary>"24.11.2026 kl. 09:00" / "24/11/2026 at 09:00" in the current language, or that it is not agreed.</summary>
    public static string NextSessionText(DateTime? at) =>
        at is { } t ? L.T("{0} kl. {1}", NorwegianTime.Date(DateOnly.FromDateTime(t)), NorwegianTime.Time(TimeOnly.FromDateTime(t))) : L.T("Ikke avtalt ennå");

    /// <summary>The agreement as a PDF, in the current language (the recipient's, for the mail).</summary>
    public static PdfDocumentModel Build(ProgrammeHead programme, int sessionNumber, InterimWorkAgreement a, DateOnly today)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfKeyValueTable(
            [
                new(L.T("Skole"), programme.School),
                new(L.T("Avtalt på"), L.T("Veiledning {0}", sessionNumber)),
                new(L.T("Versjon"), a.Status == InterimWorkStatus.Superseded ? L.T("{0} (erstattet av en senere versjon)", a.Version) : a.Version.ToString(CultureInfo.CurrentCulture)),
                new(L.T("Tilbakemelding sendes veilederteamet innen"), NorwegianTime.Date(a.FeedbackDeadline)),
                new(L.T("Dato og klokkeslett for neste veiledning"), NextSessionText(a.NextSessionAt)),
            ]),
            new PdfHeading(1, L.T("Status mellomarbeid")),
            new PdfParagraph(L.T("Beskriv under hvert punkt hvordan dere har arbeidet.")),
            new PdfNumberedList(a.Points),
            new PdfHeading(1, L.T("Lesebestilling, teori")),
            new PdfParagraph(a.ReadingAssignment ?? L.T("Ingen lesebestilling.")),
            new PdfHeading(1, L.T("Veiledningstema for neste veiledning")),
            new PdfParagraph(a.NextTopic ?? L.T("Ikke avtalt.")),
        };
        if (a.SentAt is { } sent)
            blocks.Add(new PdfParagraph([new PdfRun(L.T("Sendt av {0} {1}.", a.SentByName, NorwegianTime.DateTime(sent)), Italic: true)]));
        return new PdfDocumentModel(L.T("Avtalt mellomarbeid"))
        {
            Subtitle = L.T("etter veiledning {0}, {1}", sessionNumber, programme.School),
            Author = programme.Owner,
            Subject = L.T("Avtale om mellomarbeid etter veiledning {0}, versjon {1}", sessionNumber, a.Version),
            Sections = blocks,
        };
    }

    /// <summary>The mail's plain text and HTML, in the current language (wrap in <c>Languages.Use(recipient.Language)</c>).</summary>
    public static (string Text, string Html) MailBody(ProgrammeHead programme, int sessionNumber, InterimWorkAgreement a, string link)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var text = new StringBuilder();
        text.AppendLine(a.Version > 1
            ? L.T("Avtale om mellomarbeid etter veiledning {0}, {1} (endret, versjon {2})", sessionNumber, programme.School, a.Version)
            : L.T("Avtale om mellomarbeid etter veiledning {0}, {1}", sessionNumber, programme.School));
        text.AppendLine();
        text.AppendLine(L.T("Tilbakemelding på mellomarbeidet og ønsket tema for neste veiledning sendes veilederteamet innen {0}.", NorwegianTime.Date(a.FeedbackDeadline)));
        text.AppendLine(L.T("Neste veiledning: {0}", NextSessionText(a.NextSessionAt)));
        text.AppendLine();
        text.AppendLine(L.T("Mellomarbeid:"));
        for (var i = 0; i < a.Points.Count; i++) text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {a.Points[i]}");
        text.AppendLine();
        text.AppendLine(L.T("Lesebestilling: {0}", a.ReadingAssignment ?? L.T("ingen")));
        text.AppendLine(L.T("Veiledningstema for neste veiledning: {0}", a.NextTopic ?? L.T("ikke avtalt")));
        text.AppendLine();
        text.AppendLine(L.T("Skriv tilbakemeldingen i Stillas: {0}", link));
        text.AppendLine(L.T("Avtalen ligger også ved som PDF."));

        var html = new StringBuilder();
        html.Append("<h1>").Append(E(L.T("Avtale om mellomarbeid etter veiledning {0}", sessionNumber))).Append("</h1><p>").Append(E(programme.School));
        if (a.Version > 1) html.Append(E(L.T(" – endret, versjon {0}", a.Version)));
        html.Append("</p>");
        html.Append("<p><strong>").Append(E(L.T("Tilbakemelding sendes veilederteamet innen:"))).Append("</strong> ").Append(E(NorwegianTime.Date(a.FeedbackDeadline)))
            .Append("<br><strong>").Append(E(L.T("Neste veiledning:"))).Append("</strong> ").Append(E(NextSessionText(a.NextSessionAt))).Append("</p>");
        html.Append("<h2>").Append(E(L.T("Mellomarbeid"))).Append("</h2><ol>");
        foreach (var p in a.Points) html.Append("<li>").Append(E(p)).Append("</li>");
        html.Append("</ol>");
        html.Append("<h2>").Append(E(L.T("Lesebestilling, teori"))).Append("</h2><p>").Append(E(a.ReadingAssignment ?? L.T("Ingen lesebestilling."))).Append("</p>");
        html.Append("<h2>").Append(E(L.T("Veiledningstema for neste veiledning"))).Append("</h2><p>").Append(E(a.NextTopic ?? L.T("Ikke avtalt."))).Append("</p>");
        html.Append("<p><a href=\"").Append(E(link)).Append("\">").Append(E(L.T("Skriv tilbakemeldingen i Stillas"))).Append("</a>. ").Append(E(L.T("Avtalen ligger også ved som PDF."))).Append("</p>");
        return (text.ToString(), html.ToString());
    }

    public static string FileName(ProgrammeHead programme, int sessionNumber, int version) =>
        AgreementPdf.FileName(programme, version).Replace("samarbeidsavtale-", string.Create(CultureInfo.InvariantCulture, $"mellomarbeid-veiledning{sessionNumber}-"), StringComparison.Ordinal);
}
