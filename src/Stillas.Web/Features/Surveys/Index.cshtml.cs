using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Surveys;

/// <summary>
/// The surveys the user may see: status, dates and response counts only (part 8: nothing here orders or compares
/// schools by results; the list is ordered by when the survey was made).
/// </summary>
public sealed class IndexModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed record Row(int Id, string Title, SurveyKind Kind, string? School, SurveyStatus Status, DateOnly? OpensOn, DateOnly? ClosesOn, int Responses, DateTimeOffset CreatedAt);

    public List<Row> Rows { get; private set; } = [];
    public bool CanStart { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanStart = current.Scope.MayStartSurveys();
        Rows = await db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(500)
            .Select(s => new Row(s.Id, s.Title, s.Kind, db.Schools.Where(x => x.Id == s.SchoolId).Select(x => x.Name).FirstOrDefault(), s.Status, s.OpensOn, s.ClosesOn,
                db.Set<SurveyResponse>().Count(r => r.SurveyId == s.Id), s.CreatedAt))
            .ToListAsync(ct);
    }
}
