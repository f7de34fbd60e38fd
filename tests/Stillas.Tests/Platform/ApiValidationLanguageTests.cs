using System.ComponentModel.DataAnnotations;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Tests.Platform;

/// <summary>
/// The API validates its input outside MVC (ApiSupport.Validate), where the attributes write their bokmål
/// ErrorMessage themselves: the messages still come back in the request's language, placeholders filled.
/// </summary>
public sealed class ApiValidationLanguageTests
{
    private sealed class Input
    {
        [Required(ErrorMessage = "Skriv inn et passord.")]
        public string? Password { get; set; }

        // {0} is the field's name and {1} the minimum, as RangeAttribute formats them.
        [Range(2000, 2100, ErrorMessage = "Datoen må være mellom {0} og {1}.")]
        public int Year { get; set; }

        [StringLength(3, ErrorMessage = "Ikke i katalogen {1}.")]
        public string? Code { get; set; }
    }

    private static Dictionary<string, string[]> Errors(string language)
    {
        using (Languages.Use(language))
            return ApiSupport.Validate(new Input { Password = null, Year = 1999, Code = "abcd" })!;
    }

    [Fact]
    public void The_messages_are_in_the_current_language_with_their_values()
    {
        var nb = Errors("nb");
        Assert.Equal(["Skriv inn et passord."], nb["password"]);
        Assert.Equal(["Datoen må være mellom Year og 2000."], nb["year"]);

        var nn = Errors("nn");
        Assert.Equal(["Skriv inn eit passord."], nn["password"]);
        Assert.Equal(["Datoen må vere mellom Year og 2000."], nn["year"]);

        var en = Errors("en");
        Assert.Equal(["Enter a password."], en["password"]);
        Assert.Equal(["The date must be between Year and 2000."], en["year"]);
        // A message the catalog does not know is left as the attribute wrote it.
        Assert.Equal(["Ikke i katalogen 3."], en["code"]);
    }
}
