using System.Text;
using Stillas.Web.Features.Import;
using Stillas.Web.Features.Indicators;

namespace Stillas.Tests.Indicators;

/// <summary>Issue 21, part 10: reading Udir's statistics exports on their own (no database).</summary>
public sealed class IndicatorCsvTests
{
    private const string A = "974760673";
    private const string B = "986105174";
    private static readonly Dictionary<IndicatorColumn, string?> NoMapping = [];

    private static IndicatorCsvResult Parse(string csv, ExportKind kind = ExportKind.PupilSurvey, Dictionary<IndicatorColumn, string?>? mapping = null) =>
        IndicatorCsv.Parse(csv, kind, mapping ?? NoMapping, IndicatorCatalogue.All);

    [Fact]
    public void Stars_dashes_empty_cells_decimal_commas_and_thousands_separators_are_read_as_they_mean()
    {
        var r = Parse("Organisasjonsnummer;Enhetsnavn;Skoleår;Indikator;Trinn;Kjønn;Verdi;Antall\n"
            + $"{A};Sentrum skole;2024-25;Trivsel;7. trinn;Alle;4,3;1 234\n"
            + $"{A};Sentrum skole;2024-25;Mobbing;7. trinn;Alle;*;\n"
            + $"{A};Sentrum skole;2024-25;Mestring;7. trinn;Alle;-;\n"
            + $"{A};Sentrum skole;2024-25;Støtte fra lærerne;7. trinn;Alle;;\n"
            + $"{A};Sentrum skole;2023-24;Trivsel;7;Jenter;\"12,5\";\n");
        Assert.Empty(r.FileErrors);
        Assert.Empty(r.Errors);
        Assert.Equal(4, r.Values.Count);
        Assert.Equal(1, r.Absent);
        var wellbeing = r.Values[0];
        Assert.Equal((ValueStatus.Value, 4.3m, 1234, 2024, 7, ""), (wellbeing.Status, wellbeing.Value!.Value, wellbeing.Denominator!.Value, wellbeing.SchoolYear, wellbeing.Grade!.Value, wellbeing.Gender));
        Assert.Equal((ValueStatus.Suppressed, (decimal?)null), (r.Values[1].Status, r.Values[1].Value));
        Assert.Equal((ValueStatus.Missing, (decimal?)null), (r.Values[2].Status, r.Values[2].Value));
        Assert.Equal((12.5m, "jenter", 2023), (r.Values[3].Value!.Value, r.Values[3].Gender, r.Values[3].SchoolYear));
    }

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("1 234", 1234)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("-3,2", -3.2)]
    public void Numbers_as_Norwegian_files_write_them(string text, double expected)
    {
        Assert.True(IndicatorCsv.TryNumber(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void A_comma_file_with_quoted_decimal_commas_is_read()
    {
        var r = Parse($"Organisasjonsnummer,Skoleår,Indikator,Verdi\n{A},2024/25,Trivsel,\"4,1\"\n{B},2024–25,Trivsel,\"3,9\"\n");
        Assert.Empty(r.Errors);
        Assert.Equal([4.1m, 3.9m], r.Values.Select(v => v.Value!.Value));
    }

    [Fact]
    public void Bad_lines_are_reported_with_line_column_and_a_Norwegian_message()
    {
        var r = Parse("Organisasjonsnummer;Skoleår;Indikator;Verdi\n"
            + $"{A};2024-25;Trivsel;4,1\n"
            + $"{A};2024-25;Trivsel;4,2\n"
            + "123;2024-25;Trivsel;4,0\n"
            + $"{B};2024-26;Trivsel;4,0\n"
            + $"{B};2024-25;Lykke;4,0\n"
            + $"{B};2023-24;Trivsel;mye\n");
        Assert.Contains(r.Errors, e => e.Line == 3 && e.Message == "Samme tall (enhet, indikator, skoleår, trinn og kjønn) står også på linje 2.");
        Assert.Contains(r.Errors, e => e.Line == 4 && e.Column == "Organisasjonsnummer" && e.Message.StartsWith("Organisasjonsnummeret «123» er ikke gyldig", StringComparison.Ordinal));
        Assert.Contains(r.Errors, e => e.Line == 5 && e.Column == "Skoleår" && e.Message == "Skoleåret «2024-26» er ikke gyldig. Skriv for eksempel 2025-26.");
        Assert.Contains(r.Errors, e => e.Line == 6 && e.Message == "Ukjent indikator «Lykke» for Elevundersøkelsen.");
        Assert.Contains(r.Errors, e => e.Line == 7 && e.Column == "Verdi" && e.Message.StartsWith("«mye» er ikke et tall.", StringComparison.Ordinal));
        Assert.Single(r.Values);
    }

    [Fact]
    public void Wrong_columns_are_a_file_error_and_a_saved_mapping_reads_the_owners_names()
    {
        var csv = $"Enhet nr;År;Hva;Resultat\n{A};2024-25;Trivsel;4,1\n";
        Assert.Contains("Fant ikke kolonnene Organisasjonsnummer, Verdi, Indikator i første linje.", Assert.Single(Parse(csv).FileErrors), StringComparison.Ordinal);
        var mapped = Parse(csv, mapping: new() { [IndicatorColumn.OrganisationNumber] = "Enhet nr", [IndicatorColumn.Indicator] = "Hva", [IndicatorColumn.Value] = "Resultat" });
        Assert.Empty(mapped.FileErrors);
        Assert.Equal(4.1m, Assert.Single(mapped.Values).Value);
    }

    [Fact]
    public void Windows_1252_and_utf8_with_bom_decode_to_the_same_text()
    {
        const string text = "Organisasjonsnummer;Skoleår;Indikator;Verdi\n974760673;2024-25;Støtte fra lærerne;4,1\n";
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        Assert.Equal(text, CsvRecords.Decode(cp1252));
        Assert.Equal(text, CsvRecords.Decode(bom));
        var r = Parse(CsvRecords.Decode(cp1252));
        Assert.Equal(IndicatorCatalogue.All.Single(i => i.Code == IndicatorCatalogue.TeacherSupport).Id, Assert.Single(r.Values).IndicatorId);
    }

    [Fact]
    public void A_kind_with_one_indicator_needs_no_indicator_column_and_levels_and_series_breaks_are_read()
    {
        var r = Parse("Nivå;Organisasjonsnummer;Skoleår;Grunnskolepoeng;Brudd i tidsserie\nNasjonalt;;2024-25;41,2;Ny beregning\nSkole;" + A + ";2024-25;40,1;nei\n", ExportKind.PointsTotal);
        Assert.Empty(r.Errors);
        Assert.Equal((IndicatorLevel.Nation, "", true, "Ny beregning"), (r.Values[0].Level!.Value, r.Values[0].OrganisationNumber, r.Values[0].SeriesBreak, r.Values[0].SeriesBreakNote));
        Assert.Equal((IndicatorLevel.School, false), (r.Values[1].Level!.Value, r.Values[1].SeriesBreak));
    }

    [Fact]
    public void Fifty_thousand_lines_parse_quickly()
    {
        var sb = new StringBuilder("Organisasjonsnummer;Skoleår;Indikator;Trinn;Kjønn;Verdi\n");
        var genders = new[] { "Alle", "Gutter", "Jenter" };
        for (var i = 0; i < 50_000; i++)
            sb.Append(i % 2 == 0 ? A : B).Append(';').Append(1990 + i / 1200 % 100).Append(";Trivsel;").Append(1 + i % 10).Append(';').Append(genders[i / 10 % 3]).Append(";4,").Append(i % 10).Append('\n');
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = Parse(sb.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"parsing took {watch.Elapsed}");
        Assert.Equal(50_000, r.Lines);
    }
}
