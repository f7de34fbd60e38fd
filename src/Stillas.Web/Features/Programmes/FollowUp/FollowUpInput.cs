using System.ComponentModel.DataAnnotations;

namespace Stillas.Web.Features.Programmes.FollowUp;

/// <summary>The follow-up meeting's record, as the form sends it.</summary>
public sealed class FollowUpInput
{
    [Required(ErrorMessage = "Skriv inn datoen for møtet.")]
    public DateOnly? MeetingDate { get; set; }

    [StringLength(FollowUpMeeting.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? Participants { get; set; }

    [StringLength(FollowUpMeeting.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? Lasted { get; set; }

    [StringLength(FollowUpMeeting.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? NotLasted { get; set; }

    [StringLength(FollowUpMeeting.TextMax, ErrorMessage = "Feltet kan ha høyst 4000 tegn.")]
    public string? NextSteps { get; set; }

    public int Version { get; set; }
}
