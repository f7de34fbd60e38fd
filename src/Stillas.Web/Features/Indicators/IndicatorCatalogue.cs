namespace Stillas.Web.Features.Indicators;

/// <summary>
/// The indicators Stillas knows from the start, explained in Stillas's own words (the figures are Udir's under
/// NLOD; the texts here are not Udir's). Ids are fixed: the catalogue is seeded by the migration.
/// </summary>
public static class IndicatorCatalogue
{
    public const string Wellbeing = "EU_TRIVSEL";
    public const string Bullying = "EU_MOBBING";
    public const string TeacherSupport = "EU_STOTTE";
    public const string Mastery = "EU_MESTRING";
    public const string Reading = "NP_LESING";
    public const string Numeracy = "NP_REGNING";
    public const string English = "NP_ENGELSK";
    public const string Points = "GS_POENG";
    public const string Marks = "KAR_SNITT";
    public const string Completion = "GJ_FULLFORT";
    public const string TeacherDensity = "RES_LARERTETTHET";

    public static readonly Indicator[] All =
    [
        new()
        {
            Id = 1, Code = Wellbeing, Name = "Trivsel", Area = IndicatorArea.LearningEnvironment, Kind = ExportKind.PupilSurvey, Unit = "skalapoeng", Order = 10,
            Aliases = "trivsel|trivsel på skolen",
            ScaleExplanation = "Gjennomsnitt av elevenes svar på en skala fra 1 til 5, der 5 er best.",
            Interpretation = "Viser hvordan elevene har det på skolen sett under ett. Små forskjeller mellom år sier lite; se etter en retning over flere år, og snakk med elevene om hva tallet betyr hos dere.",
        },
        new()
        {
            Id = 2, Code = Bullying, Name = "Mobbing på skolen", Area = IndicatorArea.LearningEnvironment, Kind = ExportKind.PupilSurvey, Unit = "prosent", Order = 20, HigherIsBetter = false,
            Aliases = "mobbing|mobbet|mobbing på skolen|andel mobbet",
            ScaleExplanation = "Andelen elever som svarer at de er blitt mobbet to–tre ganger i måneden eller oftere.",
            Interpretation = "Lavere er bedre. Ett mobbet barn er ett for mye: bruk tallet som en inngang til samtale, ikke som et mål i seg selv.",
        },
        new()
        {
            Id = 3, Code = TeacherSupport, Name = "Støtte fra lærerne", Area = IndicatorArea.LearningEnvironment, Kind = ExportKind.PupilSurvey, Unit = "skalapoeng", Order = 30,
            Aliases = "støtte fra lærerne|støtte fra lærer|stotte fra laererne|faglig og sosial støtte",
            ScaleExplanation = "Gjennomsnitt på en skala fra 1 til 5 av elevenes svar om lærerne bryr seg om dem og hjelper dem å lære.",
            Interpretation = "Sier noe om relasjonen mellom lærere og elever slik elevene opplever den. Se den sammen med trivsel og mestring.",
        },
        new()
        {
            Id = 4, Code = Mastery, Name = "Mestring", Area = IndicatorArea.LearningEnvironment, Kind = ExportKind.PupilSurvey, Unit = "skalapoeng", Order = 40,
            Aliases = "mestring|mestringsopplevelse",
            ScaleExplanation = "Gjennomsnitt på en skala fra 1 til 5 av elevenes svar om de får til oppgavene og forstår det de skal lære.",
            Interpretation = "Høy mestring henger ofte sammen med god tilpasning av undervisningen. Lav mestring på ett trinn kan være et tegn å følge opp der.",
        },
        new()
        {
            Id = 5, Code = Reading, Name = "Nasjonale prøver i lesing", Area = IndicatorArea.LearningResults, Kind = ExportKind.NationalTests, Unit = "skalapoeng", Order = 50,
            Aliases = "lesing|nasjonale prøver i lesing|np lesing",
            ScaleExplanation = "Skalapoeng der snittet for landet var 50 det året skalaen ble laget; spredningen er 10 poeng.",
            Interpretation = "Få elever gir store tilfeldige svingninger. Sammenlign med skolens egne år og med kommunen, ikke med enkeltskoler.",
        },
        new()
        {
            Id = 6, Code = Numeracy, Name = "Nasjonale prøver i regning", Area = IndicatorArea.LearningResults, Kind = ExportKind.NationalTests, Unit = "skalapoeng", Order = 60,
            Aliases = "regning|nasjonale prøver i regning|np regning",
            ScaleExplanation = "Skalapoeng der snittet for landet var 50 det året skalaen ble laget; spredningen er 10 poeng.",
            Interpretation = "Regning er en grunnleggende ferdighet i alle fag. Se tallet sammen med hvordan skolen arbeider med regning utenfor matematikkfaget.",
        },
        new()
        {
            Id = 7, Code = English, Name = "Nasjonale prøver i engelsk", Area = IndicatorArea.LearningResults, Kind = ExportKind.NationalTests, Unit = "skalapoeng", Order = 70,
            Aliases = "engelsk|nasjonale prøver i engelsk|np engelsk",
            ScaleExplanation = "Skalapoeng der snittet for landet var 50 det året skalaen ble laget; spredningen er 10 poeng.",
            Interpretation = "Gir et bilde av elevenes engelskferdigheter på trinnet det året; les det sammen med andre vurderinger.",
        },
        new()
        {
            Id = 8, Code = Points, Name = "Grunnskolepoeng", Area = IndicatorArea.LearningResults, Kind = ExportKind.PointsTotal, Unit = "poeng", Order = 80,
            Aliases = "grunnskolepoeng|gjennomsnittlige grunnskolepoeng",
            ScaleExplanation = "Summen av elevenes standpunkt- og eksamenskarakterer delt på antall karakterer, ganger ti.",
            Interpretation = "Brukes ved opptak til videregående. Påvirkes av elevgrunnlaget; snakk om endringen over tid og om hvem som ikke lykkes.",
        },
        new()
        {
            Id = 9, Code = Marks, Name = "Karaktersnitt", Area = IndicatorArea.LearningResults, Kind = ExportKind.Marks, Unit = "karakter", Order = 90,
            Aliases = "karaktersnitt|standpunkt|gjennomsnittskarakter|karakterer",
            ScaleExplanation = "Gjennomsnittlig karakter fra 1 til 6.",
            Interpretation = "Et snitt skjuler spredningen: se også hvor mange som får 1 og 2.",
        },
        new()
        {
            Id = 10, Code = Completion, Name = "Gjennomføring", Area = IndicatorArea.LearningResults, Kind = ExportKind.Completion, Unit = "prosent", Order = 100,
            Aliases = "gjennomføring|fullført og bestått|gjennomforing",
            ScaleExplanation = "Andelen elever som har fullført og bestått videregående opplæring innen fem år (seks for lærlinger).",
            Interpretation = "Sier noe om hele opplæringsløpet, ikke bare om én skole. Følg tallet over flere år.",
        },
        new()
        {
            Id = 11, Code = TeacherDensity, Name = "Lærertetthet", Area = IndicatorArea.Resources, Kind = ExportKind.Resources, Unit = "elever per lærer", Order = 110, HigherIsBetter = false,
            Aliases = "lærertetthet|laerertetthet|gruppestørrelse|elever per lærer",
            ScaleExplanation = "Gjennomsnittlig antall elever per lærer i ordinær undervisning (gruppestørrelse 2).",
            Interpretation = "Lavere betyr flere lærere per elev. Norm for lærertetthet gjelder på skolenivå; se tallet sammen med hvordan ressursene brukes.",
        },
    ];
}
