using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Account;

[AllowAnonymous]
// The form itself needs no database (it answers while the database is prepared at first start, see
// DatabaseReadiness); the handlers that sign in ask for Identity and the database as parameters.
public sealed class LoginModel(IWebHostEnvironment env, IAuthenticationSchemeProvider schemes) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv inn e-postadressen din.")]
        [EmailAddress(ErrorMessage = "Skriv inn en gyldig e-postadresse.")]
        [StringLength(254, ErrorMessage = "E-postadressen er for lang.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Skriv inn passordet ditt.")]
        [StringLength(200, ErrorMessage = "Passordet er for langt.")]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }
    public bool LockedOut { get; private set; }
    public bool ShowDemoLogins => env.IsDevelopment();
    public List<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public async Task OnGetAsync() => ExternalSchemes = await ExternalAsync();

    public async Task<IActionResult> OnPostAsync([FromServices] SignInManager<Account> signIn, [FromServices] UserManager<Account> users, [FromServices] StillasDb db)
    {
        ExternalSchemes = await ExternalAsync();
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        // Demo accounts exist for trying Stillas out; outside Development they are refused even if present.
        if (!env.IsDevelopment() && Stillas.Web.Platform.Data.Seed.DemoData.Logins.Any(l => l.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
        {
            Error = "Demobrukere kan bare brukes i utviklingsmiljøet.";
            return Page();
        }
        var account = await users.FindByEmailAsync(email);
        if (account is not null && await db.ActivePersonNameAsync(account.PersonId, HttpContext.RequestAborted) is null)
            account = null;
        if (account is null)
        {
            Error = "Feil e-post eller passord.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(account, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        if (result.IsLockedOut)
        {
            LockedOut = true;
            Error = "Kontoen er låst i 15 minutter etter for mange mislykkede forsøk. Du kan vente, eller sette nytt passord med «Glemt passord».";
            return Page();
        }
        Error = result.IsNotAllowed ? "Kontoen din er ikke aktivert ennå. Bruk lenken i invitasjonen." : "Feil e-post eller passord.";
        return Page();
    }

    public IActionResult OnPostExternal(string scheme, [FromServices] SignInManager<Account> signIn)
    {
        var props = signIn.ConfigureExternalAuthenticationProperties(scheme, Url.Page("/Account/ExternalCallback", new { returnUrl = SafeReturnUrl() }));
        return Challenge(props, scheme);
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    private async Task<List<AuthenticationScheme>> ExternalAsync() =>
        (await schemes.GetAllSchemesAsync()).Where(s => s.Name.StartsWith("oidc-", StringComparison.Ordinal)).ToList();
}
