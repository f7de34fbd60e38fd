using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>
/// A survey's results (parts 3, 5, 7): aggregates only, with the owner's minimum group size; per statement, per area
/// and group (organisasjonsanalysen: per role), the two groups side by side ordered by gap (skoleeieranalysen, with the
/// joint meeting's record), and free texts in random order. The report is ready the moment the survey closes.
/// </summary>
public sealed class ResultsModel(StillasDb db, CurrentScope current) : PageModel
{
    public SurveyResultSet Results { get; private set; } = default!;
    public bool CanRun { get; private set; }

    public sealed class RecordInput
    {
        public int? Version { get; set; }
        [StringLength(Survey.RecordMax, ErrorMessage = "Referatet kan ha høyst 8000 tegn.")]
        public string? Text { get; set; }
    }

    [BindProperty] public RecordInput Record { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Record = new RecordInput { Version = Results.Survey.Version, Text = Results.Survey.MeetingRecord };
        return Page();
    }

    /// <summary>Skoleeieranalysen: the joint meeting's record (those who run it).</summary>
    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        if (!current.Scope.MayRunSurvey(survey.OwnerId, survey.SchoolId)) return Forbid();
        if (ModelState.IsValid)
        {
            db.Expect(survey, Record.Version);
            survey.MeetingRecord = string.IsNullOrWhiteSpace(Record.Text) ? null : Record.Text.Trim();
            if (await db.TrySaveAsync(this, ct))
            {
                TempData["Message"] = L.T("Referatet er lagret.");
                return RedirectToPage(new { id });
            }
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        var scope = current.Scope;
        if (!scope.MaySeeSurveyStatus(survey.OwnerId, survey.SchoolId)) return NotFound();
        if (!scope.MaySeeSurveyResults(survey.OwnerId, survey.SchoolId, survey.ResultsPublished)) return Forbid();
        CanRun = scope.MayRunSurvey(survey.OwnerId, survey.SchoolId);
        Results = await SurveyResults.BuildAsync(db, survey, await SurveyResults.MinimumGroupSizeAsync(db, survey.OwnerId, ct), ct);
        return null;
    }

    /// <summary>A mean with one decimal, Norwegian style.</summary>
    public static string Mean(double? m) => m is double v ? v.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) : "–";
}
