using System.Text;
using PdfSharp.Drawing;

namespace Stillas.Web.Platform.Pdf;

// The layout pass: turns the model into pages of positioned drawing operations and structure tags.
// Nothing is drawn here, so the number of pages and each heading's page are known before rendering.

internal abstract record Op;

/// <summary>Text drawn at its baseline.</summary>
internal sealed record TextOp(double X, double Baseline, string Text, FontFace Face, double Size, XColor Color, bool Artifact = false) : Op;

/// <summary>A heading's page number, right-aligned at <paramref name="Right"/>; the number is known only when layout is done.</summary>
internal sealed record PageRefOp(Anchor Target, double Right, double Baseline, FontFace Face, double Size, XColor Color) : Op;

/// <summary>A decorative line (an artifact).</summary>
internal sealed record LineOp(double X1, double Y1, double X2, double Y2, double Width, XColor Color) : Op;

/// <summary>A decorative filled rectangle (an artifact).</summary>
internal sealed record FillOp(XRect Rect, XColor Color) : Op;

/// <summary>A check box: content of the list item's label.</summary>
internal sealed record CheckBoxOp(XRect Rect, bool Checked) : Op;

/// <summary>Opens a structure element. <paramref name="Scope"/> is a table header cell's /Scope.</summary>
internal sealed record BeginOp(string Tag, string? Alt = null, string? Scope = null) : Op;

/// <summary>Opens a Link element with a link annotation over <paramref name="Area"/> to the target's page.</summary>
internal sealed record BeginLinkOp(Anchor Target, XRect Area) : Op;

internal sealed record EndOp : Op
{
    public static readonly EndOp Instance = new();
}

/// <summary>A heading's place in the laid out document.</summary>
internal sealed class Anchor(string text, int level)
{
    public string Text { get; } = text;
    public int Level { get; } = level;
    /// <summary>One-based page number; 0 until laid out.</summary>
    public int Page { get; set; }
}

internal sealed record TextSegment(string Text, FontFace Face, double X);

internal sealed record TextLine(IReadOnlyList<TextSegment> Segments, double Width);

internal sealed record LayoutResult(IReadOnlyList<IReadOnlyList<Op>> Pages, IReadOnlyList<Anchor> Headings, bool HasCover);

internal sealed class PdfLayout
{
    public const double PageWidth = 595.28;   // A4 in points
    public const double PageHeight = 841.89;
    public const double Left = 64;
    public const double Right = PageWidth - 64;
    public const double Top = 76;
    public const double Bottom = PageHeight - 70;
    public const double ContentWidth = Right - Left;

    public static readonly XColor Ink = XColor.FromArgb(0x1E, 0x23, 0x28);
    public static readonly XColor Accent = XColor.FromArgb(0x0B, 0x3D, 0x6B);
    public static readonly XColor Muted = XColor.FromArgb(0x5B, 0x63, 0x6B);
    public static readonly XColor Rule = XColor.FromArgb(0xC9, 0xCF, 0xD6);
    public static readonly XColor RuleStrong = XColor.FromArgb(0x6B, 0x75, 0x80);
    public static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xEE, 0xF4);

    const double BodySize = 10.5, BodyLeading = 15.5, ParagraphAfter = 8;
    const double TableSize = 9.5, TableLeading = 13.5, CellPadX = 5, CellPadY = 4;
    const double ListIndent = 20, ItemGap = 3;
    static readonly double[] KeyValueWidths = [0.36, 0.64];

    sealed record HeadingStyle(double Size, double Leading, double Before, double After);

    static readonly HeadingStyle[] Headings =
    [
        new(17, 22, 22, 8),
        new(13.5, 18, 16, 6),
        new(11.5, 15.5, 12, 4),
    ];

    readonly List<List<Op>> pages = [];
    List<Op> current = null!;
    double y;
    bool pageHasContent;
    readonly Dictionary<PdfHeading, Anchor> anchors = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<PdfParagraph, List<TextLine>> paragraphs = new(ReferenceEqualityComparer.Instance);

    List<TextLine> Lines(PdfParagraph p)
    {
        if (!paragraphs.TryGetValue(p, out var lines))
            paragraphs[p] = lines = Wrap(p.Runs, BodySize, ContentWidth);
        return lines;
    }

    public static LayoutResult Run(PdfDocumentModel doc)
    {
        var layout = new PdfLayout();
        var headings = new List<Anchor>();
        foreach (var block in doc.Sections)
        {
            if (block is PdfHeading h && !layout.anchors.ContainsKey(h))
            {
                var anchor = new Anchor(h.Text, h.Level);
                layout.anchors[h] = anchor;
                headings.Add(anchor);
            }
        }

        layout.NewPage();
        if (doc.Cover is { } cover)
        {
            layout.LayoutCover(doc, cover);
            layout.NewPage();
        }
        else
            layout.LayoutTitle(doc);
        if (doc.TableOfContents)
        {
            layout.LayoutTableOfContents(headings);
            layout.NewPage();
        }

        var blocks = doc.Sections;
        for (var i = 0; i < blocks.Count; i++)
            layout.LayoutBlock(blocks, i);

        // A trailing page break or spacer must not leave an empty last page.
        if (layout.pages.Count > 1 && !layout.pageHasContent && layout.current.Count == 0)
            layout.pages.RemoveAt(layout.pages.Count - 1);

        return new LayoutResult(layout.pages, headings, doc.Cover is not null);
    }

    // ---- pages ----

    void NewPage()
    {
        current = [];
        pages.Add(current);
        y = Top;
        pageHasContent = false;
    }

    int PageNumber => pages.Count;

    double Space => Bottom - y;

    void Emit(Op op) => current.Add(op);

    void Begin(string tag, string? alt = null, string? scope = null) => current.Add(new BeginOp(tag, alt, scope));

    void End() => current.Add(EndOp.Instance);

    /// <summary>Space before a block, dropped at the top of a page.</summary>
    void Gap(double points)
    {
        if (pageHasContent)
            y += points;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits (or the page is still empty).</summary>
    void Ensure(double height)
    {
        if (pageHasContent && y + height > Bottom + 0.01)
            NewPage();
    }

    // ---- text ----

    void EmitLine(TextLine line, double x, double top, double size, double leading, XColor color, bool artifact = false)
    {
        var baseline = top + TextMetrics.BaselineOffset(size, leading);
        foreach (var s in line.Segments)
            Emit(new TextOp(x + s.X, baseline, s.Text, s.Face, size, color, artifact));
        pageHasContent = true;
    }

    /// <summary>
    /// Places lines at the cursor, breaking to new pages line by line: never one line alone at the
    /// bottom of a page (orphan) and, where possible, never one line alone at the top (widow).
    /// </summary>
    void PlaceLines(IReadOnlyList<TextLine> lines, double x, double size, double leading, XColor color)
    {
        var i = 0;
        while (i < lines.Count)
        {
            var remaining = lines.Count - i;
            var fit = (int)Math.Floor((Space + 0.01) / leading);
            if (fit >= remaining)
                fit = remaining;
            else if (pageHasContent && fit < Math.Min(2, remaining))
            {
                NewPage();
                continue;
            }
            else if (fit < 1)
                fit = 1; // a line taller than a page: place it anyway
            else if (remaining - fit == 1 && fit > 2)
                fit--;

            for (var k = 0; k < fit; k++, i++)
            {
                EmitLine(lines[i], x, y, size, leading, color);
                y += leading;
            }
            if (i < lines.Count)
                NewPage();
        }
    }

    /// <summary>Greedy line breaking of styled runs at spaces; words longer than a line break anywhere.</summary>
    internal static List<TextLine> Wrap(IReadOnlyList<PdfRun> runs, double size, double width)
    {
        var lines = new List<TextLine>();
        var segments = new List<TextSegment>();
        var text = new StringBuilder();
        FontFace? face = null;
        double segmentX = 0, x = 0;
        var word = new List<(string Text, FontFace Face, double Width)>();
        var wordPart = new StringBuilder();
        FontFace wordFace = FontFace.Regular;

        void FlushSegment()
        {
            if (face is { } f && text.Length > 0)
                segments.Add(new TextSegment(text.ToString(), f, segmentX));
            text.Clear();
            face = null;
        }

        void Append(string s, FontFace f, double w)
        {
            if (face != f)
            {
                FlushSegment();
                face = f;
                segmentX = x;
            }
            text.Append(s);
            x += w;
        }

        void BreakLine()
        {
            FlushSegment();
            lines.Add(new TextLine(segments.ToArray(), x));
            segments.Clear();
            x = 0;
        }

        void FlushWordPart()
        {
            if (wordPart.Length > 0)
                word.Add((wordPart.ToString(), wordFace, 0));
            wordPart.Clear();
        }

        void PlaceWord(FontFace spaceFace)
        {
            FlushWordPart();
            if (word.Count == 0)
                return;
            double w = 0;
            for (var i = 0; i < word.Count; i++)
            {
                var (t, f, _) = word[i];
                var pw = TextMetrics.Width(t, f, size);
                word[i] = (t, f, pw);
                w += pw;
            }
            var spaceW = TextMetrics.Width(" ", spaceFace, size);
            var lineEmpty = segments.Count == 0 && text.Length == 0;
            if (!lineEmpty && x + spaceW + w > width)
            {
                // Keep the space at the end of the line (it takes no room) so extracted text does not join the words.
                Append(" ", spaceFace, 0);
                BreakLine();
                lineEmpty = true;
            }
            if (!lineEmpty)
                Append(" ", spaceFace, spaceW);
            foreach (var (t, f, pw) in word)
            {
                if (x + pw <= width)
                {
                    Append(t, f, pw);
                    continue;
                }
                // Too long for the line: break between characters.
                foreach (var rune in t.EnumerateRunes())
                {
                    var s = rune.ToString();
                    var rw = TextMetrics.Width(s, f, size);
                    if (x + rw > width && x > 0)
                        BreakLine();
                    Append(s, f, rw);
                }
            }
            word.Clear();
        }

        var pendingSpaceFace = FontFace.Regular;
        foreach (var run in runs)
        {
            var f = (run.Bold, run.Italic) switch
            {
                (true, true) => FontFace.BoldItalic,
                (true, false) => FontFace.Bold,
                (false, true) => FontFace.Italic,
                _ => FontFace.Regular,
            };
            foreach (var c in run.Text)
            {
                switch (c)
                {
                    case '\r':
                        break;
                    case '\n':
                        PlaceWord(pendingSpaceFace);
                        BreakLine();
                        break;
                    case ' ' or '\t':
                        PlaceWord(pendingSpaceFace);
                        pendingSpaceFace = f;
                        break;
                    default:
                        if (wordFace != f)
                            FlushWordPart();
                        wordFace = f;
                        wordPart.Append(c);
                        break;
                }
            }
        }
        PlaceWord(pendingSpaceFace);
        if (segments.Count > 0 || text.Length > 0 || lines.Count == 0)
            BreakLine();
        return lines;
    }

    static List<TextLine> Wrap(string text, FontFace face, double size, double width) =>
        Wrap([new PdfRun(text, face is FontFace.Bold or FontFace.BoldItalic, face is FontFace.Italic or FontFace.BoldItalic)], size, width);

    // ---- cover, title, table of contents ----

    void LayoutCover(PdfDocumentModel doc, PdfCover cover)
    {
        y = Top + 150;
        Emit(new FillOp(new XRect(Left, y - 22, 56, 5), Accent));
        Begin("H1");
        foreach (var line in Wrap(doc.Title, FontFace.Bold, 26, ContentWidth))
        {
            EmitLine(line, Left, y, 26, 33, Accent);
            y += 33;
        }
        End();
        if (!string.IsNullOrWhiteSpace(doc.Subtitle))
        {
            y += 6;
            Begin("P");
            foreach (var line in Wrap(doc.Subtitle, FontFace.Regular, 15, ContentWidth))
            {
                EmitLine(line, Left, y, 15, 21, Muted);
                y += 21;
            }
            End();
        }

        var lines = cover.Lines.ToList();
        if (cover.Date is { } date)
            lines.Add(new PdfKeyValue(Text.L.T("Dato"), Web.NorwegianTime.Date(date)));
        if (lines.Count == 0)
            return;
        y += 28;
        Emit(new LineOp(Left, y, Right, y, 0.75, Rule));
        y += 14;
        foreach (var kv in lines)
        {
            Begin("P");
            foreach (var line in Wrap([new PdfRun(kv.Key + ": ", Bold: true), new PdfRun(kv.Value)], 11.5, ContentWidth))
            {
                EmitLine(line, Left, y, 11.5, 18, Ink);
                y += 18;
            }
            End();
            y += 2;
        }
    }

    /// <summary>Without a cover, the title (and subtitle) open the first page.</summary>
    void LayoutTitle(PdfDocumentModel doc)
    {
        Gap(10);
        Begin("H1");
        foreach (var line in Wrap(doc.Title, FontFace.Bold, 20, ContentWidth))
        {
            EmitLine(line, Left, y, 20, 26, Accent);
            y += 26;
        }
        End();
        if (!string.IsNullOrWhiteSpace(doc.Subtitle))
        {
            y += 2;
            Begin("P");
            foreach (var line in Wrap(doc.Subtitle, FontFace.Regular, 12.5, ContentWidth))
            {
                EmitLine(line, Left, y, 12.5, 18, Muted);
                y += 18;
            }
            End();
        }
        y += 14;
    }

    void LayoutTableOfContents(List<Anchor> headings)
    {
        var style = Headings[0];
        Begin("H1");
        foreach (var line in Wrap(Text.L.T("Innhold"), FontFace.Bold, style.Size, ContentWidth))
        {
            EmitLine(line, Left, y, style.Size, style.Leading, Accent);
            y += style.Leading;
        }
        End();
        y += 12;

        const double numberColumn = 26;
        Begin("TOC");
        foreach (var anchor in headings.Where(h => h.Level <= 2))
        {
            var face = anchor.Level == 1 ? FontFace.Bold : FontFace.Regular;
            var indent = anchor.Level == 1 ? 0 : 16;
            var x = Left + indent;
            var lines = Wrap(anchor.Text, face, BodySize, ContentWidth - indent - numberColumn - 12);
            if (anchor.Level == 1)
                Gap(6);
            Ensure(lines.Count * BodyLeading);
            var area = new XRect(Left, y, ContentWidth, lines.Count * BodyLeading);
            Begin("TOCI");
            Begin("Reference");
            current.Add(new BeginLinkOp(anchor, area));
            foreach (var line in lines)
            {
                EmitLine(line, x, y, BodySize, BodyLeading, Ink);
                y += BodyLeading;
            }
            var last = lines[^1];
            var lastTop = y - BodyLeading;
            var baseline = lastTop + TextMetrics.BaselineOffset(BodySize, BodyLeading);
            var dotsFrom = x + last.Width + 6;
            var dotsTo = Right - numberColumn;
            var dotWidth = TextMetrics.Width(". ", FontFace.Regular, BodySize);
            var dots = (int)Math.Floor((dotsTo - dotsFrom) / dotWidth);
            if (dots > 0)
                Emit(new TextOp(dotsTo - dots * dotWidth, baseline, string.Concat(Enumerable.Repeat(". ", dots)).TrimEnd(), FontFace.Regular, BodySize, RuleStrong, Artifact: true));
            Emit(new PageRefOp(anchor, Right, baseline, face, BodySize, Ink));
            End(); // Link
            End(); // Reference
            End(); // TOCI
            y += 2;
        }
        End();
    }

    // ---- body blocks ----

    void LayoutBlock(IReadOnlyList<PdfBlock> blocks, int index)
    {
        switch (blocks[index])
        {
            case PdfHeading h:
                LayoutHeading(h, blocks, index);
                break;
            case PdfParagraph p:
                Begin("P");
                PlaceLines(Lines(p), Left, BodySize, BodyLeading, Ink);
                End();
                y += ParagraphAfter;
                break;
            case PdfBulletList l:
                LayoutList(l.Items.Select(i => (Label: "•", Text: i, Checked: (bool?)null)).ToList());
                break;
            case PdfNumberedList l:
                LayoutList(l.Items.Select((i, n) => (Label: $"{n + 1}.", Text: i, Checked: (bool?)null)).ToList());
                break;
            case PdfCheckList l:
                LayoutList(l.Items.Select(i => (Label: "", i.Text, Checked: (bool?)i.Checked)).ToList());
                break;
            case PdfKeyValueTable t:
                LayoutTable(null, t.Rows.Select(r => (IReadOnlyList<string>)[r.Key, r.Value]).ToList(), KeyValueWidths, rowHeaders: true);
                break;
            case PdfTable t:
                LayoutTable(t.Header.Count > 0 ? t.Header : null, t.Rows, t.ColumnWidths, rowHeaders: false);
                break;
            case PdfSpacer s:
                Gap(Math.Max(0, s.Height));
                break;
            case PdfPageBreak:
                if (pageHasContent)
                    NewPage();
                break;
            case PdfSignatures s:
                LayoutSignatures(s.Signatures);
                break;
            default:
                throw new NotSupportedException($"Unknown block {blocks[index].GetType().Name}.");
        }
    }

    void LayoutHeading(PdfHeading heading, IReadOnlyList<PdfBlock> blocks, int index)
    {
        var style = Headings[heading.Level - 1];
        var lines = Wrap(heading.Text, FontFace.Bold, style.Size, ContentWidth);
        // Keep with next: the heading, any headings right after it and the first lines of the next block.
        var needed = Math.Min(lines.Count * style.Leading + style.After + KeepHeight(blocks, index + 1), Bottom - Top);
        Gap(style.Before);
        Ensure(needed);
        if (anchors.TryGetValue(heading, out var anchor) && anchor.Page == 0)
            anchor.Page = PageNumber;
        Begin($"H{heading.Level}");
        foreach (var line in lines)
        {
            EmitLine(line, Left, y, style.Size, style.Leading, Accent);
            y += style.Leading;
        }
        End();
        y += style.After;
    }

    /// <summary>The height of a block's first lines that a heading before it must share a page with.</summary>
    double KeepHeight(IReadOnlyList<PdfBlock> blocks, int index)
    {
        if (index >= blocks.Count)
            return 0;
        switch (blocks[index])
        {
            case PdfHeading h:
            {
                var style = Headings[h.Level - 1];
                var n = Wrap(h.Text, FontFace.Bold, style.Size, ContentWidth).Count;
                return style.Before + n * style.Leading + style.After + KeepHeight(blocks, index + 1);
            }
            case PdfParagraph p:
                return Math.Min(2, Lines(p).Count) * BodyLeading;
            case PdfBulletList or PdfNumberedList or PdfCheckList:
                return 2 * BodyLeading;
            case PdfKeyValueTable t when t.Rows.Count > 0:
            {
                IReadOnlyList<IReadOnlyList<string>> rows = t.Rows.Select(r => (IReadOnlyList<string>)[r.Key, r.Value]).ToList();
                return RowHeight(rows[0], FitColumnWidths(null, rows, 2, KeyValueWidths, rowHeaders: true), rowHeaders: true, header: false);
            }
            case PdfTable t:
            {
                var header = t.Header.Count > 0 ? t.Header : null;
                var columns = header?.Count ?? (t.Rows.Count > 0 ? t.Rows.Max(r => r.Count) : 0);
                if (columns == 0)
                    return 0;
                var widths = FitColumnWidths(header, t.Rows, columns, t.ColumnWidths, rowHeaders: false);
                var h = header is null ? 0 : RowHeight(header, widths, rowHeaders: false, header: true);
                return t.Rows.Count > 0 ? h + RowHeight(t.Rows[0], widths, rowHeaders: false, header: false) : h;
            }
            case PdfSignatures s when s.Signatures.Count > 0:
                return SignatureRowHeight(s.Signatures.Take(2).ToList());
            case PdfSpacer s:
                return Math.Max(0, s.Height) + KeepHeight(blocks, index + 1);
            default:
                return 0;
        }
    }

    void LayoutList(List<(string Label, string Text, bool? Checked)> items)
    {
        if (items.Count == 0)
            return;
        Begin("L");
        var bodyX = Left + ListIndent;
        foreach (var item in items)
        {
            var lines = Wrap(item.Text, FontFace.Regular, BodySize, ContentWidth - ListIndent);
            Ensure(Math.Min(2, lines.Count) * BodyLeading);
            Begin("LI");
            var baseline = y + TextMetrics.BaselineOffset(BodySize, BodyLeading);
            if (item.Checked is { } isChecked)
            {
                Begin("Lbl", alt: isChecked ? Text.L.T("Avkrysset") : Text.L.T("Ikke avkrysset"));
                const double box = 9;
                Emit(new CheckBoxOp(new XRect(Left + 1, baseline - box + 0.5, box, box), isChecked));
            }
            else
            {
                Begin("Lbl");
                var w = TextMetrics.Width(item.Label, FontFace.Regular, BodySize);
                var x = item.Label == "•" ? Left + 5 : bodyX - 6 - w;
                Emit(new TextOp(x, baseline, item.Label, FontFace.Regular, BodySize, Ink));
            }
            End();
            Begin("LBody");
            PlaceLines(lines, bodyX, BodySize, BodyLeading, Ink);
            End();
            End();
            y += ItemGap;
        }
        End();
        y += ParagraphAfter - ItemGap;
    }

    // ---- tables ----

    static double[] ColumnWidths(int columns, IReadOnlyList<double>? relative)
    {
        if (columns == 0)
            return [];
        var rel = Enumerable.Range(0, columns).Select(i => relative is not null && i < relative.Count && relative[i] > 0 ? relative[i] : 1).ToArray();
        var sum = rel.Sum();
        return rel.Select(r => r / sum * ContentWidth).ToArray();
    }

    /// <summary>
    /// The relative widths, but widened where a column's longest word would otherwise be broken
    /// (taking the room from the other columns), as long as all columns can have that.
    /// </summary>
    static double[] FitColumnWidths(IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows, int columns, IReadOnlyList<double>? relative, bool rowHeaders)
    {
        var widths = ColumnWidths(columns, relative);
        var min = new double[columns];
        void Measure(IReadOnlyList<string> cells, bool isHeader)
        {
            for (var c = 0; c < columns && c < cells.Count; c++)
            {
                var face = CellFace(c, rowHeaders, isHeader);
                foreach (var word in cells[c].Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
                    min[c] = Math.Max(min[c], TextMetrics.Width(word, face, TableSize) + 2 * CellPadX + 1);
            }
        }
        if (header is not null)
            Measure(header, isHeader: true);
        foreach (var row in rows)
            Measure(row, isHeader: false);
        if (min.Sum() > ContentWidth)
            return widths;

        var rel = widths.ToArray();
        var fixedColumns = new bool[columns];
        while (true)
        {
            var available = ContentWidth - Enumerable.Range(0, columns).Where(c => fixedColumns[c]).Sum(c => min[c]);
            var freeRel = Enumerable.Range(0, columns).Where(c => !fixedColumns[c]).Sum(c => rel[c]);
            var changed = false;
            for (var c = 0; c < columns; c++)
            {
                if (fixedColumns[c])
                    widths[c] = min[c];
                else
                {
                    widths[c] = rel[c] / freeRel * available;
                    if (widths[c] < min[c])
                    {
                        fixedColumns[c] = true;
                        changed = true;
                    }
                }
            }
            if (!changed)
                return widths;
        }
    }

    static FontFace CellFace(int column, bool rowHeaders, bool header) =>
        header || (rowHeaders && column == 0) ? FontFace.Bold : FontFace.Regular;

    static List<TextLine>[] CellLines(IReadOnlyList<string> cells, double[] widths, bool rowHeaders, bool header) =>
        widths.Select((w, c) => Wrap(c < cells.Count ? cells[c] : "", CellFace(c, rowHeaders, header), TableSize, w - 2 * CellPadX)).ToArray();

    static double RowHeight(IReadOnlyList<string> cells, double[] widths, bool rowHeaders, bool header) =>
        CellLines(cells, widths, rowHeaders, header).Max(l => l.Count) * TableLeading + 2 * CellPadY;

    void LayoutTable(IReadOnlyList<string>? header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<double>? relative, bool rowHeaders)
    {
        var columns = header?.Count ?? (rows.Count > 0 ? rows.Max(r => r.Count) : 0);
        if (columns == 0)
            return;
        var widths = FitColumnWidths(header, rows, columns, relative, rowHeaders);
        var headerLines = header is null ? null : CellLines(header, widths, rowHeaders, header: true);
        var headerHeight = headerLines is null ? 0 : headerLines.Max(l => l.Count) * TableLeading + 2 * CellPadY;
        var bodyRows = rows.Select(r => CellLines(r, widths, rowHeaders, header: false)).ToList();

        Gap(4);
        var first = bodyRows.Count > 0 ? bodyRows[0].Max(l => l.Count) * TableLeading + 2 * CellPadY : 0;
        Ensure(Math.Min(headerHeight + first, Bottom - Top));

        Begin("Table");
        if (headerLines is not null)
        {
            Begin("THead");
            EmitRow(headerLines, widths, 0, int.MaxValue, rowHeaders, header: true, artifact: false);
            End();
        }
        else
            Emit(new LineOp(Left, y, Right, y, 0.75, RuleStrong));
        Begin("TBody");
        foreach (var cells in bodyRows)
        {
            var lineCount = cells.Max(l => l.Count);
            var height = lineCount * TableLeading + 2 * CellPadY;
            if (y + height > Bottom + 0.01 && height <= Bottom - Top - headerHeight)
                NewTablePage(headerLines, widths, rowHeaders);
            // A row taller than a page is split line by line; each part becomes a row of its own.
            var from = 0;
            while (from < lineCount)
            {
                var fit = (int)Math.Floor((Space - 2 * CellPadY + 0.01) / TableLeading);
                if (fit < Math.Min(2, lineCount - from))
                {
                    NewTablePage(headerLines, widths, rowHeaders);
                    continue;
                }
                var take = Math.Min(fit, lineCount - from);
                EmitRow(cells, widths, from, take, rowHeaders, header: false, artifact: false);
                from += take;
            }
        }
        End();
        End();
        y += ParagraphAfter + 4;
    }

    void NewTablePage(List<TextLine>[]? headerLines, double[] widths, bool rowHeaders)
    {
        NewPage();
        if (headerLines is not null)
            EmitRow(headerLines, widths, 0, int.MaxValue, rowHeaders, header: true, artifact: true); // repeated header: a pagination artifact
        else
            Emit(new LineOp(Left, y, Right, y, 0.75, RuleStrong));
    }

    /// <summary>Emits lines [from, from+count) of each cell as one row at the cursor.</summary>
    void EmitRow(List<TextLine>[] cells, double[] widths, int from, int count, bool rowHeaders, bool header, bool artifact)
    {
        var lineCount = Math.Min(count, cells.Max(l => l.Count) - from);
        var height = lineCount * TableLeading + 2 * CellPadY;
        if (header)
            Emit(new FillOp(new XRect(Left, y, ContentWidth, height), HeaderFill));
        if (!artifact)
            Begin("TR");
        var x = Left;
        for (var c = 0; c < cells.Length; c++)
        {
            var isHeaderCell = header || (rowHeaders && c == 0);
            if (!artifact)
                Begin(isHeaderCell ? "TH" : "TD", scope: isHeaderCell ? (header ? "Column" : "Row") : null);
            var top = y + CellPadY;
            for (var i = from; i < Math.Min(cells[c].Count, from + lineCount); i++)
            {
                EmitLine(cells[c][i], x + CellPadX, top, TableSize, TableLeading, Ink, artifact);
                top += TableLeading;
            }
            if (!artifact)
                End();
            x += widths[c];
        }
        if (!artifact)
            End();
        y += height;
        Emit(new LineOp(Left, y, Right, y, header ? 0.9 : 0.5, header ? RuleStrong : Rule));
        pageHasContent = true;
    }

    // ---- signatures ----

    const double SignatureGap = 28, SignatureSpace = 44;

    static double SignatureColumn => (ContentWidth - SignatureGap) / 2;

    static (List<TextLine> Name, List<TextLine> Role, List<TextLine> Approved) SignatureLines(PdfSignature s) =>
        (Wrap(s.Name, FontFace.Bold, BodySize, SignatureColumn),
         Wrap(s.Role, FontFace.Regular, 9.5, SignatureColumn),
         string.IsNullOrWhiteSpace(s.ApprovedAt) ? [] : Wrap(s.ApprovedAt, FontFace.Italic, 9.5, SignatureColumn));

    static double SignatureHeight(PdfSignature s)
    {
        var (name, role, approved) = SignatureLines(s);
        return SignatureSpace + 6 + name.Count * BodyLeading + (role.Count + approved.Count) * 13.5;
    }

    static double SignatureRowHeight(IReadOnlyList<PdfSignature> row) => row.Max(SignatureHeight);

    void LayoutSignatures(IReadOnlyList<PdfSignature> signatures)
    {
        Gap(10);
        for (var i = 0; i < signatures.Count; i += 2)
        {
            var row = signatures.Skip(i).Take(2).ToList();
            var height = SignatureRowHeight(row);
            Ensure(height);
            var x = Left;
            foreach (var s in row)
            {
                var (name, role, approved) = SignatureLines(s);
                var top = y + SignatureSpace;
                Emit(new LineOp(x, top, x + SignatureColumn, top, 0.75, RuleStrong));
                top += 6;
                Begin("Div");
                Begin("P");
                foreach (var line in name)
                {
                    EmitLine(line, x, top, BodySize, BodyLeading, Ink);
                    top += BodyLeading;
                }
                End();
                Begin("P");
                foreach (var line in role)
                {
                    EmitLine(line, x, top, 9.5, 13.5, Muted);
                    top += 13.5;
                }
                End();
                if (approved.Count > 0)
                {
                    Begin("P");
                    foreach (var line in approved)
                    {
                        EmitLine(line, x, top, 9.5, 13.5, Muted);
                        top += 13.5;
                    }
                    End();
                }
                End();
                x += SignatureColumn + SignatureGap;
            }
            y += height + 14;
        }
    }
}
