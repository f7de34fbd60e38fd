using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<Account> users, AccountLinks links, StillasDb db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Skriv inn e-postadressen din.")]
    [EmailAddress(ErrorMessage = "Skriv inn en gyldig e-postadresse.")]
    [StringLength(254, ErrorMessage = "E-postadressen er for lang.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var account = await users.FindByEmailAsync(Email.Trim());
        if (account is not null)
        {
            // An active person's name and language: the mail is in the language they chose, not the browser's.
            var person = await db.ActivePersonAsync(account.PersonId, ct);
            if (person is not null)
            {
                links.Issue(account, person.Name, person.Language, invitation: false);
                await db.SaveChangesAsync(ct);
            }
        }
        // The same answer whether or not the address is known, so the form cannot be used to probe for accounts.
        Sent = true;
        return Page();
    }
}
