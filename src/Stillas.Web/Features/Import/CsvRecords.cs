using System.Text;
using Sylvan.Data.Csv;

namespace Stillas.Web.Features.Import;

/// <summary>
/// CSV files as people and Udir's statistics export them, read with Sylvan.Data.Csv (a well-kept, fast
/// reader): the bytes decoded (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252), the separator
/// detected (';' unless the first line has more commas), and every record given with the line it starts on,
/// counted from the raw record, so that blank lines and quoted line breaks keep the numbers a person sees in
/// an editor. Used by the school import and the indicator import.
/// </summary>
public static class CsvRecords
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Bytes to text: UTF-8 with or without BOM (and UTF-16 with BOM); bytes that are not valid UTF-8
    /// are read as Windows-1252, which is what Excel on a Norwegian Windows machine saves as "CSV".
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // The code pages provider is used directly so that this class needs no global registration.
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
        }
    }

    /// <summary>';' (what Norwegian Excel writes) unless the first non-empty line has more commas than semicolons (outside quotes).</summary>
    public static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\r' or '\n') { if (semicolons + commas > 0) break; }
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
        }
        return commas > semicolons ? ',' : ';';
    }

    /// <summary>
    /// Every record of <paramref name="text"/> (blank lines included, as one empty field) with the line it starts on;
    /// quoted fields may hold separators, quotes ("") and line breaks.
    /// </summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(string text)
    {
        var separator = DetectSeparator(text);
        var options = new CsvDataReaderOptions { Delimiter = separator, HasHeaders = false, MaxBufferSize = 1 << 22 };
        using var reader = CsvDataReader.Create(new StringReader(text), options);
        var line = 1;
        while (reader.Read())
        {
            var fields = new string[reader.RowFieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            yield return (line, fields);
            line += LineBreaks(reader.GetRawRecordSpan());
        }
    }

    /// <summary>Line breaks in a raw record (\r\n, \n or a lone \r each count once); a last record without one still ends its line.</summary>
    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n') n++;
            else if (raw[i] == '\r' && (i + 1 >= raw.Length || raw[i + 1] != '\n')) n++;
        }
        return Math.Max(n, 1);
    }
}
