using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.FuturePicture;

/// <summary>Two versions of a future picture side by side as one diff: what was removed and what was added.</summary>
public sealed class CompareModel(StillasDb db) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public VersionView A { get; private set; } = default!;
    public VersionView B { get; private set; } = default!;
    public IReadOnlyList<DiffPart> Area { get; private set; } = [];
    public IReadOnlyList<DiffPart> Text { get; private set; } = [];
    public IReadOnlyList<SignChange> Signs { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, int? a, int? b, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return NotFound();
        Programme = programme;
        var picture = await FuturePictureQueries.FindAsync(db, programmeId, ct);
        var latest = picture?.CurrentVersion ?? 0;
        if (latest < 2)
        {
            Problem = L.T("Det finnes bare én versjon eller ingen versjoner ennå, så det er ingenting å sammenligne.");
            return Page();
        }
        var from = a ?? latest - 1;
        var to = b ?? latest;
        var va = await FuturePictureQueries.VersionAsync(db, programmeId, from, ct);
        var vb = await FuturePictureQueries.VersionAsync(db, programmeId, to, ct);
        if (va is null || vb is null)
        {
            Problem = L.T("Velg to versjoner mellom 1 og {0}.", latest);
            return Page();
        }
        A = va;
        B = vb;
        Area = FuturePictureDiff.Words(va.DevelopmentArea, vb.DevelopmentArea);
        Text = FuturePictureDiff.Words(va.Text, vb.Text);
        Signs = FuturePictureDiff.Signs(va.Signs, vb.Signs);
        return Page();
    }
}
