using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.People;
using Stillas.Tests.Support;
using Stillas.Web.Features.Account;
using static Stillas.Tests.Account.SessionSupport;
using static Stillas.Tests.People.PeopleTestSupport;

namespace Stillas.Tests.Account;

/// <summary>
/// Sessions end on the server (issue 18, part 2): a cookie copied before logout, a password change or reset, or an
/// administrator's "Avslutt alle økter" is worth nothing afterwards, on pages (login) and the API (401).
/// </summary>
public abstract class SessionEndTests(StillasApp app)
{
    private const string Password = "Lang og trygg frase 2026";

    private async Task<string> PersonAsync(string name, string email)
    {
        await app.CreateLoginAsync(name, email, Password);
        return email;
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_gets_the_login_page_and_401_after_it()
    {
        var email = await PersonAsync("Kopi Kake", "kopi.kake@nordvik.test");
        var browser = await app.BrowserLoginAsync(email, Password);
        var copy = app.WithCookies(browser.CookieHeader);
        await AssertAliveAsync(copy, "the copied cookie before logout"); // positive control: the copy works while the session does

        var logout = await browser.Client.PostFormAsync("/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        await AssertDeadAsync(copy, "the copied cookie after logout");
        var session = Assert.Single(await app.SessionsOfAsync(email));
        Assert.Equal(SessionEnd.Logout, session.EndReason);
    }

    [Fact]
    public async Task Every_login_gets_a_new_session_id()
    {
        var email = await PersonAsync("Ny Id", "ny.id@nordvik.test");
        var first = await app.BrowserLoginAsync(email, Password);
        var second = await app.BrowserLoginAsync(email, Password);
        Assert.NotEqual(first.CookieHeader, second.CookieHeader);
        var sessions = await app.SessionsOfAsync(email);
        Assert.Equal(2, sessions.Count);
        Assert.NotEqual(sessions[0].SecretHash, sessions[1].SecretHash);
        Assert.Equal("Firefox på Windows", sessions[0].Device);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_the_changing_one_with_a_new_session()
    {
        var email = await PersonAsync("Bytter Kode", "bytter.kode@nordvik.test");
        var laptop = await app.BrowserLoginAsync(email, Password);
        var phone = await app.BrowserLoginAsync(email, Password, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1");
        var laptopBefore = app.WithCookies(laptop.CookieHeader);
        await AssertAliveAsync(phone.Client, "the phone before the change");

        var profile = await laptop.Client.GetStringAsync("/Account/Profile");
        Assert.Contains("Safari på iOS", profile);
        Assert.Contains("Firefox på Windows (denne økten)", profile);

        var change = await laptop.Client.PostFormAsync("/Account/Profile?handler=ChangePassword",
            new() { ["Change.Current"] = Password, ["Change.New"] = "En helt ny og lang frase", ["Change.Confirm"] = "En helt ny og lang frase" }, "/Account/Profile");
        Assert.True(change.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.FieldErrors(await change.Content.ReadAsStringAsync())));

        await AssertAliveAsync(laptop.Client, "the browser that changed the password");
        await AssertDeadAsync(phone.Client, "the other session");
        await AssertDeadAsync(laptopBefore, "the changing browser's cookie from before the change");
        var sessions = await app.SessionsOfAsync(email);
        Assert.Equal(3, sessions.Count);
        Assert.All(sessions.Take(2), s => Assert.Equal(SessionEnd.PasswordChanged, s.EndReason));
        Assert.Null(sessions[2].EndedAt);
        await app.BrowserLoginAsync(email, "En helt ny og lang frase");
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var email = await PersonAsync("Feil Gammel", "feil.gammel@nordvik.test");
        var browser = await app.BrowserLoginAsync(email, Password);
        var change = await browser.Client.PostFormAsync("/Account/Profile?handler=ChangePassword",
            new() { ["Change.Current"] = "ikke mitt passord nei", ["Change.New"] = "En helt ny og lang frase", ["Change.Confirm"] = "En helt ny og lang frase" }, "/Account/Profile");
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("Passordet du har nå, er feil.", Html.FieldErrors(await change.Content.ReadAsStringAsync()));
        await AssertAliveAsync(browser.Client, "after a refused change");
        // The wrong guess counts towards the lockout, as at the login.
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.Where(a => a.Email == email).Select(a => a.AccessFailedCount).SingleAsync()));
        await app.BrowserLoginAsync(email, Password);
    }

    [Fact]
    public async Task A_password_reset_ends_every_session()
    {
        var email = await PersonAsync("Glemsk Person", "glemsk.person@nordvik.test");
        var one = await app.BrowserLoginAsync(email, Password);
        var two = await app.BrowserLoginAsync(email, Password);
        await AssertAliveAsync(one.Client, "before the reset");

        await app.Client().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, (await app.SetPasswordAsync(LinkIn(await app.MailToAsync(email)))).StatusCode);

        await AssertDeadAsync(one.Client, "the first session after the reset");
        await AssertDeadAsync(two.Client, "the second session after the reset");
        Assert.All(await app.SessionsOfAsync(email), s => Assert.Equal(SessionEnd.PasswordReset, s.EndReason));
    }

    [Fact]
    public async Task Logg_ut_andre_okter_ends_the_others_and_keeps_this_one()
    {
        var email = await PersonAsync("Andre Steder", "andre.steder@nordvik.test");
        var here = await app.BrowserLoginAsync(email, Password);
        var there = await app.BrowserLoginAsync(email, Password);
        var end = await here.Client.PostFormAsync("/Account/Profile?handler=EndOthers", [], "/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        await AssertAliveAsync(here.Client, "this session");
        await AssertDeadAsync(there.Client, "the other session");
        Assert.Contains("Du er ikke logget inn noe annet sted.", await here.Client.GetStringAsync("/Account/Profile"));
    }

    [Fact]
    public async Task The_owners_administrator_ends_all_sessions_of_a_person_and_it_is_audited()
    {
        var email = await PersonAsync("Mistet Pc", "mistet.pc@nordvik.test");
        var personId = await app.PersonIdAsync(email);
        var one = await app.BrowserLoginAsync(email, Password);
        var two = await app.BrowserLoginAsync(email, Password);

        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var details = await admin.GetStringAsync($"/People/Details/{Id(personId)}");
        Assert.Contains("Personen er innlogget 2 steder nå.", details);
        Assert.Contains("Avslutt alle økter", details);
        var end = await admin.PostFormAsync($"/People/Details/{Id(personId)}?handler=EndSessions", [], "/");
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);

        await AssertDeadAsync(one.Client, "the first session");
        await AssertDeadAsync(two.Client, "the second session");
        await AssertAliveAsync(admin, "the administrator's own session");
        Assert.All(await app.SessionsOfAsync(email), s => Assert.Equal(SessionEnd.Administrator, s.EndReason));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Person" && a.EntityId == Id(personId)).ToListAsync());
        var entry = Assert.Single(audit, a => a.ParsedChanges().ContainsKey("Innloggingsøkter"));
        Assert.Equal(await app.OwnerIdAsync("Nordvik kommune"), entry.OwnerId);
        Assert.Equal("2 aktive", entry.ParsedChanges()["Innloggingsøkter"][0]);
        Assert.Equal(await app.PersonIdAsync("skoleeier@nordvik.test"), entry.ActorPersonId);
    }

    [Fact]
    public async Task Deactivating_a_person_on_the_page_or_through_the_API_ends_their_sessions()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        foreach (var (name, email, api) in new[] { ("Slutta Side", "slutta.side@nordvik.test", false), ("Slutta Api", "slutta.api@nordvik.test", true) })
        {
            await PersonAsync(name, email);
            var personId = await app.PersonIdAsync(email);
            var session = await app.BrowserLoginAsync(email, Password);
            await AssertAliveAsync(session.Client, $"{email} before deactivation");
            var response = api
                ? await admin.DeleteAsync($"/api/v1/people/{Id(personId)}")
                : await admin.PostFormAsync($"/People/Details/{Id(personId)}?handler=Deactivate", [], "/");
            Assert.Equal(api ? HttpStatusCode.NoContent : HttpStatusCode.Redirect, response.StatusCode);
            await AssertDeadAsync(session.Client, $"{email} after deactivation");
            Assert.All(await app.SessionsOfAsync(email), s => Assert.Equal(SessionEnd.Deactivated, s.EndReason));
        }
        await AssertAliveAsync(admin, "the administrator's own session");
    }

    [Fact]
    public async Task Someone_who_may_not_administer_the_person_cannot_end_their_sessions()
    {
        var email = await PersonAsync("Vern Person", "vern.person@nordvik.test");
        var personId = await app.PersonIdAsync(email);
        var victim = await app.BrowserLoginAsync(email, Password);

        foreach (var other in new[] { "skoleeier@fjordland.test", "veileder@nordvik.test", "rektor.sentrum@nordvik.test" })
        {
            var client = await app.LoginAsync(other);
            var end = await client.PostFormAsync($"/People/Details/{Id(personId)}?handler=EndSessions", [], "/");
            Refused.Assert(end, other);
        }
        await AssertAliveAsync(victim.Client, "the person's session after the refused attempts");
        Assert.All(await app.SessionsOfAsync(email), s => Assert.Null(s.EndedAt));
    }
}

public sealed class SessionEndOnSqlite(StillasApp app) : SessionEndTests(app), IClassFixture<StillasApp>;

public sealed class SessionEndOnPostgres(PostgresApp app) : SessionEndTests(app), IClassFixture<PostgresApp>;
