using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stillas.Web.Features.Account;

/// <summary>
/// Back from Feide, ID-porten or Entra ID: signs in the account whose e-mail the provider vouches for.
/// People must be registered (invited) first; an unknown e-mail gets a clear message, not an account.
/// </summary>
[AllowAnonymous]
public sealed class ExternalCallbackModel(SignInManager<Account> signIn, UserManager<Account> users) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) { Error = "Innloggingen ble avbrutt. Prøv igjen."; return Page(); }
        var byLogin = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (byLogin.Succeeded) return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var account = email is null ? null : await users.FindByEmailAsync(email);
        if (account is null) { Error = "Vi fant ingen bruker i Stillas med denne e-postadressen. Be skoleeierens administrator om en invitasjon."; return Page(); }
        await users.AddLoginAsync(account, info);
        await signIn.SignInAsync(account, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
