using System.ComponentModel.DataAnnotations;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>An objective's title and description, as the form sends it.</summary>
public sealed class ObjectiveInput
{
    [Required(ErrorMessage = "Skriv inn målet.")]
    [StringLength(DevelopmentObjective.TitleMax, ErrorMessage = "Målet kan ha høyst 200 tegn.")]
    public string? Title { get; set; }

    [StringLength(DevelopmentObjective.TextMax, ErrorMessage = "Beskrivelsen kan ha høyst 2000 tegn.")]
    public string? Description { get; set; }

    [Range(1, 99, ErrorMessage = "Rekkefølgen må være et tall fra 1 til 99.")]
    public int? Order { get; set; }

    public int Version { get; set; }
}

/// <summary>Why an objective is closed.</summary>
public sealed class CloseInput
{
    [Required(ErrorMessage = "Skriv hvorfor målet avsluttes.")]
    [StringLength(DevelopmentObjective.TextMax, ErrorMessage = "Begrunnelsen kan ha høyst 2000 tegn.")]
    public string? Reason { get; set; }

    public int Version { get; set; }
}

/// <summary>One objective's rating on the rating form: a colour and the comment it needs.</summary>
public sealed class RatingInput
{
    public int ObjectiveId { get; set; }
    public ObjectiveColour? Colour { get; set; }
    public string? Comment { get; set; }
}
