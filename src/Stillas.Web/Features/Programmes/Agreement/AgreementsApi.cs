using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Agreement;

public static class AgreementsApi
{
    public sealed record LineDto(string Key, AgreementSection Section, string SectionName, string Text, bool Checked, int Order);
    public sealed record ApprovalDto(string? Name, int? PersonId, DateTimeOffset At);
    public sealed record VersionDto(int Number, AgreementStatus Status, string StatusName, int Version, DateOnly PeriodFrom, DateOnly PeriodTo,
        string? DevelopmentArea, string Parties, IReadOnlyList<LineDto> Lines, ApprovalDto? OwnerApproval, ApprovalDto? SchoolApproval,
        string? UpdatedBy, DateTimeOffset? UpdatedAt);
    public sealed record VersionSummaryDto(int Number, AgreementStatus Status, string StatusName, ApprovalDto? OwnerApproval, ApprovalDto? SchoolApproval);
    public sealed record AgreementDto(int ProgrammeId, int CurrentVersion, VersionDto? Current, VersionDto? Draft, IReadOnlyList<VersionSummaryDto> Versions);
    public sealed record SavedDto(string Outcome, string Message, AgreementDto Agreement);
    public sealed record ApproveInput(int? Number, int? Version);
    public sealed record DifferenceDto(string What, string? Stored, string? Yours);

    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/programmes/{programmeId:int}/agreement").WithTags("Samarbeidsavtaler").RequireAuthorization();

        group.MapGet("/", async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> (int programmeId, StillasDb db, CancellationToken ct) =>
        {
            if (await ProgrammeHead.LoadAsync(db, programmeId, ct) is null) return ApiSupport.NotFoundProblem();
            return await DtoAsync(db, programmeId, ct) is { } dto ? TypedResults.Ok(dto) : NoAgreement();
        }).WithName("GetAgreement");

        group.MapGet("/versions/{number:int}", async Task<Results<Ok<VersionDto>, ProblemHttpResult>> (int programmeId, int number, StillasDb db, CancellationToken ct) =>
        {
            var head = await AgreementReads.AgreementAsync(db, programmeId, ct);
            if (head is null) return ApiSupport.NotFoundProblem();
            var version = await AgreementReads.VersionAsync(db, head.Id, number, ct);
            return version is null ? ApiSupport.NotFoundProblem() : TypedResults.Ok(ToDto(version));
        }).WithName("GetAgreementVersion");

        // The first draft, with the default period, parties and commitments.
        group.MapPost("/", async Task<Results<Created<AgreementDto>, ProblemHttpResult>> (int programmeId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.RunProgramme, programme)) return ApiSupport.Forbidden();
            if (await db.Agreements.AnyAsync(a => a.ProgrammeId == programmeId, ct)) return AlreadyExists();
            var entity = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId, ct);
            db.Agreements.Add(AgreementRules.CreateDraft(entity, AgreementRules.DefaultParties(await AgreementRules.PartyNamesAsync(db, programmeId, ct))));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return AlreadyExists(); }
            return TypedResults.Created($"/api/v1/programmes/{programmeId}/agreement", await DtoAsync(db, programmeId, ct));
        }).WithName("CreateAgreement");

        group.MapPut("/draft", async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> (int programmeId, AgreementInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.RunProgramme, programme)) return ApiSupport.Forbidden();
            input.Lines ??= [];
            var invalid = ApiSupport.Validate(input) ?? [];
            foreach (var (field, messages) in ApiSupport.Errors(input.Check()))
                invalid[field] = invalid.TryGetValue(field, out var before) ? [.. before, .. messages] : messages;
            if (invalid.Count > 0) return TypedResults.ValidationProblem(invalid, title: L.T("Avtalen kunne ikke lagres."));

            var now = clock.GetUtcNow();
            try
            {
                AgreementRules.SaveResult? result = null;
                if (await AgreementRules.LoadForWriteAsync(db, programmeId, ct) is { } loaded)
                {
                    var (agreement, _, latest) = loaded;
                    result = AgreementRules.Save(db, agreement, latest, input, current.Scope, now);
                    if (result.Outcome == AgreementRules.SaveOutcome.Conflict) return Conflict(latest, input);
                }
                else if (input.Number != 0) return NoAgreement();
                else
                {
                    var entity = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId, ct);
                    db.Agreements.Add(AgreementRules.CreateFromInput(entity, input, current.Scope, now));
                }
                if (result?.Outcome != AgreementRules.SaveOutcome.NoChanges) await db.SaveChangesAsync(ct);
                var dto = (await DtoAsync(db, programmeId, ct))!;
                return TypedResults.Ok(new SavedDto(result?.Outcome.ToString() ?? "Created", result?.Message ?? L.T("Utkastet til samarbeidsavtale er lagret."), dto));
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                var stored = await AgreementRules.LoadForWriteAsync(db, programmeId, ct);
                return stored is { } s ? Conflict(s.Latest, input) : AlreadyExists();
            }
        }).WithName("SaveAgreementDraft");

        // The side is the caller's: the owner's administrator approves for the owner, the principal or a school leader for the school.
        group.MapPost("/approve", async Task<Results<Ok<SavedDto>, ValidationProblem, ProblemHttpResult>> (int programmeId, ApproveInput input, StillasDb db, CurrentScope current, TimeProvider clock, Platform.Mail.Outbox outbox, IServiceScopeFactory scopes, CancellationToken ct) =>
        {
            var programme = await ProgrammeHead.LoadAsync(db, programmeId, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            var scope = current.Scope;
            if (!scope.Can(Permission.ApproveForOwner, programme) && !scope.Can(Permission.ActForSchool, programme)) return ApiSupport.Forbidden();
            if (input.Number is null || input.Version is null)
            {
                var missing = new List<(string, string)>();
                if (input.Number is null) missing.Add((nameof(ApproveInput.Number), L.T("Oppgi nummeret på versjonen du godkjenner.")));
                if (input.Version is null) missing.Add((nameof(ApproveInput.Version), L.T("Oppgi versjonsfeltet (version) slik du hentet avtalen, så vi vet at du godkjenner teksten du har lest.")));
                return TypedResults.ValidationProblem(ApiSupport.Errors(missing), title: L.T("Godkjenningen kunne ikke registreres."));
            }
            if (await AgreementRules.LoadForWriteAsync(db, programmeId, ct) is not { } loaded) return NoAgreement();
            var (agreement, inForce, latest) = loaded;
            if (!latest.IsOpen || latest.Number != input.Number)
                return ConflictProblem(latest.IsOpen ? L.T("Versjon {0} venter ikke på godkjenning; det gjør versjon {1}.", input.Number, latest.Number) : L.T("Det er ingen versjon som venter på godkjenning."), latest);
            var side = AgreementRules.SidesOf(scope, agreement)
                .Cast<ApprovalSide?>()
                .FirstOrDefault(s => s == ApprovalSide.Owner ? latest.OwnerApprovedAt is null : latest.PrincipalApprovedAt is null);
            if (side is null) return ConflictProblem(L.T("Du har allerede godkjent denne versjonen."), latest);
            var result = AgreementRules.Approve(db, agreement, inForce, latest, side.Value, input.Version.Value, scope, clock.GetUtcNow());
            if (result.Outcome is not (AgreementRules.ApproveOutcome.Approved or AgreementRules.ApproveOutcome.InForce)) return ConflictProblem(result.Message, latest);
            var planned = result.Outcome == AgreementRules.ApproveOutcome.InForce ? await ProgrammePlanning.CompletePlanAsync(db, programmeId, clock.GetUtcNow(), ct) : 0;
            await AgreementMail.QueueAsync(db, scopes, outbox, programme, result, ProgrammePlanning.Today(clock), ct);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return ConflictProblem(new AgreementRules.ApproveResult(AgreementRules.ApproveOutcome.Conflict, latest).Message, null);
            }
            return TypedResults.Ok(new SavedDto(result.Outcome.ToString(), AgreementRules.PlanMessage(result.Message, planned), (await DtoAsync(db, programmeId, ct))!));
        }).WithName("ApproveAgreement");

        group.MapGet("/pdf", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int programmeId, int? version, StillasDb db, TimeProvider clock, CancellationToken ct) =>
            await AgreementPdf.RenderAsync(db, programmeId, version, ProgrammePlanning.Today(clock), ct) is { } pdf
                ? TypedResults.File(pdf.Bytes, "application/pdf", pdf.FileName)
                : ApiSupport.NotFoundProblem()).WithName("GetAgreementPdf");

        return app;
    }

    private static ProblemHttpResult NoAgreement() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: L.T("Forløpet har ingen samarbeidsavtale ennå."));

    private static ProblemHttpResult AlreadyExists() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Forløpet har allerede en samarbeidsavtale."), detail: L.T("Hent den og endre utkastet med PUT …/agreement/draft."));

    private static ProblemHttpResult ConflictProblem(string title, AgreementVersion? stored) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title,
            extensions: stored is null ? null : new Dictionary<string, object?> { ["stored"] = ToDto(stored) });

    /// <summary>A save from an older reading: nothing is saved; the stored text and the caller's are both returned, with what differs.</summary>
    private static ProblemHttpResult Conflict(AgreementVersion stored, AgreementInput yours)
    {
        var diff = AgreementRules.Compare(AgreementRules.Snapshot.Of(stored), AgreementRules.Snapshot.Of(yours));
        var differences = diff.Fields.Select(f => new DifferenceDto(f.Field, f.Before, f.After))
            .Concat(diff.Lines.Select(l => new DifferenceDto($"{AgreementRules.SectionName(l.Section)}: {l.KindName.ToLowerInvariant()}", l.Before, l.After)))
            .ToList();
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: L.T("Noen andre har lagret avtalen siden du hentet den. Endringene dine er ikke lagret."),
            detail: L.T("{0} lagret versjon {1}{2}. Se forskjellene, og send endringene på nytt med number {1} og version {3}.", stored.UpdatedBy ?? L.T("En annen bruker"), stored.Number, stored.UpdatedAt is { } at ? " " + NorwegianTime.DateTime(at) : "", stored.Version),
            extensions: new Dictionary<string, object?> { ["stored"] = ToDto(stored), ["yours"] = yours, ["differences"] = differences });
    }

    private static async Task<AgreementDto?> DtoAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var head = await AgreementReads.AgreementAsync(db, programmeId, ct);
        if (head is null) return null;
        var current = head.CurrentVersion > 0 ? await AgreementReads.VersionAsync(db, head.Id, head.CurrentVersion, ct) : null;
        var draft = head.Draft is { } d ? await AgreementReads.VersionAsync(db, head.Id, d.Number, ct) : null;
        return new AgreementDto(programmeId, head.CurrentVersion, current is null ? null : ToDto(current), draft is null ? null : ToDto(draft),
            [.. head.Versions.Select(v => new VersionSummaryDto(v.Number, v.Status, AgreementVersion.StatusName(v.Status),
                Approval(v.OwnerApprovedBy, null, v.OwnerApprovedAt), Approval(v.PrincipalApprovedBy, null, v.PrincipalApprovedAt)))]);
    }

    private static ApprovalDto? Approval(string? name, int? personId, DateTimeOffset? at) => at is { } t ? new ApprovalDto(name, personId, t) : null;

    private static VersionDto ToDto(AgreementVersion v) => new(v.Number, v.Status, AgreementVersion.StatusName(v.Status), v.Version, v.PeriodFrom, v.PeriodTo,
        v.DevelopmentArea, v.Parties,
        [.. AgreementRules.Ordered(v.Lines).Select(l => new LineDto(l.Key, l.Section, AgreementRules.SectionName(l.Section), l.Text, l.Checked, l.Order))],
        Approval(v.OwnerApprovedBy, v.OwnerApprovedById, v.OwnerApprovedAt), Approval(v.PrincipalApprovedBy, v.PrincipalApprovedById, v.PrincipalApprovedAt),
        v.UpdatedBy, v.UpdatedAt);
}
