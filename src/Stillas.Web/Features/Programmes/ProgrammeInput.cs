using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes;

/// <summary>What the owner administrator chooses to start a programme; shared by the page and the API.</summary>
public sealed class ProgrammeInput
{
    [Required(ErrorMessage = "Velg skole.")]
    public int? SchoolId { get; set; }

    [Required(ErrorMessage = "Velg veilederteam.")]
    public int? TeamId { get; set; }

    [Required(ErrorMessage = "Skriv inn startdato.")]
    public DateOnly? StartDate { get; set; }

    /// <summary>"tromso:1" for a built-in model, "model:7" for one of the owner's own.</summary>
    [Required(ErrorMessage = "Velg modell.")]
    public string? Model { get; set; }

    /// <summary>The accepted candidacy of a selection round the programme starts from (optional); the programme is linked to it.</summary>
    public int? CandidacyId { get; set; }

    /// <summary>A fingerprint of the choices, so that a confirmation saves exactly the plan that was previewed.</summary>
    public string Fingerprint() => string.Join('|', SchoolId, TeamId, StartDate?.ToString("O"), Model, CandidacyId);

    /// <summary>Why a candidacy cannot start a programme (Norwegian), or null when it can: accepted, a team assigned, no programme yet.</summary>
    public static async Task<string?> CandidacyProblemAsync(StillasDb db, int candidacyId, int? schoolId, CancellationToken ct)
    {
        var c = await db.SelectionCandidates.AsNoTracking().Where(x => x.Id == candidacyId)
            .Select(x => new { x.SchoolId, x.Decision, x.TeamId, School = x.School!.Name, x.SchoolYear }).SingleOrDefaultAsync(ct);
        if (c is null) return L.T("Fant ikke kandidaturen i utvalgsrunden.");
        if (c.Decision != Selection.CandidateDecision.Accepted || c.TeamId is null)
            return L.T("{0} kan få et veiledningsforløp fra utvalgsrunden {1} først når skolen har takket ja og et veilederteam er valgt.", c.School, c.SchoolYear);
        if (schoolId is int s && s != c.SchoolId) return L.T("Kandidaturen i utvalgsrunden gjelder {0}. Velg den skolen.", c.School);
        var existing = await db.Programmes.AsNoTracking().Where(p => p.CandidacyId == candidacyId).Select(p => (DateOnly?)p.StartDate).FirstOrDefaultAsync(ct);
        return existing is DateOnly since
            ? L.T("Det er allerede startet et veiledningsforløp for {0} fra utvalgsrunden {1} (start {2}). Et kandidatur kan bare gi ett forløp.", c.School, c.SchoolYear, NorwegianTime.Date(since))
            : null;
    }

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>
    /// Rules beyond single fields, and the plan when they hold. The caller has checked that the user may
    /// start programmes for the school's owner (<see cref="Permission.ManageProgrammes"/>).
    /// </summary>
    public async Task<ProgrammeDraft> DraftAsync(StillasDb db, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<(string Field, string Message)>();
        var school = SchoolId is int schoolId
            ? await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => new { s.Id, s.Name, s.OwnerId, s.Active }).SingleOrDefaultAsync(ct)
            : null;
        if (SchoolId is not null && (school is null || !school.Active || !scope.Can(Permission.ManageProgrammes, school.OwnerId)))
            errors.Add((nameof(SchoolId), L.T("Velg en aktiv skole som hører til din skoleeier.")));

        var team = TeamId is int teamId
            ? await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name, t.OwnerId, t.Active, t.CapacityPerSchoolYear }).SingleOrDefaultAsync(ct)
            : null;
        if (TeamId is not null && (team is null || !team.Active)) errors.Add((nameof(TeamId), L.T("Velg et aktivt veilederteam.")));
        else if (team is not null && school is not null && team.OwnerId != school.OwnerId)
            errors.Add((nameof(TeamId), L.T("Teamet hører til en annen skoleeier enn skolen.")));

        if (StartDate is DateOnly start && (start < Earliest || start > Latest))
            errors.Add((nameof(StartDate), L.T("Startdatoen må være mellom 2000 og 2099.")));

        ProgrammeTemplate? template = null;
        if (Model is not null && school is not null)
        {
            template = await ProgrammePlanning.ResolveAsync(db, Model, school.OwnerId, ct);
            if (template is null) errors.Add((nameof(Model), L.T("Velg en modell som finnes.")));
            else if (template.Problems() is { Count: > 0 } problems) errors.Add((nameof(Model), L.T("Modellen kan ikke brukes ennå: {0}", problems[0])));
        }

        if (CandidacyId is int candidacy && await CandidacyProblemAsync(db, candidacy, SchoolId, ct) is { } problem)
            errors.Add((nameof(CandidacyId), problem));

        if (school is not null && errors.Count == 0)
        {
            // One running programme per school at a time.
            var running = await db.Programmes.AsNoTracking()
                .Where(p => p.SchoolId == school.Id && (p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Paused))
                .Select(p => (DateOnly?)p.StartDate).FirstOrDefaultAsync(ct);
            if (running is DateOnly since)
                errors.Add((nameof(SchoolId), L.T("{0} har allerede et veiledningsforløp som pågår (startet {1}). Fullfør eller avbryt det først.", school.Name, NorwegianTime.Date(since))));
        }

        if (errors.Count > 0 || school is null || team is null || template is null || StartDate is not DateOnly startDate)
            return new ProgrammeDraft(errors);

        var holidays = await ProgrammePlanning.HolidaysAsync(db, school.OwnerId, ct);
        ProgressPlan plan;
        try
        {
            plan = ProgressPlanner.Plan(template, startDate, holidays.Ranges);
        }
        catch (InvalidOperationException)
        {
            return new ProgrammeDraft([(nameof(StartDate), L.T("Skoleferiene gir ingen skoledager å legge planen på. Sjekk skoleferiene."))]);
        }

        var warnings = new List<string>();
        CandidacyFacts? carried = null;
        if (CandidacyId is int from)
        {
            carried = await CandidacyFacts.LoadAsync(db, from, ct);
            if (carried is not null) plan = carried.ApplyTo(plan);
        }
        var missing = ProgrammePlanning.YearsWithoutHolidays(plan, holidays);
        if (missing.Count > 0)
            warnings.Add(L.T("Skoleeieren har ikke lagt inn skoleferier for {0}. For de årene holder planen seg bare unna helger og helligdager. Legg inn ferier under Skoleferier, og flytt steg som havner i en ferie.", Join(missing)));
        var schoolYear = Platform.Calendar.SchoolYear.Of(startDate).ToString();
        var teamLoad = await db.Programmes.AsNoTracking()
            .CountAsync(p => p.TeamId == team.Id && p.SchoolYear == schoolYear && p.Status != ProgrammeStatus.Cancelled, ct);
        if (teamLoad >= team.CapacityPerSchoolYear)
            warnings.Add(L.T("{0} har allerede {1} forløp som starter i skoleåret {2}, og kapasiteten er {3} skoler per skoleår.", team.Name, teamLoad, schoolYear, team.CapacityPerSchoolYear));

        return new ProgrammeDraft([])
        {
            OwnerId = school.OwnerId,
            SchoolName = school.Name,
            TeamName = team.Name,
            Template = template,
            Plan = plan,
            Warnings = warnings,
            FromCandidacy = carried,
        };
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : L.T("{0} og {1}", string.Join(", ", items.Take(items.Count - 1)), items[^1]);
}

/// <summary>A checked choice: the errors, or the plan it gives with warnings worth reading before confirming.</summary>
public sealed record ProgrammeDraft(List<(string Field, string Message)> Errors)
{
    public int OwnerId { get; init; }
    public string SchoolName { get; init; } = "";
    public string TeamName { get; init; } = "";
    public ProgrammeTemplate? Template { get; init; }
    public ProgressPlan? Plan { get; init; }
    public List<string> Warnings { get; init; } = [];
    /// <summary>What the selection round recorded and the programme takes over (first talk, agreement deadline), when it starts from a candidacy.</summary>
    public CandidacyFacts? FromCandidacy { get; init; }

    /// <summary>The programme as it starts: the Forfase steps; the rest of the plan comes with the approved agreement.</summary>
    public GuidanceProgramme ToProgramme(ProgrammeInput input)
    {
        var programme = ProgrammePlanning.CreateBeforeAgreement(OwnerId, input.SchoolId!.Value, input.TeamId!.Value, Template!, Plan!);
        programme.CandidacyId = input.CandidacyId;
        FromCandidacy?.ApplyTo(programme);
        return programme;
    }
}

/// <summary>
/// What a selection round recorded about a candidacy that its programme takes over (issue 20: typed once, in the
/// round): the first talk, held on its date and so done, with its notes; and the round's deadline for the
/// agreement as the date of the step "agreement signed". That step stays to do: it is done when both sides
/// approve the programme's own agreement, which also makes the dated plan (<see cref="ProgrammePlanning.CompletePlanAsync"/>).
/// The team is carried by the form (prefilled from the candidacy).
/// </summary>
public sealed record CandidacyFacts(int Id, string SchoolYear, DateOnly? FirstTalkDate, string? FirstTalkNotes, DateOnly? AgreementDeadline)
{
    /// <summary>A step's note holds at most this many characters (<see cref="PlanStep.Note"/>).</summary>
    public const int NoteMax = 2000;

    public static Task<CandidacyFacts?> LoadAsync(StillasDb db, int candidacyId, CancellationToken ct) =>
        db.SelectionCandidates.AsNoTracking().Where(c => c.Id == candidacyId)
            .Select(c => new CandidacyFacts(c.Id, c.SchoolYear, c.FirstTalkDate, c.FirstTalkNotes,
                db.SelectionRounds.Where(r => r.Id == c.RoundId).Select(r => (DateOnly?)r.AgreementDeadline).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);

    /// <summary>The plan with the first talk and the agreement on the round's dates (the preview shows what will be saved).</summary>
    public ProgressPlan ApplyTo(ProgressPlan plan) => plan with
    {
        Steps = [.. plan.Steps.Select(s => DateOf(s.Key) is DateOnly d ? s with { Date = d, EndDate = d } : s)],
    };

    /// <summary>Marks the first talk held (it was, in the round) and carries its notes.</summary>
    public void ApplyTo(GuidanceProgramme programme)
    {
        foreach (var step in programme.Steps)
        {
            if (DateOf(step.Key) is not DateOnly d) continue;
            step.Date = step.OriginalDate = d;
            step.EndDate = null;
            if (!IsFirstTalk(step.Key)) continue;
            step.Status = StepStatus.Done;
            var noon = d.ToDateTime(new TimeOnly(12, 0));
            step.DoneAt = new DateTimeOffset(noon, NorwegianTime.Oslo.GetUtcOffset(noon)).ToUniversalTime(); // PostgreSQL stores UTC only
            step.Note = Note();
        }
    }

    /// <summary>The round's notes from the first talk, cut to fit a step's note (the candidacy keeps them whole).</summary>
    public string? Note()
    {
        if (string.IsNullOrWhiteSpace(FirstTalkNotes)) return null;
        var notes = FirstTalkNotes.Trim();
        return notes.Length <= NoteMax ? notes : string.Concat(notes.AsSpan(0, NoteMax - 1), "…");
    }

    private DateOnly? DateOf(string key) =>
        IsFirstTalk(key) ? FirstTalkDate : key == ProgrammePlanning.AgreementStepKey ? AgreementDeadline : null;

    private static bool IsFirstTalk(string key) => key == FirstTalkKey;

    /// <summary>The first phase's step "first talk" of the Tromsø model.</summary>
    public const string FirstTalkKey = "forfase.firsttalk";
}
