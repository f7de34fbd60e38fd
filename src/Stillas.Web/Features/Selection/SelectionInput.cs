using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Selection;

/// <summary>What a user types to open or edit a selection round; shared by the pages and the API.</summary>
public sealed class RoundInput
{
    /// <summary>The version the form or API call was written on (concurrency check when given).</summary>
    public int? Version { get; set; }

    [Required(ErrorMessage = "Velg skoleeier.")]
    public int? OwnerId { get; set; }

    [Required(ErrorMessage = "Skriv inn skoleåret, for eksempel 2027/28.")]
    [StringLength(20, ErrorMessage = "Skriv skoleåret som for eksempel 2027/28.")]
    public string SchoolYear { get; set; } = "";

    [StringLength(200, ErrorMessage = "Tittelen kan ha høyst 200 tegn.")]
    public string? Title { get; set; }

    /// <summary>Empty: the last day of February before the school year.</summary>
    public DateOnly? AgreementDeadline { get; set; }

    /// <summary>Only when editing; a new round is open.</summary>
    public RoundStatus? Status { get; set; }

    public static RoundInput From(SelectionRound r) => new()
    {
        OwnerId = r.OwnerId, SchoolYear = r.SchoolYear, Title = r.Title, AgreementDeadline = r.AgreementDeadline, Status = r.Status, Version = r.Version,
    };

    /// <summary>Rules beyond single fields; returns (field, message) pairs.</summary>
    public List<(string Field, string Message)> Check(SelectionRound? existing)
    {
        var errors = new List<(string, string)>();
        if (existing is not null && OwnerId != existing.OwnerId)
            errors.Add((nameof(OwnerId), L.T("En utvalgsrunde kan ikke flyttes til en annen skoleeier.")));
        if (SelectionRules.ParseSchoolYear(SchoolYear, out _, out var firstYear) is string yearError)
            errors.Add((nameof(SchoolYear), yearError));
        else if (AgreementDeadline is DateOnly deadline && SelectionRules.CheckDeadline(deadline, firstYear) is string deadlineError)
            errors.Add((nameof(AgreementDeadline), deadlineError));
        if (Status is RoundStatus status && !Enum.IsDefined(status))
            errors.Add((nameof(Status), L.T("Velg status.")));
        return errors;
    }

    public static string DefaultTitle(string schoolYear) => $"Utvalg av skoler til veiledning {schoolYear}";

    /// <summary>Applies a checked input. Changing the school year moves the round's candidacies with it.</summary>
    public void Apply(SelectionRound r)
    {
        SelectionRules.ParseSchoolYear(SchoolYear, out var year, out var firstYear);
        if (r.Id == 0) r.OwnerId = OwnerId!.Value;
        var yearChanged = r.Id != 0 && r.SchoolYear != year;
        // A title left as the default follows the school year.
        var defaultTitle = string.IsNullOrWhiteSpace(Title) || (yearChanged && Title.Trim() == DefaultTitle(r.SchoolYear));
        r.SchoolYear = year;
        r.Title = defaultTitle ? DefaultTitle(year) : Title!.Trim();
        r.AgreementDeadline = AgreementDeadline ?? SelectionRules.DefaultDeadline(firstYear);
        if (Status is RoundStatus status) r.Status = status;
        if (yearChanged)
            foreach (var c in r.Candidates) c.SchoolYear = year;
    }
}

/// <summary>Why a school is a candidate (seed 000 § 1.2: from its quality report and needs).</summary>
public class ReasonInput
{
    [Required(ErrorMessage = "Skriv begrunnelsen for at skolen er aktuell.")]
    [StringLength(4000, ErrorMessage = "Begrunnelsen kan ha høyst 4000 tegn.")]
    public string Reason { get; set; } = "";

    [Required(ErrorMessage = "Velg hvor begrunnelsen kommer fra.")]
    public ReasonSource? ReasonSource { get; set; }

    public List<(string Field, string Message)> CheckSource()
    {
        var errors = new List<(string, string)>();
        if (ReasonSource is Selection.ReasonSource s && !Enum.IsDefined(s)) errors.Add((nameof(ReasonSource), L.T("Velg hvor begrunnelsen kommer fra.")));
        return errors;
    }
}

/// <summary>Adds a school to a round.</summary>
public sealed class NewCandidateInput : ReasonInput
{
    [Required(ErrorMessage = "Velg skole.")]
    public int? SchoolId { get; set; }

    /// <summary>The owner's active schools not already in the round.</summary>
    public static IQueryable<Schools.School> Schools(StillasDb db, SelectionRound round) =>
        db.Schools.AsNoTracking().Where(s => s.OwnerId == round.OwnerId && s.Active && !db.SelectionCandidates.Any(c => c.RoundId == round.Id && c.SchoolId == s.Id));

    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, SelectionRound round, CancellationToken ct)
    {
        var errors = CheckSource();
        if (round.Status == RoundStatus.Closed)
            errors.Add((nameof(SchoolId), L.T("Runden er avsluttet. Åpne den igjen for å legge til skoler.")));
        else if (SchoolId is int schoolId && !await Schools(db, round).AnyAsync(s => s.Id == schoolId, ct))
        {
            var already = await db.SelectionCandidates.AnyAsync(c => c.RoundId == round.Id && c.SchoolId == schoolId, ct);
            errors.Add((nameof(SchoolId), already ? L.T("Skolen er allerede med i runden.") : L.T("Velg en aktiv skole hos skoleeieren.")));
        }
        return errors;
    }

    public SelectionCandidate ToCandidate(SelectionRound round) => new()
    {
        RoundId = round.Id, OwnerId = round.OwnerId, SchoolYear = round.SchoolYear, SchoolId = SchoolId!.Value,
        Reason = Reason.Trim(), ReasonSource = ReasonSource!.Value,
    };
}

/// <summary>The follow-up of a candidacy: first talk, decision and the team that will guide.</summary>
public sealed class CandidateInput
{
    public DateOnly? FirstTalkDate { get; set; }

    [StringLength(4000, ErrorMessage = "Notatet kan ha høyst 4000 tegn.")]
    public string? FirstTalkNotes { get; set; }

    [Required(ErrorMessage = "Velg beslutning.")]
    public CandidateDecision? Decision { get; set; }

    [StringLength(2000, ErrorMessage = "Kommentaren til beslutningen kan ha høyst 2000 tegn.")]
    public string? DecisionNote { get; set; }

    public int? TeamId { get; set; }

    /// <summary>The version the user started from; a save over a newer version is refused.</summary>
    [Required(ErrorMessage = "Versjonen mangler. Last siden på nytt.")]
    public int? Version { get; set; }

    public static CandidateInput From(SelectionCandidate c) => new()
    {
        FirstTalkDate = c.FirstTalkDate, FirstTalkNotes = c.FirstTalkNotes, Decision = c.Decision, DecisionNote = c.DecisionNote,
        TeamId = c.TeamId, Version = c.Version,
    };

    /// <summary>Whether the input changes what only the owner's administrator may change (decision, its note, the team).</summary>
    public bool ChangesDecision(SelectionCandidate c) =>
        (Decision is CandidateDecision d && d != c.Decision)
        || TeamId != c.TeamId
        || Normalise(DecisionNote) != c.DecisionNote;

    public async Task<List<(string Field, string Message)>> CheckAsync(StillasDb db, SelectionCandidate c, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (Decision is CandidateDecision d && !Enum.IsDefined(d)) errors.Add((nameof(Decision), L.T("Velg beslutning.")));
        if (FirstTalkDate is DateOnly talk)
        {
            var firstYear = SelectionRules.FirstYear(c.SchoolYear);
            if (talk.Year < firstYear - 2 || talk.Year > firstYear + 1)
                errors.Add((nameof(FirstTalkDate), L.T("Datoen for første samtale passer ikke med skoleåret {0}.", c.SchoolYear)));
        }
        if (TeamId is int teamId && teamId != c.TeamId
            && !await db.Teams.AnyAsync(t => t.Id == teamId && t.OwnerId == c.OwnerId && t.Active, ct))
            errors.Add((nameof(TeamId), L.T("Velg et aktivt veilederteam hos skoleeieren.")));
        return errors;
    }

    /// <summary>Applies a checked input; a changed decision gets a new decision time.</summary>
    public void Apply(SelectionCandidate c, DateTimeOffset now)
    {
        c.FirstTalkDate = FirstTalkDate;
        c.FirstTalkNotes = Normalise(FirstTalkNotes);
        var decision = Decision!.Value;
        if (decision != c.Decision) c.DecidedAt = decision == CandidateDecision.Pending ? null : now;
        c.Decision = decision;
        c.DecisionNote = Normalise(DecisionNote);
        c.TeamId = TeamId;
        c.Version++;
    }

    public static string? Normalise(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ReplaceLineEndings("\n");
}

/// <summary>The owner administrator's correction of a candidacy's reason, from the version the user saw.</summary>
public sealed class CandidateReasonInput : ReasonInput
{
    [Required(ErrorMessage = "Versjonen mangler. Last siden på nytt.")]
    public int? Version { get; set; }
}
