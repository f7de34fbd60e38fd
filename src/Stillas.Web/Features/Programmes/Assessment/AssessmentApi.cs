using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>
/// /api/v1/programmes/{id}/assessment: the schedule and the school's checklist, the notes (the team only,
/// every read audited), the report with its sections and their versions, and the questions for reflection.
/// Authorisation comes before validation; problems are RFC 9457.
/// </summary>
public static class AssessmentApi
{
    /// <summary>
    /// The job that deletes notes past their retention, and the assessment report on the timeline and as the
    /// questions for reflection that open session 1.
    /// </summary>
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddHostedService<NoteRetentionJob>();
        services.AddSingleton<Timeline.ITimelineSource, AssessmentTimelineSource>();
        services.AddSingleton<Sessions.IReflectionQuestionSource, AssessmentReflectionSource>();
        return services;
    }

    public sealed record SlotDto(int Id, DateOnly Date, string Start, string End, string Title, string? Who, string? Where, bool SchoolTakesPart, int Version);
    public sealed record TaskDto(int Id, string Title, DateOnly DueDate, bool Done, DateTimeOffset? DoneAt, string? DoneBy, int Version);
    public sealed record ScheduleDto(int ProgrammeId, IReadOnlyList<SlotDto> Slots, IReadOnlyList<TaskDto> Tasks);
    /// <summary><c>Version</c>: the task's version from GET; someone else's tick since then gets 409 with both versions.</summary>
    public sealed record TaskInput(bool Done, int? Version = null);
    public sealed record NoteSavedDto(NoteView Note, string? Warning);
    public sealed record FinalInput(bool ConfirmEmpty);
    public sealed record FinalDto(ReportStatus Status, int NotesDeleted, DateOnly? NotesDeleteOn);
    public sealed record PresentationInput(Audience? Audience, DateOnly? Date, string? Note);
    /// <param name="Version">The settings' version (0: none saved yet, the default applies); send it back with PUT.</param>
    public sealed record RetentionDto(int OwnerId, int NoteRetentionDays, int DefaultDays, int MaxDays, int Version);
    /// <summary><c>Version</c>: the settings' version from GET; a change by someone else since then gets 409 with both versions.</summary>
    public sealed record RetentionInput(int? NoteRetentionDays, int? Version = null);

    private static SlotDto Dto(AssessmentSlot s) => new(s.Id, s.Date, AssessmentRules.Time(s.Start), AssessmentRules.Time(s.End), s.Title, s.Who, s.Where, s.SchoolTakesPart, s.Version);
    private static TaskDto Dto(AssessmentTask t) => new(t.Id, t.Title, t.DueDate, t.Done, t.DoneAt, t.DoneBy, t.Version);

    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/programmes/{id:int}/assessment").WithTags("Vurderingsdager").RequireAuthorization();

        g.MapGet("/schedule", async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == id, ct)) return ApiSupport.NotFoundProblem();
            var slots = await AssessmentService.SlotsAsync(db, id, ct);
            var tasks = await AssessmentService.TasksAsync(db, id, ct);
            return TypedResults.Ok(new ScheduleDto(id, [.. slots.Select(Dto)], [.. tasks.Select(Dto)]));
        }).WithName("GetAssessmentSchedule");

        g.MapPost("/schedule/plan", async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            if (p.Status != ProgrammeStatus.Active || !current.Scope.Can(Permission.RunProgramme, p)) return ApiSupport.Forbidden();
            if (p.StepDate is null)
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: L.T("Forløpet har ikke noe steg for vurderingsdagene i fremdriftsplanen."));
            if (!await AssessmentService.PlanFromTemplateAsync(db, p, ct))
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Vurderingsdagene er allerede planlagt."), detail: L.T("Endre eller legg til punkter i dagsplanen i stedet."));
            var slots = await AssessmentService.SlotsAsync(db, id, ct);
            var tasks = await AssessmentService.TasksAsync(db, id, ct);
            return TypedResults.Ok(new ScheduleDto(id, [.. slots.Select(Dto)], [.. tasks.Select(Dto)]));
        }).WithName("PlanAssessmentDays");

        g.MapPost("/schedule/slots", async Task<Results<Created<SlotDto>, ValidationProblem, ProblemHttpResult>> (int id, SlotInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            if (p.Status != ProgrammeStatus.Active || !current.Scope.Can(Permission.RunProgramme, p)) return ApiSupport.Forbidden();
            var errors = input.Check();
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Punktet kunne ikke lagres."));
            var slot = new AssessmentSlot { ProgrammeId = id }.PlaceIn(p);
            input.Apply(slot);
            db.AssessmentSlots.Add(slot);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/programmes/{id}/assessment/schedule", Dto(slot));
        }).WithName("CreateAssessmentSlot");

        g.MapPut("/schedule/slots/{slotId:int}", async Task<Results<Ok<SlotDto>, ValidationProblem, ProblemHttpResult>> (int id, int slotId, SlotInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            var slot = p is null ? null : await db.AssessmentSlots.SingleOrDefaultAsync(s => s.Id == slotId && s.ProgrammeId == id, ct);
            if (p is null || slot is null) return ApiSupport.NotFoundProblem();
            if (p.Status != ProgrammeStatus.Active || !current.Scope.Can(Permission.RunProgramme, p)) return ApiSupport.Forbidden();
            var errors = input.Check();
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Punktet kunne ikke lagres."));
            db.Expect(slot, input.Version);
            input.Apply(slot);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(Dto(slot));
        }).WithName("UpdateAssessmentSlot");

        g.MapDelete("/schedule/slots/{slotId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int slotId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            var slot = p is null ? null : await db.AssessmentSlots.SingleOrDefaultAsync(s => s.Id == slotId && s.ProgrammeId == id, ct);
            if (p is null || slot is null) return ApiSupport.NotFoundProblem();
            if (p.Status != ProgrammeStatus.Active || !current.Scope.Can(Permission.RunProgramme, p)) return ApiSupport.Forbidden();
            db.AssessmentSlots.Remove(slot);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).WithName("DeleteAssessmentSlot");

        g.MapPut("/tasks/{taskId:int}", async Task<Results<Ok<TaskDto>, ProblemHttpResult>> (int id, int taskId, TaskInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null || !await db.AssessmentTasks.AnyAsync(t => t.Id == taskId && t.ProgrammeId == id, ct)) return ApiSupport.NotFoundProblem();
            if (p.Status != ProgrammeStatus.Active || !current.Scope.Can(Permission.TakePart, p)) return ApiSupport.Forbidden();
            await AssessmentService.TickAsync(db, taskId, input.Done, current.Scope, ct, input.Version);
            return TypedResults.Ok(Dto(await db.AssessmentTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, ct)));
        }).WithName("UpdateAssessmentTask");

        // Notes: the team's only. Others who see the programme get 403, and nothing tells them whether notes exist.
        g.MapGet("/notes", async Task<Results<Ok<List<NoteView>>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TeamContent, p)) return ApiSupport.NotFoundProblem(); // the team's notes do not exist for anyone else
            return TypedResults.Ok(await AssessmentService.NotesAsync(db, p, current.Scope, "API", ct));
        }).WithName("ListAssessmentNotes");

        g.MapPost("/notes", async Task<Results<Created<NoteSavedDto>, Ok<NoteSavedDto>, ValidationProblem, ProblemHttpResult>> (int id, NoteInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
            await SaveNoteAsync(id, null, input, db, current, ct)).WithName("CreateAssessmentNote");

        g.MapPut("/notes/{noteId:int}", async Task<Results<Created<NoteSavedDto>, Ok<NoteSavedDto>, ValidationProblem, ProblemHttpResult>> (int id, int noteId, NoteInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
            await SaveNoteAsync(id, noteId, input, db, current, ct)).WithName("UpdateAssessmentNote");

        // The report: the team sees the draft; the others who see the programme see it once it is final.
        g.MapGet("/report", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            var report = p is null ? null : await AssessmentService.ReportAsync(db, id, ct);
            if (p is null || report is null || !current.Scope.CanReadReport(p, report.Status)) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(report);
        }).WithName("GetAssessmentReport");

        g.MapPost("/report", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TeamContent, p)) return ApiSupport.Forbidden();
            await AssessmentService.StartReportAsync(db, p, ct);
            return TypedResults.Ok((await AssessmentService.ReportAsync(db, id, ct))!);
        }).WithName("StartAssessmentReport");

        g.MapPut("/report/sections/{sectionId:int}", async Task<Results<Ok<SectionView>, ValidationProblem, ProblemHttpResult>> (int id, int sectionId, SectionInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null || !await db.AssessmentReportSections.AnyAsync(s => s.Id == sectionId && s.Report!.ProgrammeId == id, ct)) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TeamContent, p)) return ApiSupport.Forbidden();
            var errors = input.Check();
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Delen kunne ikke lagres."));
            return await AssessmentService.SaveSectionAsync(db, sectionId, input, current.Scope, ct) switch
            {
                SectionSave.Saved s => TypedResults.Ok(s.Section),
                SectionSave.Conflict c => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Noen andre har lagret denne delen mens du skrev."),
                    detail: L.T("Du tok utgangspunkt i versjon {0}, men {1} har lagret versjon {2}. Teksten din er ikke lagret: slå den sammen med deres og lagre med expectedVersion {2}.", input.ExpectedVersion, c.Theirs.UpdatedBy, c.Theirs.Version),
                    extensions: new Dictionary<string, object?> { ["theirs"] = c.Theirs }),
                SectionSave.Locked => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Rapporten er endelig og kan ikke endres.")),
                _ => ApiSupport.NotFoundProblem(),
            };
        }).WithName("UpdateAssessmentReportSection");

        g.MapGet("/report/sections/{sectionId:int}/versions", async Task<Results<Ok<List<SectionVersionView>>, ProblemHttpResult>> (int id, int sectionId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null || !await db.AssessmentReportSections.AnyAsync(s => s.Id == sectionId && s.Report!.ProgrammeId == id, ct)) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TeamContent, p)) return ApiSupport.NotFoundProblem(); // the team's drafts do not exist for anyone else
            return TypedResults.Ok(await AssessmentService.SectionVersionsAsync(db, current.Scope, sectionId, ct));
        }).WithName("ListAssessmentReportSectionVersions");

        g.MapPost("/report/final", async Task<Results<Ok<FinalDto>, ProblemHttpResult>> (int id, FinalInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TeamContent, p)) return ApiSupport.Forbidden();
            var outcome = await AssessmentService.MakeFinalAsync(db, id, input.ConfirmEmpty, current.Scope, ProgrammePlanning.Today(clock), ct);
            if (outcome is null) return ApiSupport.NotFoundProblem();
            if (!outcome.MadeFinal)
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: L.T("Rapporten har tomme deler."),
                    detail: L.T("Skriv i de tomme delene, eller send confirmEmpty: true for å gjøre rapporten endelig likevel."),
                    extensions: new Dictionary<string, object?> { ["emptySections"] = outcome.EmptySections });
            return TypedResults.Ok(new FinalDto(ReportStatus.Final, outcome.NotesDeleted, outcome.NotesDeleteOn));
        }).WithName("MakeAssessmentReportFinal");

        g.MapPost("/report/presentations", async Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> (int id, PresentationInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var p = await AssessmentProgramme.LoadAsync(db, id, ct);
            if (p is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.TeamContent, p)) return ApiSupport.Forbidden();
            var errors = new List<(string, string)>();
            if (input.Audience is null || !Enum.IsDefined(input.Audience.Value)) errors.Add(("Audience", L.T("Velg hvem rapporten ble lagt fram for.")));
            if (input.Date is null) errors.Add(("Date", L.T("Oppgi datoen rapporten ble lagt fram.")));
            if ((input.Note?.Trim().Length ?? 0) > 500) errors.Add(("Note", L.T("Merknaden kan ha høyst 500 tegn.")));
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Framlegget kunne ikke registreres."));
            var error = await AssessmentService.AddPresentationAsync(db, id, input.Audience!.Value, input.Date!.Value, input.Note, ct);
            if (error is not null) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: error);
            return TypedResults.Ok((await AssessmentService.ReportAsync(db, id, ct))!);
        }).WithName("AddAssessmentReportPresentation");

        g.MapGet("/report/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            if (await ReportPdf.RenderAsync(db, id, current.Scope, ProgrammePlanning.Today(clock), ct) is not { } pdf) return ApiSupport.NotFoundProblem();
            return TypedResults.File(pdf.Bytes, "application/pdf", pdf.FileName);
        }).WithName("GetAssessmentReportPdf");

        g.MapGet("/reflection-questions", async Task<Results<Ok<IReadOnlyList<ReflectionQuestions>>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == id, ct)) return ApiSupport.NotFoundProblem();
            return TypedResults.Ok(await AssessmentReports.ReflectionQuestionsAsync(db, id, ct));
        }).WithName("GetAssessmentReflectionQuestions");

        // The owner's retention period for notes a guide chose to keep: its administrator only (as the page).
        var settings = app.MapGroup("/api/v1/owners/{ownerId:int}/assessment-settings").WithTags("Vurderingsdager").RequireAuthorization();

        settings.MapGet("", async Task<Results<Ok<RetentionDto>, ProblemHttpResult>> (int ownerId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            if (await RetentionRefusedAsync(db, current, ownerId, ct) is { } refused) return refused;
            return TypedResults.Ok(Retention(ownerId, await AssessmentService.RetentionDaysAsync(db, ownerId, ct), await AssessmentService.SettingsVersionAsync(db, ownerId, ct)));
        }).WithName("GetAssessmentSettings");

        settings.MapPut("", async Task<Results<Ok<RetentionDto>, ValidationProblem, ProblemHttpResult>> (int ownerId, RetentionInput input, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            if (await RetentionRefusedAsync(db, current, ownerId, ct) is { } refused) return refused;
            if (AssessmentService.CheckRetentionDays(input.NoteRetentionDays) is { } error)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["noteRetentionDays"] = [error] }, title: L.T("Lagringstiden kunne ikke lagres."));
            await AssessmentService.SetRetentionDaysAsync(db, ownerId, input.NoteRetentionDays!.Value, ct, input.Version);
            return TypedResults.Ok(Retention(ownerId, input.NoteRetentionDays.Value, await AssessmentService.SettingsVersionAsync(db, ownerId, ct)));
        }).WithName("SetAssessmentSettings");

        return app;
    }

    private static RetentionDto Retention(int ownerId, int days, int version) => new(ownerId, days, AssessmentSettings.DefaultRetentionDays, AssessmentSettings.MaxRetentionDays, version);

    /// <summary>404 for an owner the user cannot see (the query filter), 403 for one they see but do not administer.</summary>
    private static async Task<ProblemHttpResult?> RetentionRefusedAsync(StillasDb db, CurrentScope current, int ownerId, CancellationToken ct)
    {
        if (!await db.Owners.AnyAsync(o => o.Id == ownerId, ct)) return ApiSupport.NotFoundProblem();
        return current.Scope.Can(Permission.ManageProgrammes, ownerId) ? null : ApiSupport.Forbidden();
    }

    private static async Task<Results<Created<NoteSavedDto>, Ok<NoteSavedDto>, ValidationProblem, ProblemHttpResult>> SaveNoteAsync(
        int id, int? noteId, NoteInput input, StillasDb db, CurrentScope current, CancellationToken ct)
    {
        var p = await AssessmentProgramme.LoadCoreAsync(db, id, ct);
        if (p is null) return ApiSupport.NotFoundProblem();
        if (!current.Scope.Can(Permission.TeamContent, p)) return ApiSupport.Forbidden();
        var errors = input.Check();
        if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: L.T("Notatet kunne ikke lagres."));
        if (await AssessmentService.ReportIsFinalAsync(db, id, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Rapporten er endelig, så det kan ikke skrives nye notater."));
        var saved = await AssessmentService.SaveNoteAsync(db, p, noteId, input, current.Scope, ct);
        if (saved is null) return ApiSupport.NotFoundProblem();
        var dto = new NoteSavedDto(saved.Note, saved.Warning);
        return saved.Created ? TypedResults.Created($"/api/v1/programmes/{id}/assessment/notes/{saved.Note.Id}", dto) : TypedResults.Ok(dto);
    }
}
