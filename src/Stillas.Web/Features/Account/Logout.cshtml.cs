using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Stillas.Web.Features.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<Account> signIn) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Message"] = "Du er logget ut.";
        return RedirectToPage("/Account/Login");
    }
}
