using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>
/// Questions for reflection from the assessment report (seed 000 § 3.3), shown in the opening of
/// session 1 ("Hvor skal vi?"). The assessment feature registers an implementation; none is needed.
/// </summary>
public interface IReflectionQuestionSource
{
    Task<IReadOnlyList<string>> QuestionsAsync(StillasDb db, int programmeId, CancellationToken ct);
}

/// <summary>The session page: details, and the run sheet with its time boxes, the clock, notes per part and the learning cycle.</summary>
public sealed class SessionModel(StillasDb db, CurrentScope current, TimeProvider clock, IEnumerable<IReflectionQuestionSource> reflection) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public SessionView Session { get; private set; } = default!;
    public IReadOnlyList<(TimeBox Box, TimeOnly Start, TimeOnly End)> Schedule { get; private set; } = [];
    public List<NoteView> Notes { get; private set; } = [];
    /// <summary>A member of the team that runs the programme: reads the notes.</summary>
    public bool InTeam { get; private set; }
    /// <summary>Writes their own notes (the programme is active).</summary>
    public bool CanWriteNotes { get; private set; }
    public InterimWorkState? Previous { get; private set; }
    public InterimWorkState Current { get; private set; } = default!;
    public List<SessionView> History { get; private set; } = [];
    public IReadOnlyList<string> ReflectionQuestions { get; private set; } = [];
    public int EvaluationCount { get; private set; }
    public bool CanRun { get; private set; }
    public bool CanAnswer { get; private set; }
    public int? Me { get; private set; }
    public DateTimeOffset Now { get; private set; }
    /// <summary>The previous session (whose interim work this one opens with), and the state of the school's loop on it.</summary>
    public int? PreviousId { get; private set; }
    public List<LoopState> PreviousLoop { get; private set; } = [];
    /// <summary>The opening's agenda: the stored one, or the draft "Lag dagsorden" just made (not saved yet).</summary>
    public string? Agenda { get; private set; }
    public bool AgendaIsDraft { get; private set; }
    /// <summary>The team drafts and keeps the agenda ("guide only"): a member of the team, while the programme runs.</summary>
    public bool CanWriteAgenda { get; private set; }

    [BindProperty] public SessionService.SessionInput Input { get; set; } = new("09:00", 180, null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new(Session.StartTime.ToString("HH:mm"), Session.Minutes, Session.Place, Session.VideoLink, Session.Participants, Session.CycleStep, Session.CycleNote, Session.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostDetailsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanRun) return Forbid();
        var input = Input with { CycleStep = Session.CycleStep, CycleNote = Session.CycleNote };
        ModelState.Clear();
        var errors = SessionService.Check(input, out var start);
        foreach (var (f, m) in errors) ModelState.AddModelError($"Input.{f}", m);
        if (!ModelState.IsValid) return Page();
        try
        {
            await SessionService.SaveAsync(db, id, input, start, clock, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = L.T("Veiledningen er lagret.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCycleAsync(int id, int? cycleStep, string? cycleNote, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanRun) return Forbid();
        ModelState.Clear();
        if (cycleStep is not null and (< 1 or > 7)) ModelState.AddModelError("cycleStep", L.T("Velg et trinn fra 1 til 7."));
        if (cycleNote?.Length > GuidanceSession.TextMax) ModelState.AddModelError("cycleNote", L.T("Notatet er for langt."));
        if (!ModelState.IsValid) return Page();
        await SessionService.SaveCycleAsync(db, id, cycleStep, cycleNote, clock, ct);
        TempData["Message"] = L.T("Trinnet i læringssirkelen er lagret.");
        return Redirect($"/Programmes/Sessions/Session/{id}#part-inquiry");
    }

    /// <summary>Saves the user's own note for a part. The autosave script posts here with X-Autosave and gets JSON back.</summary>
    public async Task<IActionResult> OnPostNoteAsync(int id, SessionPart part, string? text, int? version, CancellationToken ct)
    {
        var autosave = Request.Headers.ContainsKey("X-Autosave");
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!InTeam || Me is null) return NotFound();
        if (!CanWriteNotes) return Forbid();
        if (!Enum.IsDefined(part)) return BadRequest();
        if (SessionService.CheckNote(text) is { } error)
        {
            if (autosave) return new JsonResult(new { error }) { StatusCode = 400 };
            ModelState.AddModelError($"note-{part}", error);
            return Page();
        }
        var entity = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        NoteView saved;
        try
        {
            saved = await SessionService.SaveNoteAsync(db, entity, current.Scope, part, text, clock, ct, version);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // The same person's other tab saved this part meanwhile: nothing is overwritten; this text stays in the form.
            if (autosave)
                return new JsonResult(new { conflict = true, message = L.T("Du har lagret denne delen i en annen fane mens du skrev. Teksten her er ikke lagret, men står i skjemaet. Trykk «Lagre notat» for å se begge versjonene.") }) { StatusCode = 409 };
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(id, ct);
            return Page();
        }
        if (autosave) return new JsonResult(new { savedAt = Platform.Web.NorwegianTime.Time(saved.UpdatedAt), version = saved.Version });
        TempData["Message"] = L.T("Notatet for {0} er lagret.", SessionPlan.PartName(part).ToLower(System.Globalization.CultureInfo.CurrentCulture));
        return Redirect($"/Programmes/Sessions/Session/{id}#part-{part.ToString().ToLowerInvariant()}");
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanRun) return Forbid();
        var step = await db.PlanSteps.SingleAsync(s => s.Id == Session.PlanStepId, ct);
        step.Status = StepStatus.Done;
        step.DoneAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = L.T("Veiledning {0} er markert som gjennomført.", Session.Number);
        return RedirectToPage(new { id });
    }

    /// <summary>"Lag dagsorden": drafts the opening's agenda from open work into the form; nothing is saved until the team saves it.</summary>
    public async Task<IActionResult> OnPostDraftAgendaAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWriteAgenda) return Forbid();
        var (text, open) = SessionAgenda.Draft(await SessionAgenda.SourcesAsync(db, Session, ct), Programme.School);
        Agenda = text;
        AgendaIsDraft = true;
        TempData["Message"] = open ? L.T("Utkastet til dagsorden er laget av det som er åpent. Se over, endre og lagre.")
            : L.T("Ingen åpne punkter fra mellomarbeidet, skolens prosesser eller målene. Utkastet sier det; se over og lagre.");
        return Page();
    }

    public async Task<IActionResult> OnPostAgendaAsync(int id, string? agenda, int? agendaVersion, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanWriteAgenda) return Forbid();
        ModelState.Clear();
        Agenda = agenda;
        AgendaIsDraft = true;
        if (agenda?.Length > GuidanceSession.AgendaMax) ModelState.AddModelError("agenda-text", L.T("Dagsordenen kan ha høyst {0} tegn.", GuidanceSession.AgendaMax));
        if (!ModelState.IsValid) return Page();
        var entity = await db.Sessions.SingleAsync(s => s.Id == id, ct);
        db.Expect(entity, agendaVersion);
        entity.Agenda = SessionService.Clean(agenda);
        entity.UpdatedAt = clock.GetUtcNow();
        if (!await db.TrySaveAsync(this, ct))
        {
            await LoadAsync(id, ct);
            Agenda = agenda;
            return Page();
        }
        TempData["Message"] = L.T("Dagsordenen er lagret.");
        return Redirect($"/Programmes/Sessions/Session/{id}#agenda");
    }

    public string? MyNote(SessionPart part) => Notes.FirstOrDefault(n => n.Part == part && n.AuthorPersonId == Me)?.Text;
    /// <summary>The stored version of my note for a part (0: none yet), which the form sends back.</summary>
    public int MyNoteVersion(SessionPart part) => Notes.FirstOrDefault(n => n.Part == part && n.AuthorPersonId == Me)?.Version ?? 0;

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await SessionService.SessionAsync(db, id, ct);
        if (s is null) return false;
        var p = await ProgrammeHead.LoadAsync(db, s.ProgrammeId, ct);
        if (p is null) return false;
        Session = s;
        Programme = p;
        Now = clock.GetUtcNow();
        Me = current.Scope.PersonId;
        CanRun = current.Scope.Can(Permission.RunProgramme, p);
        CanAnswer = current.Scope.Can(Permission.ActForSchool, p);
        Schedule = SessionPlan.Schedule(s.StartTime, s.Minutes);
        // The notes are the team's alone (IConfidential): not the owner's staff unless members, not the system administrator.
        InTeam = current.Scope.Can(Permission.TeamContent, p);
        CanWriteNotes = InTeam && p.IsActive;
        if (InTeam) Notes = await SessionService.NotesAsync(db, current.Scope, id, "Veiledningsside", ct);
        // The history holds the previous session; its agreement and this one's are read together.
        History = await SessionService.Query(db, x => x.ProgrammeId == s.ProgrammeId && x.Number <= s.Number).ToListAsync(ct);
        var prev = History.FirstOrDefault(h => h.Number == s.Number - 1);
        var states = await SessionService.InterimWorkAsync(db, prev is null ? [id] : [id, prev.Id], CanRun ? id : null, ct);
        Current = states[id];
        Previous = prev is null ? null : states[prev.Id];
        PreviousId = prev?.Id;
        if (prev is not null) PreviousLoop = (await SchoolLoopService.StatesAsync(db, [prev.Id], ct))[prev.Id];
        CanWriteAgenda = InTeam && p.IsActive;
        Agenda = await db.Sessions.AsNoTracking().Where(x => x.Id == id).Select(x => x.Agenda).SingleAsync(ct);
        EvaluationCount = await db.SessionEvaluations.CountAsync(e => e.SessionId == id, ct);
        if (s.Number == 1)
        {
            var questions = new List<string>();
            foreach (var source in reflection) questions.AddRange(await source.QuestionsAsync(db, p.Id, ct));
            ReflectionQuestions = questions;
        }
        return true;
    }
}
