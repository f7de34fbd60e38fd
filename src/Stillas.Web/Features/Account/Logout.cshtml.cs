using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<Account> signIn, UserSessions sessions) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // The session ends on the server: a copy of the cookie is worth nothing from now on.
        await sessions.EndAsync(User, SessionEnd.Logout);
        await signIn.SignOutAsync();
        TempData["Message"] = L.T("Du er logget ut.");
        return RedirectToPage("/Account/Login");
    }
}
