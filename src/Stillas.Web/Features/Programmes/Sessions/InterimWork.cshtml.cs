using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>The interim-work agreement of a session: the team writes and sends it, the school answers it.</summary>
public sealed class InterimWorkModel(StillasDb db, CurrentScope current, TimeProvider clock, Outbox outbox, IOptions<MailOptions> mail) : PageModel
{
    public ProgrammeHead Programme { get; private set; } = default!;
    public SessionView Session { get; private set; } = default!;
    public SessionView? Next { get; private set; }
    public InterimWorkState State { get; private set; } = default!;
    public (int Queued, int Sent, string? Error) Mail { get; private set; }
    public bool CanRun { get; private set; }
    public bool CanAnswer { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public SessionService.InterimWorkInput Input { get; set; } = new();
    [BindProperty] public SessionService.FeedbackInput Answer { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (State.Latest is { } a)
        {
            Input = new() { Points = [.. a.Points], FeedbackDeadline = a.FeedbackDeadline, NextSessionDate = a.NextSessionAt is { } n ? DateOnly.FromDateTime(n) : null,
                NextSessionTime = a.NextSessionAt?.ToString("HH:mm"), ReadingAssignment = a.ReadingAssignment, NextTopic = a.NextTopic };
        }
        else if (Next is { } next)
        {
            Input = new() { NextSessionDate = next.Date, NextSessionTime = next.StartTime.ToString("HH:mm"), FeedbackDeadline = next.Date.AddDays(-7) };
        }
        Answer = State.Feedback is { } f ? new() { PointStatus = [.. f.PointStatus], WishedTopic = f.WishedTopic, Version = f.Version } : new() { Version = 0 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string? action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanRun) return Forbid();
        ModelState.Clear();
        var errors = SessionService.Check(Input, out var nextAt);
        foreach (var (f, m) in errors) ModelState.AddModelError(f == "Points" ? "Input.Points[0]" : $"Input.{f}", m);
        if (!ModelState.IsValid) return Page();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        var send = action == "send";
        var wasSent = State.Latest is { Status: InterimWorkStatus.Sent };
        InterimWorkAgreement saved;
        try
        {
            saved = await SessionService.SaveInterimWorkAsync(db, outbox, mail.Value, session, Programme, current.Scope, Input, nextAt,
                send ? SessionService.InterimWorkAction.Send : SessionService.InterimWorkAction.SaveDraft, clock, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // A colleague saved or sent the agreement meanwhile: show both, keep this text in the form, carry the new revision.
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = saved.Status == InterimWorkStatus.Draft ? L.T("Utkastet er lagret.")
            : wasSent ? L.T("Versjon {0} er lagret og sendes til skolens ledelse på e-post. Den forrige versjonen er tatt vare på.", saved.Version)
            : L.T("Avtalen er gjort endelig og sendes til skolens ledelse på e-post.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int id, string? action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanAnswer) return Forbid();
        if (State.Latest is not { } agreement) return NotFound();
        ModelState.Clear();
        var submit = action == "submit";
        foreach (var (f, m) in SessionService.Check(Answer, submit)) ModelState.AddModelError(f == "PointStatus" ? "Answer.PointStatus[0]" : $"Answer.{f}", m);
        if (!ModelState.IsValid) return Page();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id, ct);
        InterimWorkFeedback saved;
        try
        {
            saved = await SessionService.SaveFeedbackAsync(db, session, agreement, current.Scope, Answer, submit, clock, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // A colleague (or another tab) saved the feedback meanwhile: show both, keep this text in the form, carry their version.
            await EditConflicts.ShowAsync(db, this, ex, ct);
            await LoadAsync(id, ct);
            Answer.Version = State.Feedback?.Version ?? 0;
            return Page();
        }
        TempData["Message"] = !submit ? L.T("Utkastet til tilbakemelding er lagret. Det er ikke sendt ennå.")
            : saved.Late ? L.T("Tilbakemeldingen er sendt til veilederteamet. Fristen var gått ut, så teamet ser at den kom sent.")
            : L.T("Tilbakemeldingen er sendt til veilederteamet.");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var s = await SessionService.SessionAsync(db, id, ct);
        if (s is null) return false;
        var p = await ProgrammeHead.LoadAsync(db, s.ProgrammeId, ct);
        if (p is null) return false;
        Session = s;
        Programme = p;
        CanRun = current.Scope.Can(Permission.RunProgramme, p);
        CanAnswer = current.Scope.Can(Permission.ActForSchool, p);
        Today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
        Next = await SessionService.NextAsync(db, s, ct);
        State = await SessionService.InterimWorkAsync(db, id, CanRun, ct);
        if (State.Latest is { Status: not InterimWorkStatus.Draft } a) Mail = await SessionService.MailStateAsync(db, a, ct);
        return true;
    }
}
