using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;

namespace Stillas.Web.Platform.Pdf;

/// <summary>
/// Renders a <see cref="PdfDocumentModel"/> as a tagged A4 PDF (PDFsharp 6 with UniversalAccessibility):
/// a layout pass places everything and numbers the pages, then each page is drawn once, in order,
/// with "Side X av Y" in the footer, the title in the header from page 2, and a table of contents
/// whose page numbers and links come from the layout.
/// </summary>
public static class PdfWriter
{
    /// <summary>The document's language (nb-NO, nn-NO or en-GB): the current one, the same that wrote its texts.</summary>
    public static string Language => Text.Languages.Culture(Text.Languages.Current).Name;

    const double HeaderBaseline = 44, HeaderRule = 52, FooterBaseline = PdfLayout.PageHeight - 38, FurnitureSize = 8.5;

    public static byte[] Render(PdfDocumentModel doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        PdfFonts.EnsureInstalled();
        var layout = PdfLayout.Run(doc);

        using var pdf = new PdfDocument();
        pdf.Info.Title = doc.Title;
        if (!string.IsNullOrWhiteSpace(doc.Author))
            pdf.Info.Author = doc.Author;
        if ((doc.Subject ?? doc.Subtitle) is { Length: > 0 } subject)
            pdf.Info.Subject = subject;
        pdf.Info.Creator = "Stillas";
        pdf.PageLayout = PdfPageLayout.SinglePage;
        pdf.PageMode = layout.Headings.Any(h => h.Level <= 2) ? PdfPageMode.UseOutlines : PdfPageMode.UseNone;

        var ua = UAManager.ForDocument(pdf);
        ua.SetDocumentLanguage(Language);
        var sb = ua.StructureBuilder;
        var fonts = new Dictionary<(FontFace, double), XFont>();
        XFont Font(FontFace face, double size)
        {
            if (!fonts.TryGetValue((face, size), out var font))
                fonts[(face, size)] = font = PdfFonts.Create(face, size);
            return font;
        }

        var total = layout.Pages.Count;
        var pages = new List<PdfPage>(total);
        for (var n = 1; n <= total; n++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PdfLayout.PageWidth);
            page.Height = XUnit.FromPoint(PdfLayout.PageHeight);
            pages.Add(page);
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                DrawHeader(gfx, sb, Font, doc.Title, n);
                foreach (var op in layout.Pages[n - 1])
                    Draw(gfx, sb, Font, op);
                DrawFooter(gfx, sb, Font, n, total);
                // Close this page's marked content before its graphics go away.
                sb.EndMarkedContentsWithId();
            }
        }

        AddBookmarks(pdf, pages, layout.Headings);

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        var bytes = stream.ToArray();
        RewriteXmp(bytes, pdf.Info);
        return bytes;
    }

    static void Draw(XGraphics gfx, StructureBuilder sb, Func<FontFace, double, XFont> font, Op op)
    {
        switch (op)
        {
            case TextOp t when t.Artifact:
                sb.BeginArtifact();
                gfx.DrawString(t.Text, font(t.Face, t.Size), new XSolidBrush(t.Color), t.X, t.Baseline, XStringFormats.BaseLineLeft);
                sb.End();
                break;
            case TextOp t:
                gfx.DrawString(t.Text, font(t.Face, t.Size), new XSolidBrush(t.Color), t.X, t.Baseline, XStringFormats.BaseLineLeft);
                break;
            case PageRefOp r:
            {
                var text = r.Target.Page.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var width = TextMetrics.Width(text, r.Face, r.Size);
                gfx.DrawString(text, font(r.Face, r.Size), new XSolidBrush(r.Color), r.Right - width, r.Baseline, XStringFormats.BaseLineLeft);
                break;
            }
            case LineOp l:
                sb.BeginArtifact();
                gfx.DrawLine(new XPen(l.Color, l.Width), l.X1, l.Y1, l.X2, l.Y2);
                sb.End();
                break;
            case FillOp f:
                sb.BeginArtifact();
                gfx.DrawRectangle(new XSolidBrush(f.Color), f.Rect);
                sb.End();
                break;
            case CheckBoxOp c:
            {
                var pen = new XPen(PdfLayout.Ink, 0.9);
                gfx.DrawRectangle(pen, c.Rect);
                if (c.Checked)
                {
                    var r = c.Rect;
                    var tick = new XPen(PdfLayout.Accent, 1.4) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
                    gfx.DrawLines(tick, [
                        new XPoint(r.Left + r.Width * 0.2, r.Top + r.Height * 0.55),
                        new XPoint(r.Left + r.Width * 0.42, r.Top + r.Height * 0.78),
                        new XPoint(r.Left + r.Width * 0.82, r.Top + r.Height * 0.22),
                    ]);
                }
                break;
            }
            case BeginOp b:
                Begin(sb, b);
                break;
            case BeginLinkOp l:
            {
                // Link annotations use PDF user space: origin bottom left.
                var a = l.Area;
                var rect = new PdfRectangle(new XPoint(a.Left, PdfLayout.PageHeight - a.Bottom), new XPoint(a.Right, PdfLayout.PageHeight - a.Top));
                var link = PdfLinkAnnotation.CreateDocumentLink(rect, l.Target.Page);
                sb.BeginElement(link, Text.L.T("{0}, side {1}", l.Target.Text, l.Target.Page));
                break;
            }
            case EndOp:
                sb.End();
                break;
            default:
                throw new NotSupportedException($"Unknown layout operation {op.GetType().Name}.");
        }
    }

    static void Begin(StructureBuilder sb, BeginOp b)
    {
        switch (b.Tag)
        {
            case "TOC" or "TOCI" or "Div" or "Sect":
                sb.BeginGroupingElement(b.Tag);
                break;
            case "Reference" or "Span" or "Link":
                sb.BeginInlineLevelElement(b.Tag);
                break;
            default:
                sb.BeginBlockLevelElement(b.Tag);
                break;
        }
        var element = sb.CurrentStructureElement;
        if (b.Alt is not null)
            element.Elements.SetString("/Alt", b.Alt);
        if (b.Scope is not null)
            element.TableAttributes.Elements.SetName("/Scope", "/" + b.Scope);
    }

    /// <summary>The document title above a rule, from page 2; an artifact.</summary>
    static void DrawHeader(XGraphics gfx, StructureBuilder sb, Func<FontFace, double, XFont> font, string title, int page)
    {
        if (page == 1)
            return;
        sb.BeginArtifact();
        var shown = Fit(title, FontFace.Regular, FurnitureSize, PdfLayout.ContentWidth);
        gfx.DrawString(shown, font(FontFace.Regular, FurnitureSize), new XSolidBrush(PdfLayout.Muted), PdfLayout.Left, HeaderBaseline, XStringFormats.BaseLineLeft);
        gfx.DrawLine(new XPen(PdfLayout.Rule, 0.5), PdfLayout.Left, HeaderRule, PdfLayout.Right, HeaderRule);
        sb.End();
    }

    /// <summary>"Side X av Y" (in the document's language) at the bottom right; an artifact.</summary>
    static void DrawFooter(XGraphics gfx, StructureBuilder sb, Func<FontFace, double, XFont> font, int page, int total)
    {
        sb.BeginArtifact();
        var footer = Text.L.T("Side {0} av {1}", page, total);
        var width = TextMetrics.Width(footer, FontFace.Regular, FurnitureSize);
        gfx.DrawString(footer, font(FontFace.Regular, FurnitureSize), new XSolidBrush(PdfLayout.Muted), PdfLayout.Right - width, FooterBaseline, XStringFormats.BaseLineLeft);
        sb.End();
    }

    /// <summary>The text, shortened with an ellipsis to fit the width.</summary>
    static string Fit(string text, FontFace face, double size, double width)
    {
        if (TextMetrics.Width(text, face, size) <= width)
            return text;
        var ellipsis = TextMetrics.Width("…", face, size);
        var end = text.Length;
        while (end > 0 && TextMetrics.Width(text.AsSpan(0, end), face, size) + ellipsis > width)
            end--;
        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }

    static void AddBookmarks(PdfDocument pdf, List<PdfPage> pages, IReadOnlyList<Anchor> headings)
    {
        PdfOutline? parent = null;
        foreach (var h in headings.Where(h => h.Level <= 2 && h.Page > 0))
        {
            var page = pages[h.Page - 1];
            if (h.Level == 1 || parent is null)
            {
                var outline = pdf.Outlines.Add(h.Text, page, true);
                if (h.Level == 1)
                    parent = outline;
            }
            else
                parent.Outlines.Add(h.Text, page, true);
        }
    }

    static readonly byte[] PacketBegin = "<?xpacket begin="u8.ToArray();
    static readonly byte[] PacketEnd = "<?xpacket end=\"w\"?>"u8.ToArray();

    /// <summary>
    /// PDFsharp 6.2.4 writes its XMP from a template without the PDF/UA identifier and without
    /// escaping the values. The packet is stored uncompressed, so it is rewritten in place, padded to
    /// the same length (offsets and /Length stay valid), with escaped values and pdfuaid:part 1.
    /// It is left as it is when the new packet would not fit.
    /// </summary>
    static void RewriteXmp(byte[] pdf, PdfDocumentInformation info)
    {
        var span = pdf.AsSpan();
        var start = span.IndexOf(PacketBegin);
        if (start < 0)
            return;
        var endMarker = span[start..].IndexOf(PacketEnd);
        if (endMarker < 0)
            return;
        var end = start + endMarker;
        var old = Encoding.UTF8.GetString(span[start..end]);
        var header = old[..(old.IndexOf("?>", StringComparison.Ordinal) + 2)];

        string Value(string element) => Regex.Match(old, $"<{element}>([^<]*)</{element}>") is { Success: true } m ? m.Groups[1].Value : "";
        static string X(string? text) => SecurityElement.Escape(text ?? "");

        var xmp = new StringBuilder()
            .Append(header).Append('\n')
            .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"><pdf:Producer>").Append(X(info.Producer)).Append("</pdf:Producer></rdf:Description>\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">")
            .Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>");
        if (info.Author.Length > 0)
            xmp.Append("<dc:creator><rdf:Seq><rdf:li>").Append(X(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>");
        if (info.Subject.Length > 0)
            xmp.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(X(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>");
        xmp.Append("<dc:language><rdf:Bag><rdf:li>").Append(Language).Append("</rdf:li></rdf:Bag></dc:language></rdf:Description>\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>").Append(X(info.Creator))
            .Append("</xmp:CreatorTool><xmp:CreateDate>").Append(Value("xmp:CreateDate")).Append("</xmp:CreateDate><xmp:ModifyDate>").Append(Value("xmp:ModifyDate")).Append("</xmp:ModifyDate></rdf:Description>\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"><xmpMM:DocumentID>").Append(Value("xmpMM:DocumentID"))
            .Append("</xmpMM:DocumentID><xmpMM:InstanceID>").Append(Value("xmpMM:InstanceID")).Append("</xmpMM:InstanceID></rdf:Description>\n")
            .Append("<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"><pdfuaid:part>1</pdfuaid:part></rdf:Description>\n")
            .Append("</rdf:RDF></x:xmpmeta>\n");
        var bytes = Encoding.UTF8.GetBytes(xmp.ToString());
        var length = end - start;
        if (bytes.Length > length)
            return;
        bytes.CopyTo(span[start..]);
        span[(start + bytes.Length)..end].Fill((byte)' ');
    }
}
