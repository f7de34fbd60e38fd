using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Stillas.Web.Platform.Pdf;

internal enum FontFace { Regular, Bold, Italic, BoldItalic }

/// <summary>
/// DejaVu Sans (from the npm package dejavu-fonts-ttf, embedded in this assembly by the build) for every
/// family PDFsharp asks for. Installed once as PDFsharp's global font resolver.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    static readonly Lock Gate = new();
    static readonly PdfFonts Instance = new();
    static readonly ConcurrentDictionary<string, byte[]> Files = new();
    static bool installed;

    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref installed))
            return;
        lock (Gate)
        {
            if (installed)
                return;
            if (GlobalFontSettings.FontResolver is not PdfFonts)
                GlobalFontSettings.FontResolver = Instance;
            Volatile.Write(ref installed, true);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName) => Files.GetOrAdd(faceName, static face =>
    {
        var name = $"Stillas.Fonts.{face}.ttf";
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded; the build copies it from node_modules/dejavu-fonts-ttf.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static XFont Create(FontFace face, double size) => new(Family, size, face switch
    {
        FontFace.Bold => XFontStyleEx.Bold,
        FontFace.Italic => XFontStyleEx.Italic,
        FontFace.BoldItalic => XFontStyleEx.BoldItalic,
        _ => XFontStyleEx.Regular,
    }, XPdfFontOptions.UnicodeDefault);
}

/// <summary>
/// Text widths for layout. PDFsharp does not kern, so a string's width is the sum of its characters'
/// advance widths; those are measured once per face and character and kept.
/// </summary>
internal static class TextMetrics
{
    // DejaVu Sans vertical metrics (hhea) in em.
    public const double Ascent = 0.928;
    public const double Descent = 0.236;

    const double MeasureSize = 100;
    const int Direct = 0x3000; // characters below this are kept in arrays, the rest in a dictionary
    static readonly float[][] Table = [new float[Direct], new float[Direct], new float[Direct], new float[Direct]];
    static readonly ConcurrentDictionary<(FontFace, int), float> Others = new();
    static readonly Lock Gate = new();
    static XGraphics? measure;
    static readonly XFont?[] Fonts = new XFont?[4];

    public static double Width(string text, FontFace face, double size) => Width(text.AsSpan(), face, size);

    public static double Width(ReadOnlySpan<char> text, FontFace face, double size)
    {
        var table = Table[(int)face];
        double em = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < Direct)
            {
                var w = table[c];
                em += w > 0 ? w : Measure(face, c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                em += Measure(face, char.ConvertToUtf32(c, text[i + 1]));
                i++;
            }
            else
                em += Measure(face, c);
        }
        return em * size;
    }

    /// <summary>The baseline's offset from the top of a line box of the given leading.</summary>
    public static double BaselineOffset(double size, double leading) => (leading - (Ascent + Descent) * size) / 2 + Ascent * size;

    static float Measure(FontFace face, int codePoint)
    {
        if (codePoint >= Direct && Others.TryGetValue((face, codePoint), out var known))
            return known;
        float w;
        lock (Gate)
        {
            PdfFonts.EnsureInstalled();
            measure ??= XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
            var font = Fonts[(int)face] ??= PdfFonts.Create(face, MeasureSize);
            // Zero-width characters are stored as a tiny width so that "unknown" stays distinguishable.
            var text = char.IsSurrogate((char)codePoint) && codePoint <= char.MaxValue ? "\uFFFD" : char.ConvertFromUtf32(codePoint);
            w = Math.Max((float)(measure.MeasureString(text, font).Width / MeasureSize), 1e-6f);
        }
        if (codePoint < Direct)
            Table[(int)face][codePoint] = w;
        else
            Others[(face, codePoint)] = w;
        return w;
    }
}
