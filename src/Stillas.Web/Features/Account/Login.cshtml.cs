using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

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
    /// <summary>The refusal offers "Glemt passord": the same answer whether the e-mail is unknown, the password wrong or the account locked.</summary>
    public bool Refused { get; private set; }
    public bool ShowDemoLogins => env.IsDevelopment();
    public List<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    /// <summary>
    /// One answer for an unknown e-mail, a wrong password and a locked account, so the form tells nobody which
    /// addresses have accounts (issue 18, part 5); the time is alike too (one PBKDF2 verification each).
    /// </summary>
    public const string RefusedText = "Feil e-post eller passord. Etter flere mislykkede forsøk blir kontoen låst en stund. Da kan du vente, eller sette nytt passord med «Glemt passord».";

    public async Task OnGetAsync() => ExternalSchemes = await ExternalAsync();

    public async Task<IActionResult> OnPostAsync([FromServices] SignInManager<Account> signIn, [FromServices] UserManager<Account> users, [FromServices] StillasDb db,
        [FromServices] UserSessions sessions, [FromServices] DummyPassword dummy, [FromServices] AccountLinks links)
    {
        ExternalSchemes = await ExternalAsync();
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        // Demo accounts exist for trying Stillas out; outside Development they are refused even if present.
        if (!env.IsDevelopment() && Stillas.Web.Platform.Data.Seed.DemoData.Logins.Any(l => l.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
        {
            Error = L.T("Demobrukere kan bare brukes i utviklingsmiljøet.");
            return Page();
        }
        var account = await users.FindByEmailAsync(email);
        // The name and language of an active person (the lockout mail is in their language), read by key before any scope.
        var person = account is null ? null : await db.ActivePersonAsync(account.PersonId, HttpContext.RequestAborted);
        // Unknown, inactive or already locked: the same work as a wrong password, and the same answer.
        if (account is null || person is null || await users.IsLockedOutAsync(account))
        {
            dummy.Verify(Input.Password);
            return RefusedPage();
        }
        var result = await signIn.CheckPasswordSignInAsync(account, Input.Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await sessions.SignInAsync(account, HttpContext, "pwd");
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.IsLockedOut)
        {
            // This attempt locked the account: its holder hears of it, with a link that unlocks.
            links.IssueLockoutNotice(account, person.Name, person.Language, users.Options.Lockout.DefaultLockoutTimeSpan);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        return RefusedPage();
    }

    private PageResult RefusedPage()
    {
        Error = L.T(RefusedText);
        Refused = true;
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
