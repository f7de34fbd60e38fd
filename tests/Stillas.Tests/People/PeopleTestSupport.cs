using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Stillas.Tests.Support;
using Stillas.Web.Features.People;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Tests.People;

/// <summary>Steps the people tests share: invite through the form, read the mail, follow its link.</summary>
public static partial class PeopleTestSupport
{
    public const string NewPassword = "Nytt-passord-42";

    [GeneratedRegex(@"/Account/SetPassword\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex LinkRx();

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static Dictionary<string, string> InviteForm(string name, string email, int? ownerId = null, Role? role = null, int? schoolId = null, string phone = "", string title = "")
    {
        var form = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Phone"] = phone, ["Input.Title"] = title };
        if (ownerId is int o) form["Input.OwnerId"] = Id(o);
        if (role is Role r) form["Input.Role"] = r.ToString();
        if (schoolId is int s) form["Input.SchoolId"] = Id(s);
        return form;
    }

    public static Task<int> OwnerIdAsync(this StillasApp app, string name) =>
        app.WithDbAsync(db => db.Owners.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public static Task<int> SchoolIdAsync(this StillasApp app, string name) =>
        app.WithDbAsync(db => db.Schools.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    public static Task<int> PersonIdAsync(this StillasApp app, string email) =>
        app.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    /// <summary>Invites through the real form as the given client; asserts the redirect to the new person's page.</summary>
    public static async Task<int> InviteAsync(this StillasApp app, HttpClient admin, string name, string email, Role? role = null, int? schoolId = null)
    {
        var nordvik = await app.OwnerIdAsync("Nordvik kommune");
        var response = await admin.PostFormAsync("/People/Create", InviteForm(name, email, nordvik, role, schoolId));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Invitation of {email} failed: {(int)response.StatusCode} {string.Join("; ", Html.FieldErrors(await response.Content.ReadAsStringAsync()))}");
        return await app.PersonIdAsync(email);
    }

    /// <summary>Waits for the n-th mail to the address (1-based) and returns it.</summary>
    public static async Task<MimeMessage> MailToAsync(this StillasApp app, string email, int nth = 1)
    {
        try
        {
            await app.Smtp.WaitForAsync(m => Count(app, email) >= nth);
        }
        catch (TimeoutException)
        {
            var outbox = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.ToAddress == email)
                .Select(m => $"#{m.Id} attempts={m.Attempts} sent={m.SentAt} error={m.LastError}").ToListAsync());
            throw new TimeoutException($"No mail {nth} to {email} at the SMTP sink; outbox: {string.Join(" | ", outbox)}");
        }
        return app.Smtp.Messages.Where(m => To(m, email)).ElementAt(nth - 1);
    }

    private static int Count(StillasApp app, string email) => app.Smtp.Messages.Count(m => To(m, email));

    private static bool To(MimeMessage m, string email) =>
        m.To.Mailboxes.Any(b => b.Address.Equals(email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The path and query of the set-password link in a mail.</summary>
    public static string LinkIn(MimeMessage mail)
    {
        var match = LinkRx().Match(mail.TextBody ?? "");
        Assert.True(match.Success, "The mail has no set-password link: " + mail.TextBody);
        return match.Value;
    }

    public static string TokenOf(string link) => link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];

    /// <summary>Follows a set-password link as an anonymous visitor and chooses a password.</summary>
    public static async Task<HttpResponseMessage> SetPasswordAsync(this StillasApp app, string link, string password = NewPassword)
    {
        var client = app.Client();
        // The antiforgery token comes from the login page, so that a refused link (which shows no form) can be posted to as well.
        return await client.PostFormAsync(link, new() { ["Password"] = password, ["Confirm"] = password }, "/Account/Login");
    }

    /// <summary>Gives an existing (or new) person a login with a password, directly (set-up for login tests).</summary>
    public static async Task CreateLoginAsync(this StillasApp app, string name, string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var nordvik = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync();
        var person = new Person { OwnerId = nordvik, Name = name, Email = email };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountEntity>>();
        var result = await users.CreateAsync(new AccountEntity { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id }, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
