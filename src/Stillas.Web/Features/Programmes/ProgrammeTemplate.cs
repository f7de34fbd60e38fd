using System.Globalization;
using System.Text.RegularExpressions;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>What kind of thing a step in a progress plan is.</summary>
public enum StepKind
{
    Meeting,
    Delivery,
    Session,
    AssessmentDays,
    Evaluation,
    FollowUp,
}

/// <summary>Who sees to a step by default (seed 000 § 2: the owner, the guides, the school leadership).</summary>
public enum StepResponsible
{
    Team,
    School,
    Owner,
}

/// <summary>What a step's date is counted from.</summary>
public enum OffsetAnchor
{
    /// <summary>The programme's start date (the start of Fase 1).</summary>
    Start,
    /// <summary>The last day of the step before it.</summary>
    PreviousStep,
    /// <summary>The next free session slot of the half-year grid (see <see cref="ProgressPlanner"/>).</summary>
    SessionSlot,
    /// <summary>A month of the year the cooperation was agreed (the Forfase, January–February).</summary>
    MonthBeforeStart,
    /// <summary>The last session of the programme.</summary>
    LastSession,
}

public enum MonthPosition
{
    /// <summary>The first school day of the month.</summary>
    First,
    /// <summary>The first school day from the 15th.</summary>
    Middle,
    /// <summary>The last school day of the month (a deadline: "by the end of February").</summary>
    Last,
}

/// <summary>
/// How a step's date follows from the start, the step before it or the half-year grid. Weeks and days
/// are school weeks and school days (<see cref="Platform.Calendar.NorwegianCalendar.AddSchoolWeeks"/>);
/// years are calendar years. Use the factory methods.
/// </summary>
public sealed record OffsetRule(OffsetAnchor Anchor, int SchoolWeeks, int SchoolDays, int Years, int Month, MonthPosition Position)
{
    public static OffsetRule AtStart(int schoolWeeks = 0, int schoolDays = 0) => new(OffsetAnchor.Start, schoolWeeks, schoolDays, 0, 0, MonthPosition.First);

    public static OffsetRule AfterPrevious(int schoolWeeks = 0, int schoolDays = 0) => new(OffsetAnchor.PreviousStep, schoolWeeks, schoolDays, 0, 0, MonthPosition.First);

    /// <summary>The next session slot that is at least <paramref name="minSchoolWeeksAfterPrevious"/> school weeks after the previous step.</summary>
    public static OffsetRule NextSessionSlot(int minSchoolWeeksAfterPrevious = 0) => new(OffsetAnchor.SessionSlot, minSchoolWeeksAfterPrevious, 0, 0, 0, MonthPosition.First);

    public static OffsetRule InMonthBeforeStart(int month, MonthPosition position) => new(OffsetAnchor.MonthBeforeStart, 0, 0, 0, month, position);

    public static OffsetRule AfterLastSession(int years = 0, int schoolWeeks = 0) => new(OffsetAnchor.LastSession, schoolWeeks, 0, years, 0, MonthPosition.First);

    /// <summary>The rule in words, in the current language, for the model's page.</summary>
    public string Describe()
    {
        var gap = Gap(SchoolWeeks, SchoolDays);
        switch (Anchor)
        {
            case OffsetAnchor.Start:
                return gap is null ? L.T("Ved oppstart") : L.T("{0} etter oppstart", gap);
            case OffsetAnchor.PreviousStep:
                return gap is null ? L.T("Samme dag som forrige steg") : L.T("{0} etter forrige steg", gap);
            case OffsetAnchor.SessionSlot:
                return gap is null ? L.T("Neste veiledningstidspunkt i halvåret") : L.T("Neste veiledningstidspunkt i halvåret, minst {0} etter forrige steg", gap);
            case OffsetAnchor.MonthBeforeStart:
                // The month's name in the language spoken (bokmål when the thread has no language of its own).
                var month = Month is >= 1 and <= 12 ? Languages.Culture(Languages.Current).DateTimeFormat.GetMonthName(Month) : "?";
                return Position switch
                {
                    MonthPosition.First => L.T("Først i {0}", month),
                    MonthPosition.Middle => L.T("Midt i {0}", month),
                    _ => L.T("Innen utgangen av {0}", month),
                };
            case OffsetAnchor.LastSession:
                var years = Years switch { 0 => null, 1 => L.T("ett år"), _ => L.T("{0} år", Years) };
                var after = Join(years, gap);
                return after is null ? L.T("Samme dag som siste veiledning") : L.T("{0} etter siste veiledning", after);
            default:
                return Anchor.ToString();
        }
    }

    private static string? Gap(int weeks, int days) =>
        Join(weeks == 0 ? null : weeks == 1 ? L.T("1 skoleuke") : L.T("{0} skoleuker", weeks),
            days == 0 ? null : days == 1 ? L.T("1 skoledag") : L.T("{0} skoledager", days));

    private static string? Join(string? a, string? b) => (a, b) switch
    {
        (null, null) => null,
        (not null, null) => a,
        (null, not null) => b,
        _ => L.T("{0} og {1}", a, b),
    };
}

/// <summary>A phase of the model: "Forfase", "Fase 1" … with a short title and what happens in it.</summary>
public sealed record TemplatePhase(string Key, string Name, string Title, string Description);

/// <summary>One step of a model; the planner turns it into a dated step of a programme's progress plan.</summary>
public sealed record TemplateStep
{
    /// <summary>Stable across versions and copies ("fase4.session1"): a running programme's steps refer to it.</summary>
    public required string Key { get; init; }
    public required string PhaseKey { get; init; }
    public required string Title { get; init; }
    public required StepKind Kind { get; init; }
    public required StepResponsible Responsible { get; init; }
    public required OffsetRule Offset { get; init; }
    /// <summary>School days in a row (assessment days: 3).</summary>
    public int Days { get; init; } = 1;
    /// <summary>Hours on the day, when fixed (a session: 3).</summary>
    public int? Hours { get; init; }
    public string Description { get; init; } = "";
    /// <summary>What the step consists of or must deliver (the documents of Fase 1, the start-up agenda …).</summary>
    public IReadOnlyList<string> Checklist { get; init; } = [];

    // Value equality over the checklist's items too, so a deep copy equals its original.
    public bool Equals(TemplateStep? other) =>
        other is not null
        && (Key, PhaseKey, Title, Kind, Responsible, Offset, Days, Hours, Description) ==
           (other.Key, other.PhaseKey, other.Title, other.Kind, other.Responsible, other.Offset, other.Days, other.Hours, other.Description)
        && Checklist.SequenceEqual(other.Checklist);

    public override int GetHashCode() => HashCode.Combine(Key, PhaseKey, Title, Kind, Offset, Days, Checklist.Count);
}

/// <summary>Seed 000 § 1.3: "tre timer, to ganger i halvåret i inntil to skoleår".</summary>
public sealed record ProgrammeCadence(int SessionsPerHalfYear, int SessionHours, int MaxSchoolYears);

/// <summary>Which model, and which version of it, a programme or a copy came from.</summary>
public sealed record TemplateReference(string Key, int Version);

/// <summary>
/// A guidance model: phases, steps and cadence, as plain data. A programme records the key and version
/// it started with, so a later version never changes a running programme. The built-in models are
/// read-only; an owner adapts one by copying it (<see cref="CopyAsOwnModel"/>) and editing the copy.
/// Every edit returns a new model and leaves the old one as it was.
/// </summary>
public sealed partial record ProgrammeTemplate
{
    public required string Key { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required ProgrammeCadence Cadence { get; init; }
    public required IReadOnlyList<TemplatePhase> Phases { get; init; }
    public required IReadOnlyList<TemplateStep> Steps { get; init; }
    public bool IsBuiltIn { get; init; }
    public TemplateReference? BasedOn { get; init; }

    public TemplateReference Reference => new(Key, Version);

    public TemplatePhase Phase(string key) =>
        Phases.FirstOrDefault(p => p.Key == key) ?? throw new KeyNotFoundException($"No phase '{key}' in model '{Key}' v{Version}.");

    public TemplateStep Step(string key) =>
        Steps.FirstOrDefault(s => s.Key == key) ?? throw new KeyNotFoundException($"No step '{key}' in model '{Key}' v{Version}.");

    public IEnumerable<TemplateStep> StepsIn(string phaseKey) => Steps.Where(s => s.PhaseKey == phaseKey);

    public int SessionCount => Steps.Count(s => s.Kind == StepKind.Session);

    /// <summary>A deep copy as the owner's own model (version 1), remembering which model it came from.</summary>
    public ProgrammeTemplate CopyAsOwnModel(string key, string name)
    {
        var copy = DeepCopy() with { Key = key, Name = name, Version = 1, IsBuiltIn = false, BasedOn = Reference };
        return Checked(copy);
    }

    /// <summary>Inserts a step after the step <paramref name="afterKey"/>, or last in its phase when null.</summary>
    public ProgrammeTemplate AddStep(TemplateStep step, string? afterKey = null)
    {
        EnsureEditable();
        var steps = Steps.ToList();
        int index;
        if (afterKey is not null)
        {
            index = steps.FindIndex(s => s.Key == afterKey);
            if (index < 0) throw new ArgumentException(L.T("Fant ikke steget «{0}».", afterKey), nameof(afterKey));
            index++;
        }
        else
        {
            var lastInPhase = steps.FindLastIndex(s => s.PhaseKey == step.PhaseKey);
            index = lastInPhase >= 0 ? lastInPhase + 1 : PhaseInsertIndex(steps, step.PhaseKey);
        }
        steps.Insert(index, CopyOf(step));
        return Checked(this with { Steps = [.. steps] });
    }

    public ProgrammeTemplate RemoveStep(string key)
    {
        EnsureEditable();
        if (Steps.All(s => s.Key != key)) throw new ArgumentException(L.T("Fant ikke steget «{0}».", key), nameof(key));
        return Checked(this with { Steps = [.. Steps.Where(s => s.Key != key)] });
    }

    /// <summary>Changes one step (title, responsible, offset, days …); its key stays.</summary>
    public ProgrammeTemplate EditStep(string key, Func<TemplateStep, TemplateStep> edit)
    {
        EnsureEditable();
        var old = Step(key);
        var changed = CopyOf(edit(old));
        if (changed.Key != key) throw new ArgumentException(L.T("Nøkkelen til steget «{0}» kan ikke endres.", key), nameof(edit));
        return Checked(this with { Steps = [.. Steps.Select(s => s.Key == key ? changed : s)] });
    }

    public ProgrammeTemplate EditPhase(string key, Func<TemplatePhase, TemplatePhase> edit)
    {
        EnsureEditable();
        var changed = edit(Phase(key));
        if (changed.Key != key) throw new ArgumentException(L.T("Nøkkelen til fasen «{0}» kan ikke endres.", key), nameof(edit));
        return Checked(this with { Phases = [.. Phases.Select(p => p.Key == key ? changed : p)] });
    }

    /// <summary>How many sessions each half-year holds; the planner lays the session steps out by it.</summary>
    public ProgrammeTemplate WithSessionsPerHalfYear(int sessions)
    {
        EnsureEditable();
        return Checked(this with { Cadence = Cadence with { SessionsPerHalfYear = sessions } });
    }

    /// <summary>The length of a session, on the cadence and on every session step.</summary>
    public ProgrammeTemplate WithSessionHours(int hours)
    {
        EnsureEditable();
        return Checked(this with
        {
            Cadence = Cadence with { SessionHours = hours },
            Steps = [.. Steps.Select(s => s.Kind == StepKind.Session ? s with { Hours = hours } : s)],
        });
    }

    /// <summary>What is wrong with the model, in the current language, for the owner; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add(L.T("Modellen må ha et navn."));
        if (Version < 1) problems.Add(L.T("Versjonen må være 1 eller høyere."));
        if (Cadence.SessionsPerHalfYear is < 1 or > 6) problems.Add(L.T("Antall veiledninger per halvår må være fra 1 til 6."));
        if (Cadence.SessionHours is < 1 or > 8) problems.Add(L.T("En veiledning må vare fra 1 til 8 timer."));
        if (Cadence.MaxSchoolYears is < 1 or > 4) problems.Add(L.T("Veiledningsforløpet kan vare fra 1 til 4 skoleår."));
        if (Phases.Count == 0) problems.Add(L.T("Modellen må ha minst én fase."));
        if (Steps.Count == 0) problems.Add(L.T("Modellen må ha minst ett steg."));

        foreach (var key in Phases.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add(L.T("Nøkkelen «{0}» er brukt av flere faser.", key));
        foreach (var phase in Phases)
        {
            if (!KeyPattern().IsMatch(phase.Key)) problems.Add(L.T("Fasenøkkelen «{0}» kan bare ha små bokstaver, tall, punktum og bindestrek.", phase.Key));
            if (string.IsNullOrWhiteSpace(phase.Name)) problems.Add(L.T("Fasen «{0}» mangler navn.", phase.Key));
        }

        foreach (var key in Steps.GroupBy(s => s.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add(L.T("Nøkkelen «{0}» er brukt av flere steg.", key));
        foreach (var step in Steps)
        {
            if (!KeyPattern().IsMatch(step.Key)) problems.Add(L.T("Stegnøkkelen «{0}» kan bare ha små bokstaver, tall, punktum og bindestrek.", step.Key));
            if (string.IsNullOrWhiteSpace(step.Title)) problems.Add(L.T("Steget «{0}» mangler tittel.", step.Key));
            if (Phases.All(p => p.Key != step.PhaseKey)) problems.Add(L.T("Steget «{0}» hører til en fase som ikke finnes («{1}»).", step.Key, step.PhaseKey));
            // Days in a row on school days fit inside one Monday–Friday week.
            if (step.Days is < 1 or > 5) problems.Add(L.T("Steget «{0}» kan vare fra 1 til 5 skoledager.", step.Key));
            if (step.Hours is < 1 or > 24) problems.Add(L.T("Steget «{0}» kan vare fra 1 til 24 timer.", step.Key));
            var o = step.Offset;
            if (o.SchoolWeeks < 0 || o.SchoolDays < 0 || o.Years < 0) problems.Add(L.T("Steget «{0}»: uker, dager og år kan ikke være negative.", step.Key));
            if (o.Anchor == OffsetAnchor.MonthBeforeStart && o.Month is < 1 or > 12) problems.Add(L.T("Steget «{0}»: måneden må være fra 1 til 12.", step.Key));
            if (!Enum.IsDefined(o.Anchor)) problems.Add(L.T("Steget «{0}» har en ukjent regel for dato.", step.Key));
        }
        return problems;
    }

    private ProgrammeTemplate DeepCopy() => this with
    {
        Cadence = Cadence with { },
        Phases = [.. Phases.Select(p => p with { })],
        Steps = [.. Steps.Select(CopyOf)],
        BasedOn = BasedOn is null ? null : BasedOn with { },
    };

    private static TemplateStep CopyOf(TemplateStep s) => s with { Offset = s.Offset with { }, Checklist = [.. s.Checklist] };

    private int PhaseInsertIndex(List<TemplateStep> steps, string phaseKey)
    {
        // A phase without steps yet: after the steps of the phases before it.
        var phaseOrder = Phases.Select(p => p.Key).ToList();
        var position = phaseOrder.IndexOf(phaseKey);
        if (position < 0) return steps.Count;
        var earlier = phaseOrder.Take(position).ToHashSet();
        var lastEarlier = steps.FindLastIndex(s => earlier.Contains(s.PhaseKey));
        return lastEarlier + 1;
    }

    private void EnsureEditable()
    {
        if (IsBuiltIn) throw new InvalidOperationException(L.T("Den innebygde modellen kan ikke endres. Lag en kopi som skoleeierens egen modell først."));
    }

    private static ProgrammeTemplate Checked(ProgrammeTemplate template)
    {
        var problems = template.Problems();
        return problems.Count == 0 ? template : throw new ArgumentException(problems[0]);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex KeyPattern();
}

/// <summary>The words for the model's enums, in the current language.</summary>
public static class ProgrammeText
{
    public static string Label(StepKind kind) => kind switch
    {
        StepKind.Meeting => L.T("Møte"),
        StepKind.Delivery => L.T("Leveranse"),
        StepKind.Session => L.T("Veiledning"),
        StepKind.AssessmentDays => L.T("Vurderingsdager"),
        StepKind.Evaluation => L.T("Evaluering"),
        StepKind.FollowUp => L.T("Oppfølging"),
        _ => kind.ToString(),
    };

    public static string Label(StepResponsible responsible) => responsible switch
    {
        StepResponsible.Team => L.T("Veilederteamet"),
        StepResponsible.School => L.T("Skolen"),
        StepResponsible.Owner => L.T("Skoleeier"),
        _ => responsible.ToString(),
    };

    public static string Label(StepStatus status) => status switch
    {
        StepStatus.Planned => L.T("Planlagt"),
        StepStatus.Done => L.T("Gjennomført"),
        StepStatus.Moved => L.T("Flyttet"),
        StepStatus.Cancelled => L.T("Avlyst"),
        _ => status.ToString(),
    };
}

/// <summary>The models that come with Stillas. A new version is added beside the old; none is ever changed.</summary>
public static class ProgrammeTemplates
{
    public const string TromsoKey = "tromso";

    /// <summary>Version 1 of the Tromsø model, "Tromsøskolen i utvikling" (seed 000 § 3.2, the tentative progress plan).</summary>
    public static ProgrammeTemplate TromsoV1 { get; } = BuildTromsoV1();

    public static IReadOnlyList<ProgrammeTemplate> BuiltIn { get; } = [TromsoV1];

    /// <summary>The exact version a programme started with, or null when there is no such built-in model.</summary>
    public static ProgrammeTemplate? Find(string key, int version) => BuiltIn.FirstOrDefault(t => t.Key == key && t.Version == version);

    public static ProgrammeTemplate Latest(string key) =>
        BuiltIn.Where(t => t.Key == key).MaxBy(t => t.Version) ?? throw new KeyNotFoundException($"No built-in model '{key}'.");

    private static ProgrammeTemplate BuildTromsoV1()
    {
        const int sessionHours = 3;
        const string sessionDialogue = "Dialog om utprøvde tiltak og læringserfaringer; avklare nye tiltak til utprøving.";
        // seed 000 § 3.4: every session has the same structure.
        IReadOnlyList<string> sessionStructure =
        [
            "Innledning: ledelsen presenterer det langsiktige målet, oppsummerer mellomarbeidet og ønsket tema",
            "Utforskning: veilederteamet legger fram relevant teori; veiledning med den ekspansive læringssirkelen",
            "Avslutning: ledelsen og veilederteamet avtaler mellomarbeid og frist for tilbakemelding",
            "Evaluering av veiledningen",
        ];

        TemplateStep Session(string phase, int number, string description, int minWeeksAfterPrevious = 0) => new()
        {
            Key = string.Create(CultureInfo.InvariantCulture, $"{phase}.session{number}"),
            PhaseKey = phase,
            Title = string.Create(CultureInfo.InvariantCulture, $"Veiledning {number}"),
            Kind = StepKind.Session,
            Responsible = StepResponsible.Team,
            Offset = OffsetRule.NextSessionSlot(minWeeksAfterPrevious),
            Hours = sessionHours,
            Description = description,
            Checklist = sessionStructure,
        };

        TemplateStep[] Evaluation(string phase, string meetingDescription) =>
        [
            new()
            {
                Key = $"{phase}.feedback",
                PhaseKey = phase,
                Title = "Tilbakemelding fra rektor",
                Kind = StepKind.Evaluation,
                Responsible = StepResponsible.School,
                // Rule chosen here (the seed gives no interval): a school week after the last session of the phase.
                Offset = OffsetRule.AfterPrevious(schoolWeeks: 1),
                Description = "Rektor gir veilederteamet og skoleeier tilbakemelding på samarbeidet og veiledermodellen.",
            },
            new()
            {
                Key = $"{phase}.evaluationmeeting",
                PhaseKey = phase,
                Title = "Evalueringsmøte",
                Kind = StepKind.Evaluation,
                Responsible = StepResponsible.Owner,
                Offset = OffsetRule.AfterPrevious(schoolWeeks: 1),
                Description = meetingDescription,
            },
        ];

        return new ProgrammeTemplate
        {
            Key = TromsoKey,
            Version = 1,
            IsBuiltIn = true,
            Name = "Tromsø-modellen",
            Description = "Kommunalt veilederteam etter modellen «Tromsøskolen i utvikling». Teamet (utviklingsveileder, skoleleder og UH-representant) "
                + "støtter skolens ledelse i å lede skolebasert kompetanseutvikling innenfor ett valgt utviklingsområde, forankret i skolens egne analyser og fremtidsbilde. "
                + "Skolens ledelse får veiledning på tre timer to ganger i halvåret i inntil to skoleår.",
            Cadence = new ProgrammeCadence(SessionsPerHalfYear: 2, SessionHours: sessionHours, MaxSchoolYears: 2),
            Phases =
            [
                new("forfase", "Forfase", "Utvalg og avtale",
                    "Seksjonsleder har første samtale med aktuelle skoler i januar og informerer om hva samarbeidet innebærer, mål og hensikt og kriteriene for at samarbeidet skal gi ønsket utvikling. "
                    + "Avtale om samarbeid inngås senest i løpet av februar det året samarbeidet starter."),
                new("fase1", "Fase 1", "Oppstart",
                    "Veilederteamet møter skolens lederteam for å skape en felles forståelse av hva som skal skje og avklare forventninger. Skolen sender dokumentasjon til veilederteamet."),
                new("fase2", "Fase 2", "Fremtidsbilde",
                    "Skolen utarbeider fremtidsbildet for utviklingsområdet, med tegn på god praksis, i dialog med veilederteamet."),
                new("fase3", "Fase 3", "Vurderingsdager",
                    "Tre dager på skolen etter mønster av den nasjonale modellen for ekstern skolevurdering: samtaler med ledelse, ansatte, elever og foresatte, "
                    + "observasjon ut fra tegn på god praksis i fremtidsbildet, og en rapport med spørsmål til refleksjon som er utgangspunktet for veiledningen."),
                new("fase4", "Fase 4", "Veiledning 1–4",
                    "Veiledning av skolens ledelse, tre timer to ganger i halvåret. Veiledning 1 avtaler hvilke aksjoner og tiltak som skal settes i verk; "
                    + "de neste er dialog om utprøvde tiltak og læringserfaringer. Fasen avsluttes med evaluering."),
                new("fase5", "Fase 5", "Veiledning 5–8",
                    "Veiledningen fortsetter. Veiledning 8 avklarer mål for det videre arbeidet kommende år, uten veilederteamet. "
                    + "Fasen avsluttes med evaluering sammen med alle skolene i samarbeid med veilederteamet."),
                new("fase6", "Fase 6", "Oppfølging",
                    "Oppfølgingsmøte ett år etter siste veiledning (år tre), med evaluering."),
            ],
            Steps =
            [
                // seed 000 § 2.1: "Gjennomfører første samtale med aktuelle skoler i januar."
                new()
                {
                    Key = "forfase.firsttalk",
                    PhaseKey = "forfase",
                    Title = "Første samtale",
                    Kind = StepKind.Meeting,
                    Responsible = StepResponsible.Owner,
                    Offset = OffsetRule.InMonthBeforeStart(1, MonthPosition.Middle),
                    Description = "Seksjonsleder informerer om hva samarbeidet innebærer, mål og hensikt, og hvilke strukturer skolen må prioritere å få på plass.",
                    // seed 000 § 2.1: "Strukturer skolen må prioritere å få på plass".
                    Checklist =
                    [
                        "SKUT med lærerrepresentanter",
                        "Fast (helst ukentlig) tid til samarbeid med SKUT og personalet om planlegging, utprøving og evaluering av aksjoner",
                        "Informere og involvere berørte parter underveis om samarbeidet med veilederteamet",
                        "Skille mellom møter for drift og utvikling",
                        "Tid til å gjennomføre avtalt arbeid mellom møtene med veilederteamet",
                    ],
                },
                // seed 000 § 2.1: "Avtaler om samarbeid inngås senest i løpet av februar det året samarbeidet skal starte."
                new()
                {
                    Key = "forfase.agreement",
                    PhaseKey = "forfase",
                    Title = "Samarbeidsavtale inngått",
                    Kind = StepKind.Delivery,
                    Responsible = StepResponsible.Owner,
                    Offset = OffsetRule.InMonthBeforeStart(2, MonthPosition.Last),
                    Description = "Avtalen om samarbeid med veilederteamet er signert av skolen og skoleeier.",
                },
                // seed 000 § 3.1: the start-up meeting and its agenda.
                new()
                {
                    Key = "fase1.startup",
                    PhaseKey = "fase1",
                    Title = "Oppstartsmøte",
                    Kind = StepKind.Meeting,
                    Responsible = StepResponsible.Owner,
                    Offset = OffsetRule.AtStart(),
                    Description = "Utviklingsveilederen avtaler oppstartsmøtet. Veilederteamet møter lederteamet for å skape en felles forståelse og avklare forventninger.",
                    Checklist =
                    [
                        "Informasjon om veilederteamet",
                        "Gjennomgå metodikken",
                        "Valg av utviklingsområde, på bakgrunn av analysearbeid og fremtidsbilde i kvalitetsutviklingsplanen",
                        "Avklare hvilken dokumentasjon som skal sendes til veilederteamet",
                        "Avklare hva skolen må gjøre før vurderingsdagene, blant annet informere og involvere ansatte, elevråd og FAU",
                        "Gjennomgang av vurderingsdagene",
                        "Fremdriftsplan for datainnsamling og vurderingsdager",
                        "Avklare spesielle hensyn",
                    ],
                },
                // seed 000 § 3.2, Fase 1: the documents the school sends.
                new()
                {
                    Key = "fase1.documents",
                    PhaseKey = "fase1",
                    Title = "Dokumentasjon sendt til veilederteamet",
                    Kind = StepKind.Delivery,
                    Responsible = StepResponsible.School,
                    // Rule chosen here (the seed gives no interval): two school weeks after the start-up meeting.
                    Offset = OffsetRule.AfterPrevious(schoolWeeks: 2),
                    Description = "Skolen sender dokumentasjonen som ble avtalt på oppstartsmøtet.",
                    Checklist =
                    [
                        "Brukerundersøkelser",
                        "Ståstedsanalysen",
                        "Kvalitetsutviklingsplan",
                        "Lokale handlingsplaner",
                        "Oversikt over klasser og personal",
                        "Ukeplaner/arbeidsplaner",
                        "Eksempler på timeplaner",
                        "Lokale læreplaner",
                        "Refleksjonsnotat fra rektor",
                    ],
                },
                // seed 000 § 3.2, Fase 2: "Utarbeide fremtidsbilde — Skolen, i dialog med veilederteamet".
                new()
                {
                    Key = "fase2.futurepicture",
                    PhaseKey = "fase2",
                    Title = "Fremtidsbilde ferdig",
                    Kind = StepKind.Delivery,
                    Responsible = StepResponsible.School,
                    // Rule chosen here: three school weeks to write it.
                    Offset = OffsetRule.AfterPrevious(schoolWeeks: 3),
                    Description = "Skolen har utarbeidet fremtidsbildet for utviklingsområdet med tegn på god praksis, i dialog med veilederteamet.",
                },
                // seed 000 § 3.3: three assessment days.
                new()
                {
                    Key = "fase3.assessmentdays",
                    PhaseKey = "fase3",
                    Title = "Vurderingsdager",
                    Kind = StepKind.AssessmentDays,
                    Responsible = StepResponsible.Team,
                    // Rule chosen here: two school weeks after the future picture, which the observation builds on.
                    Offset = OffsetRule.AfterPrevious(schoolWeeks: 2),
                    Days = 3,
                    Description = "Skolens ledelse legger til rette for datainnsamlingen. Rapporten er utgangspunktet for veiledningen.",
                    Checklist =
                    [
                        "Dag 1 (08.00–ca. 21.00): møte med personalet; FAU har funnet en gruppe foresatte til samtale",
                        "Dag 2 (08.00 til rapporten er ferdig): samtaler med ledelsen, elever, ansatte og foresatte; observasjon ut fra tegn på god praksis i fremtidsbildet; rapportskriving",
                        "Dag 3 (09.00–15.00): rapporten legges fram for ledergruppen om morgenen, deretter for personalet, FAU og elevrådet (rektor inviterer)",
                    ],
                },
                // seed 000 § 3.2, Fase 4. Two school weeks after the assessment days at least, for the report to be presented first.
                Session("fase4", 1, "Komme til enighet om hvilke aksjoner og tiltak som skal settes i verk.", minWeeksAfterPrevious: 2),
                Session("fase4", 2, sessionDialogue),
                Session("fase4", 3, sessionDialogue),
                Session("fase4", 4, "Dialog om utprøvde tiltak og læringserfaringer; avklare mål og tiltak for neste fase."),
                .. Evaluation("fase4", "Evalueringsmøte med rektorer fra første runde, veilederteamet, skoleeier og forsker (PhD-kandidat). Veiledermodellen justeres."),
                // seed 000 § 3.2, Fase 5.
                Session("fase5", 5, sessionDialogue),
                Session("fase5", 6, sessionDialogue),
                Session("fase5", 7, sessionDialogue),
                Session("fase5", 8, "Dialog om utprøvde tiltak og læringserfaringer; avklare mål for det videre arbeidet kommende år, uten veilederteamet."),
                .. Evaluation("fase5", "Evalueringsmøte med rektorer fra alle skoler i samarbeid med veilederteamet, skoleeier og forsker (PhD-kandidat). Veiledermodellen justeres."),
                // seed 000 § 3.2, Fase 6: "Oppfølgingsmøte ett år etter siste veiledning (år tre). Evaluering."
                new()
                {
                    Key = "fase6.followup",
                    PhaseKey = "fase6",
                    Title = "Oppfølgingsmøte",
                    Kind = StepKind.FollowUp,
                    Responsible = StepResponsible.Team,
                    Offset = OffsetRule.AfterLastSession(years: 1),
                    Description = "Oppfølgingsmøte med skolens ledelse ett år etter siste veiledning, med evaluering.",
                },
            ],
        };
    }
}
