using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using static Stillas.Tests.People.PeopleTestSupport;

namespace Stillas.Tests.People;

/// <summary>Lockout after failed logins and "glemt passord", through the real pages and mail, on both providers.</summary>
public abstract class PasswordTests(StillasApp app)
{
    private const string Original = "Riktig-passord-1";

    private static Dictionary<string, string> Login(string email, string password) => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_mail_the_holder_and_the_mails_link_unlocks_it()
    {
        const string email = "laast.konto@nordvik.test";
        await app.CreateLoginAsync("Låst Konto", email, Original);
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/Account/Login", Login(email, "feil-passord-" + i));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // The sixth attempt is refused even with the right password, with the same answer as a wrong one.
        var locked = await client.PostFormAsync("/Account/Login", Login(email, Original));
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        var html = await locked.Content.ReadAsStringAsync();
        Assert.Contains(Stillas.Web.Features.Account.LoginModel.RefusedText, Html.Alert(html));
        Assert.Contains("href=\"/Account/ForgotPassword\"", html);

        // The holder is told at once, with a link that sets a new password and so unlocks the account.
        var mail = await app.MailToAsync(email);
        Assert.Equal("Kontoen din i Stillas er låst", mail.Subject);
        Assert.Contains("låst i 15 minutter", mail.TextBody);
        var set = await app.SetPasswordAsync(LinkIn(mail));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var user = await app.LoginAsync(email, NewPassword);
        Assert.Contains("Låst Konto", await user.GetStringAsync("/"));
        // One mail for one lockout: the attempts while locked sent no more.
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == email && m.Subject == "Kontoen din i Stillas er låst")));
    }

    [Fact]
    public async Task Forgot_password_gives_the_same_answer_for_an_unknown_email_and_sends_nothing()
    {
        const string known = "kjent.adresse@nordvik.test";
        const string unknown = "finnes.ikke@nordvik.test";
        await app.CreateLoginAsync("Kjent Adresse", known, Original);

        var forKnown = await app.Client().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = known });
        var forUnknown = await app.Client().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = unknown });
        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        var answer = Html.Alert(await forUnknown.Content.ReadAsStringAsync());
        Assert.Contains("Hvis e-postadressen er registrert i Stillas", answer);
        Assert.Equal(Html.Alert(await forKnown.Content.ReadAsStringAsync()), answer);

        // The known address's mail arrives; none was ever queued for the unknown one.
        await app.MailToAsync(known);
        Assert.False(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == unknown)));
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == unknown));
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_and_the_old_one_stops_working()
    {
        const string email = "bytt.kode@nordvik.test";
        await app.CreateLoginAsync("Bytt Kode", email, Original);
        await app.Client().PostFormAsync("/Account/ForgotPassword", new() { ["Email"] = email });
        var link = LinkIn(await app.MailToAsync(email));

        var mismatch = await app.Client().PostFormAsync(link, new() { ["Password"] = NewPassword, ["Confirm"] = "noe-annet-123" });
        Assert.Contains("Passordene er ikke like.", Html.FieldErrors(await mismatch.Content.ReadAsStringAsync()));
        var tooShort = await app.SetPasswordAsync(link, "kort1");
        Assert.Contains("Passordet må ha minst 12 tegn.", Html.FieldErrors(await tooShort.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await app.SetPasswordAsync(link)).StatusCode);
        await app.LoginAsync(email, NewPassword);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoginAsync(email, Original));
    }
}

public sealed class PasswordOnSqlite(StillasApp app) : PasswordTests(app), IClassFixture<StillasApp>;

public sealed class PasswordOnPostgres(PostgresApp app) : PasswordTests(app), IClassFixture<PostgresApp>;
