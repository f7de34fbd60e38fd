using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Account;

/// <summary>Puts the person's id into the login cookie; the access scope is computed from it per request.</summary>
public sealed class StillasClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StillasClaims.PersonId, user.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

/// <summary>
/// One-time links to set a password: invitations (valid 7 days) and "glemt passord" (valid 2 hours).
/// Only the token's SHA-256 is stored; the mail goes through the outbox, in the recipient's language.
/// </summary>
public sealed class AccountLinks(StillasDb db, Outbox outbox, TimeProvider clock, IOptions<MailOptions> mail)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Adds the token and the mail to the context; the caller saves. The mail is in the recipient's language
    /// (<see cref="People.Person.Language"/>), whoever sends it.
    /// </summary>
    public string Issue(Account account, string name, bool invitation, string? invitedBy = null) =>
        Issue(account, name, LanguageOf(account), invitation, invitedBy);

    /// <summary>As above, with the recipient's language already known (null: bokmål).</summary>
    public string Issue(Account account, string name, string? language, bool invitation, string? invitedBy = null)
    {
        var (token, link, expires) = NewLink(account, invitation);
        // In the HTML part the catalog's text is trusted and the values (name, link) are encoded, as on a page.
        Func<string?, string?> enc = System.Net.WebUtility.HtmlEncode;
        using (Languages.Use(language))
        {
            var until = NorwegianTime.DateTime(expires);
            if (invitation)
            {
                var by = invitedBy is null ? "" : " " + L.T("{0} har invitert deg.", invitedBy);
                outbox.Enqueue(account.Email!, name, L.T("Invitasjon til Stillas"),
                    L.T("Hei {0}!", name) + "\n\n" + L.T("Du er invitert til Stillas.") + by + " " + L.T("Velg et passord her:") + "\n" + link + "\n\n" + L.T("Lenken gjelder til {0}.", until) + "\n",
                    "<p>" + L.T("Hei {0}!", enc(name)) + "</p><p>" + L.T("Du er invitert til Stillas.") + (invitedBy is null ? "" : " " + L.T("{0} har invitert deg.", enc(invitedBy)))
                        + " <a href=\"" + enc(link) + "\">" + L.T("Velg et passord") + "</a>.</p><p>" + L.T("Lenken gjelder til {0}.", until) + "</p>");
            }
            else
            {
                var asked = L.T("Noen ba om å få sette nytt passord for denne e-postadressen i Stillas.");
                var ignore = L.T("Lenken gjelder til {0}. Ba du ikke om dette, kan du se bort fra e-posten.", until);
                outbox.Enqueue(account.Email!, name, L.T("Nytt passord i Stillas"),
                    L.T("Hei {0}!", name) + "\n\n" + asked + " " + L.T("Velg nytt passord her:") + "\n" + link + "\n\n" + ignore + "\n",
                    "<p>" + L.T("Hei {0}!", enc(name)) + "</p><p>" + asked + " <a href=\"" + enc(link) + "\">" + L.T("Velg nytt passord") + "</a>.</p><p>" + ignore + "</p>");
            }
        }
        return token;
    }

    /// <summary>
    /// Anyone can lock anyone out by trying wrong passwords: the holder is told at once, in their language, with a
    /// link that sets a new password (and so unlocks). Adds the token and the mail to the context; the caller saves.
    /// </summary>
    public void IssueLockoutNotice(Account account, string name, TimeSpan lockedFor) =>
        IssueLockoutNotice(account, name, LanguageOf(account), lockedFor);

    public void IssueLockoutNotice(Account account, string name, string? language, TimeSpan lockedFor)
    {
        var (_, link, expires) = NewLink(account, invitation: false);
        Func<string?, string?> enc = System.Net.WebUtility.HtmlEncode;
        var minutes = (int)Math.Round(lockedFor.TotalMinutes);
        using (Languages.Use(language))
        {
            var until = NorwegianTime.DateTime(expires);
            var what = L.T("Noen har prøvd å logge inn på kontoen din i Stillas med feil passord flere ganger, så kontoen er låst i {0} minutter.", minutes);
            var notYou = L.T("Lenken gjelder til {0}. Var det ikke deg, er passordet ditt ikke endret, og du trenger ikke gjøre noe. Skjer det ofte, bør du velge et nytt, langt passord.", until);
            outbox.Enqueue(account.Email!, name, L.T("Kontoen din i Stillas er låst"),
                L.T("Hei {0}!", name) + "\n\n" + what + "\n\n" + L.T("Var det deg, kan du vente, eller sette nytt passord med en gang her (det låser opp kontoen):") + "\n" + link + "\n\n" + notYou + "\n",
                "<p>" + L.T("Hei {0}!", enc(name)) + "</p><p>" + what + "</p><p>"
                    + L.T("Var det deg, kan du vente, eller <a href=\"{0}\">sette nytt passord med en gang</a> (det låser opp kontoen).", enc(link))
                    + "</p><p>" + notYou + "</p>");
        }
    }

    /// <summary>
    /// The recipient's language: from the person already in this context (an invitation creates it with the
    /// account), else read by key (not filtered: the mail goes out before or without any scope, as at login).
    /// </summary>
    private string? LanguageOf(Account account)
    {
        var person = account.Person ?? db.People.Local.FirstOrDefault(p => p.Id == account.PersonId);
        return person is not null ? person.Language
            : db.LanguageOf(account.PersonId);
    }

    private (string Token, string Link, DateTimeOffset Expires) NewLink(Account account, bool invitation)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow();
        var expires = now + (invitation ? InvitationLifetime : ResetLifetime);
        db.InvitationTokens.Add(new InvitationToken { AccountId = account.Id, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = expires, IsInvitation = invitation });
        return (token, $"{mail.Value.BaseUrl.TrimEnd('/')}/Account/SetPassword?token={token}", expires);
    }

    public async Task<InvitationToken?> FindValidAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var found = await db.InvitationTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return found is null || found.UsedAt is not null || found.ExpiresAt < now ? null : found;
    }
}
