using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Files;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>Where one round of the school's loop stands, without its text (what the owner's staff and the session's opening see).</summary>
public sealed record LoopState(int SessionId, int Round, DateOnly? SkutDate, bool SkutHeld, DateOnly? StaffDate, bool StaffHeld, bool Documented)
{
    /// <summary>"Runde 1: SKUT-møte 12.01.2027 ✓, personalmøte —, dokumentert —".</summary>
    public string Text => L.T("Runde {0}: SKUT-møte {1}, personalmøte {2}, dokumentert {3}", Round, Mark(SkutDate, SkutHeld), Mark(StaffDate, StaffHeld), Documented ? "✓" : "—");

    private static string Mark(DateOnly? date, bool done) => date is not { } d ? (done ? "✓" : "—") : done ? $"{NorwegianTime.Date(d)} ✓" : L.T("{0} (planlagt)", NorwegianTime.Date(d));
}

/// <summary>The school's process loop between two sessions (<see cref="SchoolLoopRound"/>): reading, checking and saving its rounds.</summary>
public static class SchoolLoopService
{
    public static Task<List<SchoolLoopRound>> RoundsAsync(StillasDb db, int sessionId, CancellationToken ct) =>
        db.Set<SchoolLoopRound>().AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.LoopRound).ToListAsync(ct);

    /// <summary>The rounds' states of several sessions' interim work, in one statement and without their text.</summary>
    public static async Task<Dictionary<int, List<LoopState>>> StatesAsync(StillasDb db, IReadOnlyCollection<int> sessionIds, CancellationToken ct)
    {
        var ids = sessionIds.ToArray();
        var rows = await db.Set<SchoolLoopRound>().AsNoTracking().Where(r => ids.Contains(r.SessionId)).OrderBy(r => r.SessionId).ThenBy(r => r.LoopRound)
            .Select(r => new LoopState(r.SessionId, r.LoopRound, r.SkutDate, r.SkutDecisions != null, r.StaffDate, r.StaffWork != null, r.Documentation != null || r.StoragePath != null))
            .ToListAsync(ct);
        return ids.Distinct().ToDictionary(id => id, id => rows.Where(r => r.SessionId == id).ToList());
    }

    public static LoopState StateOf(SchoolLoopRound r) => new(r.SessionId, r.LoopRound, r.SkutDate, r.SkutHeld, r.StaffDate, r.StaffHeld, r.Documented);

    /// <summary>Whether the person is a SKUT member at the school (the scope's roles do not say at which school).</summary>
    public static Task<bool> IsSkutMemberAsync(StillasDb db, AccessScope scope, int schoolId, CancellationToken ct) =>
        scope.PersonId is not int me || !scope.SchoolIds.Contains(schoolId) || !scope.Roles.Contains(Role.SkutMember) ? Task.FromResult(false)
            : db.Memberships.AsNoTracking().AnyAsync(m => m.PersonId == me && m.SchoolId == schoolId && m.Role == Role.SkutMember, ct);

    /// <summary>
    /// The agenda a new round starts from: the interim work's points, what SKUT decided in the round before, and the
    /// questions that carry it into the staff meeting. The leadership edits it before it is saved.
    /// </summary>
    public static string DefaultAgenda(int sessionNumber, InterimWorkAgreement? agreement, SchoolLoopRound? previous)
    {
        var b = new StringBuilder();
        if (agreement is not null)
        {
            b.AppendLine(L.T("Mellomarbeid etter veiledning {0}:", sessionNumber));
            for (var i = 0; i < agreement.Points.Count; i++) b.AppendLine($"{i + 1}. {agreement.Points[i]}");
            b.AppendLine();
        }
        if (previous?.SkutDecisions is { } decided)
        {
            b.AppendLine(L.T("Fra forrige runde (runde {0}):", previous.LoopRound));
            b.AppendLine(decided);
            b.AppendLine();
        }
        b.Append(L.T("Hvordan tar vi dette videre i personalet, og hvordan dokumenterer vi det?"));
        return b.ToString();
    }

    public sealed class LoopInput
    {
        /// <summary>The round the form edits (null: a new round).</summary>
        public int? RoundId { get; set; }
        /// <summary>The round's version the form read (0 for a new round).</summary>
        public int? Version { get; set; }
        public string? Agenda { get; set; }
        public DateOnly? SkutDate { get; set; }
        public string? SkutParticipants { get; set; }
        public string? SkutDecisions { get; set; }
        public DateOnly? StaffDate { get; set; }
        public string? StaffWork { get; set; }
        public string? Documentation { get; set; }
        public bool RemoveFile { get; set; }
    }

    /// <summary>The input's faults, in the order of the form; <paramref name="hasFile"/>: the round keeps or gets a file.</summary>
    public static List<(string Field, string Message)> Check(LoopInput i, bool hasFile)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(i.Agenda)) errors.Add((nameof(i.Agenda), L.T("Skriv dagsordenen for SKUT-møtet.")));
        if (!string.IsNullOrWhiteSpace(i.SkutDecisions) && i.SkutDate is null) errors.Add((nameof(i.SkutDate), L.T("Skriv datoen for SKUT-møtet.")));
        if (!string.IsNullOrWhiteSpace(i.StaffWork))
        {
            if (i.StaffDate is null) errors.Add((nameof(i.StaffDate), L.T("Skriv datoen for personalmøtet.")));
            if (string.IsNullOrWhiteSpace(i.SkutDecisions)) errors.Add((nameof(i.SkutDecisions), L.T("Skriv hva SKUT bestemte før dere fører inn personalmøtet.")));
        }
        if (i.SkutDate is { } skut && i.StaffDate is { } staff && staff < skut)
            errors.Add((nameof(i.StaffDate), L.T("Personalmøtet kan ikke være før SKUT-møtet ({0}).", NorwegianTime.Date(skut))));
        if ((!string.IsNullOrWhiteSpace(i.Documentation) || hasFile) && string.IsNullOrWhiteSpace(i.StaffWork))
            errors.Add((nameof(i.StaffWork), L.T("Skriv hva personalet gjorde før dere dokumenterer runden.")));
        foreach (var (f, v) in new[] { (nameof(i.Agenda), i.Agenda), (nameof(i.SkutParticipants), i.SkutParticipants), (nameof(i.SkutDecisions), i.SkutDecisions),
                     (nameof(i.StaffWork), i.StaffWork), (nameof(i.Documentation), i.Documentation) })
            if (v?.Length > SchoolLoopRound.TextMax) errors.Add((f, L.T("Teksten kan ha høyst {0} tegn.", SchoolLoopRound.TextMax)));
        // In the order of the form, so the error summary reads top to bottom.
        string[] order = [nameof(i.Agenda), nameof(i.SkutDate), nameof(i.SkutParticipants), nameof(i.SkutDecisions), nameof(i.StaffDate), nameof(i.StaffWork), nameof(i.Documentation)];
        return [.. errors.OrderBy(e => Array.IndexOf(order, e.Item1))];
    }

    /// <summary>
    /// Saves a round (a new one gets the next number) with an uploaded file when given. Returns the round, or the
    /// field and message when the file is refused or the round limit is reached. A stale version throws
    /// <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static async Task<(SchoolLoopRound? Round, string? Field, string? Error)> SaveAsync(StillasDb db, FileStore store, GuidanceSession session, AccessScope scope,
        LoopInput i, IFormFile? file, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        SchoolLoopRound round;
        if (i.RoundId is int id and > 0)
        {
            var found = await db.Set<SchoolLoopRound>().SingleOrDefaultAsync(r => r.Id == id && r.SessionId == session.Id, ct);
            if (found is null) return (null, nameof(i.Agenda), L.T("Runden finnes ikke lenger. Last siden på nytt."));
            round = found;
            db.Expect(round, i.Version);
        }
        else
        {
            var last = await db.Set<SchoolLoopRound>().Where(r => r.SessionId == session.Id).MaxAsync(r => (int?)r.LoopRound, ct) ?? 0;
            if (last >= SchoolLoopRound.MaxRounds) return (null, nameof(i.Agenda), L.T("Det kan være høyst {0} runder før neste veiledning.", SchoolLoopRound.MaxRounds));
            round = new SchoolLoopRound { SessionId = session.Id, ProgrammeId = session.ProgrammeId, LoopRound = last + 1, CreatedAt = now, Version = 1 }.PlaceIn(session);
            db.Add(round);
        }
        string? oldPath = null;
        StoredContent? stored = null;
        if (file is { Length: > 0 })
        {
            await using var stream = file.OpenReadStream();
            var result = await store.SaveAsync(stream, file.FileName, session.OwnerId, ct);
            if (result.Content is not { } c) return (null, "File", result.Error);
            stored = c;
            oldPath = round.StoragePath;
            (round.FileName, round.ContentType, round.Size, round.Sha256, round.StoragePath) = (c.FileName, c.ContentType, c.Size, c.Sha256, c.StoragePath);
        }
        else if (i.RemoveFile && round.StoragePath is not null)
        {
            oldPath = round.StoragePath;
            (round.FileName, round.ContentType, round.Size, round.Sha256, round.StoragePath) = (null, null, null, null, null);
        }
        round.SkutAgenda = i.Agenda!.Trim();
        round.SkutDate = i.SkutDate;
        round.SkutParticipants = SessionService.Clean(i.SkutParticipants);
        round.SkutDecisions = SessionService.Clean(i.SkutDecisions);
        round.StaffDate = i.StaffDate;
        round.StaffWork = SessionService.Clean(i.StaffWork);
        round.Documentation = SessionService.Clean(i.Documentation);
        round.UpdatedAt = now;
        round.UpdatedByName = SessionService.Trunc(scope.ActorName, 200);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The row was not saved: the new bytes must not stay behind without it.
            if (stored is not null) store.Delete(stored.StoragePath);
            throw;
        }
        if (oldPath is not null) store.Delete(oldPath);
        return (round, null, null);
    }
}
