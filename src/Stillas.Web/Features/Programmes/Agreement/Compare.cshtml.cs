using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>Two versions of an agreement side by side: changed fields, and lines added, removed or changed.</summary>
public sealed class CompareModel(StillasDb db) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public AgreementHead? Agreement { get; private set; }
    public int A { get; private set; }
    public int B { get; private set; }
    public AgreementRules.Comparison? Result { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, int? a, int? b, CancellationToken ct)
    {
        var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
        if (programme is null) return NotFound();
        Programme = programme;
        Agreement = await AgreementReads.AgreementAsync(db, programmeId, ct);
        if (Agreement is null || Agreement.Versions.Count < 2) return Page();

        // By default: the newest version against the one before it.
        B = b ?? Agreement.LatestNumber;
        A = a ?? (Agreement.Versions.Where(v => v.Number < B).Select(v => (int?)v.Number).Max() ?? B);
        var first = await AgreementReads.VersionAsync(db, Agreement.Id, A, ct);
        var second = await AgreementReads.VersionAsync(db, Agreement.Id, B, ct);
        if (first is null || second is null) Problem = L.T("Avtalen har ingen versjon med det nummeret. Velg to versjoner fra listene.");
        else if (A == B) Problem = L.T("Velg to ulike versjoner for å se forskjellene.");
        else Result = AgreementRules.Compare(AgreementRules.Snapshot.Of(first), AgreementRules.Snapshot.Of(second));
        return Page();
    }
}
