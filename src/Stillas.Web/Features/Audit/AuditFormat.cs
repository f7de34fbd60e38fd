using System.Globalization;
using System.Text;
using Stillas.Web.Features.Holidays;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes.StartUp;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Web;
using Stillas.Web.Platform.Text;
using Stillas.Web.Features.Selection;

using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Audit;

/// <summary>
/// How audit entries read to a person: field names as labels in the reader's language (the bokmål labels below are
/// catalog keys, audit.texts.json), values as they are shown elsewhere.
/// </summary>
public static class AuditFormat
{
    /// <summary>The audited entity types, in the order the filter offers them.</summary>
    public static readonly string[] EntityTypes =
        [nameof(SchoolOwner), nameof(School), nameof(Person), nameof(Membership), nameof(GuidanceTeam), nameof(TeamMember), nameof(TrainingRecord),
         nameof(GuidanceProgramme), nameof(PlanStep), nameof(ProgrammeModel), nameof(SchoolHolidayPeriod),
         nameof(StartUpMeeting), nameof(AgendaItem), nameof(DocumentRequest), nameof(StoredFile),

         nameof(GuidanceAgreement), nameof(AgreementVersion), nameof(AgreementLine),
         nameof(Programmes.Sessions.GuidanceSession), nameof(Programmes.Sessions.InterimWorkAgreement), nameof(Programmes.Sessions.InterimWorkFeedback), nameof(Programmes.Sessions.PhaseEvaluation), nameof(Programmes.Sessions.SchoolLoopRound),
         nameof(Programmes.Assessment.AssessmentSlot), nameof(Programmes.Assessment.AssessmentTask), nameof(Programmes.Assessment.AssessmentReport), nameof(Programmes.Assessment.ReportPresentation), nameof(Programmes.Assessment.AssessmentSettings)];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Name"] = "Navn",
        ["OrganisationNumber"] = "Organisasjonsnummer",
        ["Kind"] = "Type",
        ["Level"] = "Skoletype",
        ["FirstGrade"] = "Første trinn",
        ["LastGrade"] = "Siste trinn",
        ["Pupils"] = "Elever",
        ["Active"] = "Aktiv",
        ["OwnerId"] = "Skoleeier (id)",
        ["SchoolId"] = "Skole (id)",
        ["PersonId"] = "Person (id)",
        ["TeamId"] = "Veilederteam (id)",
        ["UniversityId"] = "Universitet (id)",
        ["Email"] = "E-post",
        ["Phone"] = "Telefon",
        ["Title"] = "Stilling",
        ["Role"] = "Rolle",
        ["Description"] = "Beskrivelse",
        ["CapacityPerSchoolYear"] = "Skoler per skoleår",
        ["From"] = "Fra",
        ["To"] = "Til",
        ["Provider"] = "Tilbyder",
        ["CompletedOn"] = "Fullført",
        ["EndedOn"] = "Rolle avsluttet",
        ["Decisions"] = "Beslutninger",
        ["ToChange"] = "Hva bør endres",
        ["WhatWorks"] = "Hva fungerer",
        ["ClosedProgrammeAt"] = "Forløpet avsluttet",
        ["ClosedProgrammeBy"] = "Forløpet avsluttet av",
        ["Lasted"] = "Hva har vart",
        ["NextSteps"] = "Neste steg",
        ["NotLasted"] = "Hva har ikke vart",
        ["AgendaDigest"] = "Dagsorden (kontrollsum)",
        ["AllDay"] = "Hele dagen",
        ["Cancelled"] = "Avlyst",
        ["Ends"] = "Sluttidspunkt",
        ["InvitedCount"] = "Antall invitert",
        ["Location"] = "Sted",
        ["NotInvited"] = "Ikke invitert",
        ["Sequence"] = "Versjon i kalenderen",
        ["SourceId"] = "Møte (id)",
        ["Starts"] = "Starttidspunkt",
        ["CloseReason"] = "Begrunnelse for avslutning",
        ["ClosedAt"] = "Avsluttet dato",
        ["Colour"] = "Farge",
        ["Comment"] = "Kommentar",
        ["ObjectiveId"] = "Mål (id)",
        ["Occasion"] = "Anledning",
        ["RatedAt"] = "Vurdert",
        ["RatedByName"] = "Vurdert av",
        ["RatedByPersonId"] = "Vurdert av (id)",
        ["ByPersonId"] = "Registrert av (id)",
        ["Conflict"] = "Inhabilitet",
        ["CreatedAt"] = "Opprettet",
        ["ProgrammeId"] = "Veiledningsforløp (id)",
        ["SchoolYear"] = "Skoleår",
        ["TemplateKey"] = "Modell",
        ["TemplateVersion"] = "Modellversjon",
        ["TemplateName"] = "Modellnavn",
        ["StartDate"] = "Startdato",
        ["CandidacyId"] = "Kandidat i utvalgsrunde (id)",
        ["Status"] = "Status",
        ["Key"] = "Nøkkel",
        ["PhaseKey"] = "Fase (nøkkel)",
        ["PhaseName"] = "Fase",
        ["Responsible"] = "Ansvarlig",
        ["ResponsibleNote"] = "Hvem",
        ["Date"] = "Dato",
        ["EndDate"] = "Sluttdato",
        ["OriginalDate"] = "Opprinnelig dato",
        ["Note"] = "Notat",
        ["DoneAt"] = "Gjennomført",
        ["SessionNumber"] = "Veiledning nr.",
        ["Hours"] = "Timer",
        ["Order"] = "Rekkefølge",
        ["Version"] = "Versjon",
        ["BasedOnKey"] = "Basert på",
        ["BasedOnVersion"] = "Basert på versjon",
        ["Start"] = "Fra",
        ["End"] = "Til",
        ["Id"] = "Id",
        ["Minutes"] = "Referat",
        ["DevelopmentArea"] = "Utviklingsområde",
        ["DocumentsNote"] = "Dokumenter",
        ["AssessmentDaysFrom"] = "Første vurderingsdag",
        ["AssessmentDaysTo"] = "Siste vurderingsdag",
        ["SpecialConsiderations"] = "Særlige hensyn",
        ["MeetingId"] = "Oppstartsmøte (id)",
        ["Text"] = "Tekst",
        ["Done"] = "Gjennomgått",
        ["DueDate"] = "Frist",
        ["RequestId"] = "Dokumentforespørsel (id)",
        ["FileName"] = "Filnavn",
        ["ContentType"] = "Filtype",
        ["Size"] = "Størrelse (byte)",
        ["Sha256"] = "SHA-256",
        ["StoragePath"] = "Lagringssti",
        ["UploadedByPersonId"] = "Lastet opp av (id)",
        ["UploadedByName"] = "Lastet opp av",
        ["UploadedAt"] = "Lastet opp",
        ["AgreementId"] = "Samarbeidsavtale (id)",
        ["VersionId"] = "Avtaleversjon (id)",
        ["CurrentVersion"] = "Gjeldende versjon",
        ["Number"] = "Versjonsnummer",
        ["PeriodFrom"] = "Periode fra",
        ["PeriodTo"] = "Periode til",
        ["Parties"] = "Parter",
        ["OwnerApprovedBy"] = "Godkjent for skoleeier av",
        ["OwnerApprovedById"] = "Godkjent for skoleeier av (id)",
        ["OwnerApprovedAt"] = "Godkjent for skoleeier",
        ["PrincipalApprovedBy"] = "Godkjent for skolen av",
        ["PrincipalApprovedById"] = "Godkjent for skolen av (id)",
        ["PrincipalApprovedAt"] = "Godkjent for skolen",
        ["UpdatedBy"] = "Sist endret av",
        ["UpdatedAt"] = "Sist endret",
        ["Section"] = "Del",
        ["Checked"] = "Avkrysset",
        ["PlanStepId"] = "Steg i fremdriftsplan (id)",
        ["SessionId"] = "Veiledning (id)",
        ["StartTime"] = "Starttid",
        ["Place"] = "Sted",
        ["VideoLink"] = "Videolenke",
        ["Participants"] = "Deltakere",
        ["CycleStep"] = "Trinn i læringssirkelen",
        ["CycleNote"] = "Notat om læringssirkelen",
        ["Points"] = "Mellomarbeid",
        ["FeedbackDeadline"] = "Frist for tilbakemelding",
        ["NextSessionAt"] = "Neste veiledning",
        ["ReadingAssignment"] = "Lesebestilling",
        ["NextTopic"] = "Tema for neste veiledning",
        ["SentByName"] = "Sendt av",
        ["SentAt"] = "Sendt",
        ["PointStatus"] = "Status per punkt",
        ["WishedTopic"] = "Ønsket tema",
        ["SubmittedByName"] = "Sendt av",
        ["SubmittedAt"] = "Sendt",
        ["Late"] = "Etter fristen",
        ["WorkedWell"] = "Dette fungerte godt",
        ["ToImprove"] = "Dette bør endres",
        ["FeedbackOther"] = "Annet",
        ["FeedbackByName"] = "Tilbakemelding fra",
        ["FeedbackAt"] = "Tilbakemelding gitt",
        ["MeetingDate"] = "Dato for evalueringsmøtet",
        ["MeetingParticipants"] = "Deltakere på møtet",
        ["Conclusions"] = "Konklusjoner",
        ["ModelAdjustments"] = "Justeringer av modellen",
        ["RecordedByName"] = "Referent",
        ["RecordedAt"] = "Referat skrevet",
        ["Who"] = "Hvem",
        ["Where"] = "Hvor",
        ["SchoolTakesPart"] = "Skolen deltar",
        ["DoneBy"] = "Gjort av",
        ["ClientKey"] = "Nøkkel",
        ["AuthorPersonId"] = "Skrevet av (id)",
        ["AuthorName"] = "Skrevet av",
        ["Group"] = "Gruppe",
        ["SignKeys"] = "Tegn på god praksis",
        ["Keep"] = "Beholdes",
        ["KeepReason"] = "Begrunnelse for å beholde",
        ["KeptBy"] = "Beholdt av",
        ["FinalAt"] = "Endelig",
        ["FinalBy"] = "Gjort endelig av",
        ["NotesDeleteOn"] = "Notater slettes senest",
        ["Audience"] = "Lagt fram for",
        ["NoteRetentionDays"] = "Lagringstid for notater (dager)",
        ["Notes"] = "Notater (id)",
        ["Revision"] = "Revisjon",
        ["Json"] = "Innhold (JSON)",
        ["TemplateJson"] = "Modell (JSON)",
        ["Language"] = "Språk",
        ["PersonName"] = "Person",
        ["Joined"] = "Ble med i teamet",
        ["ByName"] = "Registrert av",
        ["At"] = "Tidspunkt",
        ["AgreementDeadline"] = "Frist for samarbeidsavtale",
        ["RoundId"] = "Utvalgsrunde (id)",
        ["Reason"] = "Begrunnelse",
        ["ReasonSource"] = "Grunnlag for begrunnelsen",
        ["FirstTalkDate"] = "Dato for første samtale",
        ["FirstTalkNotes"] = "Notater fra første samtale",
        ["Decision"] = "Beslutning",
        ["DecisionNote"] = "Merknad til beslutningen",
        ["DecidedAt"] = "Besluttet",
        ["SummaryDate"] = "Dato for oppsummering",
        ["PhaseOrder"] = "Fase nr.",
        ["NextStepTitle"] = "Neste steg",
        ["NextStepDate"] = "Dato for neste steg",
        ["OverdueSteps"] = "Forsinkede steg",
        ["Part"] = "Del av veiledningen",
        ["NextSessionDate"] = "Dato for neste veiledning",
        ["Denominator"] = "Nevner",
        ["Gender"] = "Kjønn",
        ["Grade"] = "Trinn",
        ["Indicator"] = "Indikator",
        ["Numerator"] = "Teller",
        ["SeriesBreak"] = "Brudd i tidsserien",
        ["UnitName"] = "Enhetens navn",
        ["Value"] = "Verdi",
        ["ImportedById"] = "Importert av (id)",
        ["FilterSignature"] = "Filterspesifikasjon",
        ["FinishedAt"] = "Ferdig",
        ["FirstYear"] = "Første år",
        ["ImportId"] = "Import (id)",
        ["LastYear"] = "Siste år",
        ["Message"] = "Melding",
        ["NextAttemptAt"] = "Neste forsøk",
        ["RequestedAt"] = "Bestilt",
        ["RequestedByName"] = "Bestilt av",
        ["State"] = "Tilstand",
        ["Author"] = "Forfatter",
        ["LatestNumber"] = "Siste versjon",
        ["Licence"] = "Lisens",
        ["RightsConfirmedAt"] = "Retten til tekstene bekreftet",
        ["RightsConfirmedBy"] = "Retten til tekstene bekreftet av",
        ["BankId"] = "Spørsmålsbank (id)",
        ["CreatedByName"] = "Laget av",
        ["ItemsJson"] = "Påstander",
        ["AnalysisId"] = "Analyse (id)",
        ["Groups"] = "Grupper",
        ["RemindedAt"] = "Påminnet",
        ["SurveyId"] = "Undersøkelse (id)",
        ["ContentHash"] = "Sjekksum for filen",
        ["ImportedAt"] = "Importert",
        ["ImportedByName"] = "Importert av",
        ["MissingCount"] = "Antall som mangler",
        ["SchoolYears"] = "Skoleår",
        ["SuppressedCount"] = "Antall skjermet",
        ["ValueCount"] = "Antall verdier",
        ["SurveyMinimumGroupSize"] = "Minste antall svar før resultater vises",
        ["BankName"] = "Spørsmålsbank",
        ["BankVersionNumber"] = "Versjon av spørsmålsbanken",
        ["ClosesOn"] = "Lukkes",
        ["OpensOn"] = "Åpner",
        ["MeetingRecord"] = "Referat fra fellesmøtet",
        ["ResultsPublished"] = "Resultater publisert for ansatte",
        ["OpenToken"] = "Åpen lenke",
        ["NextSessionTime"] = "Tid for neste veiledning",
        ["UpdatedByName"] = "Sist endret av",
        ["SectionId"] = "Avsnitt (id)",
        ["Findings"] = "Funn",
        ["WorksWell"] = "Dette fungerer godt",
        ["ToDevelop"] = "Dette bør utvikles",
        ["Questions"] = "Spørsmål",
        ["ReportId"] = "Vurderingsrapport (id)",
        ["FuturePictureId"] = "Fremtidsbilde (id)",
        ["FuturePictureVersionId"] = "Versjon av fremtidsbilde (id)",
        ["ChangeNote"] = "Kommentar til endringen",
        ["StableKey"] = "Nøkkel",
        ["VersionNumber"] = "Versjonsnummer",
        ["Resolved"] = "Løst",
        ["AccountId"] = "Konto (id)",
        ["Prefix"] = "Prefiks",
        ["TokenHash"] = "Nøkkel (hash)",
        ["Rights"] = "Rettigheter",
        ["ExpiresAt"] = "Utløper",
        ["LastUsedAt"] = "Sist brukt",
        ["RevokedAt"] = "Trukket tilbake",
        // A resend of an undelivered e-mail (Features/Mail: the outbox is not an audited entity).
        ["Attempts"] = "Forsøk",
        ["LastError"] = "Siste feil",
        // The school's process loop and the session's agenda (Features/Programmes/Sessions, issue 20).
        ["LoopRound"] = "Runde",
        ["SkutAgenda"] = "Dagsorden for SKUT-møtet",
        ["SkutDate"] = "Dato for SKUT-møtet",
        ["SkutParticipants"] = "Deltakere på SKUT-møtet",
        ["SkutDecisions"] = "Dette bestemte SKUT",
        ["StaffDate"] = "Dato for personalmøtet",
        ["StaffWork"] = "Dette gjorde personalet",
        ["Documentation"] = "Dokumentasjon",
        ["Agenda"] = "Dagsorden",
    };

    /// <summary>The bokmål labels of the fields (catalog keys; a test checks each has nynorsk and English).</summary>
    public static IEnumerable<string> Labels => Fields.Values.Concat(["Tittel", "Varighet (minutter)"]);

    /// <summary>Whether the field has a label of its own (not the fallback that splits the property name into words).</summary>
    public static bool HasLabel(string field) => Fields.ContainsKey(field) || TextCatalog.Shared.Contains(field);

    /// <summary>Where an entity of the type is shown, or null when it has no page of its own.</summary>
    public static string? EntityUrl(string entityType, string entityId) => entityType switch
    {
        nameof(School) => $"/Schools/Details/{entityId}",
        nameof(Person) => $"/People/Details/{entityId}",
        nameof(GuidanceTeam) => $"/Teams/Details/{entityId}",
        nameof(SchoolOwner) => $"/Owners/Details/{entityId}",
        nameof(GuidanceProgramme) => $"/Programmes/Details/{entityId}",
        nameof(PlanStep) => $"/Programmes/Step/{entityId}",
        nameof(ProgrammeModel) => $"/Models/Details/{entityId}",
        _ => null,
    };

    /// <summary>
    /// A property name as a label in the current language: known names from the catalog, a field stored under its
    /// bokmål label (a hand-written entry such as "Innloggingsøkter") translated, others split into words
    /// ("SomeField" → "Some field"; a test keeps every audited property out of this fallback).
    /// </summary>
    public static string FieldName(string entityType, string field)
    {
        // A training record's title is the course, not a person's job title.
        if (field == "Title" && entityType is nameof(TrainingRecord) or nameof(DocumentRequest)) return L.T("Tittel");
        if (field == "Minutes" && entityType == nameof(Programmes.Sessions.GuidanceSession)) return L.T("Varighet (minutter)");
        if (Fields.TryGetValue(field, out var name)) return L.T(name);
        if (TextCatalog.Shared.Contains(field)) return L.T(field);
        var sb = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (i > 0 && char.IsUpper(c)) sb.Append(' ').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string InterimWorkStatusName(Programmes.Sessions.InterimWorkStatus status) => status switch
    {
        Programmes.Sessions.InterimWorkStatus.Draft => L.T("Utkast"),
        Programmes.Sessions.InterimWorkStatus.Sent => L.T("Sendt"),
        Programmes.Sessions.InterimWorkStatus.Superseded => L.T("Erstattet"),
        _ => status.ToString(),
    };

    /// <summary>
    /// What a row is called in the log's "what" column beside its type: its name, or for a file its file name, for a
    /// document request or step its title (the last value the entry saw), so "Dokument 22" reads "Dokument «plan.pdf»".
    /// </summary>
    public static string? DisplayName(string entityType, Dictionary<string, string?[]> changes)
    {
        foreach (var field in entityType switch
                 {
                     nameof(StoredFile) => ["FileName"],
                     nameof(DocumentRequest) or nameof(PlanStep) or nameof(TrainingRecord) or nameof(AgendaItem) => new[] { "Title", "Name" },
                     nameof(Programmes.Sessions.GuidanceSession) => ["Number"],
                     _ => ["Name", "Title"],
                 })
        {
            if (!changes.TryGetValue(field, out var values)) continue;
            if (values.LastOrDefault(v => v is not null) is not { } text) continue;
            if (entityType == nameof(Person) && field == "Title") continue;
            return entityType == nameof(Programmes.Sessions.GuidanceSession) ? L.T("Veiledning {0}", text) : L.Data(text);
        }
        return null;
    }

    /// <summary>A stored value (invariant text) as it reads on the page; "–" for none.</summary>
    public static string Value(string entityType, string field, string? value)
    {
        if (value is null) return "–";
        if (value is "True") return L.T("ja");
        if (value is "False") return L.T("nei");
        if (value == Platform.Audit.AuditPolicy.RedactedValue) return L.T(value);
        // Hand-written entries store their values as bokmål text (Features/People, Features/Mail).
        if (field == "Innloggingsøkter" && value.EndsWith(" aktive", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(0, value.Length - " aktive".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sessions))
            return L.T("{0} aktive", sessions);
        if (field == "Innloggingsøkter" || (field == "Status" && entityType == Mail.UndeliveredModel.AuditEntityType)) return L.Data(value);
        // Where a confidential read happened ("Notatsiden"): a name the code wrote, translated when the catalog has it.
        if (field == "Where") return L.Data(value);
        if (field == "Decision" && entityType == nameof(SelectionCandidate) && Enum.TryParse<CandidateDecision>(value, out var decision)) return SelectionCandidate.DecisionName(decision);
        if (field == "ReasonSource" && entityType == nameof(SelectionCandidate) && Enum.TryParse<ReasonSource>(value, out var source)) return SelectionCandidate.SourceName(source);
        if (field == "Part" && Enum.TryParse<Programmes.Sessions.SessionPart>(value, out var part)) return Programmes.Sessions.SessionPlan.PartName(part);
        if (field == "Level" && Enum.TryParse<SchoolLevel>(value, out var level)) return School.LevelName(level);
        if (field == "Kind" && entityType == nameof(SchoolOwner) && Enum.TryParse<OwnerKind>(value, out var kind)) return SchoolOwner.KindName(kind);
        if (field == "Role" && entityType == nameof(Membership) && Enum.TryParse<Role>(value, out var role)) return Roles.Name(role);
        if (field == "Role" && entityType == nameof(TeamMember) && Enum.TryParse<TeamRole>(value, out var teamRole)) return TeamMember.RoleName(teamRole);
        if (field == "Status" && entityType == nameof(GuidanceProgramme) && Enum.TryParse<ProgrammeStatus>(value, out var programmeStatus)) return GuidanceProgramme.StatusName(programmeStatus);
        if (field == "Status" && entityType == nameof(PlanStep) && Enum.TryParse<StepStatus>(value, out var stepStatus)) return ProgrammeText.Label(stepStatus);
        if (field == "Status" && entityType == nameof(DocumentRequest) && Enum.TryParse<DocumentStatus>(value, out var documentStatus)) return DocumentRequest.StatusName(documentStatus);
        if (field == "Status" && entityType == nameof(AgreementVersion) && Enum.TryParse<AgreementStatus>(value, out var agreementStatus)) return AgreementVersion.StatusName(agreementStatus);
        if (field == "Section" && entityType == nameof(AgreementLine) && Enum.TryParse<AgreementSection>(value, out var section)) return AgreementRules.SectionName(section);
        if (field == "Responsible" && Enum.TryParse<StepResponsible>(value, out var responsible)) return ProgrammeText.Label(responsible);
        if (field == "Kind" && entityType == nameof(PlanStep) && Enum.TryParse<StepKind>(value, out var stepKind)) return ProgrammeText.Label(stepKind);
        if (field == "Kind" && entityType == nameof(SchoolHolidayPeriod) && Enum.TryParse<Stillas.Web.Platform.Calendar.SchoolHolidayKind>(value, out var holidayKind)) return SchoolHolidayPeriod.KindName(holidayKind);
        // Status values and kinds as their labels elsewhere in the app, never the code's names ("Sent → Superseded").
        if (field == "Status" && entityType == nameof(Programmes.Sessions.InterimWorkAgreement) && Enum.TryParse<Programmes.Sessions.InterimWorkStatus>(value, out var interimStatus)) return InterimWorkStatusName(interimStatus);
        if (field == "Status" && entityType == nameof(Programmes.Assessment.AssessmentReport) && Enum.TryParse<Programmes.Assessment.ReportStatus>(value, out var reportStatus)) return Programmes.Assessment.AssessmentRules.Label(reportStatus);
        if (field == "Audience" && Enum.TryParse<Programmes.Assessment.Audience>(value, out var audience)) return Programmes.Assessment.AssessmentRules.Label(audience);
        if (field == "Kind" && entityType == nameof(Programmes.Assessment.AssessmentNote) && Enum.TryParse<Programmes.Assessment.NoteKind>(value, out var noteKind)) return Programmes.Assessment.AssessmentRules.Label(noteKind);
        if (field == "Status" && entityType == nameof(SelectionRound) && Enum.TryParse<RoundStatus>(value, out var roundStatus)) return SelectionRound.StatusName(roundStatus);
        if (field == "Rights" && Enum.TryParse<Account.ApiTokenRights>(value, out var rights)) return Account.ApiTokens.RightsText(rights);
        // A file, a programme, a person or a team named by its id: the id is the link's business, the name is the reader's.
        if (field == "StoragePath") return L.T("(intern sti)");
        if (DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)) return NorwegianTime.DateTime(instant);
        if (DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return NorwegianTime.Date(date);
        return value;
    }
}
