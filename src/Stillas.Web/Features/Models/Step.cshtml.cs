using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Models;

/// <summary>Changes one step of an owner's model (?key=…) or adds one to a phase (?phase=…), through the model's own edit methods.</summary>
public sealed class StepModel(StillasDb db, CurrentScope current) : PageModel
{
    public sealed class StepForm
    {
        [Required(ErrorMessage = "Skriv inn en tittel.")]
        [StringLength(200, ErrorMessage = "Tittelen kan ha høyst 200 tegn.")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Velg type steg.")]
        public StepKind? Kind { get; set; }

        [Required(ErrorMessage = "Velg hvem som har ansvaret.")]
        public StepResponsible? Responsible { get; set; }

        [Required(ErrorMessage = "Velg hva datoen regnes fra.")]
        public OffsetAnchor? Anchor { get; set; }

        [Range(0, 104, ErrorMessage = "Skoleuker må være fra 0 til 104.")]
        public int SchoolWeeks { get; set; }

        [Range(0, 200, ErrorMessage = "Skoledager må være fra 0 til 200.")]
        public int SchoolDays { get; set; }

        [Range(0, 5, ErrorMessage = "År må være fra 0 til 5.")]
        public int Years { get; set; }

        [Range(1, 12, ErrorMessage = "Måneden må være fra 1 til 12.")]
        public int? Month { get; set; }

        public MonthPosition Position { get; set; }

        [Required(ErrorMessage = "Skriv inn antall skoledager steget varer.")]
        [Range(1, 5, ErrorMessage = "Et steg kan vare fra 1 til 5 skoledager.")]
        public int? Days { get; set; } = 1;

        [Range(1, 24, ErrorMessage = "Timer må være fra 1 til 24.")]
        public int? Hours { get; set; }

        [StringLength(2000, ErrorMessage = "Beskrivelsen kan ha høyst 2000 tegn.")]
        public string? Description { get; set; }

        /// <summary>For a new step: the step it comes after (empty: last in the phase).</summary>
        public string? AfterKey { get; set; }

        public static StepForm From(TemplateStep s) => new()
        {
            Title = s.Title, Kind = s.Kind, Responsible = s.Responsible, Anchor = s.Offset.Anchor, SchoolWeeks = s.Offset.SchoolWeeks,
            SchoolDays = s.Offset.SchoolDays, Years = s.Offset.Years, Month = s.Offset.Month is >= 1 and <= 12 ? s.Offset.Month : null,
            Position = s.Offset.Position, Days = s.Days, Hours = s.Hours, Description = s.Description,
        };

        public OffsetRule Offset() => Anchor switch
        {
            OffsetAnchor.MonthBeforeStart => new OffsetRule(OffsetAnchor.MonthBeforeStart, 0, 0, 0, Month ?? 0, Position),
            OffsetAnchor.LastSession => new OffsetRule(OffsetAnchor.LastSession, SchoolWeeks, 0, Years, 0, MonthPosition.First),
            OffsetAnchor.SessionSlot => new OffsetRule(OffsetAnchor.SessionSlot, SchoolWeeks, 0, 0, 0, MonthPosition.First),
            _ => new OffsetRule(Anchor!.Value, SchoolWeeks, SchoolDays, 0, 0, MonthPosition.First),
        };
    }

    [BindProperty] public StepForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    /// <summary>The model's concurrency token the form was read at; a save based on an older one is refused.</summary>
    [BindProperty] public int? Revision { get; set; }

    public ProgrammeModel Entity { get; private set; } = default!;
    public ProgrammeTemplate Template { get; private set; } = default!;
    public TemplatePhase PhaseInfo { get; private set; } = default!;
    public bool IsNew => Key is null;
    public List<SelectListItem> KindOptions { get; } = [.. Enum.GetValues<StepKind>().Select(k => new SelectListItem(ProgrammeText.Label(k), k.ToString()))];
    public List<SelectListItem> ResponsibleOptions { get; } = [.. Enum.GetValues<StepResponsible>().Select(r => new SelectListItem(ProgrammeText.Label(r), r.ToString()))];
    public List<SelectListItem> AnchorOptions { get; } =
    [
        new(L.T("Fra oppstart av fase 1"), nameof(OffsetAnchor.Start)),
        new(L.T("Etter forrige steg"), nameof(OffsetAnchor.PreviousStep)),
        new(L.T("Neste veiledningstidspunkt i halvåret"), nameof(OffsetAnchor.SessionSlot)),
        new(L.T("En måned i forfasen (før oppstart)"), nameof(OffsetAnchor.MonthBeforeStart)),
        new(L.T("Etter siste veiledning"), nameof(OffsetAnchor.LastSession)),
    ];
    public List<SelectListItem> PositionOptions { get; } =
    [
        new(L.T("Først i måneden"), nameof(MonthPosition.First)),
        new(L.T("Midt i måneden"), nameof(MonthPosition.Middle)),
        new(L.T("Innen utgangen av måneden"), nameof(MonthPosition.Last)),
    ];
    public List<SelectListItem> AfterOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: false, ct);
        if (result is not null) return result;
        Form = IsNew
            ? new StepForm { Kind = StepKind.Meeting, Responsible = StepResponsible.Team, Anchor = OffsetAnchor.PreviousStep, SchoolWeeks = 1 }
            : StepForm.From(Template.Step(Key!));
        Revision = Entity.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await LoadAsync(id, tracked: true, ct);
        if (result is not null) return result;
        if (Form.Anchor == OffsetAnchor.MonthBeforeStart && Form.Month is null)
            ModelState.AddModelError("Form.Month", L.T("Velg måned."));
        if (!ModelState.IsValid) return Page();

        ProgrammeTemplate changed;
        try
        {
            if (IsNew)
            {
                var step = new TemplateStep
                {
                    Key = ModelPages.NewStepKey(Template, PhaseInfo.Key, Form.Title),
                    PhaseKey = PhaseInfo.Key,
                    Title = Form.Title.Trim(),
                    Kind = Form.Kind!.Value,
                    Responsible = Form.Responsible!.Value,
                    Offset = Form.Offset(),
                    Days = Form.Days!.Value,
                    Hours = Form.Hours,
                    Description = Form.Description?.Trim() ?? "",
                };
                var after = string.IsNullOrEmpty(Form.AfterKey) ? null : Form.AfterKey;
                if (after is not null && Template.StepsIn(PhaseInfo.Key).All(s => s.Key != after)) after = null;
                changed = Template.AddStep(step, after);
            }
            else
            {
                changed = Template.EditStep(Key!, s => s with
                {
                    Title = Form.Title.Trim(),
                    Kind = Form.Kind!.Value,
                    Responsible = Form.Responsible!.Value,
                    Offset = Form.Offset(),
                    Days = Form.Days!.Value,
                    Hours = Form.Hours,
                    Description = Form.Description?.Trim() ?? "",
                });
            }
        }
        catch (ArgumentException e)
        {
            // The model's own check (ProgrammeTemplate.Problems), in the request's language.
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        var before = Entity.Version;
        if (Revision is int revision) db.Expect(Entity, revision);
        Entity.Store(changed, await ModelPages.ProgrammesUsingAsync(db, Entity, ct) > 0);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Someone changed the model since the form was read: nothing is saved; their step beside what was typed
            // (which stays in the form), and the form now carries the stored revision.
            var conflict = await EditConflicts.ShowAsync(db, this, ex, ct);
            if (await LoadAsync(id, tracked: false, ct) is { } gone) return gone;
            Revision = Entity.Revision;
            var theirs = Key is null ? null : Template.Steps.FirstOrDefault(s => s.Key == Key);
            ModelPages.ShowBoth(this, conflict, theirs is null ? [] :
            [
                new(nameof(Form.Title), L.T("Tittel"), L.Data(theirs.Title), Form.Title.Trim()),
                new(nameof(Form.Days), L.T("Antall skoledager på rad"), theirs.Days.ToString(System.Globalization.CultureInfo.CurrentCulture), Form.Days?.ToString(System.Globalization.CultureInfo.CurrentCulture)),
                new(nameof(Form.Hours), L.T("Timer (valgfritt)"), theirs.Hours?.ToString(System.Globalization.CultureInfo.CurrentCulture), Form.Hours?.ToString(System.Globalization.CultureInfo.CurrentCulture)),
                new(nameof(Form.Description), L.T("Beskrivelse (valgfritt)"), string.IsNullOrEmpty(theirs.Description) ? null : L.Data(theirs.Description), string.IsNullOrWhiteSpace(Form.Description) ? null : Form.Description.Trim()),
            ]);
            return Page();
        }
        // The title as the administrator typed it: their own text, not translated.
        var saved = IsNew ? L.T("«{0}» er lagt til.", Form.Title.Trim()) : L.T("«{0}» er lagret.", Form.Title.Trim());
        TempData["Message"] = Entity.Version != before
            ? L.T("{0} Modellen er nå versjon {1}; forløpene som bruker versjon {2}, beholder den.", saved, Entity.Version, before)
            : saved;
        return RedirectToPage("/Models/Details", null, new { id }, $"mphase-{PhaseInfo.Key}");
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.ProgrammeModels : db.ProgrammeModels.AsNoTracking();
        var model = await query.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (model is null) return NotFound();
        if (!current.Scope.Can(Permission.ManageProgrammes, model.OwnerId)) return Forbid();
        Entity = model;
        Template = model.Template();
        // Neither a step nor a phase chosen: the model's page is where to choose one.
        if (Key is null && Phase is null) return RedirectToPage("/Models/Details", new { id });
        var phaseKey = Key is not null ? Template.Steps.FirstOrDefault(s => s.Key == Key)?.PhaseKey : Phase;
        var phase = Template.Phases.FirstOrDefault(p => p.Key == phaseKey);
        if (phase is null) return NotFound();
        PhaseInfo = phase;
        AfterOptions = [.. Template.StepsIn(phase.Key).Select(s => new SelectListItem(L.T("Etter «{0}»", L.Data(s.Title)), s.Key))];
        return null;
    }
}
