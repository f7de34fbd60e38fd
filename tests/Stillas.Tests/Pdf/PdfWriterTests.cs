using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Stillas.Web.Platform.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;
using Xunit.Abstractions;

namespace Stillas.Tests.Pdf;

/// <summary>The sample report, rendered once and read back with PdfPig.</summary>
public sealed class SampleReport
{
    public byte[] Bytes { get; } = PdfWriter.Render(SampleDocument.Build());
}

public sealed class PdfWriterTests(SampleReport sample, ITestOutputHelper output) : IClassFixture<SampleReport>
{
    static string Text(Page page) => ContentOrderTextExtractor.GetText(page);

    static string[] PageTexts(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(Text).ToArray();
    }

    [Fact]
    public void Sample_report_runs_to_about_twenty_pages_each_numbered_Side_X_av_Y()
    {
        var pages = PageTexts(sample.Bytes);
        Assert.InRange(pages.Length, 18, 24);
        for (var i = 0; i < pages.Length; i++)
            Assert.Contains($"Side {i + 1} av {pages.Length}", pages[i]);
    }

    [Fact]
    public void Title_is_in_the_header_from_page_two()
    {
        var pages = PageTexts(sample.Bytes);
        Assert.Single(Regex.Matches(Regex.Replace(pages[0], @"\s+", " "), Regex.Escape(SampleDocument.Title))); // the cover's title only
        Assert.All(pages.Skip(1), p => Assert.StartsWith(SampleDocument.Title, p.TrimStart()));
    }

    [Fact]
    public void Table_of_contents_gives_the_page_each_heading_is_on()
    {
        var pages = PageTexts(sample.Bytes);
        Assert.Contains("Innhold", pages[1]);
        var toc = pages[1];
        foreach (var heading in new[] { "Innledning", SampleDocument.TableHeading, "Kapittel 3: Funn fra område 3", "Delområde 3.2", SampleDocument.LastChapter })
        {
            var entry = Regex.Match(toc, Regex.Escape(heading) + @"[\s.]*?(\d+)\s*$", RegexOptions.Multiline);
            Assert.True(entry.Success, $"No TOC entry for {heading}");
            var page = int.Parse(entry.Groups[1].Value);
            Assert.InRange(page, 3, pages.Length);
            Assert.Contains(heading, pages[page - 1]);
            Assert.DoesNotContain(pages.Take(page - 1).Skip(2), p => p.Contains(heading + "\n") || p.EndsWith(heading));
        }
        Assert.DoesNotContain("Vurdering\n", toc); // level 3 stays out
    }

    [Fact]
    public void Norwegian_letters_are_embedded_and_extract_verbatim()
    {
        using var doc = PdfDocument.Open(sample.Bytes);
        var text = string.Join('\n', doc.GetPages().Select(Text));
        Assert.Contains(SampleDocument.Norwegian, text);
        Assert.Contains("Ola Ås", text);
        var fonts = doc.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.All(fonts, f => Assert.Contains("+DejaVu Sans", f)); // subset-embedded
        Assert.Contains(fonts, f => f.Contains("Bold"));
        Assert.Contains(fonts, f => f.Contains("Oblique"));
    }

    [Fact]
    public void Metadata_names_title_author_subject_creator_and_language()
    {
        using var doc = PdfDocument.Open(sample.Bytes);
        Assert.Equal(SampleDocument.Title, doc.Information.Title);
        Assert.NotNull(doc.Structure.Catalog);
        Assert.Equal("Veiledningsteam 1, Nordvik", doc.Information.Author);
        Assert.Equal("Oppfølgingsordningen – sluttrapport", doc.Information.Subject);
        Assert.Equal("Stillas", doc.Information.Creator);
        var catalog = doc.Structure.Catalog.CatalogDictionary;
        Assert.Equal("nb-NO", ((StringToken)catalog.Data["Lang"]).Data);
        var viewer = Resolve<DictionaryToken>(doc, catalog.Data["ViewerPreferences"]);
        Assert.True(((BooleanToken)viewer.Data["DisplayDocTitle"]).Data);
    }

    [Fact]
    public void Table_spans_two_pages_and_repeats_its_header_as_an_artifact()
    {
        using var doc = PdfDocument.Open(sample.Bytes);
        var pages = doc.GetPages().ToList();
        var first = pages.Single(p => Text(p).Contains("Tiltak 1:"));
        var last = pages.Single(p => Text(p).Contains("Tiltak 46:"));
        Assert.True(last.Number > first.Number, "The table should run over at least two pages");
        for (var n = first.Number; n <= last.Number; n++)
        {
            var text = Text(pages[n - 1]);
            Assert.Contains("Ansvarlig", text);
            Assert.Contains("Status", text);
        }
        // On the following pages the header is a pagination artifact, not a second THead.
        var continued = pages[last.Number - 1].GetMarkedContents();
        Assert.Contains(continued, m => m.IsArtifact && m.Letters.Any(l => l.Value == "A") && string.Concat(m.Letters.Select(l => l.Value)).Contains("Ansvarlig"));
        Assert.Single(StructureTags(doc), t => t == "THead");
    }

    [Fact]
    public void Structure_tree_tags_headings_paragraphs_lists_tables_and_the_contents()
    {
        using var doc = PdfDocument.Open(sample.Bytes);
        var tags = StructureTags(doc);
        foreach (var tag in new[] { "Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH", "TD", "TOC", "TOCI", "Reference", "Link" })
            Assert.Contains(tag, tags);
        var markInfo = Resolve<DictionaryToken>(doc, doc.Structure.Catalog.CatalogDictionary.Data["MarkInfo"]);
        Assert.True(((BooleanToken)markInfo.Data["Marked"]).Data);
    }

    [Fact]
    public void Header_and_footer_are_artifacts_and_body_text_is_tagged()
    {
        using var doc = PdfDocument.Open(sample.Bytes);
        var page = doc.GetPage(5);
        var marked = page.GetMarkedContents();
        string Letters(MarkedContentElement m) => string.Concat(m.Letters.Select(l => l.Value));
        Assert.Contains(marked, m => m.IsArtifact && Letters(m).Contains($"Side 5 av {doc.NumberOfPages}"));
        Assert.Contains(marked, m => m.IsArtifact && Letters(m).Contains("Vurderingsrapport"));
        Assert.DoesNotContain(marked, m => !m.IsArtifact && Letters(m).Contains($"Side 5 av {doc.NumberOfPages}"));
        Assert.Contains(marked, m => m.Tag == "P" && m.MarkedContentIdentifier >= 0 && m.Letters.Count > 100);
    }

    [Fact]
    public void Check_boxes_are_drawn_and_announced_by_their_label()
    {
        using var doc = PdfDocument.Open(sample.Bytes);
        var text = string.Concat(doc.GetPages().Select(Text));
        Assert.DoesNotContain("☐", text);
        Assert.DoesNotContain("☑", text);
        var alts = StructureElements(doc).Where(e => e.Tag == "Lbl" && e.Alt is not null).Select(e => e.Alt).ToList();
        Assert.Equal(2, alts.Count(a => a == "Avkrysset"));
        Assert.Single(alts, a => a == "Ikke avkrysset");
        var boxes = doc.GetPages().SelectMany(p => p.GetMarkedContents()).Where(m => m.Tag == "Lbl" && m.Paths.Count > 0).ToList();
        Assert.Equal(3, boxes.Count);
    }

    [Fact]
    public void A_heading_is_never_left_alone_at_the_bottom_of_a_page()
    {
        // Fill the first page to every possible height, then a heading and a paragraph.
        var random = new Random(7);
        for (var lines = 30; lines <= 50; lines++)
        {
            var model = new PdfDocumentModel("Test")
            {
                Sections =
                [
                    new PdfParagraph(string.Join('\n', Enumerable.Range(1, lines).Select(i => $"Linje {i}"))),
                    new PdfHeading(1, "Overskrift"),
                    new PdfHeading(2, "Underoverskrift"),
                    new PdfParagraph(SampleDocument.Prose(random, 80)),
                ],
            };
            using var doc = PdfDocument.Open(PdfWriter.Render(model));
            var page = doc.GetPages().Single(p => Text(p).Contains("Overskrift"));
            var words = page.GetWords().ToList();
            var heading = words.First(w => w.Text == "Underoverskrift");
            var below = words.Where(w => w.BoundingBox.Top < heading.BoundingBox.Bottom - 2 && !w.Text.StartsWith("Side") && w.BoundingBox.Bottom > 50).ToList();
            Assert.True(below.Count >= 2, $"With {lines} lines first, the headings stand alone at the bottom of page {page.Number}");
            Assert.Contains("Overskrift", Text(page));
        }
    }

    [Fact]
    public void A_long_paragraph_continues_on_the_next_page_line_by_line()
    {
        var words = Enumerable.Range(1, 1400).Select(i => $"ord{i}").ToList();
        var model = new PdfDocumentModel("Langt avsnitt") { Sections = [new PdfParagraph(string.Join(' ', words))] };
        using var doc = PdfDocument.Open(PdfWriter.Render(model));
        Assert.True(doc.NumberOfPages >= 2);
        var extracted = doc.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => w.StartsWith("ord")).ToList();
        Assert.Equal(words, extracted);
        // The first page is filled down to the bottom margin before the paragraph moves on.
        var lowest = doc.GetPage(1).GetWords().Where(w => w.Text.StartsWith("ord")).Min(w => w.BoundingBox.Bottom);
        Assert.InRange(lowest, 60, 110);
    }

    [Fact]
    public void A_document_without_cover_or_contents_opens_with_its_title_on_one_page()
    {
        var model = new PdfDocumentModel("Veiledningsavtale")
        {
            Subtitle = "Sentrum skole",
            Sections = [new PdfParagraph("Kort tekst."), new PdfPageBreak(), new PdfSpacer()],
        };
        using var doc = PdfDocument.Open(PdfWriter.Render(model));
        Assert.Equal(1, doc.NumberOfPages);
        var text = Text(doc.GetPage(1));
        Assert.StartsWith("Veiledningsavtale", text.TrimStart());
        Assert.Contains("Kort tekst.", text);
        Assert.Contains("Side 1 av 1", text);
    }

    [Fact]
    public void Xmp_metadata_is_well_formed_and_identifies_PDF_UA()
    {
        var model = new PdfDocumentModel("Lese- & skriveplan <2026> for Ørland") { Author = "Rektor \"Bø\"", Sections = [new PdfParagraph("Tekst.")] };
        using var doc = PdfDocument.Open(PdfWriter.Render(model));
        Assert.Equal(model.Title, doc.Information.Title);
        Assert.True(doc.TryGetXmpMetadata(out var xmp));
        // XMP is UTF-8 (PdfPig's GetXDocument reads it as Latin-1); parsing throws when it is not well-formed.
        var xml = XDocument.Parse(Encoding.UTF8.GetString(xmp.GetXmlBytes().ToArray()).TrimStart('\uFEFF'));
        XNamespace dc = "http://purl.org/dc/elements/1.1/", ua = "http://www.aiim.org/pdfua/ns/id/";
        Assert.Equal(model.Title, xml.Descendants(dc + "title").Single().Value);
        Assert.Equal("Rektor \"Bø\"", xml.Descendants(dc + "creator").Single().Value);
        Assert.Equal("1", xml.Descendants(ua + "part").Single().Value);
    }

    [Fact]
    public void Newlines_break_lines_and_words_longer_than_a_line_are_broken_not_cut()
    {
        var longWord = string.Concat(Enumerable.Repeat("Kommunesammenslåingsutredning", 6));
        var model = new PdfDocumentModel("Linjer")
        {
            Sections =
            [
                new PdfParagraph("Første linje\nAndre linje"),
                new PdfParagraph(longWord),
                new PdfTable(["Nr", "Tekst"], [["1", longWord]], [1, 1]),
                new PdfTable([], [["uten", "overskrift"]]),
            ],
        };
        using var doc = PdfDocument.Open(PdfWriter.Render(model));
        var page = doc.GetPage(1);
        var lines = Text(page).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("Første linje", lines);
        Assert.Contains("Andre linje", lines);
        var letters = string.Concat(page.Letters.Select(l => l.Value));
        Assert.Equal(2, Regex.Count(letters.Replace(" ", ""), longWord));
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 60));
        Assert.Contains("uten overskrift", Regex.Replace(Text(page), @"\s+", " "));
    }

    [Fact]
    public void Layout_widths_match_what_PDFsharp_draws()
    {
        // The layout sums cached character widths; PDFsharp must measure whole strings the same way (no kerning).
        const string text = "Blåbærsyltetøy på Ørland, «AVTALE» – Tiltak 12: WAVE To";
        var measure = PdfSharp.Drawing.XGraphics.CreateMeasureContext(new(500, 500), PdfSharp.Drawing.XGraphicsUnit.Point, PdfSharp.Drawing.XPageDirection.Downwards);
        foreach (var face in Enum.GetValues<FontFace>())
        {
            var expected = measure.MeasureString(text, PdfFonts.Create(face, 10.5)).Width;
            Assert.Equal(expected, TextMetrics.Width(text, face, 10.5), 3);
        }
    }

    [Fact]
    public void Renders_in_parallel()
    {
        var model = SampleDocument.Build();
        var results = new byte[4][];
        Parallel.For(0, results.Length, i => results[i] = PdfWriter.Render(model));
        foreach (var bytes in results)
        {
            using var doc = PdfDocument.Open(bytes);
            Assert.Equal(PageTexts(sample.Bytes).Length, doc.NumberOfPages);
        }
    }

    [Fact]
    public void Timing_of_a_twenty_page_report_after_warm_up()
    {
        var model = SampleDocument.Build();
        for (var i = 0; i < 3; i++)
            PdfWriter.Render(model);
        const int runs = 10;
        var watch = Stopwatch.StartNew();
        var size = 0;
        for (var i = 0; i < runs; i++)
            size = PdfWriter.Render(model).Length;
        watch.Stop();
        using var doc = PdfDocument.Open(PdfWriter.Render(model));
        output.WriteLine($"{doc.NumberOfPages} pages, {size / 1024} KiB, {watch.Elapsed.TotalMilliseconds / runs:0.0} ms per render (mean of {runs})");
    }

    [Fact]
    public void Writes_the_sample_to_artifacts_for_a_look()
    {
        var dir = Path.Combine(RepositoryRoot(), "artifacts", "pdf");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "sample.pdf"), sample.Bytes);
        Assert.True(new FileInfo(Path.Combine(dir, "sample.pdf")).Length > 10_000);
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stillas.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Stillas.slnx not found above the test binaries.");
    }

    // ---- structure tree ----

    static T Resolve<T>(PdfDocument doc, IToken token) where T : class, IToken =>
        token is IndirectReferenceToken r ? (T)doc.Structure.GetObject(r.Data).Data : (T)token;

    sealed record Element(string Tag, string? Alt);

    static List<Element> StructureElements(PdfDocument doc)
    {
        var result = new List<Element>();
        var root = Resolve<DictionaryToken>(doc, doc.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]);
        var seen = new HashSet<IndirectReference>();
        void Visit(IToken token)
        {
            if (token is IndirectReferenceToken r && !seen.Add(r.Data))
                return;
            var resolved = token is IndirectReferenceToken ir ? doc.Structure.GetObject(ir.Data).Data : token;
            switch (resolved)
            {
                case ArrayToken array:
                    foreach (var item in array.Data)
                        Visit(item);
                    break;
                case DictionaryToken dict:
                    if (dict.Data.TryGetValue("S", out var s) && s is NameToken name)
                    {
                        var alt = dict.Data.TryGetValue("Alt", out var a) && a is StringToken st ? st.Data : null;
                        result.Add(new Element(name.Data, alt));
                    }
                    if (dict.Data.TryGetValue("K", out var kids))
                        Visit(kids);
                    break;
            }
        }
        Visit(root.Data["K"]);
        return result;
    }

    static List<string> StructureTags(PdfDocument doc) => StructureElements(doc).Select(e => e.Tag).ToList();
}
