using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes;

/// <summary>Where a step of the plan is worked on (<see cref="StepLinks.PlaceOf"/>).</summary>
public enum StepPlace
{
    /// <summary>The step has no page of its own beyond the step (date, status, note): a step an owner added to its model.</summary>
    Step,
    /// <summary>The first talk: the candidacy of the selection round when the programme grew out of one, else the step.</summary>
    FirstTalk,
    Agreement,
    StartUp,
    Documents,
    FuturePicture,
    AssessmentDays,
    Session,
    Evaluation,
    FollowUp,
}

/// <summary>
/// The one answer to "where does this step lead?": a session step to its session, the assessment days to the
/// assessment page, the agreement, start-up meeting, documents and future picture to the page where they are
/// made or uploaded, the evaluation steps to the phase's evaluation, the follow-up meeting to the sessions'
/// follow-up. The plan, the start pages, the programme list, the timeline and the calendar all link through it;
/// the date/status form (<see cref="EditUrl"/>) is one click further. A step's place follows from its kind and
/// the last part of its key (stable across model versions and an owner's copies: "fase2.futurepicture"), so an
/// owner's own models lead to the same pages; a step an owner added leads to its step page.
/// </summary>
public static class StepLinks
{
    /// <summary>The step's own page: what it is, and its date, status and note for those who keep the plan.</summary>
    public static string EditUrl(int stepId) => $"/Programmes/Step/{stepId}";

    /// <summary>
    /// The address that always finds a step's work, whatever the caller knows (<c>StepWork.cshtml</c> looks the step
    /// up and redirects): for a session step whose session id the caller does not have, and for feeds and mails.
    /// </summary>
    public static string ResolveUrl(int stepId) => $"/Programmes/StepWork/{stepId}";

    /// <param name="phaseKey">The step's phase; when null, the first part of its key (the models' keys are "phase.name").</param>
    public static StepPlace PlaceOf(StepKind kind, string key, string? phaseKey)
    {
        var name = key.LastIndexOf('.') is var dot and >= 0 ? key[(dot + 1)..] : key;
        phaseKey = PhaseOf(key, phaseKey);
        return kind switch
        {
            StepKind.Session => StepPlace.Session,
            StepKind.AssessmentDays => StepPlace.AssessmentDays,
            StepKind.FollowUp => StepPlace.FollowUp,
            StepKind.Evaluation when Sessions.SessionService.EvaluatedPhases.Contains(phaseKey) => StepPlace.Evaluation,
            _ => name switch
            {
                "firsttalk" => StepPlace.FirstTalk,
                "agreement" => StepPlace.Agreement,
                "startup" => StepPlace.StartUp,
                "documents" => StepPlace.Documents,
                "futurepicture" => StepPlace.FuturePicture,
                _ => StepPlace.Step,
            },
        };
    }

    private static string PhaseOf(string key, string? phaseKey) => phaseKey ?? (key.IndexOf('.') is var dot and >= 0 ? key[..dot] : "");

    /// <summary>True when the step leads somewhere else than its own step page (so the plan links both).</summary>
    public static bool HasWorkPage(StepKind kind, string key, string? phaseKey) => PlaceOf(kind, key, phaseKey) is not (StepPlace.Step or StepPlace.FirstTalk);

    /// <summary>
    /// Where the step's work is. <paramref name="sessionId"/>: the session of a session step, when the caller has it
    /// (else the address goes through <see cref="ResolveUrl"/>, which finds or makes it). <paramref name="candidacyId"/>:
    /// the programme's candidacy, only when the reader may open it (the first talk was held in the selection round).
    /// </summary>
    public static string WorkUrl(int stepId, int programmeId, StepKind kind, string key, string? phaseKey, int? sessionId = null, int? candidacyId = null) =>
        PlaceOf(kind, key, phaseKey) switch
        {
            StepPlace.Session => sessionId is int session ? $"/Programmes/Sessions/Session/{session}" : ResolveUrl(stepId),
            StepPlace.AssessmentDays => $"/Programmes/Assessment/{programmeId}",
            StepPlace.Agreement => $"/Programmes/Agreement/Details/{programmeId}",
            StepPlace.StartUp => $"/Programmes/StartUp/{programmeId}",
            StepPlace.Documents => $"/Programmes/StartUp/Documents/{programmeId}",
            StepPlace.FuturePicture => $"/Programmes/FuturePicture/{programmeId}",
            StepPlace.Evaluation => $"/Programmes/Sessions/Phase/{programmeId}/{PhaseOf(key, phaseKey)}",
            StepPlace.FollowUp => $"/Programmes/FollowUp/{programmeId}",
            StepPlace.FirstTalk when candidacyId is int candidacy => $"/Selection/Candidate/{candidacy}",
            _ => EditUrl(stepId),
        };

    public static string WorkUrl(PlanStep step, int? sessionId = null, int? candidacyId = null) =>
        WorkUrl(step.Id, step.ProgrammeId, step.Kind, step.Key, step.PhaseKey, sessionId, candidacyId);

    /// <summary>The link text that says where a step leads, for screen readers and the plan ("Gå til veiledningen").</summary>
    public static string WorkLabel(StepKind kind, string key, string? phaseKey) => PlaceOf(kind, key, phaseKey) switch
    {
        StepPlace.Session => L.T("Gå til veiledningen"),
        StepPlace.AssessmentDays => L.T("Gå til vurderingsdagene"),
        StepPlace.Agreement => L.T("Gå til samarbeidsavtalen"),
        StepPlace.StartUp => L.T("Gå til oppstartsmøtet"),
        StepPlace.Documents => L.T("Gå til dokumentene"),
        StepPlace.FuturePicture => L.T("Gå til fremtidsbildet"),
        StepPlace.Evaluation => L.T("Gå til evalueringen"),
        StepPlace.FollowUp => L.T("Gå til oppfølgingsmøtet"),
        StepPlace.FirstTalk => L.T("Gå til første samtale"),
        _ => L.T("Gå til steget"),
    };
}
