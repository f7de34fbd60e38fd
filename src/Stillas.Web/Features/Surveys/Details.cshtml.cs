using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>
/// One survey: status, dates and counts for everyone who sees it; for those who run it, opening and closing, personal
/// links by e-mail, reminders, the open link with its QR code, and publishing the results to the school's staff.
/// </summary>
public sealed class DetailsModel(StillasDb db, CurrentScope current, TimeProvider clock, Outbox outbox) : PageModel
{
    public Survey Survey { get; private set; } = default!;
    public string? SchoolName { get; private set; }
    public int Responses { get; private set; }
    public int Invited { get; private set; }
    public int InvitedAnswered { get; private set; }
    public bool CanRun { get; private set; }
    public bool CanSeeResults { get; private set; }
    public string? OpenUrl { get; private set; }
    public string? QrSvg { get; private set; }
    [BindProperty] public string? Emails { get; set; }
    [BindProperty] public string? Group { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct) => ActAsync(id, s => s.Status == SurveyStatus.Draft, s =>
    {
        SurveyEngine.Open(s, ProgrammePlanning.Today(clock));
        return Task.FromResult(L.T("Undersøkelsen er åpen for svar."));
    }, ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) => ActAsync(id, s => s.Status == SurveyStatus.Open, async s =>
    {
        await SurveyEngine.CloseAsync(db, s, clock.GetUtcNow(), ProgrammePlanning.Today(clock), ct);
        return L.T("Undersøkelsen er lukket, og rapporten er klar.");
    }, ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => ActAsync(id, s => s.SchoolId is not null && !s.ResultsPublished, s =>
    {
        s.ResultsPublished = true;
        return Task.FromResult(L.T("Resultatene er publisert for skolens ansatte."));
    }, ct);

    public Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) => ActAsync(id, s => s.ResultsPublished, s =>
    {
        s.ResultsPublished = false;
        return Task.FromResult(L.T("Resultatene er ikke lenger publisert."));
    }, ct);

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanRun) return Forbid();
        if (Survey.Status != SurveyStatus.Open) ModelState.AddModelError(nameof(Emails), L.T("Åpne undersøkelsen før du sender lenker."));
        var emails = (Emails ?? "").Split(['\n', '\r', ',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (emails.Count == 0) ModelState.AddModelError(nameof(Emails), L.T("Skriv inn minst én e-postadresse."));
        if (emails.Count > 500) ModelState.AddModelError(nameof(Emails), L.T("Send til høyst 500 adresser om gangen."));
        var bad = emails.Where(e => !System.Net.Mail.MailAddress.TryCreate(e, out var a) || a.Address != e).ToList();
        if (bad.Count > 0) ModelState.AddModelError(nameof(Emails), L.T("Disse adressene er ikke gyldige: {0}", string.Join(", ", bad.Take(10))));
        var group = Survey.GroupKeys.Count == 1 ? Survey.GroupKeys[0] : Group;
        if (group is null || !Survey.GroupKeys.Contains(group)) ModelState.AddModelError(nameof(Group), L.T("Velg hvilken gruppe de inviterte svarer for."));
        if (!ModelState.IsValid) return Page();
        var sent = await SurveyEngine.InviteAsync(db, outbox, Survey, emails, group!, db.MailBaseUrl, clock.GetUtcNow(), ct);
        TempData["Message"] = L.T("{0} personlige lenker er lagt i utboksen. Adresser som allerede var invitert, ble hoppet over.", sent);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!CanRun) return Forbid();
        if (Survey.Status != SurveyStatus.Open) return StatusCode(StatusCodes.Status409Conflict);
        var reminded = await SurveyEngine.RemindAsync(db, outbox, Survey, db.MailBaseUrl, clock.GetUtcNow(), ProgrammePlanning.Today(clock), ct);
        TempData["Message"] = L.T("Påminnelse er sendt til {0} som ikke har svart. Hver får en ny lenke; den gamle virker ikke lenger.", reminded);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ActAsync(int id, Func<Survey, bool> allowed, Func<Survey, Task<string>> act, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        if (!current.Scope.MayRunSurvey(survey.OwnerId, survey.SchoolId)) return Forbid();
        if (!allowed(survey)) return RedirectToPage(new { id });
        TempData["Message"] = await act(survey);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return NotFound();
        var scope = current.Scope;
        if (!scope.MaySeeSurveyStatus(survey.OwnerId, survey.SchoolId)) return NotFound();
        Survey = survey;
        CanRun = scope.MayRunSurvey(survey.OwnerId, survey.SchoolId);
        CanSeeResults = scope.MaySeeSurveyResults(survey.OwnerId, survey.SchoolId, survey.ResultsPublished);
        SchoolName = survey.SchoolId is int school ? await db.Schools.AsNoTracking().Where(s => s.Id == school).Select(s => s.Name).SingleOrDefaultAsync(ct) : null;
        Responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id, ct);
        Invited = await db.Set<SurveyInvitation>().CountAsync(i => i.SurveyId == id && i.Kind == InvitationKind.Personal, ct);
        InvitedAnswered = await db.Set<SurveyInvitation>().CountAsync(i => i.SurveyId == id && i.Kind == InvitationKind.Personal && i.AnsweredOn != null, ct);
        if (CanRun && survey is { Status: SurveyStatus.Open, OpenToken: { } token })
        {
            OpenUrl = SurveyTokens.Url($"{Request.Scheme}://{Request.Host}", token);
            using var generator = new QRCoder.QRCodeGenerator();
            using var data = generator.CreateQrCode(OpenUrl, QRCoder.QRCodeGenerator.ECCLevel.M);
            QrSvg = new QRCoder.SvgQRCode(data).GetGraphic(5);
        }
        return null;
    }
}
