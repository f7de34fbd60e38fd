using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
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
/// Only the token's SHA-256 is stored; the mail goes through the outbox.
/// </summary>
public sealed class AccountLinks(StillasDb db, Outbox outbox, TimeProvider clock, IOptions<MailOptions> mail)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(2);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>Adds the token and the mail to the context; the caller saves.</summary>
    public string Issue(Account account, string name, bool invitation, string? invitedBy = null)
    {
        var (token, link, until) = NewLink(account, invitation);
        Func<string?, string?> enc = System.Net.WebUtility.HtmlEncode;
        if (invitation)
        {
            var by = invitedBy is null ? "" : $" {invitedBy} har invitert deg.";
            outbox.Enqueue(account.Email!, name, "Invitasjon til Stillas",
                $"Hei {name}!\n\nDu er invitert til Stillas.{by} Velg et passord her:\n{link}\n\nLenken gjelder til {until}.\n",
                $"<p>Hei {enc(name)}!</p><p>Du er invitert til Stillas.{enc(by)} <a href=\"{enc(link)}\">Velg et passord</a>.</p><p>Lenken gjelder til {until}.</p>");
        }
        else
        {
            outbox.Enqueue(account.Email!, name, "Nytt passord i Stillas",
                $"Hei {name}!\n\nNoen ba om å få sette nytt passord for denne e-postadressen i Stillas. Velg nytt passord her:\n{link}\n\nLenken gjelder til {until}. Ba du ikke om dette, kan du se bort fra e-posten.\n",
                $"<p>Hei {enc(name)}!</p><p>Noen ba om å få sette nytt passord for denne e-postadressen i Stillas. <a href=\"{enc(link)}\">Velg nytt passord</a>.</p><p>Lenken gjelder til {until}. Ba du ikke om dette, kan du se bort fra e-posten.</p>");
        }
        return token;
    }

    /// <summary>
    /// Anyone can lock anyone out by trying wrong passwords: the holder is told at once, with a link that sets a
    /// new password (and so unlocks). Adds the token and the mail to the context; the caller saves.
    /// </summary>
    public void IssueLockoutNotice(Account account, string name, TimeSpan lockedFor)
    {
        var (_, link, until) = NewLink(account, invitation: false);
        Func<string?, string?> enc = System.Net.WebUtility.HtmlEncode;
        var minutes = (int)Math.Round(lockedFor.TotalMinutes);
        outbox.Enqueue(account.Email!, name, "Kontoen din i Stillas er låst",
            $"Hei {name}!\n\nNoen har prøvd å logge inn på kontoen din i Stillas med feil passord flere ganger, så kontoen er låst i {minutes} minutter.\n\nVar det deg, kan du vente, eller sette nytt passord med en gang her (det låser opp kontoen):\n{link}\n\nLenken gjelder til {until}. Var det ikke deg, er passordet ditt ikke endret, og du trenger ikke gjøre noe. Skjer det ofte, bør du velge et nytt, langt passord.\n",
            $"<p>Hei {enc(name)}!</p><p>Noen har prøvd å logge inn på kontoen din i Stillas med feil passord flere ganger, så kontoen er låst i {minutes} minutter.</p><p>Var det deg, kan du vente, eller <a href=\"{enc(link)}\">sette nytt passord med en gang</a> (det låser opp kontoen).</p><p>Lenken gjelder til {until}. Var det ikke deg, er passordet ditt ikke endret, og du trenger ikke gjøre noe. Skjer det ofte, bør du velge et nytt, langt passord.</p>");
    }

    private (string Token, string Link, string Until) NewLink(Account account, bool invitation)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow();
        var expires = now + (invitation ? InvitationLifetime : ResetLifetime);
        db.InvitationTokens.Add(new InvitationToken { AccountId = account.Id, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = expires, IsInvitation = invitation });
        return (token, $"{mail.Value.BaseUrl.TrimEnd('/')}/Account/SetPassword?token={token}", NorwegianTime.DateTime(expires));
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
