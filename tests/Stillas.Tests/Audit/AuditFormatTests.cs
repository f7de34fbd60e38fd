using Stillas.Web.Features.Audit;

namespace Stillas.Tests.Audit;

/// <summary>How stored audit changes read on the page.</summary>
public sealed class AuditFormatTests
{
    [Theory]
    [InlineData("School", "Name", "Navn")]
    [InlineData("School", "FirstGrade", "Første trinn")]
    [InlineData("Person", "Title", "Stilling")]
    [InlineData("TrainingRecord", "Title", "Tittel")]
    [InlineData("School", "SomeNewField", "Some new field")]
    public void Field_names_read_in_Norwegian(string entityType, string field, string expected) =>
        Assert.Equal(expected, AuditFormat.FieldName(entityType, field));

    [Theory]
    [InlineData("School", "Active", "True", "ja")]
    [InlineData("School", "Active", "False", "nei")]
    [InlineData("School", "Level", "Videregaende", "Videregående skole")]
    [InlineData("SchoolOwner", "Kind", "Fylkeskommune", "Fylkeskommune")]
    [InlineData("Membership", "Role", "OwnerAdmin", "Skoleeieradministrator")]
    [InlineData("TeamMember", "Role", "UniversityGuide", "Veileder fra UH")]
    [InlineData("School", "CreatedAt", "2026-01-15T23:30:00.0000000+00:00", "16.01.2026 00:30")]
    [InlineData("TrainingRecord", "CompletedOn", "10/15/2025", "15.10.2025")]
    [InlineData("School", "Name", "Sentrum skole", "Sentrum skole")]
    [InlineData("School", "Pupils", null, "–")]
    public void Values_read_as_elsewhere_in_the_app(string entityType, string field, string? stored, string expected) =>
        Assert.Equal(expected, AuditFormat.Value(entityType, field, stored));

    [Fact]
    public void Entities_with_a_page_are_linked()
    {
        Assert.Equal("/Schools/Details/7", AuditFormat.EntityUrl("School", "7"));
        Assert.Equal("/People/Details/7", AuditFormat.EntityUrl("Person", "7"));
        Assert.Equal("/Teams/Details/7", AuditFormat.EntityUrl("GuidanceTeam", "7"));
        Assert.Equal("/Owners/Details/7", AuditFormat.EntityUrl("SchoolOwner", "7"));
        Assert.Null(AuditFormat.EntityUrl("Membership", "7"));
    }
}
