using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Account;

/// <summary>Where the invitation and "glemt passord" links lead. A used or expired link is refused.</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<Account> users, AccountLinks links, StillasDb db, TimeProvider clock, UserSessions sessions,
    Microsoft.Extensions.Options.IOptions<Passwords.PasswordPolicy> policy) : PageModel
{
    public string Advice => Passwords.PasswordTexts.Advice(policy.Value.MinimumLength);

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Skriv inn et passord.")]
    [StringLength(200, ErrorMessage = "Passordet er for langt.")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Gjenta passordet.")]
    [Compare(nameof(Password), ErrorMessage = "Passordene er ikke like.")]
    public string Confirm { get; set; } = "";

    public bool Valid { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var token = await links.FindValidAsync(Token, ct);
        Valid = token is not null;
        if (token is not null) Email = (await users.FindByIdAsync(token.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture)))?.Email;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var token = await links.FindValidAsync(Token, ct);
        var account = token is null ? null : await users.FindByIdAsync(token.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Valid = account is not null;
        Email = account?.Email;
        if (account is null || token is null || !ModelState.IsValid) return Page();

        var reset = await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), Password);
        if (!reset.Succeeded)
        {
            foreach (var e in reset.Errors) ModelState.AddModelError(nameof(Password), e.Description);
            return Page();
        }
        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        token.UsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        // A reset is what one does when someone else may know the password: every session ends, everywhere.
        await sessions.EndAllAsync(account.Id, SessionEnd.PasswordReset);
        TempData["Message"] = L.T("Passordet er lagret. Du kan nå logge inn.");
        return RedirectToPage("/Account/Login");
    }
}
