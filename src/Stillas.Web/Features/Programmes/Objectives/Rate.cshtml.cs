using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>
/// "Vurder mål": each open objective rated grønn, gul or rød with a comment, at a session (?sessionId=) or at an
/// evaluation or follow-up meeting (?occasion=). Objectives left without a colour are not rated this time.
/// </summary>
public sealed class RateModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public List<Objectives.Latest> Open { get; private set; } = [];
    public int? SessionNumber { get; private set; }
    [BindProperty(SupportsGet = true)] public int? SessionId { get; set; }
    [BindProperty(SupportsGet = true)] public RatingOccasion Occasion { get; set; } = RatingOccasion.EvaluationMeeting;
    [BindProperty] public List<RatingInput> Ratings { get; set; } = [];

    public string OccasionText => ObjectiveRating.OccasionName(Occasion, SessionNumber);

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        Ratings = [.. Open.Select(o => new RatingInput { ObjectiveId = o.Id })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programmeId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        ModelState.Clear();
        // The form's rows in the list's order, whatever was posted: an objective closed meanwhile is left out.
        var posted = Ratings.Where(r => r is not null).GroupBy(r => r.ObjectiveId).ToDictionary(g => g.Key, g => g.First());
        Ratings = [.. Open.Select(o => posted.GetValueOrDefault(o.Id) ?? new RatingInput { ObjectiveId = o.Id })];
        for (var i = 0; i < Ratings.Count; i++)
        {
            var r = Ratings[i];
            var comment = r.Comment?.Trim();
            if (r.Colour is { } c && !Enum.IsDefined(c)) ModelState.AddModelError($"Ratings[{i}].Colour", L.T("Velg grønn, gul eller rød."));
            else if (r.Colour is not null && string.IsNullOrEmpty(comment))
                ModelState.AddModelError($"Ratings[{i}].Comment", L.T("Skriv en kommentar til vurderingen av «{0}».", Open[i].Title));
            else if (r.Colour is null && !string.IsNullOrEmpty(comment))
                ModelState.AddModelError($"Ratings[{i}].Colour", L.T("Velg grønn, gul eller rød for «{0}».", Open[i].Title));
            if (comment is { Length: > ObjectiveRating.CommentMax })
                ModelState.AddModelError($"Ratings[{i}].Comment", L.T("Kommentaren kan ha høyst 2000 tegn."));
        }
        if (ModelState.IsValid && Ratings.All(r => r.Colour is null))
            ModelState.AddModelError(Ratings.Count > 0 ? "Ratings[0].Colour" : "", L.T("Vurder minst ett mål: velg en farge og skriv en kommentar."));
        if (!ModelState.IsValid) return Page();

        var now = clock.GetUtcNow();
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId, ct);
        foreach (var r in Ratings.Where(r => r.Colour is not null))
            db.RatingsSet().Add(new ObjectiveRating
            {
                ObjectiveId = r.ObjectiveId, ProgrammeId = programmeId, Colour = r.Colour!.Value, Comment = r.Comment!.Trim(),
                Occasion = Occasion, SessionId = SessionId, SessionNumber = SessionNumber,
                RatedByPersonId = current.Scope.PersonId, RatedByName = current.Scope.ActorName, RatedAt = now,
            }.PlaceIn(programme));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Vurderingen er lagret.");
        return Redirect($"/Programmes/Objectives/{programmeId}");
    }

    private async Task<IActionResult?> LoadAsync(int programmeId, CancellationToken ct)
    {
        var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        Programme = p;
        if (!Objectives.MayRate(current.Scope, p)) return Forbid();
        if (SessionId is int sid)
        {
            SessionNumber = await db.Sessions.AsNoTracking().Where(s => s.Id == sid && s.ProgrammeId == programmeId).Select(s => (int?)s.Number).FirstOrDefaultAsync(ct);
            if (SessionNumber is null) return NotFound();
            Occasion = RatingOccasion.Session;
        }
        else if (Occasion == RatingOccasion.Session || !Enum.IsDefined(Occasion))
        {
            Occasion = RatingOccasion.EvaluationMeeting;
        }
        Open = [.. (await Objectives.LatestAsync(db, [programmeId], ct)).Where(o => !o.Closed)];
        return null;
    }
}
