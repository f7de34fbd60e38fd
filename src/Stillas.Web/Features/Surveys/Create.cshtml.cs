using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>What a user types to start a survey; shared by the page and the API.</summary>
public sealed class SurveyInput
{
    [Required(ErrorMessage = "Velg type undersøkelse.")]
    public SurveyKind? Kind { get; set; }
    /// <summary>The school (ståstedsanalyse, organisasjonsanalyse); empty for the owner's skoleeieranalyse.</summary>
    public int? SchoolId { get; set; }
    /// <summary>The owner of a skoleeieranalyse (the user's own when they administer one).</summary>
    public int? OwnerId { get; set; }
    [Required(ErrorMessage = "Skriv inn et navn på undersøkelsen.")]
    [StringLength(Survey.TitleMax, ErrorMessage = "Navnet kan ha høyst 200 tegn.")]
    public string Title { get; set; } = "";
    /// <summary>"default:{kind}" for Stillas' own bank, or an owner bank's id.</summary>
    [Required(ErrorMessage = "Velg en spørsmålsbank.")]
    public string? Bank { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }

    /// <summary>Checks who may start it where, and the dates; returns (field, message) pairs and the owner and school it belongs to.</summary>
    public async Task<(List<(string Field, string Message)> Errors, int OwnerId, int? SchoolId)> CheckAsync(StillasDb db, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var ownerId = 0;
        int? schoolId = null;
        if (Kind is SurveyKind kind && !Enum.IsDefined(kind) || Kind == SurveyKind.Evaluation) errors.Add((nameof(Kind), L.T("Velg type undersøkelse.")));
        else if (Kind == SurveyKind.OwnerGroups)
        {
            var owner = OwnerId ?? (scope.AdminOwnerIds.Length == 1 ? scope.AdminOwnerIds[0] : null);
            if (owner is not int o || !scope.AdminOwnerIds.Contains(o)) errors.Add((nameof(OwnerId), L.T("Bare skoleeierens administrator kan starte en skoleeieranalyse.")));
            else ownerId = o;
        }
        else if (Kind is not null)
        {
            if (SchoolId is not int s || !scope.LeaderSchoolIds.Contains(s)) errors.Add((nameof(SchoolId), L.T("Velg en skole du leder.")));
            else
            {
                schoolId = s;
                ownerId = await db.Schools.AsNoTracking().Where(x => x.Id == s).Select(x => x.OwnerId).SingleOrDefaultAsync(ct);
            }
        }
        if (OpensOn is DateOnly from && ClosesOn is DateOnly to && to < from) errors.Add((nameof(ClosesOn), L.T("Sluttdatoen kan ikke være før startdatoen.")));
        return (errors, ownerId, schoolId);
    }
}

/// <summary>Start a survey: a school leader for their school (ståstedsanalyse, organisasjonsanalyse), an owner's administrator for the owner (skoleeieranalyse).</summary>
public sealed class CreateModel(StillasDb db, CurrentScope current, TimeProvider clock) : PageModel
{
    [BindProperty] public SurveyInput Input { get; set; } = new();
    public List<SelectListItem> Kinds { get; private set; } = [];
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Banks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!current.Scope.MayStartSurveys()) return Forbid();
        Input.OpensOn = ProgrammePlanning.Today(clock);
        Input.ClosesOn = Input.OpensOn.Value.AddDays(14);
        return await FormAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!current.Scope.MayStartSurveys()) return Forbid();
        if (!ModelState.IsValid) return await FormAsync(ct);
        var (errors, ownerId, schoolId) = await Input.CheckAsync(db, current.Scope, ct);
        IReadOnlyList<BankItem>? items = null;
        string bankName = "";
        int? bankId = null;
        var number = 0;
        if (errors.Count == 0)
        {
            string? error;
            (items, bankName, bankId, number, error) = await SurveyEngine.ResolveBankAsync(db, ownerId, Input.Kind!.Value, Input.Bank, ct);
            if (error is not null) errors.Add((nameof(Input.Bank), error));
        }
        foreach (var (field, message) in errors) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid) return await FormAsync(ct);
        var survey = SurveyEngine.Create(db, ownerId, schoolId, Input.Kind!.Value, Input.Title, items!, bankName, bankId, number, Input.OpensOn, Input.ClosesOn, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Undersøkelsen er opprettet som utkast. Åpne den når dere er klare til å ta imot svar.");
        return RedirectToPage("/Surveys/Details", new { id = survey.Id });
    }

    private async Task<IActionResult> FormAsync(CancellationToken ct)
    {
        var scope = current.Scope;
        var kinds = new List<SurveyKind>();
        if (scope.LeaderSchoolIds.Length > 0) kinds.AddRange([SurveyKind.SelfAssessment, SurveyKind.Staff]);
        if (scope.AdminOwnerIds.Length > 0) kinds.Add(SurveyKind.OwnerGroups);
        Kinds = [.. kinds.Select(k => new SelectListItem(SurveyGroups.KindName(k), k.ToString()))];
        var leader = scope.LeaderSchoolIds;
        var schools = await db.Schools.AsNoTracking().Where(s => leader.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.OwnerId }).ToListAsync(ct);
        Schools = [.. schools.Select(s => new SelectListItem(s.Name, s.Id.ToString(CultureInfo.InvariantCulture)))];
        var owners = schools.Select(s => s.OwnerId).Concat(scope.AdminOwnerIds).Distinct().ToList();
        var choices = new List<BankChoice>();
        foreach (var owner in owners) choices.AddRange(await SurveyEngine.BankChoicesAsync(db, owner, ct));
        Banks = [.. choices.Where(c => kinds.Contains(c.Kind)).DistinctBy(c => c.Value).Select(c => new SelectListItem($"{c.Name} – {SurveyGroups.KindName(c.Kind)}", c.Value))];
        return Page();
    }
}
