using System.Globalization;
using System.Text;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Import;

/// <summary>One data line of a school CSV: what the file said, what it means, and what is wrong with it.</summary>
public sealed class SchoolCsvRow
{
    /// <summary>The line in the file where the record starts (the header is line 1).</summary>
    public int Line { get; init; }
    public string OrganisationNumber { get; init; } = "";
    public string Name { get; init; } = "";
    public string OwnerOrganisationNumber { get; init; } = "";
    public string LevelText { get; init; } = "";
    public string GradesText { get; init; } = "";
    /// <summary>Null when the file has no pupils column.</summary>
    public string? PupilsText { get; init; }

    public SchoolLevel? Level { get; set; }
    public int? FirstGrade { get; set; }
    public int? LastGrade { get; set; }
    public int? Pupils { get; set; }
    /// <summary>Set by the database check when the school exists at the chosen owner and will be updated.</summary>
    public int? ExistingSchoolId { get; set; }
    public List<string> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;
}

/// <summary>The outcome of reading a file: either file-level errors (nothing to preview) or its rows.</summary>
public sealed class SchoolCsvResult
{
    public List<string> FileErrors { get; } = [];
    public List<SchoolCsvRow> Rows { get; } = [];
    public bool HasPupilsColumn { get; init; }
}

/// <summary>
/// Reads a school list shaped like the national school register (NSR) export: organisation number,
/// name, the owner's organisation number, school type and grades, separated by ';' or ',', with
/// Norwegian header names in any case (the register's bokmål names, which the example file uses; nynorsk and
/// English headers are read too). Messages are in the current culture's language (the catalog).
/// The file is read by <see cref="CsvRecords"/> (Sylvan.Data.Csv).
/// Pure: no database, no clock, so it is unit-tested directly.
/// </summary>
public static class SchoolCsv
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxRows = 5000;

    public const string OrganisationNumberColumn = "Organisasjonsnummer";
    public const string NameColumn = "Navn";
    public const string OwnerColumn = "Skoleeier organisasjonsnummer";
    public const string LevelColumn = "Skoletype";
    public const string GradesColumn = "Trinn";
    public const string PupilsColumn = "Antall elever";

    private enum Column { OrganisationNumber, Name, Owner, Level, Grades, Pupils }

    private static readonly (Column Column, string Canonical, string[] Aliases)[] Columns =
    [
        // Bokmål (the register's names), then nynorsk and English.
        (Column.OrganisationNumber, OrganisationNumberColumn, ["organisasjonsnummer", "orgnr", "orgnummer", "organisasjonsnr", "skolensorganisasjonsnummer", "skoleorganisasjonsnummer",
            "skulensorganisasjonsnummer", "skuleorganisasjonsnummer", "organisationnumber", "orgno", "schoolorganisationnumber"]),
        (Column.Name, NameColumn, ["navn", "skolenavn", "skolensnavn", "namn", "skulenamn", "namnpåskulen", "name", "schoolname"]),
        (Column.Owner, OwnerColumn, ["skoleeierorganisasjonsnummer", "skoleeiersorganisasjonsnummer", "skoleeierorgnr", "skoleeiersorgnr", "eierorganisasjonsnummer", "eiersorganisasjonsnummer",
            "skuleeigarorganisasjonsnummer", "skuleeigarorgnr", "eigarorganisasjonsnummer", "schoolownerorganisationnumber", "ownerorganisationnumber"]),
        (Column.Level, LevelColumn, ["skoletype", "type", "skuletype", "schooltype"]),
        (Column.Grades, GradesColumn, ["trinn", "klassetrinn", "årstrinn", "grades", "years", "yeargroups"]),
        (Column.Pupils, PupilsColumn, ["antallelever", "elever", "elevtall", "talpåelevar", "elevar", "pupils", "numberofpupils"]),
    ];

    /// <summary>Bytes to text: see <see cref="CsvRecords.Decode"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => CsvRecords.Decode(bytes);

    public static SchoolCsvResult Parse(string text)
    {
        var records = CsvRecords.Read(text).Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (records.Count == 0)
        {
            var empty = new SchoolCsvResult();
            empty.FileErrors.Add(L.T("Filen er tom."));
            return empty;
        }

        var header = records[0].Fields;
        var index = new Dictionary<Column, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var key = HeaderKey(header[i]);
            foreach (var (column, _, aliases) in Columns)
                if (aliases.Contains(key) && !index.ContainsKey(column)) index[column] = i;
        }
        var missing = Columns.Where(c => c.Column != Column.Pupils && !index.ContainsKey(c.Column)).Select(c => c.Canonical).ToList();
        var result = new SchoolCsvResult { HasPupilsColumn = index.ContainsKey(Column.Pupils) };
        if (missing.Count > 0)
        {
            var headers = $"{OrganisationNumberColumn};{NameColumn};{OwnerColumn};{LevelColumn};{GradesColumn}";
            result.FileErrors.Add(missing.Count == 1
                ? L.T("Filen mangler kolonnen {0}. Første linje må være overskriftene {1}.", missing[0], headers)
                : L.T("Filen mangler kolonnene {0}. Første linje må være overskriftene {1}.", Join(missing), headers));
            return result;
        }
        if (records.Count == 1)
        {
            result.FileErrors.Add(L.T("Filen har bare overskriftslinjen og ingen skoler."));
            return result;
        }
        if (records.Count - 1 > MaxRows)
        {
            result.FileErrors.Add(L.T("Filen har {0} skoler. Du kan importere høyst {1} om gangen; del filen opp.", records.Count - 1, MaxRows.ToString("N0", CultureInfo.CurrentCulture)));
            return result;
        }

        var needed = index.Values.Max() + 1;
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            string Field(Column c) => index.TryGetValue(c, out var i) && i < fields.Length ? fields[i].Trim() : "";
            var row = new SchoolCsvRow
            {
                Line = line,
                OrganisationNumber = Platform.Data.OrganisationNumber.Normalise(Field(Column.OrganisationNumber)),
                Name = CollapseWhitespace(Field(Column.Name)),
                OwnerOrganisationNumber = Platform.Data.OrganisationNumber.Normalise(Field(Column.Owner)),
                LevelText = Field(Column.Level),
                GradesText = Field(Column.Grades),
                PupilsText = result.HasPupilsColumn ? Field(Column.Pupils) : null,
            };
            result.Rows.Add(row);
            if (fields.Length < needed)
            {
                row.Errors.Add(fields.Length == 1 ? L.T("Linjen har 1 kolonne, men overskriften har {0}.", needed) : L.T("Linjen har {0} kolonner, men overskriften har {1}.", fields.Length, needed));
                continue;
            }
            Check(row);
            if (row.OrganisationNumber.Length > 0)
            {
                if (firstLineOf.TryGetValue(row.OrganisationNumber, out var first))
                    row.Errors.Add(L.T("Organisasjonsnummeret {0} står også på linje {1}.", row.OrganisationNumber, first));
                else
                    firstLineOf[row.OrganisationNumber] = line;
            }
        }
        return result;
    }

    private static void Check(SchoolCsvRow row)
    {
        if (row.OrganisationNumber.Length == 0) row.Errors.Add(L.T("Mangler organisasjonsnummer."));
        else if (!Platform.Data.OrganisationNumber.IsValid(row.OrganisationNumber))
            row.Errors.Add(L.T("Organisasjonsnummeret «{0}» er ikke gyldig. Det skal ha ni siffer og riktig kontrollsiffer.", row.OrganisationNumber));

        if (row.Name.Length == 0) row.Errors.Add(L.T("Mangler navn."));
        else if (row.Name.Length > 200) row.Errors.Add(L.T("Navnet kan ha høyst 200 tegn."));

        if (row.OwnerOrganisationNumber.Length == 0) row.Errors.Add(L.T("Mangler skoleeierens organisasjonsnummer."));
        else if (!Platform.Data.OrganisationNumber.IsValid(row.OwnerOrganisationNumber))
            row.Errors.Add(L.T("Skoleeierens organisasjonsnummer «{0}» er ikke gyldig. Det skal ha ni siffer og riktig kontrollsiffer.", row.OwnerOrganisationNumber));

        var gradesOk = false;
        if (row.GradesText.Length == 0) row.Errors.Add(L.T("Mangler trinn."));
        else if (TryParseGrades(row.GradesText, out var first, out var last))
        {
            if (first > last) row.Errors.Add(L.T("Trinn «{0}»: første trinn kan ikke være høyere enn siste trinn.", row.GradesText));
            else
            {
                gradesOk = true;
                row.FirstGrade = first;
                row.LastGrade = last;
            }
        }
        else row.Errors.Add(L.T("Trinn «{0}» er ikke gyldig. Skriv for eksempel 1-7, 8-10 eller Vg1-Vg3.", row.GradesText));

        if (row.LevelText.Length == 0) row.Errors.Add(L.T("Mangler skoletype."));
        else if (TryParseLevel(row.LevelText, row.FirstGrade, row.LastGrade, out var level))
        {
            row.Level = level;
            var (min, max) = School.GradeRange(level);
            if (gradesOk && (row.FirstGrade < min || row.LastGrade > max))
                row.Errors.Add(L.T("{0} har trinn {1}–{2}, ikke «{3}».", School.LevelName(level), GradeText(min), GradeText(max), row.GradesText));
        }
        else row.Errors.Add(L.T("Ukjent skoletype «{0}». Bruk Barneskole, Ungdomsskole, Kombinert, Grunnskole 1-10 eller Videregående.", row.LevelText));

        if (!string.IsNullOrEmpty(row.PupilsText))
        {
            if (int.TryParse(row.PupilsText.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var pupils) && pupils <= 10_000)
                row.Pupils = pupils;
            else row.Errors.Add(L.T("Antall elever «{0}» er ikke et tall mellom 0 og 10 000.", row.PupilsText));
        }
    }

    /// <summary>
    /// School types as the register and people write them. "Grunnskole" alone is read from the grades:
    /// 1–7 is a barneskole, 8–10 an ungdomsskole, otherwise combined.
    /// </summary>
    public static bool TryParseLevel(string text, int? firstGrade, int? lastGrade, out SchoolLevel level)
    {
        var key = Squash(text).Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        SchoolLevel? found = key switch
        {
            "barneskole" or "barnetrinn" or "barneskole1-7" or "barneskule" or "barneskule1-7" or "primary" or "primaryschool" => SchoolLevel.Barneskole,
            "ungdomsskole" or "ungdomstrinn" or "ungdomsskole8-10" or "ungdomsskule" or "ungdomsskule8-10" or "lowersecondary" or "lowersecondaryschool" => SchoolLevel.Ungdomsskole,
            "kombinert" or "kombinertskole" or "kombinertskole1-10" or "kombinert1-10" or "grunnskole1-10"
                or "barne-ogungdomsskole" or "1-10skole" or "1-10-skole"
                or "kombinertskule" or "kombinertskule1-10" or "grunnskule1-10" or "barne-ogungdomsskule" or "1-10skule" or "1-10-skule"
                or "combined" or "combinedschool" or "combinedschoolyears1-10" => SchoolLevel.Kombinert,
            "videregående" or "videregåendeskole" or "videregaende" or "videregaendeskole" or "vgs"
                or "vidaregåande" or "vidaregåandeskule" or "vidaregaande" or "vidaregaandeskule" or "uppersecondary" or "uppersecondaryschool" => SchoolLevel.Videregaende,
            "grunnskole" or "grunnskule" => firstGrade is int f && lastGrade is int l
                ? (l <= 7 ? SchoolLevel.Barneskole : f >= 8 ? SchoolLevel.Ungdomsskole : SchoolLevel.Kombinert)
                : SchoolLevel.Kombinert,
            _ => null,
        };
        level = found ?? default;
        return found is not null;
    }

    /// <summary>Grades like "1-7", "8–10", "Vg1-Vg3", "5.–7. trinn" or a single "Vg2"; Vg1–Vg3 are stored as 11–13.</summary>
    public static bool TryParseGrades(string text, out int first, out int last)
    {
        first = last = 0;
        var key = Squash(text).Replace("trinn", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        var parts = key.Split('-');
        if (parts.Length is < 1 or > 2) return false;
        if (!TryGrade(parts[0], out first)) return false;
        if (parts.Length == 1) { last = first; return true; }
        return TryGrade(parts[1], out last);
    }

    private static bool TryGrade(string part, out int grade)
    {
        grade = 0;
        if (part.StartsWith("vg", StringComparison.Ordinal))
        {
            if (!int.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var vg) || vg is < 1 or > 3) return false;
            grade = 10 + vg;
            return true;
        }
        return int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out grade) && grade is >= 1 and <= 10;
    }

    /// <summary>A grade as people write it: 1–10, or Vg1–Vg3 for 11–13.</summary>
    public static string GradeText(int grade) => grade > 10 ? $"Vg{grade - 10}" : grade.ToString(CultureInfo.InvariantCulture);

    public static string GradesText(int first, int last) => first == last ? GradeText(first) : $"{GradeText(first)}-{GradeText(last)}";

    /// <summary>
    /// The rows as a canonical ';' file, each record on the line it had in the uploaded file, so that a
    /// re-parse (on confirm) reports the same line numbers.
    /// </summary>
    public static string Write(IEnumerable<SchoolCsvRow> rows, bool withPupils)
    {
        var sb = new StringBuilder();
        sb.Append(OrganisationNumberColumn).Append(';').Append(NameColumn).Append(';').Append(OwnerColumn).Append(';')
          .Append(LevelColumn).Append(';').Append(GradesColumn);
        if (withPupils) sb.Append(';').Append(PupilsColumn);
        var line = 1;
        foreach (var r in rows)
        {
            while (line < r.Line) { sb.Append('\n'); line++; }
            sb.Append(Quote(r.OrganisationNumber)).Append(';').Append(Quote(r.Name)).Append(';').Append(Quote(r.OwnerOrganisationNumber)).Append(';')
              .Append(Quote(r.LevelText)).Append(';').Append(Quote(r.GradesText));
            if (withPupils) sb.Append(';').Append(Quote(r.PupilsText ?? ""));
        }
        sb.Append('\n');
        return sb.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(";,\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string HeaderKey(string header) =>
        new(header.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    private static string Squash(string text) =>
        new(text.ToLowerInvariant().Select(c => c is '–' or '—' or '‒' or '−' ? '-' : c).Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : L.T("{0} og {1}", string.Join(", ", names.Take(names.Count - 1)), names[^1]);
}
