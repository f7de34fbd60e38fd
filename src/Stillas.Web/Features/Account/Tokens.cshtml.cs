using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Account;

/// <summary>
/// The person's own API tokens (any logged-in user): make one (shown once), see them, revoke one. A token acts with
/// the person's own access, so nobody else's tokens are listed here, not even to an administrator.
/// </summary>
public sealed class TokensModel(StillasDb db, CurrentScope current, TimeProvider clock, IMemoryCache cache) : PageModel
{
    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Gi nøkkelen et navn, for eksempel hva den skal brukes til.")]
        [StringLength(ApiTokenConfiguration.NameMax, ErrorMessage = "Navnet kan ha høyst 100 tegn.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Velg når nøkkelen skal slutte å virke.")]
        public DateOnly? ExpiresOn { get; set; }

        public ApiTokenRights Rights { get; set; } = ApiTokenRights.ReadOnly;
    }

    public sealed record Row(int Id, string Name, ApiTokenRights Rights, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    [BindProperty] public TokenInput Input { get; set; } = new();
    public List<Row> Rows { get; private set; } = [];
    /// <summary>The token just made: shown on this answer only, never stored.</summary>
    public string? NewToken { get; private set; }
    public string? NewTokenName { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The choices in the request's language (a property: the labels are translated per request).</summary>
    public static SelectListItem[] RightsOptions =>
    [
        new(ApiTokens.RightsText(ApiTokenRights.ReadOnly), nameof(ApiTokenRights.ReadOnly)),
        new(ApiTokens.RightsText(ApiTokenRights.ReadWrite), nameof(ApiTokenRights.ReadWrite)),
    ];

    private int PersonId => current.Scope.PersonId ?? throw new AccessDeniedException("API tokens belong to a person.");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ExpiresOn = Today.AddDays(ApiTokens.DefaultDays);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.ExpiresOn is { } on && ModelState.GetFieldValidationState("Input.ExpiresOn") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            if (on <= Today) ModelState.AddModelError("Input.ExpiresOn", L.T("Utløpsdatoen må være etter i dag."));
            else if (on > Today.AddDays(ApiTokens.MaxDays)) ModelState.AddModelError("Input.ExpiresOn", L.T("En nøkkel kan gjelde i høyst ett år, til og med {0}.", NorwegianTime.Date(Today.AddDays(ApiTokens.MaxDays))));
        }
        if (!Enum.IsDefined(Input.Rights)) ModelState.AddModelError("Input.Rights", L.T("Velg hva nøkkelen gir tilgang til."));
        if (!ModelState.IsValid) return Page();

        var accountId = await db.Users.Where(a => a.PersonId == PersonId).Select(a => a.Id).SingleAsync(ct);
        var (token, prefix, hash) = ApiTokens.Generate();
        db.Set<ApiToken>().Add(new ApiToken
        {
            AccountId = accountId,
            PersonId = PersonId,
            Name = Input.Name.Trim(),
            Prefix = prefix,
            TokenHash = hash,
            Rights = Input.Rights,
            CreatedAt = Now,
            // Valid through the chosen day in Oslo.
            ExpiresAt = TimeZoneInfo.ConvertTimeToUtc(Input.ExpiresOn!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), NorwegianTime.Oslo),
        });
        await db.SaveChangesAsync(ct);
        NewToken = token;
        NewTokenName = Input.Name.Trim();
        ModelState.Clear();
        Input = new TokenInput { ExpiresOn = Today.AddDays(ApiTokens.DefaultDays) };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.PersonId == PersonId, ct);
        if (token is null) return NotFound();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            ApiTokenAuthentication.Forget(cache, token.TokenHash);
        }
        TempData["Message"] = L.T("Nøkkelen «{0}» er trukket tilbake og virker ikke lenger.", token.Name);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(NorwegianTime.ToOslo(Now).DateTime);
        var me = PersonId;
        Rows = await db.Set<ApiToken>().AsNoTracking().Where(t => t.PersonId == me)
            .OrderByDescending(t => t.Id)
            .Select(t => new Row(t.Id, t.Name, t.Rights, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    public string Status(Row r) =>
        r.RevokedAt is { } revoked ? L.T("Trukket tilbake {0}", NorwegianTime.Date(revoked)) : r.ExpiresAt <= Now ? L.T("Utløpt") : L.T("Aktiv");
}
