using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>An objective of the development area whose latest rating is gul or rød, for the next session's agenda.</summary>
public sealed record OpenObjective(string Title, string Rating, string? Comment);

/// <summary>
/// "Lag dagsorden": the next session's opening drafted from open work (seed 000 § 3.4, the opening: where are we
/// going, where are we, what is the next step): the interim-work points the school has not finished or not
/// described, the school's feedback and wished topic, the state of the school's own loop (<see cref="SchoolLoopRound"/>,
/// without its text) and the objectives rated gul or rød. The team edits the draft and saves it on the session.
/// </summary>
public static class SessionAgenda
{
    /// <summary>What the draft is made from: the previous session's sent agreement and submitted feedback, the loop's rounds, the open objectives.</summary>
    public sealed record Sources(SessionView Session, int? PreviousNumber, InterimWorkAgreement? Agreement, InterimWorkFeedback? Feedback,
        IReadOnlyList<LoopState> Loop, IReadOnlyList<OpenObjective> Objectives);

    public static async Task<Sources> SourcesAsync(StillasDb db, SessionView session, CancellationToken ct)
    {
        var objectives = await OpenObjectivesAsync(db, session.ProgrammeId, ct);
        var previous = await db.Sessions.AsNoTracking().Where(s => s.ProgrammeId == session.ProgrammeId && s.Number == session.Number - 1).Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (previous is not int prevId) return new(session, null, null, null, [], objectives);
        var agreement = await db.InterimWorkAgreements.AsNoTracking().Where(a => a.SessionId == prevId && a.Status != InterimWorkStatus.Draft)
            .OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);
        var feedback = await db.InterimWorkFeedback.AsNoTracking().Where(f => f.SessionId == prevId && f.SubmittedAt != null).SingleOrDefaultAsync(ct);
        var loop = (await SchoolLoopService.StatesAsync(db, [prevId], ct))[prevId];
        return new(session, session.Number - 1, agreement, feedback, loop, objectives);
    }

    /// <summary>The development area's objectives whose latest rating is gul or rød, with that rating's comment.</summary>
    public static async Task<IReadOnlyList<OpenObjective>> OpenObjectivesAsync(StillasDb db, int programmeId, CancellationToken ct) =>
        [.. (await Objectives.Objectives.OpenAsync(db, programmeId, ct))
            .Select(o => new OpenObjective(o.Title, Objectives.ObjectiveRating.ColourName(o.Colour), o.Comment))];

    // How a school says a point is not finished, in the three languages (its status is free text).
    private static readonly string[] NotFinished =
    [
        "ikke ferdig", "ikkje ferdig", "ikke gjennomført", "ikkje gjennomført", "ikke startet", "ikkje starta", "ikke begynt", "ikkje byrja",
        "delvis", "pågår", "gjenstår", "står igjen", "held fram", "fortsetter", "not finished", "not done", "not started", "partly", "in progress", "ongoing",
    ];

    /// <summary>Whether the school's status of a point leaves it open: not described, or described as not finished.</summary>
    public static bool IsOpen(string? status) =>
        string.IsNullOrWhiteSpace(status) || NotFinished.Any(w => status.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The draft in the current language, and whether anything was open.</summary>
    public static (string Text, bool AnythingOpen) Draft(Sources src, string school)
    {
        var s = src.Session;
        var b = new StringBuilder();
        b.AppendLine(L.T("Dagsorden for veiledning {0} – {1}, {2} kl. {3}", s.Number, school, NorwegianTime.Date(s.Date), NorwegianTime.Time(s.StartTime)));
        b.AppendLine();
        b.AppendLine(L.T("1. Åpning: struktur for møtet."));
        b.AppendLine(L.T("2. Hvor skal vi? Skolens ledelse presenterer det langsiktige målet."));
        var open = 0;
        var n = 3;

        var points = new List<string>();
        if (src.Agreement is { } a)
        {
            var submitted = src.Feedback;
            for (var i = 0; i < a.Points.Count; i++)
            {
                var status = submitted is not null && i < submitted.PointStatus.Count ? submitted.PointStatus[i] : null;
                if (!IsOpen(status)) continue;
                points.Add(string.IsNullOrWhiteSpace(status)
                    ? "   – " + L.T("{0}. {1} (ingen beskrivelse fra skolen)", i + 1, a.Points[i])
                    : "   – " + L.T("{0}. {1} (skolen: {2})", i + 1, a.Points[i], status.Trim()));
            }
        }
        if (points.Count > 0)
        {
            b.AppendLine(src.Feedback is null
                ? L.T("{0}. Hvor er vi? Mellomarbeid etter veiledning {1} – skolen har ikke sendt tilbakemelding:", n++, src.PreviousNumber ?? 0)
                : L.T("{0}. Hvor er vi? Åpne punkter fra mellomarbeidet etter veiledning {1}:", n++, src.PreviousNumber ?? 0));
            foreach (var p in points) b.AppendLine(p);
            open += points.Count;
        }

        var loopOpen = src.Loop.Where(r => !r.Documented).ToList();
        if (src.Agreement is not null && src.Loop.Count == 0)
        {
            b.AppendLine(L.T("{0}. Skolens prosesser: ingen runder i SKUT og personalet er ført inn.", n++));
            open++;
        }
        else if (loopOpen.Count > 0)
        {
            b.AppendLine(L.T("{0}. Skolens prosesser i SKUT og personalet:", n++));
            foreach (var r in loopOpen) b.AppendLine("   – " + r.Text);
            open += loopOpen.Count;
        }

        if (src.Objectives.Count > 0)
        {
            b.AppendLine(L.T("{0}. Mål vurdert gul eller rød:", n++));
            foreach (var o in src.Objectives)
                b.AppendLine(o.Comment is null ? $"   – {o.Title}: {o.Rating}" : $"   – {o.Title}: {o.Rating} – {o.Comment}");
            open += src.Objectives.Count;
        }

        if (open == 0) b.AppendLine(L.T("{0}. Hvor er vi? Ingen åpne punkter fra mellomarbeidet, skolens prosesser eller målene.", n++));
        // The school's wished topic when it has sent one, else the topic agreed at the last session.
        b.Append(src.Feedback?.WishedTopic is { } wished ? L.T("{0}. Hva blir neste skritt? Ønsket tema: {1}", n, wished)
            : src.Agreement?.NextTopic is { } agreed ? L.T("{0}. Hva blir neste skritt? Avtalt tema: {1}", n, agreed)
            : L.T("{0}. Hva blir neste skritt?", n));
        return (b.ToString(), open > 0);
    }
}
