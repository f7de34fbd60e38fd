using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>Sessions, notes, interim-work agreements and feedback, evaluations (issue 6, part 10).</summary>
public static class SessionsApi
{
    /// <summary>A note's text; <c>Version</c>: the version it was written on (0 for a new note), checked when given.</summary>
    public sealed record NoteInput(string? Text, int? Version = null);
    /// <summary><c>BasedOn</c> and <c>Revision</c>: the agreement version and revision the text was written on (from GET); a concurrency check when given.</summary>
    public sealed record InterimWorkRequest(List<string?>? Points, DateOnly? FeedbackDeadline, DateOnly? NextSessionDate, string? NextSessionTime, string? ReadingAssignment, string? NextTopic, int? BasedOn = null, int? Revision = null);
    /// <summary><c>Version</c>: the feedback's version from GET (0: none yet); a save based on an older one gets 409 with both versions.</summary>
    public sealed record FeedbackRequest(List<string?>? PointStatus, string? WishedTopic, bool Submit, int? Version = null);
    public sealed record InterimWorkDto(int SessionId, int Version, InterimWorkStatus Status, IReadOnlyList<string> Points, DateOnly FeedbackDeadline, DateTime? NextSessionAt,
        string? ReadingAssignment, string? NextTopic, DateTimeOffset? SentAt, string? SentByName, int MailsQueued, int MailsSent, int Revision);
    public sealed record FeedbackDto(IReadOnlyList<string> PointStatus, string? WishedTopic, DateTimeOffset? SubmittedAt, string? SubmittedByName, bool Late, int Version);
    public sealed record InterimWorkResponse(InterimWorkDto? Agreement, IReadOnlyList<int> Versions, FeedbackDto? Feedback);
    public sealed record EvaluationDto(int Id, int SessionId, string AuthorName, string? Clearer, string? TakeAway, string? Interest, string? Overall, int? Rating, DateTimeOffset CreatedAt, int Version);
    public sealed record PhaseDto(string PhaseKey, string? WorkedWell, string? ToImprove, string? Other, string? FeedbackByName, DateTimeOffset? FeedbackAt,
        DateOnly? MeetingDate, string? Participants, string? Conclusions, string? ModelAdjustments, string? RecordedByName, int Version);
    public sealed record EvaluationsDto(IReadOnlyList<SessionService.EvaluationSummary> Sessions, IReadOnlyList<PhaseDto> Phases);

    private static InterimWorkDto Dto(InterimWorkAgreement a, (int Queued, int Sent, string? _) mail) =>
        new(a.SessionId, a.Version, a.Status, a.Points, a.FeedbackDeadline, a.NextSessionAt, a.ReadingAssignment, a.NextTopic, a.SentAt, a.SentByName, mail.Queued, mail.Sent, a.Revision);

    private static PhaseDto Dto(PhaseEvaluation e) => new(e.PhaseKey, e.WorkedWell, e.ToImprove, e.FeedbackOther, e.FeedbackByName, e.FeedbackAt,
        e.MeetingDate, e.MeetingParticipants, e.Conclusions, e.ModelAdjustments, e.RecordedByName, e.Version);

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Veiledninger").RequireAuthorization();

        api.MapGet("/programmes/{programmeId:int}/sessions", async Task<Results<Ok<List<SessionView>>, ProblemHttpResult>> (int programmeId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(await SessionService.SessionsAsync(db, current.Scope, p, ct));
        }).WithName("ListSessions");

        api.MapGet("/sessions/{id:int}", async Task<Results<Ok<SessionView>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
            await SessionService.SessionAsync(db, id, ct) is { } s ? TypedResults.Ok(s) : ApiSupport.NotFoundProblem()).WithName("GetSession");

        api.MapPut("/sessions/{id:int}", async Task<Results<Ok<SessionView>, ValidationProblem, ProblemHttpResult>> (int id, SessionService.SessionInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var s = await SessionService.SessionAsync(db, id, ct);
            if (s is null) return ApiSupport.NotFoundProblem();
            var session = await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            if (!current.Scope.Can(Permission.RunProgramme, session)) return ApiSupport.Forbidden();
            var errors = SessionService.Check(input, out var start);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Veiledningen kunne ikke lagres."));
            await SessionService.SaveAsync(db, id, input, start, clock, ct);
            return TypedResults.Ok((await SessionService.SessionAsync(db, id, ct))!);
        }).WithName("UpdateSession");

        api.MapGet("/sessions/{id:int}/notes", async Task<Results<Ok<List<NoteView>>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (session is null) return ApiSupport.NotFoundProblem();
            // The team's notes do not exist for anyone else (IConfidential).
            if (!current.Scope.Can(Permission.TeamContent, session)) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(await SessionService.NotesAsync(db, current.Scope, id, "API", ct));
        }).WithName("ListSessionNotes");

        api.MapPut("/sessions/{id:int}/notes/{part}", async Task<Results<Ok<NoteView>, ValidationProblem, ProblemHttpResult>> (int id, string part, NoteInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (session is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TeamContent, session) || current.Scope.PersonId is null) return ApiSupport.NotFoundProblem();
            if (!Enum.TryParse<SessionPart>(part, ignoreCase: true, out var p) || !Enum.IsDefined(p))
                return TypedResults.ValidationProblem(ApiSupport.Errors([("Part", L.T("Ukjent del av veiledningen. Bruk opening, inquiry, closing eller evaluation."))]), title: L.T("Notatet kunne ikke lagres."));
            if (SessionService.CheckNote(input.Text) is { } error) return TypedResults.ValidationProblem(ApiSupport.Errors([("Text", error)]), title: L.T("Notatet kunne ikke lagres."));
            return TypedResults.Ok(await SessionService.SaveNoteAsync(db, session, current.Scope, p, input.Text, clock, ct, input.Version));
        }).WithName("SaveSessionNote");

        api.MapGet("/sessions/{id:int}/interim-work", async Task<Results<Ok<InterimWorkResponse>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (session is null) return ApiSupport.NotFoundProblem();
            var state = await SessionService.InterimWorkAsync(db, id, current.Scope.Can(Permission.RunProgramme, session), ct);
            var dto = state.Latest is { } a ? Dto(a, await SessionService.MailStateAsync(db, a, ct)) : null;
            var f = state.Feedback;
            return TypedResults.Ok(new InterimWorkResponse(dto, [.. state.Versions.Select(v => v.Version)],
                f is null ? null : new FeedbackDto(f.PointStatus, f.WishedTopic, f.SubmittedAt, f.SubmittedByName, f.Late, f.Version)));
        }).WithName("GetInterimWork");

        async Task<Results<Ok<InterimWorkDto>, ValidationProblem, ProblemHttpResult>> Save(int id, InterimWorkRequest input, SessionService.InterimWorkAction action,
            StillasDb db, Outbox outbox, IOptions<MailOptions> mail, CurrentScope current, TimeProvider clock, CancellationToken ct)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (session is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.RunProgramme, session)) return ApiSupport.Forbidden();
            var model = new SessionService.InterimWorkInput
            {
                Points = input.Points ?? [], FeedbackDeadline = input.FeedbackDeadline, NextSessionDate = input.NextSessionDate,
                NextSessionTime = input.NextSessionTime, ReadingAssignment = input.ReadingAssignment, NextTopic = input.NextTopic,
                BasedOn = input.BasedOn, Revision = input.Revision,
            };
            var errors = SessionService.Check(model, out var nextAt);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Avtalen om mellomarbeid kunne ikke lagres."));
            var programme = (await ProgrammeHead.LoadAsync(db, session.ProgrammeId, ct))!;
            var saved = await SessionService.SaveInterimWorkAsync(db, outbox, mail.Value, session, programme, current.Scope, model, nextAt, action, clock, ct);
            return TypedResults.Ok(Dto(saved, await SessionService.MailStateAsync(db, saved, ct)));
        }

        api.MapPut("/sessions/{id:int}/interim-work", (int id, InterimWorkRequest input, StillasDb db, Outbox outbox, IOptions<MailOptions> mail, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
            Save(id, input, SessionService.InterimWorkAction.SaveDraft, db, outbox, mail, current, clock, ct)).WithName("SaveInterimWork");

        api.MapPost("/sessions/{id:int}/interim-work/send", (int id, InterimWorkRequest input, StillasDb db, Outbox outbox, IOptions<MailOptions> mail, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
            Save(id, input, SessionService.InterimWorkAction.Send, db, outbox, mail, current, clock, ct)).WithName("SendInterimWork");

        api.MapGet("/sessions/{id:int}/interim-work/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, int? version, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (session is null) return ApiSupport.NotFoundProblem();
            var state = await SessionService.InterimWorkAsync(db, id, current.Scope.Can(Permission.RunProgramme, session), ct);
            var a = version is int v ? state.Versions.FirstOrDefault(x => x.Version == v) : state.Latest;
            if (a is null) return ApiSupport.NotFoundProblem();
            var programme = (await ProgrammeHead.LoadAsync(db, session.ProgrammeId, ct))!;
            var today = DateOnly.FromDateTime(NorwegianTime.ToOslo(clock.GetUtcNow()).DateTime);
            return TypedResults.File(Platform.Pdf.PdfWriter.Render(InterimWorkPdf.Build(programme, session.Number, a, today)), "application/pdf", InterimWorkPdf.FileName(programme, session.Number, a.Version));
        }).WithName("GetInterimWorkPdf");

        api.MapPut("/sessions/{id:int}/interim-work/feedback", async Task<Results<Ok<FeedbackDto>, ValidationProblem, ProblemHttpResult>> (int id, FeedbackRequest input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (session is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ActForSchool, session)) return ApiSupport.Forbidden();
            var state = await SessionService.InterimWorkAsync(db, id, includeDrafts: false, ct);
            if (state.Latest is not { } agreement)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Veilederteamet har ikke sendt noen avtale om mellomarbeid for denne veiledningen ennå."));
            var model = new SessionService.FeedbackInput { PointStatus = input.PointStatus ?? [], WishedTopic = input.WishedTopic, Version = input.Version };
            var errors = SessionService.Check(model, input.Submit);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Tilbakemeldingen kunne ikke lagres."));
            var f = await SessionService.SaveFeedbackAsync(db, session, agreement, current.Scope, model, input.Submit, clock, ct);
            return TypedResults.Ok(new FeedbackDto(f.PointStatus, f.WishedTopic, f.SubmittedAt, f.SubmittedByName, f.Late, f.Version));
        }).WithName("SaveInterimWorkFeedback");

        api.MapGet("/sessions/{id:int}/evaluations", async Task<Results<Ok<List<EvaluationDto>>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            if (!await db.Sessions.AnyAsync(x => x.Id == id, ct)) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(await db.SessionEvaluations.AsNoTracking().Where(e => e.SessionId == id).OrderBy(e => e.CreatedAt)
                .Select(e => new EvaluationDto(e.Id, e.SessionId, e.AuthorName, e.Clearer, e.TakeAway, e.Interest, e.Overall, e.Rating, e.CreatedAt, e.Version)).ToListAsync(ct));
        }).WithName("ListSessionEvaluations");

        api.MapPut("/sessions/{id:int}/evaluations/mine", async Task<Results<Ok<EvaluationDto>, ValidationProblem, ProblemHttpResult>> (int id, SessionService.EvaluationInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (session is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ActForSchool, session) || current.Scope.PersonId is null) return ApiSupport.Forbidden();
            var errors = SessionService.Check(input);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Evalueringen kunne ikke lagres."));
            var e = await SessionService.SaveEvaluationAsync(db, session, current.Scope, input, clock, ct);
            return TypedResults.Ok(new EvaluationDto(e.Id, e.SessionId, e.AuthorName, e.Clearer, e.TakeAway, e.Interest, e.Overall, e.Rating, e.CreatedAt, e.Version));
        }).WithName("SaveMySessionEvaluation");

        api.MapGet("/programmes/{programmeId:int}/evaluations", async Task<Results<Ok<EvaluationsDto>, ProblemHttpResult>> (int programmeId, StillasDb db, CancellationToken ct) =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, ct)) return ApiSupport.NotFoundProblem();
            var phases = await db.PhaseEvaluations.AsNoTracking().Where(e => e.ProgrammeId == programmeId).OrderBy(e => e.PhaseKey).ToListAsync(ct);
            return TypedResults.Ok(new EvaluationsDto(await SessionService.EvaluationSummaryAsync(db, programmeId, ct), [.. phases.Select(Dto)]));
        }).WithName("GetProgrammeEvaluations");

        api.MapPut("/programmes/{programmeId:int}/phase-evaluations/{phase}/feedback", async Task<Results<Ok<PhaseDto>, ValidationProblem, ProblemHttpResult>> (int programmeId, string phase, SessionService.PhaseFeedbackInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
            if (p is null || !SessionService.EvaluatedPhases.Contains(phase)) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ActForSchool, p)) return ApiSupport.Forbidden();
            var errors = SessionService.Check(input);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Tilbakemeldingen kunne ikke lagres."));
            return TypedResults.Ok(Dto(await SessionService.SavePhaseFeedbackAsync(db, p, phase, current.Scope, input, clock, ct)));
        }).WithName("SavePhaseFeedback");

        api.MapPut("/programmes/{programmeId:int}/phase-evaluations/{phase}/meeting", async Task<Results<Ok<PhaseDto>, ValidationProblem, ProblemHttpResult>> (int programmeId, string phase, SessionService.PhaseMeetingInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var p = await ProgrammeHead.LoadAsync(db, programmeId, ct);
            if (p is null || !SessionService.EvaluatedPhases.Contains(phase)) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.RunProgramme, p)) return ApiSupport.Forbidden();
            var errors = SessionService.Check(input);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Referatet kunne ikke lagres."));
            return TypedResults.Ok(Dto(await SessionService.SavePhaseMeetingAsync(db, p, phase, current.Scope, input, clock, ct)));
        }).WithName("SavePhaseMeeting");

        return app;
    }
}
