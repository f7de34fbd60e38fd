using System.Globalization;
using System.Text.RegularExpressions;
using Stillas.Web.Features.Import;
using Stillas.Web.Platform.Text;
using OrgNo = Stillas.Web.Platform.Data.OrganisationNumber;

namespace Stillas.Web.Features.Indicators;

/// <summary>The columns an indicator file may have; each kind's mapping names them.</summary>
public enum IndicatorColumn { OrganisationNumber, UnitName, Level, SchoolYear, Indicator, Grade, Gender, Value, Numerator, Denominator, SeriesBreak }

/// <summary>One figure as the file gave it, read and checked without the database. <see cref="Level"/> null: decided by the organisation number.</summary>
public sealed record ParsedValue(int Line, IndicatorLevel? Level, string OrganisationNumber, string UnitName, int IndicatorId, int SchoolYear, int? Grade, string Gender,
    ValueStatus Status, decimal? Value, int? Numerator, int? Denominator, bool SeriesBreak, string? SeriesBreakNote);

public sealed record LineError(int Line, string Column, string Message);

public sealed class IndicatorCsvResult
{
    public List<string> FileErrors { get; } = [];
    public List<ParsedValue> Values { get; } = [];
    public List<LineError> Errors { get; } = [];
    /// <summary>Data lines read (blank lines not counted).</summary>
    public int Lines { get; set; }
    /// <summary>Empty value cells: not stored (absent is not suppressed).</summary>
    public int Absent { get; set; }
    /// <summary>The header each column was read from.</summary>
    public Dictionary<IndicatorColumn, string> Columns { get; } = [];
}

/// <summary>
/// Reads Udir's statistics exports (nasjonale prøver, Elevundersøkelsen, gjennomføring, karakterer, grunnskolepoeng,
/// ressurser): ';' or ',', decimal comma, thousands separators, '*' = skjermet, '-' = mangler, an empty cell =
/// absent (not stored). Headers are found by the owner's saved names or Stillas's defaults. Pure: no database.
/// </summary>
public static partial class IndicatorCsv
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxLines = 200_000;

    /// <summary>The default header names (compared without case, spaces or punctuation), in bokmål with common variants.</summary>
    public static readonly IReadOnlyDictionary<IndicatorColumn, string[]> Defaults = new Dictionary<IndicatorColumn, string[]>
    {
        [IndicatorColumn.OrganisationNumber] = ["organisasjonsnummer", "orgnr", "orgnummer", "enhetorgnr", "enhetsorganisasjonsnummer", "organisasjonsnr", "organisationnumber"],
        [IndicatorColumn.UnitName] = ["enhetsnavn", "enhetnavn", "enhet", "navn", "skolenavn", "skole", "namn", "unitname"],
        [IndicatorColumn.Level] = ["nivå", "niva", "nivaa", "enhetsnivå", "enhetnivaa", "enhetsniva", "level"],
        [IndicatorColumn.SchoolYear] = ["skoleår", "skolear", "skoleaar", "skuleår", "år", "periode", "tidsperiode", "schoolyear"],
        [IndicatorColumn.Indicator] = ["indikator", "tema", "prøve", "prove", "fag", "indicator"],
        [IndicatorColumn.Grade] = ["trinn", "klassetrinn", "årstrinn", "trinnnivå", "grade"],
        [IndicatorColumn.Gender] = ["kjønn", "kjonn", "gender"],
        [IndicatorColumn.Value] = ["verdi", "score", "snitt", "gjennomsnitt", "andel", "prosent", "skalapoeng", "poeng", "grunnskolepoeng", "value"],
        [IndicatorColumn.Numerator] = ["teller", "antallmedsvar", "numerator"],
        [IndicatorColumn.Denominator] = ["nevner", "antall", "antallelever", "antallbesvart", "antallbesvarte", "denominator"],
        [IndicatorColumn.SeriesBreak] = ["bruddtidsserie", "bruddidtidsserie", "bruddi tidsserie", "bruddidtidsserien", "tidsseriebrudd", "brudd", "seriesbreak"],
    };

    public static string ColumnName(IndicatorColumn c) => c switch
    {
        IndicatorColumn.OrganisationNumber => L.T("Organisasjonsnummer"),
        IndicatorColumn.UnitName => L.T("Enhetsnavn"),
        IndicatorColumn.Level => L.T("Nivå"),
        IndicatorColumn.SchoolYear => L.T("Skoleår"),
        IndicatorColumn.Indicator => L.T("Indikator"),
        IndicatorColumn.Grade => L.T("Trinn"),
        IndicatorColumn.Gender => L.T("Kjønn"),
        IndicatorColumn.Value => L.T("Verdi"),
        IndicatorColumn.Numerator => L.T("Teller"),
        IndicatorColumn.Denominator => L.T("Nevner"),
        IndicatorColumn.SeriesBreak => L.T("Brudd i tidsserien"),
        _ => c.ToString(),
    };

    public static IndicatorCsvResult Parse(string text, ExportKind kind, IReadOnlyDictionary<IndicatorColumn, string?> mapping, IReadOnlyList<Indicator> catalogue)
    {
        var result = new IndicatorCsvResult();
        var ofKind = catalogue.Where(i => i.Kind == kind).ToList();
        var byName = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        foreach (var i in ofKind)
            foreach (var name in new[] { i.Code, i.Name }.Concat(i.Aliases.Split('|', StringSplitOptions.RemoveEmptyEntries)))
                byName.TryAdd(Key(name), i);

        int[]? index = null;
        var seen = new Dictionary<(IndicatorLevel?, string, int, int, int?, string), int>();
        foreach (var (line, fields) in CsvRecords.Read(text))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            if (index is null)
            {
                index = Header(fields, mapping, result);
                var required = new List<IndicatorColumn> { IndicatorColumn.SchoolYear, IndicatorColumn.Value };
                if (index[(int)IndicatorColumn.Level] < 0) required.Insert(0, IndicatorColumn.OrganisationNumber);
                if (ofKind.Count > 1) required.Add(IndicatorColumn.Indicator);
                var missing = required.Where(c => index[(int)c] < 0).Select(c => mapping.TryGetValue(c, out var m) && !string.IsNullOrWhiteSpace(m) ? m! : ColumnName(c)).ToList();
                if (missing.Count > 0)
                {
                    result.FileErrors.Add(L.T("Fant ikke kolonnene {0} i første linje. Sjekk at du har valgt riktig eksport, eller skriv inn kolonnenavnene under «Kolonnenavn».", string.Join(", ", missing)));
                    return result;
                }
                continue;
            }
            result.Lines++;
            if (result.Lines > MaxLines)
            {
                result.FileErrors.Add(L.T("Filen har mer enn {0} linjer. Del den opp.", MaxLines.ToString("N0", CultureInfo.CurrentCulture)));
                return result;
            }
            var before = result.Errors.Count;
            string Field(IndicatorColumn c) => index[(int)c] is var i && i >= 0 && i < fields.Length ? fields[i].Trim() : "";
            void Error(IndicatorColumn c, string message) => result.Errors.Add(new LineError(line, c == IndicatorColumn.Value && index[(int)c] < 0 ? "" : ColumnName(c), message));

            var needed = index.Max() + 1;
            if (fields.Length < needed)
            {
                result.Errors.Add(new LineError(line, "", L.T("Linjen har {0} kolonner, men overskriften har {1}.", fields.Length, needed)));
                continue;
            }

            IndicatorLevel? level = null;
            var levelText = Field(IndicatorColumn.Level);
            if (levelText.Length > 0)
            {
                level = ParseLevel(levelText);
                if (level is null) Error(IndicatorColumn.Level, L.T("Ukjent nivå «{0}». Bruk Skole, Kommune, Fylke eller Nasjonalt.", levelText));
            }
            var org = OrgNo.Normalise(Field(IndicatorColumn.OrganisationNumber));
            if (level == IndicatorLevel.Nation) org = "";
            else if (org.Length == 0) Error(IndicatorColumn.OrganisationNumber, L.T("Mangler organisasjonsnummer."));
            else if (!OrgNo.IsValid(org)) Error(IndicatorColumn.OrganisationNumber, L.T("Organisasjonsnummeret «{0}» er ikke gyldig. Det skal ha ni siffer og riktig kontrollsiffer.", org));

            var yearText = Field(IndicatorColumn.SchoolYear);
            var year = ParseSchoolYear(yearText);
            if (year is null) Error(IndicatorColumn.SchoolYear, yearText.Length == 0 ? L.T("Mangler skoleår.") : L.T("Skoleåret «{0}» er ikke gyldig. Skriv for eksempel 2025-26.", yearText));

            Indicator? indicator = ofKind.Count == 1 && index[(int)IndicatorColumn.Indicator] < 0 ? ofKind[0] : null;
            if (indicator is null)
            {
                var name = Field(IndicatorColumn.Indicator);
                if (!byName.TryGetValue(Key(name), out indicator))
                {
                    if (ofKind.Count == 1 && name.Length == 0) indicator = ofKind[0];
                    else Error(IndicatorColumn.Indicator, name.Length == 0 ? L.T("Mangler indikator.") : L.T("Ukjent indikator «{0}» for {1}.", name, Indicator.KindName(kind)));
                }
            }

            var gradeText = Field(IndicatorColumn.Grade);
            var grade = ParseGrade(gradeText, out var gradeOk);
            if (!gradeOk) Error(IndicatorColumn.Grade, L.T("Trinn «{0}» er ikke gyldig. Skriv for eksempel 5, 8. trinn, Vg1 eller Alle.", gradeText));
            var genderText = Field(IndicatorColumn.Gender);
            var gender = ParseGender(genderText);
            if (gender is null) Error(IndicatorColumn.Gender, L.T("Kjønn «{0}» er ikke gyldig. Bruk Alle, Gutter eller Jenter.", genderText));

            var valueText = Field(IndicatorColumn.Value);
            ValueStatus status;
            decimal? value = null;
            if (valueText.Length == 0)
            {
                // Absent: nothing stored, not even as missing.
                if (result.Errors.Count == before) result.Absent++;
                continue;
            }
            if (valueText == "*") status = ValueStatus.Suppressed;
            else if (IsMissing(valueText)) status = ValueStatus.Missing;
            else if (TryNumber(valueText, out var v) && Math.Abs(v) < 100_000_000m) { status = ValueStatus.Value; value = v; }
            else { status = ValueStatus.Value; Error(IndicatorColumn.Value, L.T("«{0}» er ikke et tall. Bruk desimalkomma (12,5), * for skjermet eller - for mangler.", valueText)); }

            int? Count(IndicatorColumn c)
            {
                var t = Field(c);
                if (t.Length == 0 || t == "*" || IsMissing(t)) return null;
                if (TryNumber(t, out var n) && n == decimal.Truncate(n) && n is >= 0 and <= 100_000_000m) return (int)n;
                Error(c, L.T("«{0}» er ikke et helt tall.", t));
                return null;
            }
            var numerator = Count(IndicatorColumn.Numerator);
            var denominator = Count(IndicatorColumn.Denominator);
            var breakText = Field(IndicatorColumn.SeriesBreak);
            var seriesBreak = breakText.Length > 0 && Key(breakText) is not ("nei" or "0" or "false" or "no");
            var note = seriesBreak && Key(breakText) is not ("ja" or "1" or "true" or "x" or "yes") ? breakText : null;
            if (note is { Length: > 500 }) note = note[..500];

            if (result.Errors.Count > before || indicator is null || year is null || gender is null) continue;
            var key = (level, org, indicator.Id, year.Value, grade, gender);
            if (seen.TryGetValue(key, out var first))
            {
                result.Errors.Add(new LineError(line, "", L.T("Samme tall (enhet, indikator, skoleår, trinn og kjønn) står også på linje {0}.", first)));
                continue;
            }
            seen[key] = line;
            var unit = Field(IndicatorColumn.UnitName);
            result.Values.Add(new ParsedValue(line, level, org, unit.Length > 200 ? unit[..200] : unit, indicator.Id, year.Value, grade, gender,
                status, status == ValueStatus.Value ? value : null, numerator, denominator, seriesBreak, note));
        }
        if (index is null) result.FileErrors.Add(L.T("Filen er tom."));
        else if (result.Lines == 0) result.FileErrors.Add(L.T("Filen har bare overskriftslinjen og ingen tall."));
        return result;
    }

    private static int[] Header(string[] fields, IReadOnlyDictionary<IndicatorColumn, string?> mapping, IndicatorCsvResult result)
    {
        var keys = fields.Select(Key).ToArray();
        var index = Enumerable.Repeat(-1, Enum.GetValues<IndicatorColumn>().Length).ToArray();
        foreach (var column in Enum.GetValues<IndicatorColumn>())
        {
            var names = mapping.TryGetValue(column, out var own) && !string.IsNullOrWhiteSpace(own) ? [Key(own)] : Defaults[column].Select(Key).ToArray();
            foreach (var name in names)
            {
                var i = Array.IndexOf(keys, name);
                if (i < 0 || index.Contains(i)) continue;
                index[(int)column] = i;
                result.Columns[column] = fields[i].Trim();
                break;
            }
        }
        return index;
    }

    public static IndicatorLevel? ParseLevel(string text) => Key(text) switch
    {
        "skole" or "skule" or "school" or "grunnskole" or "videregåendeskole" => IndicatorLevel.School,
        "kommune" or "skoleeier" or "skuleeigar" or "fylkeskommune" or "owner" or "municipality" => IndicatorLevel.Owner,
        "fylke" or "county" => IndicatorLevel.County,
        "nasjonalt" or "nasjon" or "norge" or "helelandet" or "landet" or "nation" or "national" => IndicatorLevel.Nation,
        _ => null,
    };

    /// <summary>"2025-26", "2025–26", "2025/26", "2025-2026" or "2025" (its start year).</summary>
    public static int? ParseSchoolYear(string text)
    {
        var m = SchoolYearRx().Match(text.Trim());
        if (!m.Success) return null;
        var first = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (first is < 1990 or > 2100) return null;
        if (m.Groups[2].Success)
        {
            var second = m.Groups[2].Value;
            var next = int.Parse(second, CultureInfo.InvariantCulture);
            if (second.Length == 2 ? next != (first + 1) % 100 : next != first + 1) return null;
        }
        return first;
    }

    [GeneratedRegex(@"^(\d{4})(?:\s*[-–—/]\s*(\d{2}|\d{4}))?$")]
    private static partial Regex SchoolYearRx();

    public static int? ParseGrade(string text, out bool ok)
    {
        ok = true;
        var key = Key(text).Replace("trinn", "", StringComparison.Ordinal);
        if (key is "" or "alle" or "total" or "totalt" or "all") return null;
        if (key.StartsWith("vg", StringComparison.Ordinal) && int.TryParse(key.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var vg) && vg is >= 1 and <= 3) return 10 + vg;
        if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= 1 and <= 10) return g;
        ok = false;
        return null;
    }

    public static string? ParseGender(string text) => Key(text) switch
    {
        "" or "alle" or "begge" or "beggekjønn" or "totalt" or "all" or "both" => "",
        "gutt" or "gutter" or "gut" or "gutar" or "boys" or "male" => "gutter",
        "jente" or "jenter" or "jenter1" or "girls" or "female" => "jenter",
        _ => null,
    };

    private static bool IsMissing(string text) => text is "-" or "–" or "—" or "--" || Key(text) is "mangler" or "manglar";

    /// <summary>"12,5", "12.5", "1 234", "1 234,5", "1.234,5": the last of ',' and '.' is the decimal mark when both occur.</summary>
    public static bool TryNumber(string text, out decimal value)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal);
        var comma = t.LastIndexOf(',');
        var dot = t.LastIndexOf('.');
        if (comma >= 0 && dot >= 0)
            t = comma > dot ? t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.') : t.Replace(",", "", StringComparison.Ordinal);
        else if (comma >= 0)
            t = t.Replace(',', '.');
        t = t.Replace('−', '-');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string Key(string? text) =>
        text is null ? "" : new string(text.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c)).ToArray());
}
