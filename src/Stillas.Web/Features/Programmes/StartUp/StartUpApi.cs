using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.StartUp;

/// <summary>What a save of the start-up meeting sends: the version it was based on, the texts, and the agenda points done.</summary>
public sealed class StartUpInput
{
    [Required(ErrorMessage = "Versjonen mangler. Last inn møtet på nytt.")]
    [Range(0, int.MaxValue, ErrorMessage = "Versjonen er ikke gyldig.")]
    public int? Version { get; set; }
    public DateOnly? Date { get; set; }
    /// <summary>The hour the meeting starts, tt:mm (empty: the day only).</summary>
    public string? StartTime { get; set; }
    [StringLength(200, ErrorMessage = "Stedet kan ha høyst {1} tegn.")]
    public string? Place { get; set; }
    [StringLength(20000, ErrorMessage = "Referatet kan ha høyst {1} tegn.")]
    public string? Minutes { get; set; }
    [StringLength(2000, ErrorMessage = "Utviklingsområdet kan ha høyst {1} tegn.")]
    public string? DevelopmentArea { get; set; }
    [StringLength(2000, ErrorMessage = "Teksten om dokumenter kan ha høyst {1} tegn.")]
    public string? DocumentsNote { get; set; }
    public DateOnly? AssessmentDaysFrom { get; set; }
    public DateOnly? AssessmentDaysTo { get; set; }
    [StringLength(2000, ErrorMessage = "Særlige hensyn kan ha høyst {1} tegn.")]
    public string? SpecialConsiderations { get; set; }
    /// <summary>The order numbers of the agenda points that are done.</summary>
    public List<int> Done { get; set; } = [];

    public List<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        if (!TryTime(StartTime, out _)) errors.Add((nameof(StartTime), L.T("Skriv klokkeslettet som tt:mm, for eksempel 09:00.")));
        if (AssessmentDaysTo is not null && AssessmentDaysFrom is null)
            errors.Add((nameof(AssessmentDaysFrom), L.T("Fyll inn første vurderingsdag.")));
        if (AssessmentDaysFrom is DateOnly from && AssessmentDaysTo is DateOnly to)
        {
            if (to < from) errors.Add((nameof(AssessmentDaysTo), L.T("Siste vurderingsdag kan ikke være før første vurderingsdag.")));
            else if (to.DayNumber - from.DayNumber > 13) errors.Add((nameof(AssessmentDaysTo), L.T("Vurderingsdagene kan ikke strekke seg over mer enn to uker.")));
        }
        return errors;
    }

    public static StartUpInput From(StartUpMeeting m) => new()
    {
        Version = m.Version, Date = m.Date, StartTime = m.StartTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Place = m.Place, Minutes = m.Minutes, DevelopmentArea = m.DevelopmentArea, DocumentsNote = m.DocumentsNote,
        AssessmentDaysFrom = m.AssessmentDaysFrom, AssessmentDaysTo = m.AssessmentDaysTo, SpecialConsiderations = m.SpecialConsiderations,
        Done = m.Items.Where(i => i.Done).Select(i => i.Order).ToList(),
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>An empty time is none; otherwise tt:mm (also t:mm and tt.mm, as people type it).</summary>
    private static bool TryTime(string? text, out TimeOnly? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)) return false;
        time = t;
        return true;
    }

    public void Apply(StartUpMeeting m)
    {
        m.Date = Date;
        m.StartTime = TryTime(StartTime, out var time) ? time : m.StartTime;
        m.Place = Clean(Place);
        m.Minutes = Clean(Minutes);
        m.DevelopmentArea = Clean(DevelopmentArea);
        m.DocumentsNote = Clean(DocumentsNote);
        m.AssessmentDaysFrom = AssessmentDaysFrom;
        m.AssessmentDaysTo = AssessmentDaysTo;
        m.SpecialConsiderations = Clean(SpecialConsiderations);
        foreach (var item in m.Items) item.Done = Done.Contains(item.Order);
    }
}

public static class StartUpApi
{
    public const string StartUpStepKey = "fase1.startup";

    public sealed record ItemDto(int Order, string Text, bool Done);
    /// <param name="StartTime">tt:mm, Europe/Oslo; null when only the day is agreed.</param>
    public sealed record MeetingDto(int ProgrammeId, bool Saved, int Version, DateOnly? Date, IReadOnlyList<ItemDto> Items, string? Minutes,
        string? DevelopmentArea, string? DocumentsNote, DateOnly? AssessmentDaysFrom, DateOnly? AssessmentDaysTo, string? SpecialConsiderations,
        string? StartTime = null, string? Place = null);

    /// <summary>
    /// The start-up area's API: the meeting (/api/v1/programmes/{id}/startup) and the documents the school
    /// sends before it (<see cref="DocumentsApi"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapStartUpApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Dokumenter").RequireAuthorization();

        group.MapGet("/programmes/{id:int}/startup", async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> (int id, StillasDb db, CancellationToken ct) =>
        {
            var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            if (programme is null) return ApiSupport.NotFoundProblem();
            var meeting = await LoadAsync(db, programme, ct);
            return TypedResults.Ok(ToDto(meeting));
        }).WithName("GetStartUpMeeting");

        group.MapPut("/programmes/{id:int}/startup", PutAsync).WithName("UpdateStartUpMeeting");

        return app.MapDocumentsApi();
    }

    /// <summary>The saved meeting (tracked), or a new one with the default agenda dated on the plan's start-up step.</summary>
    public static async Task<StartUpMeeting> LoadAsync(StillasDb db, GuidanceProgramme programme, CancellationToken ct)
    {
        var meeting = await db.StartUpMeetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.ProgrammeId == programme.Id, ct);
        if (meeting is not null)
        {
            meeting.Items = meeting.Items.OrderBy(i => i.Order).ToList();
            return meeting;
        }
        var date = await db.PlanSteps.Where(s => s.ProgrammeId == programme.Id && s.Key == StartUpStepKey).Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
        return StartUpMeeting.For(programme, date);
    }

    /// <summary>Saves the input over the meeting if nobody saved since <see cref="StartUpInput.Version"/>; otherwise returns the meeting as it is now.</summary>
    public static async Task<(StartUpMeeting Meeting, bool Conflict)> SaveAsync(StillasDb db, GuidanceProgramme programme, StartUpInput input, CancellationToken ct)
    {
        var meeting = await LoadAsync(db, programme, ct);
        var version = input.Version ?? 0;
        if (meeting.Id == 0 ? version != 0 : meeting.Version != version) return (meeting, true);
        input.Apply(meeting);
        if (meeting.Id == 0)
        {
            meeting.Version = 1;
            db.StartUpMeetings.Add(meeting);
        }
        else
        {
            // The database checks the version too, for a save that happens between our read and write.
            db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
            meeting.Version = version + 1;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return (meeting, false);
        }
        catch (DbUpdateException)
        {
            // A concurrent save won (a changed version, or a second first save hitting the unique programme index).
            db.ChangeTracker.Clear();
            return (await LoadAsync(db, programme, ct), true);
        }
    }

    public static MeetingDto ToDto(StartUpMeeting m) => new(m.ProgrammeId, m.Id != 0, m.Version, m.Date,
        m.Items.OrderBy(i => i.Order).Select(i => new ItemDto(i.Order, i.Text, i.Done)).ToList(),
        m.Minutes, m.DevelopmentArea, m.DocumentsNote, m.AssessmentDaysFrom, m.AssessmentDaysTo, m.SpecialConsiderations,
        m.StartTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), m.Place);

    public static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> PutAsync(int id, StartUpInput input, StillasDb db, CurrentScope current, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null) return ApiSupport.NotFoundProblem();
        if (!current.Scope.Can(Permission.RunProgramme, programme)) return ApiSupport.Forbidden();
        var title = L.T("Oppstartsmøtet kunne ikke lagres.");
        if (ApiSupport.Validate(input) is { } invalid) return TypedResults.ValidationProblem(invalid, title: title);
        var errors = input.Check();
        if (errors.Count > 0) return TypedResults.ValidationProblem(ApiSupport.Errors(errors), title: title);
        var (meeting, conflict) = await SaveAsync(db, programme, input, ct);
        if (conflict)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T("Noen andre har lagret oppstartsmøtet i mellomtiden."),
                detail: L.T("Den lagrede versjonen er {0}. Hent møtet på nytt og lagre endringene dine på nytt.", meeting.Version),
                extensions: new Dictionary<string, object?> { ["current"] = ToDto(meeting) });
        return TypedResults.Ok(ToDto(meeting));
    }
}
