using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>
/// The answer page (part 6): no login, phone first, no JavaScript needed. The link's token is its authorisation: the
/// page reads and writes in the system's name, and stores the answer without the person and with the day only. A used,
/// closed or unknown link gets a Norwegian page with status 404; unknown links cost a guess (429 when too many).
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(StillasDb db, CurrentScope current, TimeProvider clock, SurveyGuessLimiter guesses) : PageModel
{
    public Survey? Survey { get; private set; }
    public string? Group { get; private set; }
    /// <summary>Why the link does not work (shown with 404), or null.</summary>
    public string? Refusal { get; private set; }
    public bool ChooseGroup { get; private set; }
    public IReadOnlyList<SurveyItem> Items { get; private set; } = [];
    public Dictionary<int, string> Errors { get; } = [];
    public Dictionary<int, string> Entered { get; } = [];

    public async Task<IActionResult> OnGetAsync(string token, string? group, CancellationToken ct) =>
        await LoadAsync(token, group, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string token, string? group, CancellationToken ct)
    {
        if (await LoadAsync(token, group, ct) is { } refused) return refused;
        if (ChooseGroup) return Page();
        var values = new Dictionary<int, int?>();
        var texts = new Dictionary<int, string?>();
        foreach (var item in Items)
        {
            var raw = Request.Form[(item.Scale == ItemScale.Text ? "t" : "v") + item.Id.ToString(CultureInfo.InvariantCulture)].ToString();
            Entered[item.Id] = raw;
            if (item.Scale == ItemScale.Text) texts[item.Id] = raw;
            else values[item.Id] = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (raw.Length > 0 ? -1 : null);
        }
        foreach (var (itemId, message) in SurveyEngine.Check(Survey!, Group!, values, texts))
        {
            Errors[itemId] = message;
            var item = Items.First(i => i.Id == itemId);
            ModelState.AddModelError((item.Scale == ItemScale.Text ? "t" : "v") + itemId.ToString(CultureInfo.InvariantCulture), message);
        }
        if (Errors.Count > 0) return Page();
        var link = lookup!;
        SurveyEngine.Store(db, Survey!, link.Invitation, Group!, values, texts, ProgrammePlanning.Today(clock));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Surveys/Thanks");
    }

    private SurveyEngine.LinkLookup? lookup;

    private async Task<IActionResult?> LoadAsync(string token, string? group, CancellationToken ct)
    {
        // The respondent is anonymous: the link is the authorisation, and the page acts in the system's name.
        current.Scope = AccessScope.System;
        var link = await SurveyEngine.FindAsync(db, token, ct);
        lookup = link;
        if (!link.Known)
        {
            if (!guesses.TryGuess(HttpContext)) return StatusCode(StatusCodes.Status429TooManyRequests);
            return Refuse(L.T("Vi fant ikke denne lenken. Sjekk at hele adressen er med, eller be om en ny lenke."));
        }
        if (!SurveyEngine.Usable(link, ProgrammePlanning.Today(clock)))
            return Refuse(link.Invitation?.AnsweredOn is not null
                ? L.T("Denne lenken er allerede brukt. Hver personlige lenke virker én gang. Takk for svaret!")
                : L.T("Undersøkelsen er ikke åpen for svar."));
        Survey = link.Survey;
        var groups = Survey!.GroupKeys;
        Group = link.Invitation?.Group ?? (groups.Count == 1 ? groups[0] : groups.Contains(group ?? "") ? group : null);
        ChooseGroup = Group is null;
        Items = Group is null ? [] : [.. Survey.Items.Where(i => i.For(Group)).OrderBy(i => i.Order)];
        return null;
    }

    private IActionResult Refuse(string why)
    {
        Refusal = why;
        Survey = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
