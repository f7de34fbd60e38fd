using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Evaluation;
using Stillas.Web.Features.Programmes.Objectives;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Sentrum skole's development-area objectives, rated at sessions 2 and 4 (one still gul, so the next agenda takes it
/// up), and Nordvik's yearly evaluation of process and model for the school year of Sentrum's Fase 4 evaluation
/// meeting. Dates follow the sessions' own dates. Skipped when the sessions are not there.
/// </summary>
public static class DemoObjectives
{
    public static async Task SeedAsync(StillasDb db, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.School!.Name == "Sentrum skole" && p.Steps.Any(s => s.Key == "fase4.session4"), ct);
        if (programme is null) return;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ProgrammeId == programme.Id && (s.Number == 2 || s.Number == 4))
            .Select(s => new { s.Id, s.Number, s.PlanStep!.Date }).ToDictionaryAsync(s => s.Number, ct);
        if (sessions.Count < 2) return;
        var names = await db.People.AsNoTracking().Where(p => p.Email == "veileder@nordvik.test" || p.Email == "rektor.sentrum@nordvik.test")
            .ToDictionaryAsync(p => p.Email, p => (p.Id, p.Name), ct);
        var guide = names.GetValueOrDefault("veileder@nordvik.test");
        var principal = names.GetValueOrDefault("rektor.sentrum@nordvik.test");

        DevelopmentObjective Objective(int order, string title, string? description) =>
            new DevelopmentObjective { ProgrammeId = programme.Id, Title = title, Description = description, Order = order, CreatedAt = At(sessions[2].Date) }.PlaceIn(programme);
        var strategies = Objective(1, "Alle lærere bruker lesestrategier i alle fag", "Før, under og etter lesing, slik fremtidsbildet beskriver det.");
        var daily = Objective(2, "Elevene leser minst 20 minutter hver dag", null);
        var staffMeetings = Objective(3, "Lesing er fast tema på personalmøtene", "SKUT leder arbeidet i personalet.");
        db.AddRange(strategies, daily, staffMeetings);
        await db.SaveChangesAsync(ct);

        ObjectiveRating Rating(DevelopmentObjective o, int session, ObjectiveColour colour, string comment, (int Id, string Name) by) =>
            new ObjectiveRating
            {
                ObjectiveId = o.Id, ProgrammeId = programme.Id, Colour = colour, Comment = comment, Occasion = RatingOccasion.Session,
                SessionId = sessions[session].Id, SessionNumber = session, RatedByPersonId = by.Id == 0 ? null : by.Id, RatedByName = by.Name ?? "Veilederteam 1",
                RatedAt = At(sessions[session].Date), CreatedAt = At(sessions[session].Date),
            }.PlaceIn(programme);
        db.AddRange(
            Rating(strategies, 2, ObjectiveColour.Red, "Få lærere har prøvd strategiene ennå; ledelsen vil modellere dem på neste personalmøte.", principal),
            Rating(daily, 2, ObjectiveColour.Yellow, "Lesekvarten er i gang på småtrinnet, ikke på mellomtrinnet.", principal),
            Rating(strategies, 4, ObjectiveColour.Yellow, "Omtrent halvparten av lærerne bruker strategiene. SKUT følger opp med kollegaobservasjon.", guide),
            Rating(daily, 4, ObjectiveColour.Green, "Lesekvarten er fast på alle trinn.", guide),
            Rating(staffMeetings, 4, ObjectiveColour.Green, "Lesing har stått på hvert personalmøte siden september.", guide));

        var meeting = await db.PlanSteps.AsNoTracking().Where(s => s.ProgrammeId == programme.Id && s.Key == "fase4.evaluationmeeting").Select(s => (DateOnly?)s.Date).FirstOrDefaultAsync(ct);
        if (meeting is { } date)
        {
            var year = SchoolYear.Of(date).ToString();
            if (!await db.Set<YearlyEvaluation>().AnyAsync(e => e.OwnerId == programme.OwnerId && e.SchoolYear == year, ct))
                db.Add(new YearlyEvaluation
                {
                    OwnerId = programme.OwnerId, SchoolYear = year, MeetingDate = date,
                    Participants = "Per Rektorsen (rektor, Sentrum skole)\nVeilederteam 1 og 2\nSeksjonsleder for skole\nForsker (PhD-kandidat)",
                    WhatWorks = "Strukturen i veiledningene og avtalen om mellomarbeid gir retning mellom møtene.",
                    ToChange = "Mer tid mellom veiledningene, så SKUT rekker en runde i personalet.",
                    Decisions = "Minst fire uker mellom veiledningene fra neste skoleår.",
                    RecordedByName = "Kari Nordmann", RecordedAt = At(date), CreatedAt = At(date),
                });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Two in the afternoon, Oslo time (13:00 UTC in winter is close enough for the demo).</summary>
    private static DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
}
