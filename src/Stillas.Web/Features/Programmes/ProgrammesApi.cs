using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes;

public static class ProgrammesApi
{
    public sealed record ProgrammeDto(int Id, int OwnerId, int SchoolId, string School, int TeamId, string? Team, string SchoolYear,
        string TemplateName, int TemplateVersion, DateOnly StartDate, ProgrammeStatus Status, string StatusName,
        string? PhaseKey, string? Phase, string? NextStep, DateOnly? NextStepDate, int Overdue);

    public sealed record StepDto(int Id, string Key, string Title, string PhaseKey, string Phase, StepKind Kind, StepResponsible Responsible, string ResponsibleName,
        string? ResponsibleNote, DateOnly Date, DateOnly? EndDate, DateOnly OriginalDate, StepStatus Status, string StatusName, bool Overdue,
        string? Note, int? SessionNumber, int? Hours, DateTimeOffset? DoneAt, int Version);

    public sealed record ProgrammeDetailDto(ProgrammeDto Programme, string TemplateKey, IReadOnlyList<StepDto> Steps);

    private static string NotCreated => L.T("Veiledningsforløpet kunne ikke opprettes.");
    private static string StepNotSaved => L.T("Steget kunne ikke lagres.");

    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/programmes").WithTags("Veiledningsforløp").RequireAuthorization();

        group.MapGet("/", async (StillasDb db, TimeProvider clock, int? ownerId, int? schoolId, int? teamId, string? schoolYear, ProgrammeStatus? status, int? page, int? pageSize, CancellationToken ct) =>
        {
            var size = Math.Clamp(pageSize ?? 50, 1, 200);
            var number = Math.Max(1, page ?? 1);
            var query = db.VisibleProgrammes().AsNoTracking();
            if (ownerId is int o) query = query.Where(p => p.OwnerId == o);
            if (schoolId is int s) query = query.Where(p => p.SchoolId == s);
            if (teamId is int t) query = query.Where(p => p.TeamId == t);
            if (SchoolYear.TryParse(schoolYear, out var year)) { var y = year.ToString(); query = query.Where(p => p.SchoolYear == y); }
            if (status is ProgrammeStatus st) query = query.Where(p => p.Status == st);
            var total = await query.CountAsync(ct);
            var rows = await query.OrderBy(p => p.StartDate).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size)
                .Summaries(db).ToListAsync(ct);
            return TypedResults.Ok(new Paged<ProgrammeDto>([.. rows.Select(ToDto)], number, size, total));
        }).WithName("ListProgrammes");

        group.MapGet("/{id:int}", async Task<Results<Ok<ProgrammeDetailDto>, ProblemHttpResult>> (int id, StillasDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var dto = await LoadAsync(db, id, ProgrammePlanning.Today(clock), ct);
            return dto is null ? ApiSupport.NotFoundProblem() : TypedResults.Ok(dto);
        }).WithName("GetProgramme");

        group.MapPost("/", async Task<Results<Created<ProgrammeDetailDto>, ValidationProblem, ProblemHttpResult>> (ProgrammeInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var scope = current.Scope;
            if (!scope.Can(Permission.ManageProgrammes)) return ApiSupport.Forbidden();
            // Authorise before validating: a caller learns nothing about a school it may not start programmes for.
            if (input.SchoolId is int schoolId)
            {
                var owner = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => (int?)s.OwnerId).SingleOrDefaultAsync(ct);
                if (owner is null || !scope.Can(Permission.ManageProgrammes, owner)) return ApiSupport.Forbidden();
            }
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotCreated);
            var draft = await input.DraftAsync(db, scope, ct);
            if (draft.Errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(draft.Errors), title: NotCreated);
            var programme = draft.ToProgramme(input);
            db.Programmes.Add(programme);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/programmes/{programme.Id}", (await LoadAsync(db, programme.Id, ProgrammePlanning.Today(clock), ct))!);
        }).WithName("CreateProgramme");

        group.MapPut("/{id:int}/steps/{stepId:int}", async Task<Results<Ok<StepDto>, ValidationProblem, ProblemHttpResult>> (int id, int stepId, StepInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var step = await db.PlanSteps.SingleOrDefaultAsync(s => s.Id == stepId && s.ProgrammeId == id, ct);
            if (step is null) return ApiSupport.NotFoundProblem();
            var scope = current.Scope;
            var full = scope.Can(Permission.RunProgramme, step);
            if (!full && !(step.Responsible == StepResponsible.School && scope.Can(Permission.ActForSchool, step))) return ApiSupport.Forbidden();
            var programmeStatus = await db.Programmes.Where(p => p.Id == id).Select(p => p.Status).SingleAsync(ct);
            if (programmeStatus != ProgrammeStatus.Active)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Forløpet er ikke aktivt, så stegene kan ikke endres."));
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: StepNotSaved);
            db.Expect(step, input.Version);
            var now = clock.GetUtcNow();
            if (!full)
            {
                // A school leader marks the school's own step done or not done, with a note; nothing else.
                // Leaving out who is responsible leaves it as it is.
                var sameNote = input.ResponsibleNote is null || string.Equals(input.ResponsibleNote.Trim(), step.ResponsibleNote ?? "", StringComparison.Ordinal);
                if (input.Date != step.Date || input.Status == StepStatus.Cancelled || !sameNote)
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: L.T("Du har ikke tilgang til dette."),
                        detail: L.T("En skoleleder kan bare markere skolens egne steg som levert eller ikke levert, med et notat."));
                StepInput.MarkDone(step, input.Status == StepStatus.Done, input.Note ?? "", now);
            }
            else
            {
                var errors = input.Check(step, await StepInput.HolidaysAsync(db, step.OwnerId, ct), await ProgrammePlanning.EndAsync(db, id, ct));
                if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: StepNotSaved);
                var before = step.Date;
                input.Apply(step, now);
                await ProgrammePlanning.FollowLastSessionAsync(db, step, before, ct);
            }
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ToDto(step, ProgrammePlanning.Today(clock)));
        }).WithName("UpdateProgrammeStep");

        app.MapCalendarFeed();
        return app;
    }

    private static async Task<ProgrammeDetailDto?> LoadAsync(StillasDb db, int id, DateOnly today, CancellationToken ct)
    {
        var summary = (await db.Programmes.AsNoTracking().Where(p => p.Id == id).Summaries(db).ToListAsync(ct)).SingleOrDefault();
        if (summary is null) return null;
        var key = await db.Programmes.AsNoTracking().Where(p => p.Id == id).Select(p => p.TemplateKey).SingleAsync(ct);
        var steps = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == id).OrderBy(s => s.Order).ToListAsync(ct);
        return new ProgrammeDetailDto(ToDto(summary), key, [.. steps.Select(s => ToDto(s, today))]);
    }

    private static ProgrammeDto ToDto(ProgrammeSummary p) =>
        new(p.Id, p.OwnerId, p.SchoolId, p.School, p.TeamId, p.Team, p.SchoolYear, p.TemplateName, p.TemplateVersion, p.StartDate,
            p.Status, GuidanceProgramme.StatusName(p.Status), p.PhaseKey, p.PhaseName, p.NextTitle, p.NextDate, p.Overdue);

    private static StepDto ToDto(PlanStep s, DateOnly today) =>
        new(s.Id, s.Key, s.Title, s.PhaseKey, s.PhaseName, s.Kind, s.Responsible, ProgrammeText.Label(s.Responsible), s.ResponsibleNote,
            s.Date, s.EndDate, s.OriginalDate, s.Status, ProgrammeText.Label(s.Status), ProgrammePlanning.IsOverdue(s.Status, s.Date, s.EndDate, today),
            s.Note, s.SessionNumber, s.Hours, s.DoneAt, s.Version);
}
