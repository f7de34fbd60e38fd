using System.ComponentModel.DataAnnotations;

using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>What a user types to write an agreement's draft; shared by the edit page and the API.</summary>
public sealed class AgreementInput
{
    /// <summary>The version the user started from (0 when there is no agreement yet).</summary>
    public int Number { get; set; }

    /// <summary>That version's concurrency token as the user read it.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Skriv inn startdatoen for avtaleperioden.")]
    public DateOnly? PeriodFrom { get; set; }

    [Required(ErrorMessage = "Skriv inn sluttdatoen for avtaleperioden.")]
    public DateOnly? PeriodTo { get; set; }

    [StringLength(GuidanceAgreementConfiguration.DevelopmentAreaMax, ErrorMessage = "Utviklingsområdet kan ha høyst 2000 tegn.")]
    public string? DevelopmentArea { get; set; }

    [Required(ErrorMessage = "Skriv hvem som er parter i avtalen.")]
    [StringLength(GuidanceAgreementConfiguration.PartiesMax, ErrorMessage = "Partene kan beskrives med høyst 4000 tegn.")]
    public string Parties { get; set; } = "";

    public List<AgreementLineInput> Lines { get; set; } = [];

    public const int MaxLines = 100;

    /// <summary>Rules beyond single fields; (field, message) pairs with field names as the input's properties ("Lines[3].Text").</summary>
    public List<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        if (PeriodFrom is { } from && PeriodTo is { } to)
        {
            if (to < from) errors.Add((nameof(PeriodTo), L.T("Sluttdatoen kan ikke være før startdatoen.")));
            // Bounded input keeps dates near today; the guard keeps this rule from throwing if one gets through.
            else if (from.Year <= DateOnly.MaxValue.Year - 5 && to > from.AddYears(5)) errors.Add((nameof(PeriodTo), L.T("Avtaleperioden kan være høyst fem år.")));
        }
        if (Lines.Count > MaxLines) errors.Add((nameof(Lines), L.T("Avtalen kan ha høyst {0} punkter.", MaxLines)));
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i];
            if (!Enum.IsDefined(line.Section)) errors.Add(($"Lines[{i}].Section", L.T("Velg en gyldig del av avtalen for punktet.")));
            if (string.IsNullOrWhiteSpace(line.Text)) errors.Add(($"Lines[{i}].Text", L.T("Skriv teksten i punktet, eller fjern punktet.")));
            else if (line.Text.Trim().Length > GuidanceAgreementConfiguration.LineTextMax) errors.Add(($"Lines[{i}].Text", L.T("Et punkt kan ha høyst 1000 tegn.")));
        }
        return errors;
    }

    public static AgreementInput From(AgreementVersion v) => new()
    {
        Number = v.Number,
        Version = v.Version,
        PeriodFrom = v.PeriodFrom,
        PeriodTo = v.PeriodTo,
        DevelopmentArea = v.DevelopmentArea,
        Parties = v.Parties,
        Lines = [.. AgreementRules.Ordered(v.Lines).Select(l => new AgreementLineInput { Key = l.Key, Section = l.Section, Text = l.Text, Checked = l.Checked })],
    };

    /// <summary>The lines in the order the sections are shown, each section's lines in the order typed.</summary>
    public void SortLines() => Lines = [.. Lines.Select((l, i) => (l, i)).OrderBy(x => x.l.Section).ThenBy(x => x.i).Select(x => x.l)];
}

public sealed class AgreementLineInput
{
    /// <summary>The line's key in the version it came from; empty for a new line.</summary>
    public string? Key { get; set; }
    public AgreementSection Section { get; set; }
    public string? Text { get; set; }
    public bool Checked { get; set; }
}
