using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillas.Web.Features.Account.Passwords;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Account;

/// <summary>
/// The logged-in person's own page: who they are, their language, a new password, and their open sessions (which they may end).
/// Also the tiny "Forbli innlogget" handler that the session warning (wwwroot/js/session-timeout.js) calls.
/// </summary>
public sealed class ProfileModel(CurrentScope current, UserManager<Account> users, UserSessions sessions, IOptions<PasswordPolicy> policy, StillasDb db) : PageModel
{
    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Skriv inn passordet du har nå.")]
        [StringLength(200, ErrorMessage = "Passordet er for langt.")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Skriv inn et nytt passord.")]
        [StringLength(200, ErrorMessage = "Passordet er for langt.")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Gjenta det nye passordet.")]
        [Compare(nameof(New), ErrorMessage = "Passordene er ikke like.")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty] public PasswordInput Change { get; set; } = new();
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    /// <summary>The person's chosen language ("nb", "nn", "en"), or null: the browser's.</summary>
    public string? Language { get; private set; }
    public List<UserSession> Sessions { get; private set; } = [];
    public int? ThisSession { get; private set; }
    public string Advice => PasswordTexts.Advice(policy.Value.MinimumLength);
    public SessionLimits Limits => sessions.Options;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostChangePasswordAsync([FromServices] SignInManager<Account> signIn, CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return Challenge();
        // Wrong current passwords count towards the lockout as at the login: a borrowed or stolen session cannot
        // guess its way to the password (and so to the account after the session ends).
        if (ModelState.IsValid && !(await signIn.CheckPasswordSignInAsync(account, Change.Current, lockoutOnFailure: true)).Succeeded)
            ModelState.AddModelError("Change.Current", L.T("Passordet du har nå, er feil."));
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(account, Change.Current, Change.New);
            if (result.Succeeded)
            {
                // Whoever else knew the old password is out: every session ends, and this browser gets a new one.
                await sessions.EndAllAsync(account.Id, SessionEnd.PasswordChanged);
                await sessions.SignInAsync(account, HttpContext, "pwd");
                TempData["Message"] = L.T("Passordet er byttet. Du er logget ut alle andre steder.");
                return RedirectToPage();
            }
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Change.Current" : "Change.New",
                    e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? L.T("Passordet du har nå, er feil.") : e.Description);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return Challenge();
        var ended = await sessions.EndAllAsync(account.Id, SessionEnd.EndedByOwner, except: UserSessions.IdOf(User));
        TempData["Message"] = ended == 0 ? L.T("Du var ikke logget inn noe annet sted.") : ended == 1 ? L.T("Én annen økt er logget ut.") : L.T("{0} andre økter er logget ut.", ended);
        return RedirectToPage();
    }

    /// <summary>
    /// "Språk": saves the person's own language column (a narrow, set-based update, as the header's switcher does: no
    /// form version, nothing else touched) and the language cookie; "Som nettleseren" (empty) clears both. The
    /// confirmation is written in the language chosen, as the next page will be.
    /// </summary>
    public async Task<IActionResult> OnPostLanguageAsync(string? language, CancellationToken ct)
    {
        if (current.Scope.PersonId is not int personId) return Challenge();
        var code = Languages.Normalize(language);
        await db.SetOwnLanguageAsync(personId, code, ct);
        TextSetup.SetLanguageCookie(HttpContext, code);
        using (Languages.Use(code ?? BrowserLanguage()))
            TempData["Message"] = code is null ? L.T("Stillas bruker nå språket nettleseren din ber om.") : L.T("Språket er lagret.");
        return RedirectToPage();
    }

    /// <summary>The first language of the browser's Accept-Language that Stillas speaks (what the next page will use without a cookie).</summary>
    private string? BrowserLanguage() =>
        Request.GetTypedHeaders().AcceptLanguage.Where(h => (h.Quality ?? 1) > 0).OrderByDescending(h => h.Quality ?? 1)
            .Select(h => Languages.Normalize(h.Value.Value)).FirstOrDefault(l => l is not null);

    /// <summary>"Forbli innlogget": the request itself proves the session alive; this also marks it seen now.</summary>
    public async Task<IActionResult> OnGetKeepAliveAsync()
    {
        await sessions.TouchAsync(User);
        return new JsonResult(new { idleSeconds = (int)sessions.Options.IdleTimeout.TotalSeconds });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return false;
        Name = current.Scope.ActorName;
        Email = account.Email ?? "";
        Language = Languages.Normalize(await db.LanguageOfAsync(account.PersonId, ct));
        ThisSession = UserSessions.IdOf(User);
        Sessions = await sessions.ActiveAsync(account.Id, ct);
        return true;
    }
}
