using System.Text;
using Stillas.Web.Features.Import;
using Stillas.Web.Features.Schools;

namespace Stillas.Tests.Import;

/// <summary>The CSV reader on its own: separators, headers, school types, grades, encodings and line errors.</summary>
public sealed class SchoolCsvTests
{
    // Valid (mod-11) organisation numbers.
    private const string A = "974760673";
    private const string B = "986105174";
    private const string Owner = "910000004";

    private static SchoolCsvRow Single(string csv)
    {
        var result = SchoolCsv.Parse(csv);
        Assert.Empty(result.FileErrors);
        return Assert.Single(result.Rows);
    }

    [Fact]
    public void Semicolon_file_with_the_register_header_is_read()
    {
        var row = Single($"Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn\n{A};Sentrum skole;{Owner};Barneskole;1-7\n");
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal((2, A, "Sentrum skole", Owner, SchoolLevel.Barneskole, 1, 7), (row.Line, row.OrganisationNumber, row.Name, row.OwnerOrganisationNumber, row.Level!.Value, row.FirstGrade!.Value, row.LastGrade!.Value));
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("nn")]
    [InlineData("en")]
    public void The_headers_the_import_page_names_in_each_language_are_read(string language)
    {
        string header;
        using (Stillas.Web.Platform.Text.Languages.Use(language))
            header = string.Join(";", new[] { SchoolCsv.OrganisationNumberColumn, SchoolCsv.NameColumn, SchoolCsv.OwnerColumn, SchoolCsv.LevelColumn, SchoolCsv.GradesColumn, SchoolCsv.PupilsColumn }
                .Select(c => Stillas.Web.Platform.Text.L.T(c)));
        if (language != "nb") Assert.NotEqual(header, string.Join(";", SchoolCsv.OrganisationNumberColumn, SchoolCsv.NameColumn, SchoolCsv.OwnerColumn, SchoolCsv.LevelColumn, SchoolCsv.GradesColumn, SchoolCsv.PupilsColumn));
        var result = SchoolCsv.Parse($"{header}\n{A};Sentrum skole;{Owner};Barneskole;1-7;120\n");
        Assert.Empty(result.FileErrors);
        var row = Assert.Single(result.Rows);
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.True(result.HasPupilsColumn);
        Assert.Equal((A, "Sentrum skole", Owner, 1, 7), (row.OrganisationNumber, row.Name, row.OwnerOrganisationNumber, row.FirstGrade!.Value, row.LastGrade!.Value));
    }

    [Fact]
    public void Comma_file_with_headers_in_any_case_and_order_and_extra_columns_is_read()
    {
        var row = Single($"TRINN,Kommune,navn,SKOLETYPE,Skoleeiers organisasjonsnummer,organisasjonsnummer\n8–10,Nordvik,\"Nordvik ungdomsskole, avd. Sør\",Ungdomsskole,{Owner},\"{A[..3]} {A[3..6]} {A[6..]}\"\n");
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal(("Nordvik ungdomsskole, avd. Sør", A, SchoolLevel.Ungdomsskole, 8, 10), (row.Name, row.OrganisationNumber, row.Level!.Value, row.FirstGrade!.Value, row.LastGrade!.Value));
    }

    [Fact]
    public void Missing_columns_are_named()
    {
        var result = SchoolCsv.Parse($"Organisasjonsnummer;Navn;Trinn\n{A};Sentrum skole;1-7\n");
        var error = Assert.Single(result.FileErrors);
        Assert.StartsWith("Filen mangler kolonnene Skoleeier organisasjonsnummer og Skoletype.", error);
        Assert.Empty(result.Rows);
    }

    [Theory]
    [InlineData("", "Filen er tom.")]
    [InlineData("\n\n  \n", "Filen er tom.")]
    [InlineData("Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn\n", "Filen har bare overskriftslinjen og ingen skoler.")]
    public void Empty_files_say_so(string csv, string message) => Assert.Equal([message], SchoolCsv.Parse(csv).FileErrors);

    [Theory]
    [InlineData("Barneskole", "1-7", SchoolLevel.Barneskole)]
    [InlineData("barneskole", "1–4", SchoolLevel.Barneskole)]
    [InlineData("Ungdomsskole", "8-10", SchoolLevel.Ungdomsskole)]
    [InlineData("Kombinert", "1-10", SchoolLevel.Kombinert)]
    [InlineData("Kombinert skole (1–10)", "1-10", SchoolLevel.Kombinert)]
    [InlineData("Grunnskole 1-10", "1-10", SchoolLevel.Kombinert)]
    [InlineData("Grunnskole 1–10", "1.–10. trinn", SchoolLevel.Kombinert)]
    [InlineData("Barne- og ungdomsskole", "1-10", SchoolLevel.Kombinert)]
    [InlineData("Grunnskole", "1-7", SchoolLevel.Barneskole)]
    [InlineData("Grunnskole", "8-10", SchoolLevel.Ungdomsskole)]
    [InlineData("Videregående", "Vg1-Vg3", SchoolLevel.Videregaende)]
    [InlineData("Videregående skole", "vg1 – vg2", SchoolLevel.Videregaende)]
    [InlineData("VGS", "Vg2", SchoolLevel.Videregaende)]
    public void School_types_and_grades_as_people_write_them(string type, string grades, SchoolLevel expected)
    {
        var row = Single($"Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn\n{A};Skole;{Owner};{type};{grades}\n");
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Equal(expected, row.Level);
    }

    [Fact]
    public void Videregaende_grades_are_stored_as_11_to_13()
    {
        Assert.True(SchoolCsv.TryParseGrades("Vg1-Vg3", out var first, out var last));
        Assert.Equal((11, 13), (first, last));
        Assert.Equal("Vg1-Vg3", SchoolCsv.GradesText(first, last));
    }

    [Theory]
    [InlineData("Friskole", "1-7", "Ukjent skoletype «Friskole».")]
    [InlineData("Barneskole", "1-", "Trinn «1-» er ikke gyldig.")]
    [InlineData("Barneskole", "0-7", "Trinn «0-7» er ikke gyldig.")]
    [InlineData("Barneskole", "1-7-9", "Trinn «1-7-9» er ikke gyldig.")]
    [InlineData("Videregående", "Vg1-Vg4", "Trinn «Vg1-Vg4» er ikke gyldig.")]
    [InlineData("Barneskole", "7-1", "første trinn kan ikke være høyere enn siste trinn")]
    [InlineData("Barneskole", "1-10", "Barneskole har trinn 1–7, ikke «1-10».")]
    [InlineData("Videregående", "8-10", "Videregående skole har trinn Vg1–Vg3, ikke «8-10».")]
    [InlineData("", "1-7", "Mangler skoletype.")]
    [InlineData("Barneskole", "", "Mangler trinn.")]
    public void Bad_school_types_and_grades_are_line_errors(string type, string grades, string message)
    {
        var row = Single($"Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn\n{A};Skole;{Owner};{type};{grades}\n");
        Assert.Contains(row.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_organisation_numbers_missing_names_and_duplicates_are_line_errors()
    {
        var result = SchoolCsv.Parse(
            "Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn\n"
            + $"974760672;Feil kontrollsiffer;{Owner};Barneskole;1-7\n"
            + $"{A};;123;Barneskole;1-7\n"
            + $"{B};Første;{Owner};Barneskole;1-7\n"
            + "\n"
            + $"{B};Andre;{Owner};Barneskole;1-7\n"
            + $"{A};For kort\n");
        Assert.Empty(result.FileErrors);
        Assert.Equal([2, 3, 4, 6, 7], result.Rows.Select(r => r.Line));
        Assert.Contains("Organisasjonsnummeret «974760672» er ikke gyldig. Det skal ha ni siffer og riktig kontrollsiffer.", result.Rows[0].Errors);
        Assert.Contains("Mangler navn.", result.Rows[1].Errors);
        Assert.Contains(result.Rows[1].Errors, e => e.StartsWith("Skoleeierens organisasjonsnummer «123» er ikke gyldig", StringComparison.Ordinal));
        Assert.True(result.Rows[2].IsValid);
        Assert.Equal([$"Organisasjonsnummeret {B} står også på linje 4."], result.Rows[3].Errors);
        Assert.Equal(["Linjen har 2 kolonner, men overskriften har 5."], result.Rows[4].Errors);
    }

    [Fact]
    public void A_name_longer_than_200_characters_is_a_line_error()
    {
        var row = Single($"Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn\n{A};{new string('x', 201)};{Owner};Barneskole;1-7\n");
        Assert.Equal(["Navnet kan ha høyst 200 tegn."], row.Errors);
    }

    [Fact]
    public void Optional_pupils_column_is_read_and_checked()
    {
        var result = SchoolCsv.Parse($"Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn;Antall elever\n{A};Skole;{Owner};Barneskole;1-7;1 234\n{B};Skole;{Owner};Barneskole;1-7;mange\n");
        Assert.True(result.HasPupilsColumn);
        Assert.Equal(1234, result.Rows[0].Pupils);
        Assert.Contains(result.Rows[1].Errors, e => e.StartsWith("Antall elever «mange»", StringComparison.Ordinal));
    }

    [Fact]
    public void More_rows_than_allowed_is_a_file_error()
    {
        var sb = new StringBuilder("Organisasjonsnummer;Navn;Skoleeier organisasjonsnummer;Skoletype;Trinn\n");
        for (var i = 0; i <= SchoolCsv.MaxRows; i++) sb.Append(A).Append(";Skole;").Append(Owner).Append(";Barneskole;1-7\n");
        Assert.Contains("del filen opp", Assert.Single(SchoolCsv.Parse(sb.ToString()).FileErrors), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalised_text_reads_back_to_the_same_rows_on_the_same_lines()
    {
        var original = SchoolCsv.Parse(
            "Navn;Trinn;Skoletype;Skoleeier organisasjonsnummer;Organisasjonsnummer;Antall elever\n"
            + $"\"Skole \"\"Nord\"\"; avd. 1\";1-7;Barneskole;{Owner};{A};12\n"
            + "\n"
            + $"\"Skole\nmed linjeskift\";8-10;Ungdomsskole;{Owner};{B};\n"
            + $"Etter;1-7;Barneskole;{Owner};910000012;3\n");
        var again = SchoolCsv.Parse(SchoolCsv.Write(original.Rows, original.HasPupilsColumn));
        Assert.Empty(again.FileErrors);
        Assert.True(again.HasPupilsColumn);
        Assert.Equal(original.Rows.Select(r => (r.Line, r.OrganisationNumber, r.Name, r.LevelText, r.GradesText, r.PupilsText)),
            again.Rows.Select(r => (r.Line, r.OrganisationNumber, r.Name, r.LevelText, r.GradesText, r.PupilsText)));
        Assert.Equal([2, 4, 6], again.Rows.Select(r => r.Line));
        Assert.Equal("Skole \"Nord\"; avd. 1", again.Rows[0].Name);
        Assert.Equal("Skole med linjeskift", again.Rows[1].Name);
    }

    [Fact]
    public void Utf8_with_and_without_bom_and_windows_1252_decode_to_the_same_text()
    {
        const string text = "Navn\nBjørnå skole;Ærøy\n";
        Assert.Equal(text, SchoolCsv.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal(text, SchoolCsv.Decode(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(text, SchoolCsv.Decode(CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text)));
        Assert.Equal(text, SchoolCsv.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));
    }
}
