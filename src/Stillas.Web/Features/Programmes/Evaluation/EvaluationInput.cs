using System.ComponentModel.DataAnnotations;

namespace Stillas.Web.Features.Programmes.Evaluation;

/// <summary>The yearly evaluation meeting's record, as the form sends it.</summary>
public sealed class EvaluationInput
{
    [Required(ErrorMessage = "Skriv inn datoen for møtet.")]
    public DateOnly? MeetingDate { get; set; }

    [Required(ErrorMessage = "Skriv hvem som deltok.")]
    [StringLength(YearlyEvaluation.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? Participants { get; set; }

    [StringLength(YearlyEvaluation.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? WhatWorks { get; set; }

    [StringLength(YearlyEvaluation.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? ToChange { get; set; }

    [StringLength(YearlyEvaluation.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? Decisions { get; set; }

    public int Version { get; set; }
}
