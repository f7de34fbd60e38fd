using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// The user's own calendar feed: make a secret address for a calendar app, make a new one (the old
/// stops working) or turn it off (after "Slett lenken?"). The address is shown once, right after it is made: only its hash
/// is kept; then it can be copied (a read-only field, and a copy button with script) or opened as webcal:.
/// </summary>
public sealed class CalendarModel(StillasDb db, CurrentScope current) : PageModel
{
    public DateTimeOffset? FeedSince { get; private set; }
    public string? NewFeedUrl { get; private set; }
    /// <summary>The same address for a calendar program to open ("Legg til i kalender").</summary>
    public string? WebcalUrl => NewFeedUrl is null ? null : ProgrammeCalendar.WebcalUrl(NewFeedUrl);
    /// <summary>"Slett lenken?": turning the link off asks first, as a step of this page (no script needed).</summary>
    public bool ConfirmDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? confirm, CancellationToken ct)
    {
        if (current.Scope.PersonId is not int me) return Forbid();
        FeedSince = await db.CalendarFeeds.AsNoTracking().Where(f => f.PersonId == me).Select(f => (DateTimeOffset?)f.CreatedAt).SingleOrDefaultAsync(ct);
        NewFeedUrl = TempData["FeedUrl"] as string;
        ConfirmDelete = confirm == "delete" && FeedSince is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (current.Scope.PersonId is not int me) return Forbid();
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == me).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        var token = CalendarFeedTokens.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { PersonId = me, TokenHash = CalendarFeedTokens.Hash(token) });
        await db.SaveChangesAsync(ct);
        TempData["FeedUrl"] = ProgrammeCalendar.FeedUrl(Request, token);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (current.Scope.PersonId is not int me) return Forbid();
        db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == me).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Kalenderlenken er slått av. Kalenderen din får ikke lenger stegene fra Stillas.");
        return RedirectToPage();
    }
}
