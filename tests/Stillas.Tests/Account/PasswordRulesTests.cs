using System.Net;
using Stillas.Tests.People;
using Stillas.Tests.Support;
using Stillas.Web.Features.Account.Passwords;

namespace Stillas.Tests.Account;

/// <summary>Passwords after NSM's advice (issue 18, part 6), through the profile's "Bytt passord" form.</summary>
public sealed class PasswordRulesTests(StillasApp app) : IClassFixture<StillasApp>
{
    private const string Password = "Lang og trygg frase 2026";

    private async Task<(HttpClient Client, string Email)> PersonAsync(string name, string email)
    {
        await app.CreateLoginAsync(name, email, Password);
        return (await app.LoginAsync(email, Password), email);
    }

    private static async Task<List<string>> ChangeAsync(HttpClient client, string password)
    {
        var response = await client.PostFormAsync("/Account/Profile?handler=ChangePassword",
            new() { ["Change.Current"] = Password, ["Change.New"] = password, ["Change.Confirm"] = password }, "/Account/Profile");
        return response.StatusCode == HttpStatusCode.Redirect ? [] : Html.FieldErrors(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Too_short_too_long_common_and_personal_passwords_are_refused_with_Norwegian_messages()
    {
        var (client, _) = await PersonAsync("Kari Nordbø", "kari.nordbo@nordvik.test");
        Assert.Contains("Passordet må ha minst 12 tegn.", await ChangeAsync(client, "kortpass12"));
        Assert.Contains(PasswordTexts.TooLong(128), await ChangeAsync(client, new string('x', 120) + " og mer tekst"));
        Assert.Contains(PasswordTexts.Common, await ChangeAsync(client, "qwertyuiop123"));
        Assert.Contains(PasswordTexts.Common, await ChangeAsync(client, "Passord123456"));
        Assert.Contains(PasswordTexts.Common, await ChangeAsync(client, "1q2w 3e4r 5t6y"));
        Assert.Contains(PasswordTexts.ContainsName, await ChangeAsync(client, "NORDBØ er et fint sted"));
        Assert.Contains(PasswordTexts.ContainsName, await ChangeAsync(client, "jeg heter kari og liker is"));
        Assert.Contains(PasswordTexts.ContainsName, await ChangeAsync(client, "min adresse: kari.nordbo"));
        // None of them was taken: the old password still logs in.
        await app.LoginAsync("kari.nordbo@nordvik.test", Password);
    }

    [Fact]
    public async Task A_long_passphrase_with_spaces_and_aeoa_and_no_digits_or_capitals_is_accepted()
    {
        var (client, email) = await PersonAsync("Ola Li", "ola.li@nordvik.test");
        const string phrase = "blåbær og rødgrøt på fjellet";
        Assert.Empty(await ChangeAsync(client, phrase));
        await app.LoginAsync(email, phrase);
    }

    [Fact]
    public void Very_short_name_parts_are_ignored_and_the_list_is_loaded()
    {
        Assert.False(NsmPasswordValidator.ContainsPersonal("ola er li kort", "Li Bo", "bo@nordvik.test"));
        Assert.True(NsmPasswordValidator.ContainsPersonal("hei nordmann", "Ola Nordmann", null));
        Assert.True(CommonPasswords.Count > 40000);
        Assert.True(CommonPasswords.Contains("PASSWORD"));
        Assert.False(CommonPasswords.Contains("blåbær og rødgrøt på fjellet"));
    }
}
