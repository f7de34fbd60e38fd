using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>
/// Starts a programme in two steps without script: the choices give a preview of the dated plan, and
/// only a confirmation of that same preview saves it.
/// </summary>
public sealed class CreateModel(StillasDb db, CurrentScope current) : PageModel
{
    [BindProperty] public ProgrammeInput Input { get; set; } = new();
    /// <summary>The fingerprint of the choices that were previewed.</summary>
    [BindProperty] public string? Previewed { get; set; }
    /// <summary>For a system administrator: which owner's schools and teams to offer.</summary>
    [BindProperty(SupportsGet = true)] public int? Owner { get; set; }

    public ProgrammeDraft? Draft { get; private set; }
    public string? Notice { get; private set; }
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public List<SelectListItem> TeamOptions { get; private set; } = [];
    /// <summary>The owner whose teams the form lists when it is one (the team link then names it).</summary>
    private int? teamOwner;
    public bool CanCreateTeam => teamOwner is int o ? current.Scope.Can(Permission.ManageTeams, o) : current.Scope.IsSystem;
    public string CreateTeamUrl => teamOwner is int o ? $"/Teams/Create?owner={o}" : "/Teams/Create";
    public List<SelectListItem> ModelOptions { get; private set; } = [];
    public bool ChooseOwnerFirst => current.Scope.IsSystem && Owner is null;

    /// <summary>The candidacy the programme starts from, as the page shows it.</summary>
    public CandidacyView? Candidacy { get; private set; }
    /// <summary>The programme already started from the candidacy, when there is one.</summary>
    public int? ExistingProgrammeId { get; private set; }

    public sealed record CandidacyView(int Id, int RoundId, string School, string SchoolYear, string? Team);

    public async Task<IActionResult> OnGetAsync(int? school, int? candidate, CancellationToken ct)
    {
        if (!current.Scope.Can(Permission.ManageProgrammes)) return Forbid();
        Input.SchoolId = school;
        Input.Model = ProgrammePlanning.BuiltInValue(ProgrammeTemplates.Latest(ProgrammeTemplates.TromsoKey));
        if (candidate is int id)
        {
            // Prefilled from an accepted candidacy: its school, team and school year (Fase 1 from the school year's start).
            var c = await db.SelectionCandidates.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.Id, x.OwnerId, x.SchoolId, x.TeamId, x.SchoolYear }).SingleOrDefaultAsync(ct);
            if (c is null) return NotFound();
            if (!current.Scope.Can(Permission.ManageProgrammes, c.OwnerId)) return Forbid();
            Input.CandidacyId = c.Id;
            Input.SchoolId = c.SchoolId;
            Input.TeamId = c.TeamId;
            if (Platform.Calendar.SchoolYear.TryParse(c.SchoolYear, out var year))
            {
                var holidays = await ProgrammePlanning.HolidaysAsync(db, c.OwnerId, ct);
                Input.StartDate = Platform.Calendar.NorwegianCalendar.SchoolDayOnOrAfter(year.Start, holidays.Ranges);
            }
            if (current.Scope.IsSystem) Owner = c.OwnerId;
            if (await ProgrammeInput.CandidacyProblemAsync(db, c.Id, c.SchoolId, ct) is { } problem)
                ModelState.AddModelError("", problem);
        }
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!current.Scope.Can(Permission.ManageProgrammes)) return Forbid();
        await DraftAsync(ct);
        if (Draft is { Errors.Count: 0 }) Previewed = Input.Fingerprint();
        ModelState.Remove(nameof(Previewed));
        await LoadOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!current.Scope.Can(Permission.ManageProgrammes)) return Forbid();
        await DraftAsync(ct);
        if (Draft is not { Errors.Count: 0 } || Previewed != Input.Fingerprint())
        {
            if (Draft is { Errors.Count: 0 })
            {
                Notice = L.T("Valgene er endret etter forhåndsvisningen. Se over den nye planen og opprett forløpet.");
                Previewed = Input.Fingerprint();
                ModelState.Remove(nameof(Previewed));
            }
            await LoadOptionsAsync(ct);
            return Page();
        }
        var programme = Draft.ToProgramme(Input);
        db.Programmes.Add(programme);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (Input.CandidacyId is int c)
        {
            // Someone started a programme from the same candidacy in the meantime (unique index).
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", await ProgrammeInput.CandidacyProblemAsync(db, c, Input.SchoolId, ct) ?? L.T("Forløpet kunne ikke lagres. Prøv igjen."));
            Draft = null;
            await LoadOptionsAsync(ct);
            return Page();
        }
        TempData["Message"] = L.T("Veiledningsforløpet for {0} er opprettet med {1} steg i forfasen. Resten av fremdriftsplanen lages når samarbeidsavtalen er godkjent av både skoleeier og rektor.", Draft.SchoolName, programme.Steps.Count);
        return RedirectToPage("/Programmes/Details", new { id = programme.Id });
    }

    private async Task DraftAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Draft = new ProgrammeDraft([]);
            return;
        }
        Draft = await Input.DraftAsync(db, current.Scope, ct);
        foreach (var (field, message) in Draft.Errors)
            ModelState.AddModelError(field == nameof(ProgrammeInput.CandidacyId) ? "" : $"{nameof(Input)}.{field}", message);
        if (Draft.Errors.Count > 0) Draft = null;
        // A team member who leads the school, or led or worked at it lately: a warning, the start is not blocked.
        else Draft.Warnings.AddRange(await Teams.ConflictOfInterest.StartWarningsAsync(db, Input.SchoolId, Input.TeamId, ct));
    }

    private async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        if (Input.CandidacyId is int candidacy)
        {
            Candidacy = await db.SelectionCandidates.AsNoTracking().Where(x => x.Id == candidacy)
                .Select(x => new CandidacyView(x.Id, x.RoundId, x.School!.Name, x.SchoolYear, x.Team != null ? x.Team.Name : null)).SingleOrDefaultAsync(ct);
            ExistingProgrammeId = await db.Programmes.AsNoTracking().Where(p => p.CandidacyId == candidacy).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        }
        var admin = scope.AdminOwnerIds;
        if (scope.IsSystem)
            OwnerOptions = await db.Owners.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        if (Owner is null && Input.SchoolId is int chosen && scope.IsSystem)
            Owner = await db.Schools.AsNoTracking().Where(s => s.Id == chosen).Select(s => (int?)s.OwnerId).SingleOrDefaultAsync(ct);
        int[] owners = scope.IsSystem ? (Owner is int o ? [o] : []) : admin;
        var many = owners.Length > 1;
        teamOwner = owners.Length == 1 ? owners[0] : null;
        SchoolOptions = await db.Schools.AsNoTracking().Where(s => s.Active && owners.Contains(s.OwnerId)).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(many ? s.Name + " (" + s.Owner!.Name + ")" : s.Name, s.Id.ToString())).ToListAsync(ct);
        TeamOptions = await db.Teams.AsNoTracking().Where(t => t.Active && owners.Contains(t.OwnerId)).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(many ? t.Name + " (" + t.Owner!.Name + ")" : t.Name, t.Id.ToString())).ToListAsync(ct);
        ModelOptions = [.. (await ProgrammePlanning.ModelOptionsAsync(db, owners, ct)).Select(m => new SelectListItem(m.Label, m.Value))];
    }
}
