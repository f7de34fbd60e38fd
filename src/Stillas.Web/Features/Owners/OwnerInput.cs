using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Owners;

/// <summary>What a user types to create or edit a school owner; shared by the pages and the API.</summary>
public sealed class OwnerInput
{
    /// <summary>The version the form or API call was written on (concurrency check when given).</summary>
    public int? Version { get; set; }

    [Required(ErrorMessage = "Skriv inn skoleeierens navn.")]
    [StringLength(200, ErrorMessage = "Navnet kan ha høyst 200 tegn.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Velg type skoleeier.")]
    public OwnerKind? Kind { get; set; }

    [Required(ErrorMessage = "Skriv inn organisasjonsnummeret.")]
    [OrganisationNumber]
    public string OrganisationNumber { get; set; } = "";

    /// <summary>Surveys' minimum group size (issue 21): at least 3; left out, it stays as it is (5 for a new owner).</summary>
    [Range(3, 1000, ErrorMessage = "Minste antall svar må være minst 3, slik at ingen kan kjennes igjen.")]
    public int? SurveyMinimumGroupSize { get; set; }

    public static OwnerInput From(SchoolOwner o) => new() { Name = o.Name, Kind = o.Kind, OrganisationNumber = o.OrganisationNumber, Version = o.Version, SurveyMinimumGroupSize = o.SurveyMinimumGroupSize };

    /// <summary>Rules beyond single fields; returns (field, message) pairs. <paramref name="id"/> is the owner being edited.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, int? id, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (Kind is OwnerKind kind && !Enum.IsDefined(kind)) errors.Add((nameof(Kind), L.T("Velg type skoleeier.")));
        var orgNo = Platform.Data.OrganisationNumber.Normalise(OrganisationNumber);
        if (Platform.Data.OrganisationNumber.IsValid(orgNo))
        {
            // Unique across all owners: look past the access filter (platform rule, not a read of the data).
            var taken = await db.Owners.IsTakenAsync(o => o.OrganisationNumber == orgNo && o.Id != (id ?? 0), ct);
            if (taken) errors.Add((nameof(OrganisationNumber), L.T("En annen skoleeier har allerede dette organisasjonsnummeret.")));
        }
        return errors;
    }

    public void Apply(SchoolOwner o)
    {
        o.Name = Name.Trim();
        o.Kind = Kind!.Value;
        o.OrganisationNumber = Platform.Data.OrganisationNumber.Normalise(OrganisationNumber);
        if (SurveyMinimumGroupSize is int n) o.SurveyMinimumGroupSize = n;
    }
}
