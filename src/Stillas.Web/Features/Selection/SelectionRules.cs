using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.People;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Web;

using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Selection;

/// <summary>
/// The rules of a selection round: school years and the agreement deadline, a team's capacity in a
/// school year, conflicts of interest in a team, a school's offer history and the schools whose turn
/// it is. Warnings never block a save: the owner decides, the system makes sure it is an informed choice.
/// </summary>
public static partial class SelectionRules
{
    /// <summary>A school with no offer in this many school years is suggested (seed 000 § 1.2: in time every school gets an offer).</summary>
    public const int SuggestAfterYears = 4;

    [GeneratedRegex(@"^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$")]
    private static partial Regex SchoolYearPattern();

    /// <summary>
    /// Reads "2027/28" (also "2027/2028" or "2027-28"); returns an error in Norwegian, or null with
    /// <paramref name="normalised"/> as "2027/28" and <paramref name="firstYear"/> 2027.
    /// </summary>
    public static string? ParseSchoolYear(string? text, out string normalised, out int firstYear)
    {
        normalised = "";
        firstYear = 0;
        var match = SchoolYearPattern().Match(text?.Trim() ?? "");
        if (!match.Success) return L.T("Skriv skoleåret som for eksempel 2027/28.");
        var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (first is < 2000 or > 2098) return L.T("Skoleåret må være mellom 2000/01 og 2098/99.");
        var expected = match.Groups[2].Value.Length == 2 ? (first + 1) % 100 : first + 1;
        if (second != expected) return L.T("Et skoleår går over to år som følger etter hverandre, for eksempel {0}.", Format(first));
        firstYear = first;
        normalised = Format(first);
        return null;
    }

    public static string Format(int firstYear) => string.Create(CultureInfo.InvariantCulture, $"{firstYear}/{(firstYear + 1) % 100:00}");

    /// <summary>The first calendar year of a stored school year ("2027/28" → 2027).</summary>
    public static int FirstYear(string schoolYear) => int.Parse(schoolYear.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>
    /// seed 000 § 2.1 and § 3: first talks in January, agreements "senest i løpet av februar det året
    /// samarbeidet skal starte" – the spring before the school year, so 2027/28 → 28.02.2027.
    /// </summary>
    public static DateOnly DefaultDeadline(int firstYear) => new(firstYear, 2, DateTime.DaysInMonth(firstYear, 2));

    /// <summary>The school year a round opened today would be for: the one that starts next August.</summary>
    public static int NextFirstYear(DateOnly today) => today.Month >= 8 ? today.Year + 1 : today.Year;

    /// <summary>A deadline must lie in the year before the school year starts (1 August).</summary>
    public static string? CheckDeadline(DateOnly deadline, int firstYear)
    {
        var start = new DateOnly(firstYear, 8, 1);
        if (deadline >= start) return L.T("Fristen for avtaler må være før skoleåret starter ({0}).", NorwegianTime.Date(start));
        if (deadline < start.AddYears(-1)) return L.T("Fristen for avtaler kan ikke være mer enn ett år før skoleåret starter ({0}).", NorwegianTime.Date(start));
        return null;
    }

    // ---- Capacity (seed 000 § 1.3: each team gives leadership support to two or three schools a school year) ----

    public sealed record TeamLoad(int TeamId, string TeamName, int Capacity, int Used, bool Active)
    {
        public bool Full => Used >= Capacity;
        public string Text(string schoolYear) => Capacity == 1
            ? L.T("{0} har {1} av {2} skole i {3}.", TeamName, Used, Capacity, schoolYear)
            : L.T("{0} har {1} av {2} skoler i {3}.", TeamName, Used, Capacity, schoolYear);
    }

    /// <summary>
    /// Each of the owner's teams with the schools it has been offered to or accepted by in the school
    /// year (across all rounds of that year), not counting <paramref name="exceptSchoolId"/>.
    /// </summary>
    public static async Task<List<TeamLoad>> TeamLoadsAsync(StillasDb db, int ownerId, string schoolYear, int? exceptSchoolId, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.OwnerId == ownerId).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.CapacityPerSchoolYear, t.Active }).ToListAsync(ct);
        var taken = await db.SelectionCandidates.AsNoTracking()
            .Where(c => c.OwnerId == ownerId && c.SchoolYear == schoolYear && c.TeamId != null
                        && (c.Decision == CandidateDecision.Offered || c.Decision == CandidateDecision.Accepted))
            .Select(c => new { TeamId = c.TeamId!.Value, c.SchoolId })
            .ToListAsync(ct);
        // A school counted once per team even if it appears in two rounds of the same year.
        var used = taken.Where(t => t.SchoolId != exceptSchoolId).Distinct().GroupBy(t => t.TeamId).ToDictionary(g => g.Key, g => g.Count());
        return teams.Select(t => new TeamLoad(t.Id, t.Name, t.CapacityPerSchoolYear, used.GetValueOrDefault(t.Id), t.Active)).ToList();
    }

    public static string CapacityWarning(TeamLoad load, string schoolYear) =>
        load.Capacity == 1
            ? L.T("{0} har allerede {1} av {2} skole i {3}.", load.TeamName, load.Used, load.Capacity, schoolYear)
            : L.T("{0} har allerede {1} av {2} skoler i {3}.", load.TeamName, load.Used, load.Capacity, schoolYear);

    // ---- Conflict of interest (seed 000 § 1.3: guiding in one's own municipality and close colleagues) ----

    /// <param name="Key">The caller's key: a candidate id, or a team id when teams are compared for one school.</param>
    public sealed record Conflict(int Key, string PersonName, string TeamName, string SchoolName, Role Role, bool Active)
    {
        public string Text => new Teams.ConflictOfInterest.Conflict(Key, 0, PersonName, TeamName, 0, SchoolName, Role, Active, null).Text;
    }

    /// <summary>
    /// Members of each candidate's assigned team who lead the candidate's school, or led or worked at it in the last
    /// five years (<see cref="Teams.ConflictOfInterest.FindAsync"/>, the rule every place a team meets a school shares).
    /// </summary>
    public static async Task<List<Conflict>> ConflictsAsync(StillasDb db, IReadOnlyCollection<(int Key, int SchoolId, int TeamId)> pairs, DateOnly today, CancellationToken ct) =>
        [.. (await Teams.ConflictOfInterest.FindAsync(db, pairs, today, ct)).Select(c => new Conflict(c.Key, c.PersonName, c.TeamName, c.SchoolName, c.Role, c.Active))];

    // ---- Warnings for one candidacy ----

    public sealed record CandidateFacts(int CandidateId, int OwnerId, int SchoolId, string SchoolYear, DateOnly Deadline, RoundStatus RoundStatus,
        int? TeamId, CandidateDecision Decision, DateOnly? FirstTalkDate);

    /// <summary>Capacity, conflict and deadline warnings for candidacies of one school year, by candidate id.</summary>
    public static async Task<ILookup<int, string>> WarningsAsync(StillasDb db, IReadOnlyCollection<CandidateFacts> candidates, DateOnly today, CancellationToken ct)
    {
        var warnings = new List<(int, string)>();
        var withTeam = candidates.Where(c => c.TeamId is not null).ToList();
        foreach (var year in withTeam.GroupBy(c => (c.OwnerId, c.SchoolYear)))
        {
            var loads = await TeamLoadsAsync(db, year.Key.OwnerId, year.Key.SchoolYear, null, ct);
            foreach (var c in year)
            {
                var load = loads.FirstOrDefault(l => l.TeamId == c.TeamId);
                if (load is null) continue;
                // Count the others: this school's own place is not a reason to warn.
                var others = CandidateDecisionTakesPlace(c) ? load.Used - 1 : load.Used;
                if (others >= load.Capacity) warnings.Add((c.CandidateId, CapacityWarning(load with { Used = others }, c.SchoolYear)));
                if (!load.Active) warnings.Add((c.CandidateId, L.T("{0} er deaktivert.", load.TeamName)));
            }
        }
        var conflicts = await ConflictsAsync(db, withTeam.Select(c => (c.CandidateId, c.SchoolId, c.TeamId!.Value)).ToList(), today, ct);
        warnings.AddRange(conflicts.Select(c => (c.Key, L.T("Mulig inhabilitet: {0}", c.Text))));
        foreach (var c in candidates)
        {
            if (c.FirstTalkDate is DateOnly talk && talk > c.Deadline)
                warnings.Add((c.CandidateId, L.T("Første samtale ({0}) er etter fristen for avtaler ({1}).", NorwegianTime.Date(talk), NorwegianTime.Date(c.Deadline))));
            if (c.Decision == CandidateDecision.Pending && today > c.Deadline && c.RoundStatus == RoundStatus.Open)
                warnings.Add((c.CandidateId, L.T("Fristen for avtaler var {0}, og det er ikke registrert noen beslutning.", NorwegianTime.Date(c.Deadline))));
        }
        return warnings.ToLookup(w => w.Item1, w => w.Item2);
    }

    private static bool CandidateDecisionTakesPlace(CandidateFacts c) => SelectionCandidate.TakesCapacity(c.Decision);

    // ---- Offer history and whose turn it is ----

    public sealed record HistoryRow(int CandidateId, int RoundId, string SchoolYear, CandidateDecision Decision, string? TeamName, DateOnly? FirstTalkDate, DateTimeOffset? DecidedAt, string? DecisionNote);

    /// <summary>Every candidacy of a school the user may see, newest school year first.</summary>
    public static Task<List<HistoryRow>> OfferHistoryAsync(StillasDb db, int schoolId, CancellationToken ct) =>
        db.SelectionCandidates.AsNoTracking().Where(c => c.SchoolId == schoolId)
            .OrderByDescending(c => c.SchoolYear).ThenByDescending(c => c.Id)
            .Select(c => new HistoryRow(c.Id, c.RoundId, c.SchoolYear, c.Decision, c.Team != null ? c.Team.Name : null, c.FirstTalkDate, c.DecidedAt, c.DecisionNote))
            .ToListAsync(ct);

    public sealed record Suggestion(int SchoolId, string Name, string? LastOffered, CandidateDecision? LastDecision)
    {
        public string Text => LastOffered is null
            ? L.T("aldri fått tilbud")
            : L.T("sist tilbud {0} ({1})", LastOffered, SelectionCandidate.DecisionName(LastDecision!.Value).ToLower(CultureInfo.CurrentCulture));
    }

    /// <summary>
    /// Active schools of the owner, not in the round, that have not had a turn in the last
    /// <see cref="SuggestAfterYears"/> school years before the round's: never offered first, then the longest since.
    /// A school has had its turn when it was offered guidance, whether it accepted or declined; a
    /// postponed or undecided candidacy is not a turn.
    /// </summary>
    public static async Task<List<Suggestion>> SuggestionsAsync(StillasDb db, int ownerId, int roundId, string schoolYear, CancellationToken ct)
    {
        var firstYear = FirstYear(schoolYear);
        var inRound = db.SelectionCandidates.Where(c => c.RoundId == roundId).Select(c => c.SchoolId);
        var schools = await db.Schools.AsNoTracking().Where(s => s.OwnerId == ownerId && s.Active && !inRound.Contains(s.Id))
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var offered = await db.SelectionCandidates.AsNoTracking()
            .Where(c => c.OwnerId == ownerId && (c.Decision == CandidateDecision.Offered || c.Decision == CandidateDecision.Accepted || c.Decision == CandidateDecision.Declined))
            .Select(c => new { c.SchoolId, c.SchoolYear, c.Decision })
            .ToListAsync(ct);
        var last = offered.GroupBy(o => o.SchoolId).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.SchoolYear, StringComparer.Ordinal).First());
        return schools
            .Select(s => last.TryGetValue(s.Id, out var l) ? new Suggestion(s.Id, s.Name, l.SchoolYear, l.Decision) : new Suggestion(s.Id, s.Name, null, null))
            .Where(s => s.LastOffered is null || firstYear - FirstYear(s.LastOffered) >= SuggestAfterYears)
            .OrderBy(s => s.LastOffered is not null).ThenBy(s => s.LastOffered, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Create(CultureInfo.GetCultureInfo("nb-NO"), false))
            .ToList();
    }
}
