using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Account;

/// <summary>
/// Back from Feide, ID-porten or Entra ID: signs in the account whose e-mail the provider vouches for.
/// People must be registered (invited) first; an unknown e-mail gets a clear message, not an account.
/// Like the password login, it starts a new server-side session (<see cref="UserSessions"/>).
/// </summary>
[AllowAnonymous]
public sealed class ExternalCallbackModel(SignInManager<Account> signIn, UserManager<Account> users, UserSessions sessions) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) { Error = L.T("Innloggingen ble avbrutt. Prøv igjen."); return Page(); }
        var account = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (account is null)
        {
            var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
            account = email is null ? null : await users.FindByEmailAsync(email);
            if (account is null) { Error = L.T("Vi fant ingen bruker i Stillas med denne e-postadressen. Be skoleeierens administrator om en invitasjon."); return Page(); }
            await users.AddLoginAsync(account, info);
        }
        if (!await signIn.CanSignInAsync(account) || await users.IsLockedOutAsync(account))
        {
            Error = L.T("Kontoen kan ikke logge inn nå. Prøv igjen senere, eller kontakt skoleeierens administrator.");
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await sessions.SignInAsync(account, HttpContext, "external");
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
