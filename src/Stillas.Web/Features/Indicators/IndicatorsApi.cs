using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Indicators;

/// <summary>/api/v1/indicators, /api/v1/schools/{id}/indicators and /api/v1/indicator-imports: the catalogue, a school's values with status, imports.</summary>
public static class IndicatorsApi
{
    public sealed record IndicatorDto(int Id, string Code, string Name, IndicatorArea Area, string AreaName, ExportKind Kind, string Unit, string ScaleExplanation, string Interpretation, bool HigherIsBetter, string Source, string Credit);
    public sealed record ValueDto(string Indicator, IndicatorLevel Level, string OrganisationNumber, string UnitName, string SchoolYear, int? Grade, string Gender,
        ValueStatus Status, decimal? Value, int? Numerator, int? Denominator, bool SeriesBreak, string? SeriesBreakNote);
    public sealed record SchoolIndicatorsDto(int SchoolId, string SchoolName, int OwnerId, string Credit, IReadOnlyList<ValueDto> Values);
    public sealed record ImportDto(int Id, int OwnerId, ExportKind Kind, string FileName, DateTimeOffset ImportedAt, string ImportedBy, int Values, int Suppressed, int Missing, string SchoolYears);
    public sealed record LineErrorDto(int Line, string Column, string Message);
    public sealed record UnknownDto(string OrganisationNumber, string Name, int FirstLine, int Lines);
    public sealed record PreviewDto(bool Imported, int? ImportId, int Lines, int Values, int Suppressed, int Missing, int Absent, IReadOnlyList<string> SchoolYears,
        IReadOnlyList<string> Replaces, bool SameFileImportedBefore, IReadOnlyList<LineErrorDto> Errors, int ErrorCount, IReadOnlyList<UnknownDto> UnknownOrganisationNumbers);

    /// <summary>A CSV sent as text. With <c>confirm</c> false the answer is the preview; with true the file is imported when it has no errors.</summary>
    public sealed class ImportInput
    {
        [Range(1, int.MaxValue, ErrorMessage = "Velg skoleeier.")] public int OwnerId { get; set; }
        [Required(ErrorMessage = "Velg hvilken eksport filen er.")] public ExportKind? Kind { get; set; }
        [StringLength(200)] public string? FileName { get; set; }
        [Required(ErrorMessage = "Filen er tom."), StringLength(4_000_000)] public string? Csv { get; set; }
        public bool Confirm { get; set; }
        public Dictionary<IndicatorColumn, string?>? Columns { get; set; }
    }

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/api/v1").WithTags("Indikatorer").RequireAuthorization();

        indicators.MapGet("/indicators", async (StillasDb db, CancellationToken ct) =>
        {
            var rows = await db.Set<Indicator>().AsNoTracking().OrderBy(i => i.Area).ThenBy(i => i.Order).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(i => new IndicatorDto(i.Id, i.Code, L.Data(i.Name), i.Area, Indicator.AreaName(i.Area), i.Kind, L.Data(i.Unit),
                L.Data(i.ScaleExplanation), L.Data(i.Interpretation), i.HigherIsBetter, Indicator.Source, L.T(Indicator.Credit))).ToList());
        }).WithName("ListIndicators");

        indicators.MapGet("/schools/{id:int}/indicators", async Task<Results<Ok<SchoolIndicatorsDto>, ProblemHttpResult>> (int id, int? schoolYear, StillasDb db, CancellationToken ct) =>
        {
            var school = await db.Schools.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Name, s.OwnerId }).SingleOrDefaultAsync(ct);
            if (school is null) return ApiSupport.NotFoundProblem();
            var query = db.Set<IndicatorValue>().AsNoTracking().Where(v => v.Current && v.Level == IndicatorLevel.School && v.SchoolId == id);
            if (schoolYear is int y) query = query.Where(v => v.SchoolYear == y);
            var values = await query.OrderBy(v => v.IndicatorId).ThenBy(v => v.SchoolYear).ThenBy(v => v.Grade).ThenBy(v => v.Gender).Take(20_000)
                .Select(v => new { Code = v.Indicator!.Code, v.Level, v.OrganisationNumber, v.UnitName, v.SchoolYear, v.Grade, v.Gender, v.Status, v.Value, v.Numerator, v.Denominator, v.SeriesBreak, v.SeriesBreakNote })
                .ToListAsync(ct);
            return TypedResults.Ok(new SchoolIndicatorsDto(school.Id, school.Name, school.OwnerId, L.T(Indicator.Credit), values.Select(v => new ValueDto(v.Code, v.Level, v.OrganisationNumber, v.UnitName,
                IndicatorImporter.YearText(v.SchoolYear), v.Grade, v.Gender, v.Status, v.Status == ValueStatus.Value ? v.Value : null, v.Numerator, v.Denominator, v.SeriesBreak, v.SeriesBreakNote)).ToList()));
        }).WithName("ListSchoolIndicators");

        indicators.MapGet("/indicator-imports", async Task<Results<Ok<List<ImportDto>>, ProblemHttpResult>> (int? ownerId, StillasDb db, CurrentScope current, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ImportSchools)) return ApiSupport.Forbidden();
            var scope = current.Scope;
            var admin = scope.AdminOwnerIds;
            var query = db.Set<IndicatorImport>().AsNoTracking().Where(i => scope.IsSystem || admin.Contains(i.OwnerId));
            if (ownerId is int o) query = query.Where(i => i.OwnerId == o);
            var rows = await query.OrderByDescending(i => i.Id).Take(200).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(i => new ImportDto(i.Id, i.OwnerId, i.Kind, i.FileName, i.ImportedAt, i.ImportedByName, i.ValueCount, i.SuppressedCount, i.MissingCount,
                IndicatorImporter.YearsText(i.SchoolYears.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)))).ToList());
        }).WithName("ListIndicatorImports");

        indicators.MapPost("/indicator-imports", async Task<Results<Ok<PreviewDto>, Created<PreviewDto>, ValidationProblem, ProblemHttpResult>> (ImportInput input, StillasDb db, CurrentScope current, TimeProvider clock, CancellationToken ct) =>
        {
            if (!current.Scope.Can(Permission.ImportSchools)) return ApiSupport.Forbidden();
            if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: IndicatorImporter.NotImportedTitle);
            if (!current.Scope.Can(Permission.ImportSchools, input.OwnerId)) return ApiSupport.Forbidden();
            if (!await db.Owners.AnyAsync(o => o.Id == input.OwnerId, ct)) return ApiSupport.NotFoundProblem();
            var kind = input.Kind!.Value;
            if (!Enum.IsDefined(kind)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [L.T("Velg hvilken eksport filen er.")] }, title: IndicatorImporter.NotImportedTitle);
            var bytes = Encoding.UTF8.GetBytes(input.Csv!);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var mapping = input.Columns is { Count: > 0 } given ? Enum.GetValues<IndicatorColumn>().ToDictionary(c => c, c => given.GetValueOrDefault(c))
                : IndicatorImporter.MappingOf(await db.Set<IndicatorColumnMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.OwnerId == input.OwnerId && m.Kind == kind, ct));
            var preview = await IndicatorImporter.PreviewAsync(db, input.OwnerId, kind, input.Csv!, hash, mapping, ct);
            if (preview.Parsed.FileErrors.Count > 0)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["csv"] = [.. preview.Parsed.FileErrors] }, title: IndicatorImporter.NotImportedTitle);
            if (!input.Confirm) return TypedResults.Ok(Dto(preview, null));
            if (!preview.CanImport)
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: IndicatorImporter.NotImportedTitle,
                    detail: L.T("Filen har {0} linjer med feil og {1} ukjente organisasjonsnumre. Ingenting er importert.", preview.Parsed.Errors.Count, preview.Unknown.Count),
                    extensions: new Dictionary<string, object?> { ["preview"] = Dto(preview, null) });
            if (preview.SameFile is { } same) return TypedResults.Ok(Dto(preview, same.Id));
            var import = await IndicatorImporter.ApplyAsync(db, current.Scope, input.OwnerId, kind, FileNameOf(input.FileName), null, preview, clock, ct);
            return TypedResults.Created($"/api/v1/indicator-imports/{import!.Id}", Dto(preview, import.Id, imported: true));
        }).WithName("ImportIndicators").Accepts<ImportInput>("application/json").ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static string FileNameOf(string? name) => Platform.Files.FileStore.SanitiseName(name) ?? "api.csv";

    private static PreviewDto Dto(ImportPreview p, int? importId, bool imported = false) => new(imported, importId, p.Parsed.Lines, p.Count(ValueStatus.Value), p.Count(ValueStatus.Suppressed),
        p.Count(ValueStatus.Missing), p.Parsed.Absent, p.Years.Select(IndicatorImporter.YearText).ToList(), p.Replaces.Select(IndicatorImporter.YearText).ToList(), p.SameFile is not null,
        p.Parsed.Errors.Take(500).Select(e => new LineErrorDto(e.Line, e.Column, e.Message)).ToList(), p.Parsed.Errors.Count,
        p.Unknown.Select(u => new UnknownDto(u.OrganisationNumber, u.Name, u.FirstLine, u.Lines)).ToList());
}
