using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Surveys;

/// <summary>
/// /api/v1/surveys and /api/v1/item-banks (issue 21, part 15): surveys with their status and counts, invitations,
/// results as aggregates with the minimum group size applied (never one person's answers), and the owner's item banks.
/// </summary>
public static class SurveysApi
{
    public sealed record SurveyDto(int Id, int OwnerId, int? SchoolId, int? AnalysisId, SurveyKind Kind, string Title, SurveyStatus Status, DateOnly? OpensOn, DateOnly? ClosesOn,
        string BankName, int BankVersionNumber, IReadOnlyList<string> Groups, bool ResultsPublished, int Responses, int Version);
    public sealed record ItemDto(int Id, string Block, string Code, string Text, string Scale, string Roles, bool Mandatory);
    public sealed record SurveyDetailsDto(SurveyDto Survey, IReadOnlyList<ItemDto> Items);
    public sealed record InvitationInput(List<string>? Emails, string? Group);
    public sealed record InvitedDto(int Invited);
    public sealed record CellDto(int Answered, double Mean, int[] Distribution);
    public sealed record ItemResultDto(int ItemId, string Code, string Block, CellDto? Total, IReadOnlyDictionary<string, CellDto?> Groups);
    public sealed record GapDto(int ItemId, string Code, double FirstMean, double SecondMean, double Gap);
    public sealed record AreaDto(string Block, double? Total, IReadOnlyDictionary<string, double?> Groups);
    public sealed record ResultsDto(int SurveyId, int MinimumGroupSize, int Respondents, bool Shown, string? Message, IReadOnlyDictionary<string, int?> GroupRespondents,
        IReadOnlyList<ItemResultDto> Items, IReadOnlyList<AreaDto> Areas, IReadOnlyList<GapDto> Gaps);
    public sealed record BankItemDto(string? Block, string? Code, string? Text, string? Scale, string? Roles, bool Mandatory);
    public sealed record BankDto(int? Id, int? OwnerId, string Name, SurveyKind Kind, string Author, string Licence, int LatestNumber, int? Version, IReadOnlyList<BankItemDto>? Items);
    public sealed record BankInputDto(int? OwnerId, int? Version, string? Name, SurveyKind? Kind, string? Author, string? Licence, bool ConfirmRights, List<BankItemDto>? Items);

    private static string NotSaved => L.T("Undersøkelsen kunne ikke lagres.");
    private static string BankNotSaved => L.T("Spørsmålsbanken kunne ikke lagres.");

    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var surveys = app.MapGroup("/api/v1/surveys").WithTags("Undersøkelser").RequireAuthorization();

        surveys.MapGet("/", async (StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var rows = await db.Set<Survey>().AsNoTracking().OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(500)
                .Select(s => new { Survey = s, Responses = db.Set<SurveyResponse>().Count(r => r.SurveyId == s.Id) }).ToListAsync(ct);
            return TypedResults.Ok(rows.Where(r => current.Scope.MaySeeSurveyStatus(r.Survey.OwnerId, r.Survey.SchoolId)).Select(r => ToDto(r.Survey, r.Responses)).ToList());
        }).WithName("ListSurveys");

        surveys.MapPost("/", async Task<Results<Created<SurveyDto>, ValidationProblem, ProblemHttpResult>> (SurveyInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            if (!current.Scope.MayStartSurveys()) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: NotSaved);
            var (errors, ownerId, schoolId) = await input.CheckAsync(db, current.Scope, ct);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            var (items, name, bankId, number, error) = await SurveyEngine.ResolveBankAsync(db, ownerId, input.Kind!.Value, input.Bank, ct);
            if (error is not null) return TypedResults.ValidationProblem(ApiSupport.Errors([(nameof(input.Bank), error)]), title: NotSaved);
            var survey = SurveyEngine.Create(db, ownerId, schoolId, input.Kind.Value, input.Title, items!, name, bankId, number, input.OpensOn, input.ClosesOn, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/surveys/{survey.Id}", ToDto(survey, 0));
        }).WithName("CreateSurvey");

        surveys.MapGet("/{id:int}", async Task<Results<Ok<SurveyDetailsDto>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (survey is null || !current.Scope.MaySeeSurveyStatus(survey.OwnerId, survey.SchoolId)) return ApiSupport.NotFoundProblem();
            var responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id, ct);
            return TypedResults.Ok(new SurveyDetailsDto(ToDto(survey, responses),
                [.. survey.Items.OrderBy(i => i.Order).Select(i => new ItemDto(i.Id, i.Block, i.Code, i.Text, ItemBanks.ScaleKey(i.Scale), i.Roles, i.Mandatory))]));
        }).WithName("GetSurvey");

        surveys.MapPost("/{id:int}/open", (int id, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(id, db, current, SurveyStatus.Draft, s => { SurveyEngine.Open(s, ProgrammePlanning.Today(clock)); return Task.CompletedTask; }, ct)).WithName("OpenSurvey");

        surveys.MapPost("/{id:int}/close", (int id, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
            ChangeAsync(id, db, current, SurveyStatus.Open, s => SurveyEngine.CloseAsync(db, s, clock.GetUtcNow(), ProgrammePlanning.Today(clock), ct), ct)).WithName("CloseSurvey");

        surveys.MapPost("/{id:int}/invitations", async Task<Results<Ok<InvitedDto>, ValidationProblem, ProblemHttpResult>> (int id, InvitationInput input, StillasDb db, CurrentScope current, Outbox outbox, TimeProvider clock, CancellationToken ct) =>
        {
            var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
            if (survey is null || !current.Scope.MaySeeSurveyStatus(survey.OwnerId, survey.SchoolId)) return ApiSupport.NotFoundProblem();
            if (!current.Scope.MayRunSurvey(survey.OwnerId, survey.SchoolId)) return ApiSupport.Forbidden();
            if (survey.Status != SurveyStatus.Open) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Åpne undersøkelsen før du sender lenker."));
            var emails = input.Emails ?? [];
            var errors = new List<(string, string)>();
            if (emails.Count is 0 or > 500) errors.Add(("emails", L.T("Send til mellom 1 og 500 adresser om gangen.")));
            if (emails.Any(e => !System.Net.Mail.MailAddress.TryCreate(e?.Trim(), out var a) || a.Address != e!.Trim())) errors.Add(("emails", L.T("En eller flere adresser er ikke gyldige.")));
            var group = survey.GroupKeys.Count == 1 ? survey.GroupKeys[0] : input.Group;
            if (group is null || !survey.GroupKeys.Contains(group)) errors.Add(("group", L.T("Velg hvilken gruppe de inviterte svarer for.")));
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: NotSaved);
            return TypedResults.Ok(new InvitedDto(await SurveyEngine.InviteAsync(db, outbox, survey, emails, group!, db.MailBaseUrl, clock.GetUtcNow(), ct)));
        }).WithName("InviteToSurvey");

        surveys.MapGet("/{id:int}/results", async Task<Results<Ok<ResultsDto>, ProblemHttpResult>> (int id, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            var survey = await db.Set<Survey>().AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (survey is null || !current.Scope.MaySeeSurveyStatus(survey.OwnerId, survey.SchoolId)) return ApiSupport.NotFoundProblem();
            if (!current.Scope.MaySeeSurveyResults(survey.OwnerId, survey.SchoolId, survey.ResultsPublished)) return ApiSupport.Forbidden();
            var r = await SurveyResults.BuildAsync(db, survey, await SurveyResults.MinimumGroupSizeAsync(db, survey.OwnerId, ct), ct);
            static CellDto? C(Cell? c) => c is null ? null : new CellDto(c.Answered, Math.Round(c.Mean, 2), c.Distribution);
            return TypedResults.Ok(new ResultsDto(survey.Id, r.MinimumGroupSize, r.Respondents, r.Shown, r.Shown ? null : SurveyResults.LockedMessage(r.MinimumGroupSize),
                r.GroupRespondents.ToDictionary(g => g.Key, g => r.Shown && !r.HiddenGroups.Contains(g.Key) ? g.Value : (int?)null),
                [.. r.Items.Select(i => new ItemResultDto(i.Item.Id, i.Item.Code, i.Item.Block, C(i.Total), i.Groups.ToDictionary(g => g.Key, g => C(g.Value))))],
                [.. r.Areas.Select(a => new AreaDto(a.Block, a.Total, a.Groups))],
                [.. r.Gaps.Select(g => new GapDto(g.Item.Id, g.Item.Code, Math.Round(g.First.Mean, 2), Math.Round(g.Second.Mean, 2), Math.Round(g.Gap, 2)))]));
        }).WithName("GetSurveyResults");

        var banks = app.MapGroup("/api/v1/item-banks").WithTags("Spørsmålsbanker").RequireAuthorization();

        banks.MapGet("/", async (StillasDb db, CancellationToken ct) =>
        {
            var own = await db.Set<ItemBank>().AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
            return TypedResults.Ok(ItemBanks.Defaults.Select(d => new BankDto(null, null, d.Name, d.Kind, DefaultBank.Author, DefaultBank.Licence, 1, null, null))
                .Concat(own.Select(b => new BankDto(b.Id, b.OwnerId, b.Name, b.Kind, b.Author, b.Licence, b.LatestNumber, b.Version, null))).ToList());
        }).WithName("ListItemBanks");

        banks.MapGet("/{id:int}", async Task<Results<Ok<BankDto>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            var bank = await db.Set<ItemBank>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
            if (bank is null) return ApiSupport.NotFoundProblem();
            var json = await db.Set<ItemBankVersion>().AsNoTracking().Where(v => v.BankId == id && v.Number == bank.LatestNumber).Select(v => v.ItemsJson).SingleAsync(ct);
            return TypedResults.Ok(ToDto(bank, ItemBanks.FromJson(json)));
        }).WithName("GetItemBank");

        banks.MapPost("/", async Task<Results<Created<BankDto>, ValidationProblem, ProblemHttpResult>> (BankInputDto input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ManageItemBanks)) return ApiSupport.Forbidden();
            var ownerId = input.OwnerId ?? (current.Scope.AdminOwnerIds.Length == 1 ? current.Scope.AdminOwnerIds[0] : null);
            if (ownerId is not int owner || !current.Scope.Can(Permission.ManageItemBanks, owner)) return ApiSupport.Forbidden();
            var (items, errors) = Read(input, isNew: true);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: BankNotSaved);
            var bank = new ItemBank { OwnerId = owner, Name = input.Name!.Trim(), Kind = input.Kind!.Value, Author = input.Author!.Trim(), Licence = input.Licence!.Trim(), RightsConfirmedBy = "" };
            await ItemBankStore.SaveAsync(db, bank, items, current.Scope.ActorName, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/item-banks/{bank.Id}", ToDto(bank, items));
        }).WithName("CreateItemBank");

        banks.MapPut("/{id:int}", async Task<Results<Ok<BankDto>, ValidationProblem, ProblemHttpResult>> (int id, BankInputDto input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            var bank = await db.Set<ItemBank>().SingleOrDefaultAsync(b => b.Id == id, ct);
            if (bank is null) return ApiSupport.NotFoundProblem();
            if (!current.Scope.Can(Permission.ManageItemBanks, bank.OwnerId)) return ApiSupport.Forbidden();
            var (items, errors) = Read(input with { Kind = bank.Kind }, isNew: false);
            if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: BankNotSaved);
            db.Expect(bank, input.Version);
            bank.Name = input.Name!.Trim();
            bank.Author = input.Author!.Trim();
            bank.Licence = input.Licence!.Trim();
            await ItemBankStore.SaveAsync(db, bank, items, current.Scope.ActorName, clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(ToDto(bank, items));
        }).WithName("UpdateItemBank");

        return app;
    }

    private static (List<BankItem> Items, List<(string Field, string Message)> Errors) Read(BankInputDto input, bool isNew)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > ItemBank.NameMax) errors.Add(("name", L.T("Skriv inn et navn på banken.")));
        if (string.IsNullOrWhiteSpace(input.Author) || input.Author.Length > 200) errors.Add(("author", L.T("Skriv inn hvem som har skrevet påstandene.")));
        if (string.IsNullOrWhiteSpace(input.Licence) || input.Licence.Length > 200) errors.Add(("licence", L.T("Skriv inn lisensen tekstene brukes under.")));
        if (input.Kind is not (SurveyKind.SelfAssessment or SurveyKind.Staff or SurveyKind.OwnerGroups) && isNew) errors.Add(("kind", L.T("Velg type undersøkelse.")));
        if (!input.ConfirmRights) errors.Add(("confirmRights", L.T("Bekreft at skoleeieren har rett til å bruke tekstene.")));
        var items = new List<BankItem>();
        foreach (var (dto, n) in (input.Items ?? []).Select((d, n) => (d, n + 1)))
        {
            if (ItemBanks.ParseScale(dto.Scale) is not ItemScale scale) { errors.Add(("items", L.T("Påstand {0}: ukjent skala «{1}». Bruk trafikklys, likert5, likert6 eller tekst.", n, dto.Scale))); continue; }
            items.Add(new BankItem(dto.Block?.Trim() ?? "", dto.Code?.Trim() ?? "", dto.Text?.Trim() ?? "", scale, string.Join(',', SurveyGroups.Split(dto.Roles?.ToLowerInvariant().Replace('|', ','))), dto.Mandatory));
        }
        if (items.Count > ItemBanks.MaxItems) errors.Add(("items", L.T("En bank kan ha høyst {0} påstander.", ItemBanks.MaxItems)));
        if (errors.Count == 0) errors.AddRange(ItemBanks.Check(items).Select(e => ("items", e)));
        return (items, errors);
    }

    private static async Task<Results<Ok<SurveyDto>, ProblemHttpResult>> ChangeAsync(int id, StillasDb db, CurrentScope current, SurveyStatus from, Func<Survey, Task> change, CancellationToken ct)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null || !current.Scope.MaySeeSurveyStatus(survey.OwnerId, survey.SchoolId)) return ApiSupport.NotFoundProblem();
        if (!current.Scope.MayRunSurvey(survey.OwnerId, survey.SchoolId)) return ApiSupport.Forbidden();
        if (survey.Status != from) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Undersøkelsen har ikke riktig status for dette."));
        await change(survey);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(survey, await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id, ct)));
    }

    private static SurveyDto ToDto(Survey s, int responses) =>
        new(s.Id, s.OwnerId, s.SchoolId, s.AnalysisId, s.Kind, s.Title, s.Status, s.OpensOn, s.ClosesOn, s.BankName, s.BankVersionNumber, s.GroupKeys, s.ResultsPublished, responses, s.Version);

    private static BankDto ToDto(ItemBank b, IReadOnlyList<BankItem> items) =>
        new(b.Id, b.OwnerId, b.Name, b.Kind, b.Author, b.Licence, b.LatestNumber, b.Version, [.. items.Select(i => new BankItemDto(i.Block, i.Code, i.Text, ItemBanks.ScaleKey(i.Scale), i.Roles, i.Mandatory))]);
}
