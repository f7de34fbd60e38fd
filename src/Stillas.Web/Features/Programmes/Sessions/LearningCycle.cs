using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Sessions;

/// <summary>
/// One step of the expansive learning cycle with its prompt questions, written in bokmål (the catalog's
/// keys); <see cref="Title"/> and <see cref="Prompts"/> are what a person reads, in the current language.
/// </summary>
public sealed record CycleStep(int Number, string Name, IReadOnlyList<string> Questions)
{
    public string Title => L.T(Name);
    public IEnumerable<string> Prompts => Questions.Select(q => L.T(q));
}

/// <summary>
/// Ekspansiv læringssirkel (Aas 2013, after Engeström; seed 000 § 5.1, DOMAIN.md § 1): the tool of the
/// guidance part of a session. The team marks which step the school is in at each session.
/// </summary>
public static class LearningCycle
{
    public static readonly IReadOnlyList<CycleStep> Steps =
    [
        new(1, "Stille spørsmål", ["Hvorfor?", "Hva ønsker vi å endre?"]),
        new(2, "Analysere", ["Hvordan var skolen tidligere?", "Hva slags kompetanse har skolens lærere?", "Hvordan støtter foreldrene barnas opplæring?"]),
        new(3, "Modellere en ny modell", ["Hva opplever vi som viktigst å starte med?", "Hvilke ulike synspunkter og interesser finnes blant lærerne og mellom ledelsen og lærerne?",
            "Hvilke endringstiltak vil skape mye motstand hos lærerne?", "Hvilke suksesshistorier kan lages?"]),
        new(4, "Undersøke den nye modellen", ["Hvordan kan vi håndtere de spenningene som finnes?", "Er det verdt omkostningen å sette i verk endringer som møter mye motstand?",
            "Er kulturen på skolen moden for mer felles praksis?"]),
        new(5, "Implementere den nye modellen", ["Hvordan sikre gjennomføring av den nye modellen?", "Hvilke rutiner for oppfølging er nødvendige?",
            "Hvordan skape en god balanse mellom kontroll og positiv forventning?", "Hvordan kan vi feire suksessen underveis?"]),
        new(6, "Reflektere over prosessen", ["Har vi oppnådd det vi ville?", "Var målene realistiske?", "Hva har vi som skole lært?"]),
        new(7, "Konsolidere praksis", ["Hvordan viderefører vi det, og hva mer må vi lære?"]),
    ];

    public static CycleStep? Step(int? number) => number is >= 1 and <= 7 ? Steps[number.Value - 1] : null;

    public static string Name(int? number) => Step(number) is { } s ? $"{s.Number}. {s.Title}" : L.T("Ikke vurdert");
}

/// <summary>A planned time box of a session's run sheet (<see cref="Title"/> and <see cref="Description"/> are bokmål catalog keys; <see cref="Label"/> is what a person reads).</summary>
public sealed record TimeBox(string Title, SessionPart? Part, int Minutes, bool IsBreak, string Description)
{
    public string Label => L.T(Title);
}

/// <summary>
/// The run sheet of a 3-hour session (seed 000 § 3.4): opening, inquiry (theory, break, guidance),
/// break, closing and evaluation. The minutes are this platform's reading of "three hours with two
/// breaks of 10–15 minutes"; a session of another length scales them.
/// </summary>
public static class SessionPlan
{
    private static readonly TimeBox[] Standard =
    [
        new("Del 1: Åpningsfase", SessionPart.Opening, 30, false, "Struktur for møtet. Hvor skal vi? Hvor er vi? Hva blir neste skritt?"),
        new("Del 2: Undersøkelsesfase – teori", SessionPart.Inquiry, 30, false, "Veilederteamet presenterer teori som er relevant for skolen og valgt veiledningstema."),
        new("Pause", null, 15, true, "Pause 10–15 minutter."),
        new("Del 2: Undersøkelsesfase – veiledning", SessionPart.Inquiry, 60, false, "Ekspansiv læringssirkel: oppklarende og reflekterende spørsmål, lytte, skolens ledelse gir tilbakemelding, teamet oppsummerer."),
        new("Pause", null, 15, true, "Skolens ledelse samsnakker om hva som kan være relevant mellomarbeid."),
        new("Del 3: Lukkefase", SessionPart.Closing, 20, false, "Enes om mellomarbeid og dato for tilbakemelding."),
        new("Del 4: Evaluering", SessionPart.Evaluation, 10, false, "Hva ble tydeligere i dag? Hva tar dere med videre? Hvilke temaer var av særlig interesse? Helhetsinntrykk?"),
    ];

    public static string PartName(SessionPart part) => part switch
    {
        SessionPart.Opening => L.T("Åpningsfase"),
        SessionPart.Inquiry => L.T("Undersøkelsesfase"),
        SessionPart.Closing => L.T("Lukkefase"),
        SessionPart.Evaluation => L.T("Evaluering"),
        _ => part.ToString(),
    };

    /// <summary>The time boxes with their planned start and end times.</summary>
    public static IReadOnlyList<(TimeBox Box, TimeOnly Start, TimeOnly End)> Schedule(TimeOnly start, int minutes)
    {
        var total = Standard.Sum(b => b.Minutes);
        var result = new List<(TimeBox, TimeOnly, TimeOnly)>();
        var at = start;
        var used = 0;
        for (var i = 0; i < Standard.Length; i++)
        {
            var box = Standard[i];
            var length = i == Standard.Length - 1 ? minutes - used : (int)Math.Round(box.Minutes * (double)minutes / total);
            used += length;
            var end = at.AddMinutes(length);
            result.Add((box with { Minutes = length }, at, end));
            at = end;
        }
        return result;
    }

    /// <summary>The seed's four evaluation questions (seed 000 § 3.4, Del 4), as bokmål catalog keys; <see cref="Question"/> shows one.</summary>
    public static string Question(string question) => L.T(question);

    public static readonly (string Field, string Question)[] EvaluationQuestions =
    [
        (nameof(SessionEvaluation.Clearer), "Hva ble tydeligere i dag?"),
        (nameof(SessionEvaluation.TakeAway), "Hva tar dere med videre fra dagens veiledning?"),
        (nameof(SessionEvaluation.Interest), "Hvilke av temaene som ble diskutert, var av særlig interesse, og hvorfor?"),
        (nameof(SessionEvaluation.Overall), "Helhetsinntrykk av dagens veiledning?"),
    ];
}
