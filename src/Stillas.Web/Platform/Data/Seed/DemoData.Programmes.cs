using System.Text;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes.StartUp;
using Stillas.Web.Features.Programmes.FuturePicture;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// The demo's programmes in different phases, so that a newcomer sees the feature at once (issue 4, demo data):
/// Sentrum skole (team 1, Fase 4) with an approved agreement, a start-up meeting, delivered documents and a
/// future picture in two versions with the team's comments; Nordvik ungdomsskole (team 1) in Fase 1 with
/// documents due next week; Åsen ungdomsskole (team 2) in Fase 2 with the future picture being written and
/// the assessment days in the coming weeks; Havnå skole (team 2, from March 2027) with its agreement
/// awaiting the principal's approval. The 2026/27 selection round they came from is closed.
/// </summary>
public sealed partial class DemoData
{
    /// <summary>A wall-clock time in Oslo on <paramref name="day"/>, as an instant.</summary>
    private static DateTimeOffset Oslo(DateOnly day, int hour, int minute = 0)
    {
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(local, Web.NorwegianTime.Oslo.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task SeedProgrammeWorkAsync(SchoolOwner nordvik, GuidanceTeam team1, GuidanceTeam team2, ProgrammeTemplate tromso,
        DateRange[] holidays, GuidanceProgramme sentrum, GuidanceProgramme havna, CancellationToken ct)
    {
        School School(string name) => db.Schools.Local.Single(s => s.Name == name);
        Person Person(string email) => db.People.Local.Single(p => p.Email == email);
        var ownerAdmin = Person("skoleeier@nordvik.test");
        var advisor = Person("veileder@nordvik.test");
        var uhGuide = Person("uh@nordvik.test");
        var principal = Person("rektor.sentrum@nordvik.test");
        var advisor2 = Person("jonas.radgiver@nordvik.test");

        // Two more programmes of school year 2026/27, from a closed selection round.
        var ungdom = School("Nordvik ungdomsskole");
        var asen = School("Åsen ungdomsskole");
        var round = new SelectionRound
        {
            OwnerId = nordvik.Id, SchoolYear = "2026/27", Title = "Utvalg av skoler til veiledning 2026/27",
            AgreementDeadline = new DateOnly(2026, 2, 28), Status = RoundStatus.Closed, CreatedAt = Oslo(new DateOnly(2025, 11, 18), 9),
        };
        db.SelectionRounds.Add(round);
        await db.SaveChangesAsync(ct);
        SelectionCandidate Accepted(School s, GuidanceTeam team, string reason, DateOnly talk, string notes) => new()
        {
            RoundId = round.Id, OwnerId = nordvik.Id, SchoolYear = round.SchoolYear, SchoolId = s.Id, Reason = reason, ReasonSource = ReasonSource.QualityReport,
            FirstTalkDate = talk, FirstTalkNotes = notes, Decision = CandidateDecision.Accepted, DecidedAt = Oslo(new DateOnly(2026, 2, 24), 12),
            TeamId = team.Id, DecisionNote = "Tilbudet er akseptert av rektor.", CreatedAt = round.CreatedAt,
        };
        db.SelectionCandidates.AddRange(
            Accepted(ungdom, team1, "Elevundersøkelsen viser at elevene på 9. trinn opplever lite motivasjon og medvirkning.", new DateOnly(2026, 1, 13),
                "Rektor vil starte etter høstferien når ny inspektør er på plass. Fast samarbeidstid tirsdager."),
            Accepted(asen, team2, "Kvalitetsmeldingen viser at vurdering for læring praktiseres ulikt mellom lærerne.", new DateOnly(2026, 1, 20),
                "Skolen har SKUT med to lærerrepresentanter. Ønsker oppstart i oktober."),
            Accepted(havna.School ?? School("Havnå skole"), team2, "Lav andel elever på høyeste mestringsnivå i regning på 5. trinn over tre år.", new DateOnly(2026, 1, 22),
                "Rektor ønsker oppstart våren 2027 etter at skolen har flyttet inn i nytt bygg."));

        var ungdomProgramme = ProgrammePlanning.Create(nordvik.Id, ungdom.Id, team1.Id, tromso, ProgressPlanner.Plan(tromso, new DateOnly(2026, 11, 16), holidays));
        var asenProgramme = ProgrammePlanning.Create(nordvik.Id, asen.Id, team2.Id, tromso, ProgressPlanner.Plan(tromso, new DateOnly(2026, 10, 26), holidays));
        foreach (var p in new[] { ungdomProgramme, asenProgramme })
            foreach (var step in p.Steps.Where(s => s.LastDay < ProgrammesAsOf))
            {
                step.Status = StepStatus.Done;
                step.DoneAt = Oslo(step.LastDay, 15);
            }
        db.Programmes.AddRange(ungdomProgramme, asenProgramme);
        await db.SaveChangesAsync(ct);

        string Parties(School s, GuidanceTeam t, params (Person Person, string Role)[] members) =>
            AgreementRules.DefaultParties(new AgreementRules.PartyNames(nordvik.Name, s.Name, t.Name, [.. members.Select(m => (m.Person.Name, m.Role))]));
        var team1Members = new[] { (advisor, "Utviklingsveileder"), (Person("anne.lederstad@nordvik.test"), "Skolelederveileder"), (uhGuide, "UH-veileder") };
        var team2Members = new[] { (advisor2, "Utviklingsveileder"), (Person("tor.skolesjef@nordvik.test"), "Skolelederveileder"), (Person("maria.professor@nordvik.test"), "UH-veileder") };

        // Agreements: approved by both for the three running programmes, awaiting the principal for Havnå.
        Approved(sentrum, Parties(School("Sentrum skole"), team1, team1Members), "Lesing i alle fag: elevene skal oppleve mestring og sammenheng i lesearbeidet på tvers av fag.", principal.Name);
        Approved(ungdomProgramme, Parties(ungdom, team1, team1Members), null, "Rektor ved Nordvik ungdomsskole");
        Approved(asenProgramme, Parties(asen, team2, team2Members), "Vurdering for læring: tydelige mål, gode tilbakemeldinger og elevinvolvering.", "Rektor ved Åsen ungdomsskole");
        var havnaAgreement = AgreementRules.CreateDraft(havna, Parties(havna.School ?? School("Havnå skole"), team2, team2Members));
        var havnaVersion = havnaAgreement.Versions[0];
        havnaVersion.Status = AgreementStatus.AwaitingApproval;
        havnaVersion.OwnerApprovedBy = ownerAdmin.Name; havnaVersion.OwnerApprovedById = ownerAdmin.Id; havnaVersion.OwnerApprovedAt = Oslo(new DateOnly(2026, 11, 20), 10, 15);
        havnaVersion.UpdatedBy = ownerAdmin.Name; havnaVersion.UpdatedAt = havnaVersion.OwnerApprovedAt; havnaVersion.CreatedAt = Oslo(new DateOnly(2026, 11, 18), 13);
        db.Agreements.Add(havnaAgreement);

        void Approved(GuidanceProgramme p, string parties, string? area, string principalName)
        {
            var agreement = AgreementRules.CreateDraft(p, parties);
            var v = agreement.Versions[0];
            var step = p.Steps.Single(s => s.Key == "forfase.agreement");
            v.DevelopmentArea = area;
            foreach (var line in v.Lines) line.Checked = true;
            v.Status = AgreementStatus.Approved;
            v.CreatedAt = Oslo(step.Date.AddDays(-10), 9);
            v.UpdatedBy = advisor.Name; v.UpdatedAt = Oslo(step.Date.AddDays(-3), 14);
            v.OwnerApprovedBy = ownerAdmin.Name; v.OwnerApprovedById = ownerAdmin.Id; v.OwnerApprovedAt = Oslo(step.Date.AddDays(-2), 10, 30);
            v.PrincipalApprovedBy = principalName; v.PrincipalApprovedById = principalName == principal.Name ? principal.Id : null; v.PrincipalApprovedAt = Oslo(step.Date, 8, 45);
            agreement.CurrentVersion = 1;
            agreement.CreatedAt = v.CreatedAt;
            db.Agreements.Add(agreement);
        }

        // Start-up meetings: held at Sentrum, Åsen and Nordvik ungdomsskole.
        StartUpMeeting StartUp(GuidanceProgramme p, string minutes, string? area, string documents, string? special)
        {
            var startStep = p.Steps.Single(s => s.Key == "fase1.startup");
            var assessment = p.Steps.Single(s => s.Key == "fase3.assessmentdays");
            var m = StartUpMeeting.For(p, startStep.Date);
            foreach (var item in m.Items) item.Done = true;
            m.Minutes = minutes; m.DevelopmentArea = area; m.DocumentsNote = documents; m.SpecialConsiderations = special;
            m.AssessmentDaysFrom = assessment.Date; m.AssessmentDaysTo = assessment.LastDay;
            m.Version = 1;
            m.CreatedAt = Oslo(startStep.Date, 15);
            return m;
        }
        db.StartUpMeetings.AddRange(
            StartUp(sentrum, "Veilederteamet presenterte seg og metoden. Ledelsen og SKUT drøftet utviklingsområde og valgte lesing i alle fag. Skolen sender dokumentene innen fristen.",
                "Lesing i alle fag", "Alle dokumentene i listen. Ståstedsanalysen fra høsten 2025.", "Skolen har mange nyankomne elever; tolk til foreldremøtet med FAU."),
            StartUp(asenProgramme, "Oppstartsmøtet ble holdt med hele ledelsen og SKUT. Utviklingsområdet er valgt. Vurderingsdagene er lagt til uke 51.",
                "Vurdering for læring", "Alle dokumentene i listen.", null),
            StartUp(ungdomProgramme, "Ledelsen ønsker å vente med valg av utviklingsområde til dokumentene er gjennomgått. Avklares på møte med veilederteamet før jul.",
                null, "Alle dokumentene i listen; ukeplaner fra 8. og 10. trinn.", "Ny inspektør fra januar."));
        await db.SaveChangesAsync(ct);

        // Documents: all delivered and most approved at Sentrum and Åsen; three delivered at Nordvik ungdomsskole, the rest due.
        await DocumentsAsync(sentrum, principal, delivered: 9, approved: 8, ct);
        await DocumentsAsync(asenProgramme, null, delivered: 9, approved: 5, ct);
        await DocumentsAsync(ungdomProgramme, null, delivered: 3, approved: 0, ct);

        // Future pictures: Sentrum in two versions with the team's comments; Åsen's first draft.
        FuturePictureVersion Version(FuturePicture f, int number, string area, string text, Person author, DateTimeOffset at, string? note, params string[] signs)
        {
            var v = new FuturePictureVersion
            {
                FuturePicture = f, OwnerId = f.OwnerId, SchoolId = f.SchoolId, TeamId = f.TeamId, Number = number, DevelopmentArea = area, Text = text,
                AuthorPersonId = author.Id, AuthorName = author.Name, CreatedAt = at, ChangeNote = note,
            };
            var order = 0;
            foreach (var sign in signs)
                v.Signs.Add(new SignOfGoodPractice { OwnerId = f.OwnerId, SchoolId = f.SchoolId, TeamId = f.TeamId, Order = ++order, Text = sign, StableKey = StableKey(f.SchoolId, sign) });
            return v;
        }
        FuturePictureComment Comment(FuturePicture f, int version, Person author, DateTimeOffset at, string text, bool resolved) => new()
        {
            FuturePicture = f, VersionNumber = version, OwnerId = f.OwnerId, SchoolId = f.SchoolId, TeamId = f.TeamId,
            AuthorPersonId = author.Id, AuthorName = author.Name, CreatedAt = at, Text = text, Resolved = resolved,
        };

        var sentrumPicture = new FuturePicture { ProgrammeId = sentrum.Id, OwnerId = sentrum.OwnerId, SchoolId = sentrum.SchoolId, TeamId = sentrum.TeamId, CurrentVersion = 2, Version = 2 };
        const string sentrumArea = "Lesing i alle fag";
        const string sentrumText1 = "Om tre år leser elevene ved Sentrum skole med forståelse og glede i alle fag. Lærerne underviser i lesestrategier i sine fag, og elevene bruker dem selvstendig.";
        const string sentrumText2 = sentrumText1 + "\n\nLærerne samarbeider om lesing på tvers av trinn og fag, og ledelsen følger opp arbeidet i fast samarbeidstid hver onsdag.";
        string[] signs1 =
        [
            "Elevene bruker lesestrategier før, under og etter lesing i alle fag.",
            "Lærerne modellerer lesing av fagtekster.",
            "Skolebiblioteket brukes aktivt i undervisningen.",
        ];
        string[] signs2 =
        [
            "Elevene bruker lesestrategier før, under og etter lesing i alle fag.",
            "Lærerne modellerer lesing av fagtekster.",
            "Skolebiblioteket brukes aktivt i undervisningen.",
            "Lærerne deler erfaringer med lesing i fast samarbeidstid hver onsdag.",
            "Elevene forteller at de mestrer lesing i fagene.",
        ];
        sentrumPicture.Versions.Add(Version(sentrumPicture, 1, sentrumArea, sentrumText1, principal, Oslo(new DateOnly(2026, 4, 10), 13), null, signs1));
        sentrumPicture.Versions.Add(Version(sentrumPicture, 2, sentrumArea, sentrumText2, principal, Oslo(new DateOnly(2026, 11, 12), 14, 20),
            "Lagt til samarbeidstid og elevenes opplevelse av mestring etter veiledning 2.", signs2));
        sentrumPicture.Comments.Add(Comment(sentrumPicture, 1, uhGuide, Oslo(new DateOnly(2026, 4, 14), 9, 10), "Godt utgangspunkt. Hvordan vil dere se at elevene mestrer lesingen? Vurder et tegn som beskriver elevenes egen opplevelse.", true));
        sentrumPicture.Comments.Add(Comment(sentrumPicture, 2, advisor, Oslo(new DateOnly(2026, 11, 13), 8, 30), "Fint at samarbeidstiden er med. Husk å drøfte tegnene med SKUT før fristen 20.11.", false));

        var asenPicture = new FuturePicture { ProgrammeId = asenProgramme.Id, OwnerId = asenProgramme.OwnerId, SchoolId = asenProgramme.SchoolId, TeamId = asenProgramme.TeamId, CurrentVersion = 1, Version = 1 };
        asenPicture.Versions.Add(Version(asenPicture, 1, "Vurdering for læring",
            "Ved Åsen ungdomsskole vet elevene hva de skal lære, får tilbakemeldinger som hjelper dem videre, og er med på å vurdere eget arbeid.",
            advisor2, Oslo(new DateOnly(2026, 11, 24), 15), "Første utkast fra ledelsen, skrevet inn av utviklingsveileder.",
            "Elevene kan forklare hva de skal lære i timen.",
            "Lærerne gir framovermeldinger som elevene bruker.",
            "Elevene vurderer eget og andres arbeid etter kjente kriterier."));
        db.FuturePictures.AddRange(sentrumPicture, asenPicture);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A stable, deterministic key for a demo sign, so the demo's signs are the same on every start.</summary>
    private static Guid StableKey(int schoolId, string text)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{schoolId}:{text}"));
        return new Guid(bytes.AsSpan(0, 16));
    }

    /// <summary>The Fase 1 document requests of a programme, the first <paramref name="delivered"/> with a real small file.</summary>
    private async Task DocumentsAsync(GuidanceProgramme p, Person? uploader, int delivered, int approved, CancellationToken ct)
    {
        var due = p.Steps.Single(s => s.Key == "fase1.documents").Date;
        var requests = DocumentRequest.DefaultsFor(p, due);
        foreach (var r in requests) r.CreatedAt = Oslo(p.StartDate, 16);
        db.DocumentRequests.AddRange(requests);
        await db.SaveChangesAsync(ct);
        var schoolName = db.Schools.Local.Single(s => s.Id == p.SchoolId).Name;
        foreach (var (r, i) in requests.Select((r, i) => (r, i)).Take(delivered))
        {
            var isTable = r.Title.StartsWith("Oversikt", StringComparison.Ordinal);
            var name = isTable ? "klasser-og-personal.csv" : $"{Slug(r.Title)}.txt";
            var body = isTable
                ? "Trinn;Klasser;Elever;Kontaktlærere\n1;2;44;2\n2;2;47;2\n3;2;51;2\n4;2;46;2\n5;2;49;2\n6;2;52;2\n7;2;53;2\n"
                : $"{r.Title} – {schoolName}\n\n{r.Description}\n\n(Demodokument. Innholdet er fiktivt.)\n";
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(body));
            var stored = await files.SaveAsync(content, name, p.OwnerId, ct);
            if (stored.Content is not { } c) throw new InvalidOperationException("Demo file refused: " + stored.Error);
            db.StoredFiles.Add(new StoredFile
            {
                RequestId = r.Id, OwnerId = r.OwnerId, SchoolId = r.SchoolId, TeamId = r.TeamId,
                FileName = c.FileName, ContentType = c.ContentType, Size = c.Size, Sha256 = c.Sha256, StoragePath = c.StoragePath,
                UploadedByPersonId = uploader?.Id, UploadedByName = uploader?.Name ?? $"Rektor ved {schoolName}",
                UploadedAt = Oslo(due.AddDays(-3 + i % 3), 10 + i % 5),
            });
            r.Status = i < approved ? DocumentStatus.Approved : DocumentStatus.Delivered;
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Slug(string title)
    {
        var sb = new StringBuilder();
        foreach (var ch in title.ToLowerInvariant())
            sb.Append(ch switch { 'æ' => "ae", 'ø' => "o", 'å' => "a", _ when char.IsAsciiLetterOrDigit(ch) => ch.ToString(), _ => "-" });
        return sb.ToString().Trim('-').Replace("--", "-", StringComparison.Ordinal);
    }
}
