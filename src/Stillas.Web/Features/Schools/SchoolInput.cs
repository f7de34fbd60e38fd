using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Schools;

/// <summary>What a user types to create or edit a school; shared by the pages and the API.</summary>
public sealed class SchoolInput
{
    /// <summary>The version the form was filled from (concurrency check; see IVersioned).</summary>
    public int? Version { get; set; }

    [Required(ErrorMessage = "Velg skoleeier.")]
    public int? OwnerId { get; set; }

    [Required(ErrorMessage = "Skriv inn skolens navn.")]
    [StringLength(200, ErrorMessage = "Navnet kan ha høyst 200 tegn.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Skriv inn organisasjonsnummeret.")]
    [OrganisationNumber]
    public string OrganisationNumber { get; set; } = "";

    [Required(ErrorMessage = "Velg skoletype.")]
    public SchoolLevel? Level { get; set; }

    [Required(ErrorMessage = "Skriv inn første trinn.")]
    [Range(1, 13, ErrorMessage = "Trinn må være mellom 1 og 13.")]
    public int? FirstGrade { get; set; }

    [Required(ErrorMessage = "Skriv inn siste trinn.")]
    [Range(1, 13, ErrorMessage = "Trinn må være mellom 1 og 13.")]
    public int? LastGrade { get; set; }

    [Required(ErrorMessage = "Skriv inn antall elever.")]
    [Range(0, 10000, ErrorMessage = "Antall elever må være mellom 0 og 10 000.")]
    public int? Pupils { get; set; }

    public static SchoolInput From(School s) => new()
    {
        OwnerId = s.OwnerId, Name = s.Name, OrganisationNumber = s.OrganisationNumber, Level = s.Level,
        FirstGrade = s.FirstGrade, LastGrade = s.LastGrade, Pupils = s.Pupils, Version = s.Version,
    };

    /// <summary>Rules beyond single fields; returns (field, message) pairs. <paramref name="id"/> is the school being edited.</summary>
    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, int? id, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (Level is SchoolLevel level && FirstGrade is int first && LastGrade is int last)
        {
            var (min, max) = School.GradeRange(level);
            if (first > last) errors.Add((nameof(LastGrade), L.T("Siste trinn kan ikke være lavere enn første trinn.")));
            else if (first < min || last > max)
                errors.Add((nameof(FirstGrade), L.T("{0} har trinn {1}–{2}.", School.LevelName(level), min, max)));
        }
        var orgNo = Platform.Data.OrganisationNumber.Normalise(OrganisationNumber);
        if (Platform.Data.OrganisationNumber.IsValid(orgNo))
        {
            // Unique across all owners: look past the access filter (platform rule, not a read of the data).
            var taken = await db.Schools.IsTakenAsync(s => s.OrganisationNumber == orgNo && s.Id != (id ?? 0), ct);
            if (taken) errors.Add((nameof(OrganisationNumber), L.T("En annen skole har allerede dette organisasjonsnummeret.")));
        }
        return errors;
    }

    public void Apply(School s)
    {
        s.OwnerId = OwnerId!.Value;
        s.Name = Name.Trim();
        s.OrganisationNumber = Platform.Data.OrganisationNumber.Normalise(OrganisationNumber);
        s.Level = Level!.Value;
        s.FirstGrade = FirstGrade!.Value;
        s.LastGrade = LastGrade!.Value;
        s.Pupils = Pupils!.Value;
    }
}
