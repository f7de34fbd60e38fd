namespace Stillas.Web.Platform.Pdf;

/// <summary>
/// A document as features describe it: a title, an optional cover and table of contents, and a flat
/// sequence of blocks. <see cref="PdfWriter"/> turns it into an A4 PDF; only the writer knows coordinates.
/// </summary>
public sealed record PdfDocumentModel(string Title)
{
    public string? Subtitle { get; init; }

    /// <summary>PDF metadata Author.</summary>
    public string? Author { get; init; }

    /// <summary>PDF metadata Subject; the subtitle when not given.</summary>
    public string? Subject { get; init; }

    /// <summary>A cover page with the title, subtitle, key/value lines and date; none when null.</summary>
    public PdfCover? Cover { get; init; }

    /// <summary>A table of contents after the cover, listing level-1 and level-2 headings with page numbers.</summary>
    public bool TableOfContents { get; init; }

    public IReadOnlyList<PdfBlock> Sections { get; init; } = [];
}

/// <summary>The cover shows the document's title and subtitle, then these lines ("Skole: Sentrum skole") and the date.</summary>
public sealed record PdfCover
{
    public IReadOnlyList<PdfKeyValue> Lines { get; init; } = [];
    public DateOnly? Date { get; init; }
}

public sealed record PdfKeyValue(string Key, string Value);

/// <summary>One block of the document's body.</summary>
public abstract record PdfBlock;

/// <summary>A heading of level 1–3. Levels 1 and 2 appear in the table of contents and as bookmarks.</summary>
public sealed record PdfHeading : PdfBlock
{
    public PdfHeading(int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        Level = level;
        Text = text;
    }

    public int Level { get; }
    public string Text { get; }
}

/// <summary>A paragraph that wraps and may split across pages. A newline in the text starts a new line.</summary>
public sealed record PdfParagraph(IReadOnlyList<PdfRun> Runs) : PdfBlock
{
    public PdfParagraph(string text) : this([new PdfRun(text)]) { }
}

/// <summary>A piece of a paragraph in one style.</summary>
public sealed record PdfRun(string Text, bool Bold = false, bool Italic = false);

public sealed record PdfBulletList(IReadOnlyList<string> Items) : PdfBlock;

public sealed record PdfNumberedList(IReadOnlyList<string> Items) : PdfBlock;

/// <summary>Items with a drawn box, ticked when <see cref="PdfCheckItem.Checked"/> (e.g. the commitments of an agreement).</summary>
public sealed record PdfCheckList(IReadOnlyList<PdfCheckItem> Items) : PdfBlock;

public sealed record PdfCheckItem(string Text, bool Checked);

/// <summary>A two-column table: the key column is a row header.</summary>
public sealed record PdfKeyValueTable(IReadOnlyList<PdfKeyValue> Rows) : PdfBlock;

/// <summary>
/// A table with a header row that is repeated after a page break. Cell text wraps.
/// <paramref name="ColumnWidths"/> are relative (e.g. [2, 1, 1]); equal columns when null.
/// </summary>
public sealed record PdfTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double>? ColumnWidths = null) : PdfBlock;

/// <summary>Vertical space in points (dropped at the top of a page).</summary>
public sealed record PdfSpacer(double Height = 12) : PdfBlock;

/// <summary>Starts a new page (ignored when the current page is still empty).</summary>
public sealed record PdfPageBreak : PdfBlock;

/// <summary>Signature lines, two per row, kept together on one page.</summary>
public sealed record PdfSignatures(IReadOnlyList<PdfSignature> Signatures) : PdfBlock;

/// <summary>A line to sign on, with the name, the role and e.g. "Godkjent 12.03.2025" below it.</summary>
public sealed record PdfSignature(string Name, string Role, string? ApprovedAt = null);
