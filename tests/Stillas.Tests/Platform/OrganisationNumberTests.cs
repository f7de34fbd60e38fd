using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("974760673", true)]   // a real, public register number (Brønnøysundregistrene)
    [InlineData("974 760 673", true)]
    [InlineData("974760674", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567890", false)]
    [InlineData("abcdefghi", false)]
    [InlineData("", false)]
    public void Mod11_rule_decides(string value, bool valid) => Assert.Equal(valid, OrganisationNumber.IsValid(value));

    [Fact]
    public void Completed_stems_are_valid_or_have_no_check_digit()
    {
        for (var stem = 91000000; stem < 91000200; stem++)
        {
            var n = OrganisationNumber.Complete(stem.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (n is not null) Assert.True(OrganisationNumber.IsValid(n), n);
        }
    }
}
