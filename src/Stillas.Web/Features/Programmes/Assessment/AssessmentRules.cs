using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;

using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Assessment;

/// <summary>
/// The seed's template for the days (stored as data in bokmål: pages show its texts with <c>L.Data</c>),
/// labels in the current language, and the checks of what users type.
/// </summary>
public static class AssessmentRules
{
    /// <summary>The report is the team's while it writes it (confidential), then everyone's who sees the programme.</summary>
    public static bool CanReadReport(this Platform.Access.AccessScope scope, Platform.Access.IProgrammeScoped p, ReportStatus status) =>
        status != ReportStatus.Draft || Platform.Access.Access.Can(scope, Platform.Access.Permission.TeamContent, p);

    public const string StepKey = "fase3.assessmentdays";
    public const string Session1Key = "fase4.session1";

    public sealed record SlotTemplate(int Day, TimeOnly Start, TimeOnly End, string Title, string Who, string Where, bool School);

    private static TimeOnly T(int h, int m = 0) => new(h, m);

    /// <summary>Seed 000 § 3.3: day 1 08–21, day 2 08 until the report is done, day 3 09–15.</summary>
    public static readonly SlotTemplate[] Template =
    [
        new(1, T(8), T(8, 45), "Oppstart med skolens ledelse: praktisk gjennomgang av dagene", "Veilederteamet og skolens ledelse", "Rektors kontor", true),
        new(1, T(8, 45), T(9, 30), "Møte med personalet: veilederteamet presenterer seg og vurderingsdagene", "Hele personalet", "Personalrommet", true),
        new(1, T(9, 30), T(15), "Teamet leser skolens dokumenter og forbereder samtalene", "Veilederteamet", "Grupperom", false),
        new(1, T(19), T(21), "Samtale med foresatte (gruppen FAU har funnet)", "Veilederteamet og 4–8 foresatte", "Personalrommet", true),
        new(2, T(8), T(9), "Samtale med skolens ledelse", "Veilederteamet og ledergruppen", "Rektors kontor", true),
        new(2, T(9), T(11, 30), "Observasjon i undervisning og friminutt ut fra tegn på god praksis", "Veilederteamet fordeler seg på klasserom og skolegård", "Klasserom og skolegård", true),
        new(2, T(11, 30), T(12, 15), "Samtale med elever", "Elevrådet og elever fra ulike trinn", "Grupperom", true),
        new(2, T(12, 30), T(13, 30), "Samtale med ansatte", "6–8 ansatte fra ulike trinn og fag", "Møterom", true),
        new(2, T(13, 30), T(14, 15), "Samtale med SKUT", "Skolens utviklingsteam", "Møterom", true),
        new(2, T(15), T(22), "Rapportskriving (til rapporten er ferdig)", "Veilederteamet", "Grupperom", false),
        new(3, T(9), T(10, 30), "Rapporten legges fram for skolens ledergruppe", "Veilederteamet og ledergruppen", "Rektors kontor", true),
        new(3, T(12), T(13), "Rapporten legges fram for personalet", "Hele personalet", "Personalrommet", true),
        new(3, T(14), T(15), "Rapporten legges fram for FAU og elevrådet (rektor inviterer)", "FAU, elevrådet, rektor og veilederteamet", "Personalrommet", true),
    ];

    /// <summary>What the school arranges before the days (seed 000 § 2.3 and § 3.1), due a number of days before day 1.</summary>
    public static readonly (string Title, int DaysBefore)[] Tasks =
    [
        ("Informere personalet om vurderingsdagene og møtet med personalet dag 1", 21),
        ("Informere elevrådet og FAU om vurderingsdagene", 21),
        ("FAU finner en gruppe foresatte som kan stille til samtale om kvelden dag 1", 10),
        ("Velge ut elever til samtale (elevrådet og elever fra ulike trinn)", 10),
        ("Velge ut ansatte til samtale, og SKUT", 10),
        ("Sende timeplaner for dag 2 til veilederteamet, så observasjonen kan fordeles", 7),
        ("Reservere rom til samtalene, møtene og teamets arbeid (se dagsplanen)", 7),
        ("Rektor inviterer FAU og elevrådet til framlegget av rapporten dag 3", 7),
    ];

    /// <summary>The three dates of the days: school days from the step's first day through its last.</summary>
    public static IReadOnlyList<DateOnly> Days(DateOnly first, DateOnly? last, IEnumerable<DateRange> holidays)
    {
        var list = new List<DateOnly>();
        var d = NorwegianCalendar.SchoolDayOnOrAfter(first, holidays);
        while (list.Count < 3)
        {
            list.Add(d);
            d = NorwegianCalendar.NextSchoolDay(d, holidays);
        }
        return list;
    }

    public static List<AssessmentSlot> SlotsFor(GuidanceProgramme p, IReadOnlyList<DateOnly> days) =>
        [.. Template.Select(t => new AssessmentSlot
        {
            ProgrammeId = p.Id,
            Date = days[t.Day - 1], Start = t.Start, End = t.End, Title = t.Title, Who = t.Who, Where = t.Where, SchoolTakesPart = t.School,
        }.PlaceIn(p))];

    public static List<AssessmentTask> TasksFor(GuidanceProgramme p, DateOnly day1, IEnumerable<DateRange> holidays) =>
        [.. Tasks.Select((t, i) => new AssessmentTask
        {
            ProgrammeId = p.Id, Title = t.Title, Order = i + 1,
            DueDate = NorwegianCalendar.SchoolDayOnOrBefore(day1.AddDays(-t.DaysBefore), holidays),
        }.PlaceIn(p))];

    public static IReadOnlyList<Guid> ParseKeys(string? keys) =>
        string.IsNullOrWhiteSpace(keys) ? [] : [.. keys.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct()];

    public static string JoinKeys(IEnumerable<Guid> keys) => string.Join(',', keys.Distinct().Select(k => k.ToString("D")));

    public static string Label(NoteKind k) => k switch { NoteKind.Interview => L.T("Samtale/intervju"), NoteKind.Observation => L.T("Observasjon"), _ => k.ToString() };

    public static string Label(ReportStatus s) => s switch { ReportStatus.Draft => L.T("Utkast"), ReportStatus.Final => L.T("Endelig"), ReportStatus.Presented => L.T("Lagt fram"), _ => s.ToString() };

    public static string Color(ReportStatus s) => s switch { ReportStatus.Draft => "warning", ReportStatus.Final => "info", _ => "success" };

    public static string Label(Audience a) => a switch
    {
        Audience.Leadership => L.T("Skolens ledergruppe"),
        Audience.Staff => L.T("Personalet"),
        Audience.ParentsCouncil => L.T("FAU"),
        Audience.PupilCouncil => L.T("Elevrådet"),
        _ => L.T("Andre"),
    };

    public static string Time(TimeOnly t) => t.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"tirsdag 24. november 2026" / "Tuesday 24 November 2026", in the current language.</summary>
    public static string DayName(DateOnly d) => NorwegianTime.LongDate(d);

    /// <summary>Questions for reflection as a list: one per non-empty line, without list marks.</summary>
    public static IReadOnlyList<string> QuestionLines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split('\n').Select(l => l.Trim().TrimStart('-', '•', '*').Trim()).Where(l => l.Length > 0)];
}

/// <summary>A slot as typed (page and API).</summary>
public sealed class SlotInput
{
    /// <summary>The version the form or API call was written on (concurrency check when given).</summary>
    public int? Version { get; set; }
    public DateOnly? Date { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Title { get; set; }
    public string? Who { get; set; }
    public string? Where { get; set; }
    public bool SchoolTakesPart { get; set; }

    public static SlotInput From(AssessmentSlot s) => new()
    {
        Date = s.Date, Start = AssessmentRules.Time(s.Start), End = AssessmentRules.Time(s.End), Title = s.Title, Who = s.Who, Where = s.Where, SchoolTakesPart = s.SchoolTakesPart, Version = s.Version,
    };

    public static bool TryTime(string? s, out TimeOnly t) =>
        TimeOnly.TryParseExact((s ?? "").Trim().Replace('.', ':'), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out t);

    public List<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        if (Date is null) errors.Add((nameof(Date), L.T("Velg datoen.")));
        var startOk = TryTime(Start, out var start);
        var endOk = TryTime(End, out var end);
        if (!startOk) errors.Add((nameof(Start), L.T("Skriv når det starter, for eksempel 08:00.")));
        if (!endOk) errors.Add((nameof(End), L.T("Skriv når det slutter, for eksempel 09:30.")));
        if (startOk && endOk && end <= start) errors.Add((nameof(End), L.T("Slutten må være etter starten.")));
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add((nameof(Title), L.T("Skriv hva som skal skje.")));
        else if (title.Length > AssessmentSlot.TitleMax) errors.Add((nameof(Title), L.T("Beskrivelsen kan ha høyst {0} tegn.", AssessmentSlot.TitleMax)));
        if ((Who?.Trim().Length ?? 0) > AssessmentSlot.TextMax) errors.Add((nameof(Who), L.T("«Hvem» kan ha høyst {0} tegn.", AssessmentSlot.TextMax)));
        if ((Where?.Trim().Length ?? 0) > AssessmentSlot.TextMax) errors.Add((nameof(Where), L.T("«Hvor» kan ha høyst {0} tegn.", AssessmentSlot.TextMax)));
        return errors;
    }

    public void Apply(AssessmentSlot s)
    {
        TryTime(Start, out var start);
        TryTime(End, out var end);
        s.Date = Date!.Value;
        s.Start = start;
        s.End = end;
        s.Title = Title!.Trim();
        s.Who = string.IsNullOrWhiteSpace(Who) ? null : Who.Trim();
        s.Where = string.IsNullOrWhiteSpace(Where) ? null : Where.Trim();
        s.SchoolTakesPart = SchoolTakesPart;
    }
}

/// <summary>A note as typed (page, autosave and API).</summary>
public sealed class NoteInput
{
    /// <summary>The browser's key for a new note (autosave retries find the same note).</summary>
    public Guid? ClientKey { get; set; }
    public NoteKind? Kind { get; set; }
    public string? Group { get; set; }
    public string? Text { get; set; }
    public List<Guid> Signs { get; set; } = [];
    /// <summary>The version of the note the text was written on (none for a new note); checked when given.</summary>
    public int? Version { get; set; }

    public List<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        if (Kind is null || !Enum.IsDefined(Kind.Value)) errors.Add((nameof(Kind), L.T("Velg om notatet er fra en samtale eller en observasjon.")));
        var group = Group?.Trim() ?? "";
        if (group.Length == 0) errors.Add((nameof(Group), L.T("Skriv hvilken gruppe samtalen var med, eller hva som ble observert.")));
        else if (group.Length > AssessmentNote.GroupMax) errors.Add((nameof(Group), L.T("Gruppen kan ha høyst {0} tegn.", AssessmentNote.GroupMax)));
        var text = Text ?? "";
        if (text.Length > AssessmentNote.TextMax) errors.Add((nameof(Text), L.T("Notatet kan ha høyst {0} tegn (nå {1}).", AssessmentNote.TextMax, text.Length)));
        if (Signs.Count > 50) errors.Add((nameof(Signs), L.T("Et notat kan merkes med høyst 50 tegn.")));
        return errors;
    }

    /// <summary>A note without a tag is saved (nothing is lost), with this warning.</summary>
    public static string NoTagWarning => L.T("Notatet er ikke merket med noe tegn på god praksis. Velg minst ett tegn, så finner dere det igjen når dere skriver rapporten.");
}

/// <summary>A section as typed, with the version the guide started from.</summary>
public sealed class SectionInput
{
    public string? Findings { get; set; }
    public string? WorksWell { get; set; }
    public string? ToDevelop { get; set; }
    public string? Questions { get; set; }
    public int? ExpectedVersion { get; set; }

    public List<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        foreach (var (name, value, message) in new (string, string?, Func<int, int, string>)[]
                 {
                     (nameof(Findings), Findings, (max, now) => L.T("Funnene kan ha høyst {0} tegn (nå {1}).", max, now)),
                     (nameof(WorksWell), WorksWell, (max, now) => L.T("«Dette fungerer godt» kan ha høyst {0} tegn (nå {1}).", max, now)),
                     (nameof(ToDevelop), ToDevelop, (max, now) => L.T("«Dette kan utvikles» kan ha høyst {0} tegn (nå {1}).", max, now)),
                     (nameof(Questions), Questions, (max, now) => L.T("Spørsmålene kan ha høyst {0} tegn (nå {1}).", max, now)),
                 })
            if ((value?.Length ?? 0) > ReportSection.FieldMax) errors.Add((name, message(ReportSection.FieldMax, value!.Length)));
        if (ExpectedVersion is null or < 0) errors.Add((nameof(ExpectedVersion), L.T("Oppgi hvilken versjon av delen du tok utgangspunkt i.")));
        return errors;
    }
}
