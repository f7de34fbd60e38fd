using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>
/// The report: the team writes it section by section (one form per sign of good practice, and the
/// summary), several guides at once; a save on a section someone else saved meanwhile shows both texts
/// and lets the guide choose or merge. Then final (warned about empty sections) and presented (to whom,
/// when). The school and the owner read it once it is final, on the web and as a PDF.
/// </summary>
public sealed class ReportModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    [BindProperty] public SectionInput Input { get; set; } = new();
    public AssessmentProgramme Programme { get; private set; } = default!;
    public ReportView? Report { get; private set; }
    public bool IsTeam { get; private set; }
    public bool CanWrite => IsTeam && Report?.Status == ReportStatus.Draft;
    /// <summary>The section whose save was a conflict, and their version of it.</summary>
    public int? ConflictSectionId { get; private set; }
    public SectionView? Theirs { get; private set; }
    /// <summary>The empty sections, when making the report final asked for confirmation.</summary>
    public IReadOnlyList<string> EmptySections { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programmeId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int programmeId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        if (!IsTeam) return Forbid();
        await AssessmentService.StartReportAsync(db, Programme, ct);
        TempData["Message"] = L.T("Rapporten er startet med én del per tegn på god praksis i fremtidsbildet, og en oppsummering.");
        return RedirectToPage(new { programmeId });
    }

    public async Task<IActionResult> OnPostSaveAsync(int programmeId, int sectionId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        if (!IsTeam) return Forbid();
        if (Report?.Sections.Any(s => s.Id == sectionId) != true) return NotFound();
        ModelState.Clear();
        foreach (var (field, message) in Input.Check()) ModelState.AddModelError($"Input.{field}", message);
        if (!ModelState.IsValid)
        {
            ConflictSectionId = sectionId; // shows the typed text in that section's form
            return Page();
        }
        var outcome = await AssessmentService.SaveSectionAsync(db, sectionId, Input, current.Scope, ct);
        switch (outcome)
        {
            case SectionSave.Saved saved:
                TempData["Message"] = L.T("«{0}» er lagret {1} (versjon {2}).", L.Data(saved.Section.Title), NorwegianTime.DateTime(saved.Section.UpdatedAt!.Value), saved.Section.Version);
                return Redirect($"/Programmes/Assessment/Report/{programmeId}#section-{sectionId}");
            case SectionSave.Conflict conflict:
                await LoadAsync(programmeId, ct);
                ConflictSectionId = sectionId;
                Theirs = conflict.Theirs;
                // The next save is made knowingly on top of theirs; the typed text stays in the form.
                Input.ExpectedVersion = conflict.Theirs.Version;
                return Page();
            case SectionSave.Locked:
                TempData["Message"] = L.T("Rapporten er endelig og kan ikke endres.");
                return RedirectToPage(new { programmeId });
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// The script's save as you type (wwwroot/js/autosave.js), with the same per-section rule as the save
    /// button: a save based on an older version is not saved but answered 409 with who saved meanwhile,
    /// so the script stops, keeps the text and tells the guide to open both versions with «Lagre».
    /// JSON in (the form, with its antiforgery token), JSON out; the section's new version goes back as a field.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int programmeId, int sectionId, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadCoreAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        if (!current.Scope.Can(Permission.TeamContent, p)) return Forbid();
        if (!await db.AssessmentReportSections.AnyAsync(s => s.Id == sectionId && s.Report!.ProgrammeId == programmeId, ct)) return NotFound();
        var errors = Input.Check();
        if (errors.Count > 0)
            return new JsonResult(new { saved = false, message = L.T("Ikke lagret: {0}", string.Join(" ", errors.Select(e => e.Message))) }) { StatusCode = 400 };
        switch (await AssessmentService.SaveSectionAsync(db, sectionId, Input, current.Scope, ct))
        {
            case SectionSave.Saved saved:
                var at = NorwegianTime.ToOslo(saved.Section.UpdatedAt!.Value);
                return new JsonResult(new
                {
                    saved = true, version = saved.Section.Version,
                    fields = new Dictionary<string, string> { ["Input.ExpectedVersion"] = saved.Section.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    message = L.T("Lagret kl. {0} (versjon {1}).", at.ToString("HH:mm:ss", System.Globalization.CultureInfo.CurrentCulture), saved.Section.Version),
                    info = L.T("Versjon {0}, sist lagret av {1} {2}.", saved.Section.Version, saved.Section.UpdatedBy, NorwegianTime.DateTime(saved.Section.UpdatedAt!.Value)),
                });
            case SectionSave.Conflict conflict:
                var theirs = conflict.Theirs;
                return new JsonResult(new
                {
                    saved = false, conflict = true, version = theirs.Version,
                    message = L.T("Ikke lagret: {0} lagret en ny versjon av denne delen (versjon {1}) mens du skrev. Teksten din står i skjemaet og er tatt vare på i nettleseren. Trykk «Lagre» for å se begge versjonene og velge, eller slå dem sammen.",
                        theirs.UpdatedBy ?? L.T("en annen veileder"), theirs.Version),
                }) { StatusCode = 409 };
            case SectionSave.Locked:
                return new JsonResult(new { saved = false, message = L.T("Ikke lagret: rapporten er gjort endelig og kan ikke endres.") }) { StatusCode = 409 };
            default:
                return NotFound();
        }
    }

    /// <summary>Puts their text and the guide's own together in the form (no script needed), for the guide to edit and save.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int programmeId, int sectionId, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        if (!IsTeam) return Forbid();
        var theirs = Report?.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (theirs is null) return NotFound();
        ModelState.Clear();
        static string Join(string a, string? b)
        {
            var mine = b?.Trim() ?? "";
            if (mine.Length == 0 || a.Contains(mine, StringComparison.Ordinal)) return a;
            if (a.Length == 0 || mine.Contains(a, StringComparison.Ordinal)) return mine;
            return a + "\n\n" + mine;
        }
        Input = new SectionInput
        {
            Findings = Join(theirs.Findings, Input.Findings), WorksWell = Join(theirs.WorksWell, Input.WorksWell),
            ToDevelop = Join(theirs.ToDevelop, Input.ToDevelop), Questions = Join(theirs.Questions, Input.Questions), ExpectedVersion = theirs.Version,
        };
        ConflictSectionId = sectionId;
        Theirs = theirs;
        return Page();
    }

    public async Task<IActionResult> OnPostFinalAsync(int programmeId, bool confirmEmpty, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        if (!IsTeam) return Forbid();
        var outcome = await AssessmentService.MakeFinalAsync(db, programmeId, confirmEmpty, current.Scope, Today, ct);
        if (outcome is null) return NotFound();
        if (!outcome.MadeFinal)
        {
            EmptySections = outcome.EmptySections;
            return Page();
        }
        TempData["Message"] = outcome.NotesDeleteOn is DateOnly d
            ? L.T("Rapporten er endelig. {0} notater som ikke skulle beholdes, er slettet; beholdte notater slettes senest {1}.", outcome.NotesDeleted, NorwegianTime.Date(d))
            : L.T("Rapporten er endelig. {0} notater som ikke skulle beholdes, er slettet.", outcome.NotesDeleted);
        return RedirectToPage(new { programmeId });
    }

    public async Task<IActionResult> OnPostPresentAsync(int programmeId, Audience audience, DateOnly? date, string? note, CancellationToken ct)
    {
        if (await LoadAsync(programmeId, ct) is { } refused) return refused;
        if (!IsTeam) return Forbid();
        if (!Enum.IsDefined(audience)) ModelState.AddModelError("audience", L.T("Velg hvem rapporten ble lagt fram for."));
        if (date is null) ModelState.AddModelError("date", L.T("Velg datoen rapporten ble lagt fram."));
        if ((note?.Trim().Length ?? 0) > 500) ModelState.AddModelError("note", L.T("Merknaden kan ha høyst 500 tegn."));
        if (!ModelState.IsValid) return Page();
        var error = await AssessmentService.AddPresentationAsync(db, programmeId, audience, date!.Value, note, ct);
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        TempData["Message"] = L.T("Registrert: rapporten ble lagt fram for {0} {1}.", AssessmentRules.Label(audience).ToLower(System.Globalization.CultureInfo.CurrentCulture), NorwegianTime.Date(date.Value));
        return RedirectToPage(new { programmeId });
    }

    private async Task<IActionResult?> LoadAsync(int programmeId, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadAsync(db, programmeId, ct);
        if (p is null) return NotFound();
        Programme = p;
        IsTeam = current.Scope.Can(Permission.TeamContent, p);
        Today = ProgrammePlanning.Today(clock);
        Report = await AssessmentService.ReportAsync(db, programmeId, ct);
        // A draft is the team's; the query filter hides it from the others already.
        if (Report is not null && !current.Scope.CanReadReport(p, Report.Status)) Report = null;
        return null;
    }

    /// <summary>The values a section's form shows: the typed ones for the section being saved, else the saved ones.</summary>
    public SectionInput FormFor(SectionView s) => ConflictSectionId == s.Id
        ? Input
        : new SectionInput { Findings = s.Findings, WorksWell = s.WorksWell, ToDevelop = s.ToDevelop, Questions = s.Questions, ExpectedVersion = s.Version };
}
