using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.People;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Text;

namespace Stillas.Tests.Account;

/// <summary>
/// The account pages, the account mails and the language choice in bokmål, nynorsk and English
/// (docs/text.md): a page in the request's language, a mail in its recipient's, an unknown language bokmål.
/// </summary>
public sealed partial class AccountLanguageTests(StillasApp app) : IClassFixture<StillasApp>
{
    [GeneratedRegex("<html lang=\"([a-z]+)\"")]
    private static partial Regex HtmlLang();

    private static string LangOf(string html) => HtmlLang().Match(html) is { Success: true } m ? m.Groups[1].Value : "?";

    private HttpClient Anonymous(string? acceptLanguage = null, string? cookie = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookie is null });
        if (acceptLanguage is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private Task<string?> LanguageOfAsync(string email) =>
        app.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Language).SingleAsync());

    private Task SetLanguageAsync(string email, string? language) =>
        app.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Email == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, language)));

    /// <summary>The n-th mail to the address with a set-password link (other mail, such as reminders, is passed over).</summary>
    private async Task<MimeKit.MimeMessage> LinkMailAsync(string email, int nth)
    {
        bool Match(MimeKit.MimeMessage m) => m.To.Mailboxes.Any(b => b.Address.Equals(email, StringComparison.OrdinalIgnoreCase))
            && (m.TextBody ?? "").Contains("/Account/SetPassword?token=", StringComparison.Ordinal);
        await app.Smtp.WaitForAsync(_ => app.Smtp.Messages.Count(Match) >= nth);
        return app.Smtp.Messages.Where(Match).ElementAt(nth - 1);
    }

    [Fact]
    public async Task The_login_page_and_its_validation_speak_nynorsk_and_English_and_bokmal_by_default()
    {
        var nb = await (await Anonymous().GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        Assert.Equal("nb", LangOf(nb));
        Assert.Contains("Glemt passord?", nb, StringComparison.Ordinal);

        var nynorsk = Anonymous("nn-NO");
        var nn = await (await nynorsk.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        Assert.Equal("nn", LangOf(nn));
        Assert.Contains("Gløymt passordet?", nn, StringComparison.Ordinal);
        var bad = await nynorsk.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var errors = Html.FieldErrors(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Skriv inn e-postadressa di.", errors);
        Assert.DoesNotContain("Skriv inn e-postadressen din.", errors);

        var en = await (await Anonymous("en-GB").GetAsync("/Account/ForgotPassword")).Content.ReadAsStringAsync();
        Assert.Equal("en", LangOf(en));
        Assert.Contains("Forgotten password", en, StringComparison.Ordinal);
        Assert.Contains("Back to login", en, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("xx-YY, de;q=0.8")]
    public async Task A_language_Stillas_does_not_speak_in_the_browser_gives_bokmal_without_error(string acceptLanguage)
    {
        var response = await Anonymous(acceptLanguage).GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal("nb", LangOf(html));
        Assert.Contains("Logg inn i Stillas", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_cookie_gives_bokmal_and_a_known_one_wins_over_the_browser()
    {
        var unknown = await Anonymous("en-GB", cookie: TextSetup.CookieName + "=xx").GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        // An unknown cookie is ignored: the browser's language applies.
        Assert.Equal("en", LangOf(await unknown.Content.ReadAsStringAsync()));

        var bokmal = await Anonymous(cookie: TextSetup.CookieName + "=xx").GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, bokmal.StatusCode);
        Assert.Equal("nb", LangOf(await bokmal.Content.ReadAsStringAsync()));

        var chosen = await Anonymous("en-GB", cookie: TextSetup.CookieName + "=nn").GetAsync("/Account/Login");
        Assert.Equal("nn", LangOf(await chosen.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_switcher_stores_the_choice_goes_back_only_to_a_local_page_and_takes_an_unknown_language_as_bokmal()
    {
        const string email = "admin@stillas.test";
        var client = await app.LoginAsync(email);

        var local = await client.PostFormAsync("/Account/Language", new() { ["lang"] = "nn", ["returnUrl"] = "/Account/Profile" }, "/Account/Language");
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal("/Account/Profile", local.Headers.Location?.OriginalString);
        Assert.Equal("nn", await LanguageOfAsync(email));
        var profile = await (await client.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Equal("nn", LangOf(profile));
        Assert.Contains("Byt passord", profile, StringComparison.Ordinal);

        foreach (var foreign in new[] { "https://evil.example/", "//evil.example/x", "http://localhost.evil.example/" })
        {
            var away = await client.PostFormAsync("/Account/Language", new() { ["lang"] = "en", ["returnUrl"] = foreign }, "/Account/Language");
            Assert.Equal(HttpStatusCode.Redirect, away.StatusCode);
            Assert.Equal("/", away.Headers.Location?.OriginalString);
        }
        Assert.Equal("en", await LanguageOfAsync(email));

        var unknown = await client.PostFormAsync("/Account/Language", new() { ["lang"] = "xx", ["returnUrl"] = "/" }, "/Account/Language");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains(unknown.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TextSetup.CookieName + "=nb", StringComparison.Ordinal));
        Assert.Equal("nb", await LanguageOfAsync(email));
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal("nb", LangOf(await start.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_profile_saves_the_language_shows_the_choice_and_the_next_login_speaks_it()
    {
        const string email = "skoleeier@fjordland.test";
        var client = await app.LoginAsync(email);
        var before = await (await client.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Matches("id=\"language-browser\" name=\"language\" value=\"\" checked", before);

        var saved = await client.PostFormAsync("/Account/Profile?handler=Language", new() { ["language"] = "nn" }, "/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await (await client.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Equal("nn", LangOf(after));
        Assert.Contains("Språket er lagra.", after, StringComparison.Ordinal);
        Assert.Contains("Profilen min", after, StringComparison.Ordinal);
        Assert.Matches("id=\"language-nn\" name=\"language\" value=\"nn\" checked", after);
        Assert.DoesNotMatch("id=\"language-browser\" name=\"language\" value=\"\" checked", after);
        Assert.Equal("nn", await LanguageOfAsync(email));

        // Another browser, an English one: the login brings the person's own choice.
        var fresh = app.Client();
        fresh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var login = await fresh.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = Stillas.Web.Platform.Data.Seed.DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var start = await (await fresh.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Equal("nn", LangOf(start));
        Assert.Contains("Skuleeigar", start, StringComparison.Ordinal);

        // "Som nettleseren": the column and the cookie are cleared, and the browser's language applies again.
        var browser = await fresh.PostFormAsync("/Account/Profile?handler=Language", new() { ["language"] = "" }, "/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, browser.StatusCode);
        Assert.Null(await LanguageOfAsync(email));
        var english = await (await fresh.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        Assert.Equal("en", LangOf(english));
        Assert.Contains("Stillas now uses the language your browser asks for.", english, StringComparison.Ordinal);
        Assert.Contains("Change password", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rektor.sentrum@nordvik.test", "nb", "en-GB", "Nytt passord i Stillas", "Noen ba om å få sette nytt passord", "Lenken gjelder til")]
    [InlineData("veileder@nordvik.test", "nn", "en-GB", "Nytt passord i Stillas", "Nokon bad om å få setje nytt passord", "Lenkja gjeld til")]
    [InlineData("uh@nordvik.test", "en", "nn-NO", "New password in Stillas", "Someone asked to set a new password", "The link is valid until")]
    public async Task A_password_reset_mail_is_in_the_recipients_language_not_the_browsers(string email, string language, string browser, string subject, string asked, string valid)
    {
        await SetLanguageAsync(email, language);
        var response = await Anonymous(browser).PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await LinkMailAsync(email, 1);
        Assert.Equal(subject, mail.Subject);
        Assert.Contains(asked, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(valid, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(asked, mail.HtmlBody, StringComparison.Ordinal);
        // The expiry in the recipient's date format: 24/11/2026 in English, 24.11.2026 in bokmål and nynorsk.
        var until = Stillas.Web.Platform.Web.NorwegianTime.ToOslo(app.Now + Stillas.Web.Features.Account.AccountLinks.ResetLifetime);
        var date = until.ToString(language == "en" ? "dd'/'MM'/'yyyy" : "dd.MM.yyyy", CultureInfo.InvariantCulture);
        Assert.Contains(date, mail.TextBody, StringComparison.Ordinal);
        if (language != "nb") Assert.DoesNotContain("Noen ba om", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_from_an_English_speaking_administrator_is_in_the_recipients_language()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        const string email = "nora.nynorsk@nordvik.test";
        var id = await app.InviteAsync(admin, "Nora Nynorsk", email);

        // No language chosen yet: bokmål, not the administrator's English.
        var first = await LinkMailAsync(email, 1);
        Assert.Equal("Invitasjon til Stillas", first.Subject);
        Assert.Contains("Velg et passord her:", first.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("invited", first.TextBody, StringComparison.Ordinal);

        await SetLanguageAsync(email, "nn");
        var resent = await admin.PostFormAsync($"/People/Details/{id}?handler=Invite", new(), $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var second = await LinkMailAsync(email, 2);
        Assert.Equal("Invitasjon til Stillas", second.Subject);
        Assert.Contains("Hei Nora Nynorsk!", second.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vel eit passord her:", second.TextBody, StringComparison.Ordinal);
        Assert.Contains("Lenkja gjeld til", second.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vel eit passord</a>", second.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("invited", second.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Velg et passord", second.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_page_shows_English_words_and_dates_and_the_API_answers_in_English()
    {
        var client = await app.LoginAsync("uh@nordvik.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var created = await client.PostFormAsync("/Account/Tokens?handler=Create", new()
        {
            ["Input.Name"] = "Report",
            ["Input.ExpiresOn"] = app.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Rights"] = "ReadOnly",
        }, "/Account/Tokens");
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("The key “Report” has been created", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Read only", html, StringComparison.Ordinal);
        Assert.Contains(app.Today.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);

        // A nynorsk validation message on a bad post.
        var nn = await app.LoginAsync("skoleeier@nordvik.test");
        nn.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nn-NO");
        var refused = await nn.PostFormAsync("/Account/Tokens?handler=Create", new() { ["Input.Name"] = "", ["Input.ExpiresOn"] = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.Rights"] = "ReadOnly" }, "/Account/Tokens");
        var errors = Html.FieldErrors(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Gi nøkkelen eit namn, til dømes kva han skal brukast til.", errors);
        Assert.Contains("Utløpsdatoen må vere etter i dag.", errors);

        var api = await Anonymous("en-GB").GetAsync("/api/v1/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Equal("You must log in.", problem.RootElement.GetProperty("title").GetString());
    }
}
