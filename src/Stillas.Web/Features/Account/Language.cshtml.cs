using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Account;

/// <summary>
/// The language switcher's target (a plain form in the header, so it works without script): remembers the
/// choice in a cookie and, for a logged-in person, in their profile, then goes back to the page they were on.
/// An unknown language is bokmål, never an error. GET shows the same choice as a page of its own.
/// </summary>
[AllowAnonymous]
public sealed class LanguageModel(CurrentScope current, StillasDb db) : PageModel
{
    [FromQuery(Name = "returnUrl")] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl, CancellationToken ct)
    {
        var code = Languages.Normalize(lang) ?? Languages.Bokmal;
        TextSetup.SetLanguageCookie(HttpContext, code);
        if (current.Scope is { IsAuthenticated: true, PersonId: int personId })
        {
            // Only the person's own language column: set-based, so no form version is needed and nothing else is touched.
            await db.SetOwnLanguageAsync(personId, code, ct);
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
