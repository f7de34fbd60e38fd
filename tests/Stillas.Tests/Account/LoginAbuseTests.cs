using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.People;
using Stillas.Tests.Support;
using Stillas.Web.Features.Account;

namespace Stillas.Tests.Account;

/// <summary>The app with low login limits: 3 tries per e-mail and 6 per address in a 5-minute window.</summary>
public sealed class LowLimitsApp : StillasApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("LoginLimits:PerAddress", "6");
        builder.UseSetting("LoginLimits:PerAccount", "3");
        builder.UseSetting("LoginLimits:Window", "00:05:00");
    }
}

/// <summary>Login abuse (issue 18, part 5): one answer for every refusal, and limits per address and per account.</summary>
public sealed class LoginAbuseTests(StillasApp app) : IClassFixture<StillasApp>
{
    private const string Password = "Lang og trygg frase 2026";

    private static Dictionary<string, string> Login(string email, string password) => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_account_get_the_same_answer()
    {
        const string known = "kjent.bruker@nordvik.test";
        const string locked = "sperret.bruker@nordvik.test";
        await app.CreateLoginAsync("Kjent Bruker", known, Password);
        await app.CreateLoginAsync("Sperret Bruker", locked, Password);
        for (var i = 0; i < 5; i++) await app.Client().PostFormAsync("/Account/Login", Login(locked, "feil passord nummer " + i));
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(a => a.Email == locked && a.LockoutEnd != null)), "the account should be locked by now");

        var answers = new List<(HttpStatusCode Status, string Alert)>();
        foreach (var (email, password) in new[] { ("finnes.ikke@nordvik.test", Password), (known, "feil passord her"), (locked, Password) })
        {
            var response = await app.Client().PostFormAsync("/Account/Login", Login(email, password));
            answers.Add((response.StatusCode, Html.Alert(await response.Content.ReadAsStringAsync())));
        }
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Contains(LoginModel.RefusedText, a.Alert));
        Assert.Single(answers.Select(a => a.Alert).Distinct());
        // Positive control: the known account with its password gets in.
        await app.LoginAsync(known, Password);
    }

    [Fact]
    public async Task Forgot_password_answers_alike_for_known_and_unknown_addresses()
    {
        const string known = "glemmer.ofte@nordvik.test";
        await app.CreateLoginAsync("Glemmer Ofte", known, Password);
        var forKnown = await app.Client().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = known });
        var forUnknown = await app.Client().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = "aldri.registrert@nordvik.test" });
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(Html.Alert(await forKnown.Content.ReadAsStringAsync()), Html.Alert(await forUnknown.Content.ReadAsStringAsync()));
        await app.MailToAsync(known); // the known address really got its link
    }
}

/// <summary>Rate limits on the login and "glemt passord" posts: 429 with Retry-After and a Norwegian page.</summary>
public sealed class LoginRateLimitTests(LowLimitsApp app) : IClassFixture<LowLimitsApp>
{
    private static Dictionary<string, string> Login(string email) => new() { ["Input.Email"] = email, ["Input.Password"] = "feil passord igjen" };

    [Fact]
    public async Task Too_many_login_posts_per_account_and_then_per_address_get_429_with_Retry_After()
    {
        var client = app.Client();
        var token = await TokenAsync(client);
        // Three tries for one e-mail pass; the fourth is refused by the account's limit. The address has then used 5
        // of its 6: the rate-limiting middleware tries a refused request twice (acquire, then wait without a queue),
        // and the address limiter, first in the chain, counts both.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, token, "/Account/Login", Login("noen@nordvik.test"))).StatusCode);
        var perAccount = await PostAsync(client, token, "/Account/Login", Login("NOEN@nordvik.test "));
        await AssertTooManyAsync(perAccount);

        // Another e-mail from the same address passes (6 of 6); the next, for yet another e-mail, is refused by the address's limit.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, token, "/Account/Login", Login("en.annen@nordvik.test"))).StatusCode);
        await AssertTooManyAsync(await PostAsync(client, token, "/Account/Login", Login("en.tredje@nordvik.test")));

        // The login form itself still opens: only posts are limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Too_many_forgot_password_posts_for_one_address_get_429()
    {
        var client = app.Client();
        var token = await TokenAsync(client);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, token, "/Account/ForgotPassword", new() { ["Email"] = "mange.lenker@nordvik.test" })).StatusCode);
        await AssertTooManyAsync(await PostAsync(client, token, "/Account/ForgotPassword", new() { ["Email"] = "mange.lenker@nordvik.test" }));
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retry = response.Headers.RetryAfter?.Delta;
        Assert.True(retry is { } r && r > TimeSpan.Zero && r <= TimeSpan.FromMinutes(5), $"Retry-After: {response.Headers.RetryAfter}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("For mange forsøk", html);
        Assert.Contains("Vent noen minutter", html);
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string url, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
}
