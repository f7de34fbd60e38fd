using Microsoft.AspNetCore.Identity;
using Stillas.Web.Features.Holidays;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Calendar;
using AccountEntity = Stillas.Web.Features.Account.Account;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Fictional demo data (no real people): Nordvik kommune with twelve schools and two guidance teams,
/// Universitetet i Nord, and Fjordland fylkeskommune with four upper secondary schools, one of which
/// writes nynorsk (its principal has chosen nynorsk), and a guest researcher who reads English.
/// </summary>
public sealed partial class DemoData(StillasDb db, UserManager<AccountEntity> users, Files.FileStore files)
{
    public const string Password = "Demo-passord-1";

    public static readonly (string Email, string Description)[] Logins =
    [
        ("admin@stillas.test", "Systemadministrator"),
        ("skoleeier@nordvik.test", "Skoleeieradministrator, Nordvik kommune"),
        ("veileder@nordvik.test", "Utviklingsveileder, veilederteam 1 i Nordvik"),
        ("uh@nordvik.test", "Veileder fra Universitetet i Nord, veilederteam 1"),
        ("rektor.sentrum@nordvik.test", "Rektor, Sentrum skole i Nordvik"),
        ("skoleeier@fjordland.test", "Skoleeieradministrator, Fjordland fylkeskommune"),
        ("rektor.fjell@fjordland.test", "Rektor, Fjell vidaregåande skule (nynorsk)"),
        ("gjest@uni-nord.test", "Gjesteforsker fra Universitetet i Nord (engelsk)"),
    ];

    private int orgStem = 91000000;

    /// <summary>Next valid, fictional organisation number (mod-11) from a counter.</summary>
    private string NextOrgNo()
    {
        while (true)
        {
            var n = OrganisationNumber.Complete((orgStem++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (n is not null) return n;
        }
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var nordvik = new SchoolOwner { Name = "Nordvik kommune", OrganisationNumber = NextOrgNo(), Kind = OwnerKind.Kommune };
        var fjordland = new SchoolOwner { Name = "Fjordland fylkeskommune", OrganisationNumber = NextOrgNo(), Kind = OwnerKind.Fylkeskommune };
        var uni = new University { Name = "Universitetet i Nord", ShortName = "UiN" };
        db.AddRange(nordvik, fjordland, uni);

        School S(SchoolOwner o, string name, SchoolLevel level, int first, int last, int pupils) =>
            new() { Owner = o, Name = name, OrganisationNumber = NextOrgNo(), Level = level, FirstGrade = first, LastGrade = last, Pupils = pupils };

        var sentrum = S(nordvik, "Sentrum skole", SchoolLevel.Barneskole, 1, 7, 342);
        var nordvikSchools = new[]
        {
            sentrum,
            S(nordvik, "Fjellheim skole", SchoolLevel.Barneskole, 1, 7, 281),
            S(nordvik, "Havnå skole", SchoolLevel.Barneskole, 1, 7, 198),
            S(nordvik, "Bjørkly skole", SchoolLevel.Barneskole, 1, 7, 412),
            S(nordvik, "Solbakken skole", SchoolLevel.Barneskole, 1, 7, 156),
            S(nordvik, "Elvebakken skole", SchoolLevel.Barneskole, 1, 7, 233),
            S(nordvik, "Lyngstad skole", SchoolLevel.Barneskole, 1, 4, 64),
            S(nordvik, "Nordvik ungdomsskole", SchoolLevel.Ungdomsskole, 8, 10, 388),
            S(nordvik, "Åsen ungdomsskole", SchoolLevel.Ungdomsskole, 8, 10, 297),
            S(nordvik, "Kvitberg ungdomsskole", SchoolLevel.Ungdomsskole, 8, 10, 241),
            S(nordvik, "Øyvågen skole", SchoolLevel.Kombinert, 1, 10, 176),
            S(nordvik, "Strandå skole", SchoolLevel.Barneskole, 1, 7, 122),
        };
        var fjordlandSchools = new[]
        {
            S(fjordland, "Fjordland videregående skole", SchoolLevel.Videregaende, 11, 13, 820),
            S(fjordland, "Vestbygda videregående skole", SchoolLevel.Videregaende, 11, 13, 455),
            S(fjordland, "Breivik videregående skole", SchoolLevel.Videregaende, 11, 13, 610),
            S(fjordland, "Fjell vidaregåande skule", SchoolLevel.Videregaende, 11, 13, 380),
        };
        db.Schools.AddRange(nordvikSchools);
        db.Schools.AddRange(fjordlandSchools);

        var team1 = new GuidanceTeam { Owner = nordvik, Name = "Veilederteam 1", Description = "Veileder skoler i sentrum og nord.", CapacityPerSchoolYear = 3 };
        var team2 = new GuidanceTeam { Owner = nordvik, Name = "Veilederteam 2", Description = "Veileder skoler i sør og på øyene.", CapacityPerSchoolYear = 2 };
        db.Teams.AddRange(team1, team2);
        await db.SaveChangesAsync(ct);

        Person P(SchoolOwner? owner, string name, string email, string? title) => new() { OwnerId = owner?.Id, Name = name, Email = email, Title = title };

        var admin = P(null, "Siri Systemsen", "admin@stillas.test", "Systemadministrator");
        var ownerAdmin = P(nordvik, "Kari Nordmann", "skoleeier@nordvik.test", "Seksjonsleder oppvekst");
        var advisor = P(nordvik, "Ola Veileder", "veileder@nordvik.test", "Utviklingsveileder");
        var uhGuide = P(nordvik, "Ingrid Forsker", "uh@nordvik.test", "Førsteamanuensis");
        var principal = P(nordvik, "Per Rektorsen", "rektor.sentrum@nordvik.test", "Rektor");
        var fjordAdmin = P(fjordland, "Nils Fjordbu", "skoleeier@fjordland.test", "Fagsjef videregående opplæring");
        var leaderGuide = P(nordvik, "Anne Lederstad", "anne.lederstad@nordvik.test", "Rektor, Fjellheim skole");
        var advisor2 = P(nordvik, "Jonas Rådgiver", "jonas.radgiver@nordvik.test", "Utviklingsveileder");
        var uhGuide2 = P(nordvik, "Maria Professor", "maria.professor@nordvik.test", "Professor");
        var leaderGuide2 = P(nordvik, "Tor Skolesjef", "tor.skolesjef@nordvik.test", "Rektor, Bjørkly skole");
        var teacher = P(nordvik, "Lise Lærer", "lise.laerer@nordvik.test", "Lærer");
        var skut = P(nordvik, "Erik Tillitsvalgt", "erik.tillitsvalgt@nordvik.test", "Lærer og SKUT-medlem");
        var deputy = P(nordvik, "Hanne Inspektør", "hanne.inspektor@nordvik.test", "Inspektør");
        var fjordPrincipal = P(fjordland, "Rune Rektor", "rektor@fjordland-vgs.test", "Rektor");
        // A nynorsk school's principal and a guest from abroad: the two other languages from the first login.
        var fjellPrincipal = P(fjordland, "Guri Fjell", "rektor.fjell@fjordland.test", "Rektor");
        fjellPrincipal.Language = Text.Languages.Nynorsk;
        var guest = P(nordvik, "Emma Guest", "gjest@uni-nord.test", "Visiting researcher");
        guest.Language = Text.Languages.English;
        var people = new[] { admin, ownerAdmin, advisor, uhGuide, principal, fjordAdmin, leaderGuide, advisor2, uhGuide2, leaderGuide2, teacher, skut, deputy, fjordPrincipal, fjellPrincipal, guest };
        db.People.AddRange(people);
        await db.SaveChangesAsync(ct);

        Membership M(Person p, Role role, SchoolOwner? owner = null, School? school = null, University? u = null) =>
            new() { PersonId = p.Id, Role = role, OwnerId = owner?.Id ?? school?.OwnerId, SchoolId = school?.Id, UniversityId = u?.Id };
        db.Memberships.AddRange(
            M(admin, Role.SystemAdmin),
            M(ownerAdmin, Role.OwnerAdmin, nordvik),
            M(advisor, Role.DevelopmentAdvisor, nordvik),
            M(advisor2, Role.DevelopmentAdvisor, nordvik),
            M(uhGuide, Role.UniversityGuide, nordvik, u: uni),
            M(uhGuide2, Role.UniversityGuide, nordvik, u: uni),
            M(leaderGuide, Role.SchoolLeaderGuide, nordvik),
            M(leaderGuide, Role.Principal, school: nordvikSchools[1]),
            M(leaderGuide2, Role.SchoolLeaderGuide, nordvik),
            M(leaderGuide2, Role.Principal, school: nordvikSchools[3]),
            M(principal, Role.Principal, school: sentrum),
            M(deputy, Role.SchoolLeader, school: sentrum),
            M(skut, Role.SkutMember, school: sentrum),
            M(skut, Role.Teacher, school: sentrum),
            M(teacher, Role.Teacher, school: sentrum),
            M(teacher, Role.GroupLeader, school: sentrum),
            M(fjordAdmin, Role.OwnerAdmin, fjordland),
            M(fjordPrincipal, Role.Principal, school: fjordlandSchools[0]),
            M(fjellPrincipal, Role.Principal, school: fjordlandSchools[3]),
            M(guest, Role.UniversityGuide, nordvik, u: uni));

        TeamMember T(GuidanceTeam t, Person p, TeamRole r) => new() { TeamId = t.Id, OwnerId = t.OwnerId, PersonId = p.Id, Role = r, From = new DateOnly(2025, 8, 1) };
        db.TeamMembers.AddRange(
            T(team1, advisor, TeamRole.DevelopmentAdvisor), T(team1, leaderGuide, TeamRole.SchoolLeaderGuide), T(team1, uhGuide, TeamRole.UniversityGuide),
            T(team2, advisor2, TeamRole.DevelopmentAdvisor), T(team2, leaderGuide2, TeamRole.SchoolLeaderGuide), T(team2, uhGuide2, TeamRole.UniversityGuide),
            // The guest researcher follows team 1's work this school year.
            T(team1, guest, TeamRole.UniversityGuide));
        db.TrainingRecords.AddRange(
            new TrainingRecord { PersonId = advisor.Id, OwnerId = nordvik.Id, Title = "Skolebasert vurdering", Provider = "Utdanningsdirektoratet", CompletedOn = new DateOnly(2025, 10, 15) },
            new TrainingRecord { PersonId = advisor.Id, OwnerId = nordvik.Id, Title = "Veiledning av skoleledere", Provider = "Universitetet i Nord", CompletedOn = new DateOnly(2026, 3, 12) },
            new TrainingRecord { PersonId = leaderGuide.Id, OwnerId = nordvik.Id, Title = "Skolebasert vurdering", Provider = "Utdanningsdirektoratet", CompletedOn = new DateOnly(2025, 10, 15) });
        await db.SaveChangesAsync(ct);

        // Selection: a closed round with history (seed 000 § 1.2: in time every school gets an offer) and
        // an open round for 2027/28 (first talks in January, agreements by the end of February 2027).
        static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 9, 0, 0, TimeSpan.Zero);
        var closed = new SelectionRound { OwnerId = nordvik.Id, SchoolYear = "2025/26", Title = "Utvalg av skoler til veiledning 2025/26", AgreementDeadline = new DateOnly(2025, 2, 28), Status = RoundStatus.Closed, CreatedAt = At(2024, 11, 20) };
        var open = new SelectionRound { OwnerId = nordvik.Id, SchoolYear = "2027/28", Title = "Utvalg av skoler til veiledning 2027/28", AgreementDeadline = new DateOnly(2027, 2, 28), CreatedAt = At(2026, 11, 2) };
        db.SelectionRounds.AddRange(closed, open);
        await db.SaveChangesAsync(ct);
        SelectionCandidate C(SelectionRound r, School s, string reason, ReasonSource source) =>
            new() { RoundId = r.Id, OwnerId = r.OwnerId, SchoolYear = r.SchoolYear, SchoolId = s.Id, Reason = reason, ReasonSource = source, CreatedAt = r.CreatedAt };
        var accepted = C(closed, sentrum, "Kvalitetsmeldingen viser svake resultater i lesing på 5. trinn og at elevene opplever lite mestring. Skolen ønsker å utvikle lesing i alle fag.", ReasonSource.QualityReport);
        accepted.FirstTalkDate = new DateOnly(2025, 1, 14); accepted.FirstTalkNotes = "Rektor og inspektør motiverte. SKUT finnes; fast samarbeidstid onsdager 14–15.30.";
        accepted.Decision = CandidateDecision.Accepted; accepted.DecidedAt = At(2025, 2, 20); accepted.TeamId = team1.Id; accepted.DecisionNote = "Tilbudet er akseptert. Veiledningen starter etter vinterferien 2026.";
        var declined = C(closed, nordvikSchools[2], "Elevundersøkelsen viser økt mobbing på mellomtrinnet.", ReasonSource.QualityReport);
        declined.FirstTalkDate = new DateOnly(2025, 1, 21); declined.Decision = CandidateDecision.Declined; declined.DecidedAt = At(2025, 2, 10); declined.DecisionNote = "Skolen prioriterer ny leseplan dette året.";
        var postponed = C(closed, nordvikSchools[4], "Skolen har selv bedt om støtte til arbeidet med vurdering for læring.", ReasonSource.SchoolRequest);
        postponed.FirstTalkDate = new DateOnly(2025, 1, 23); postponed.Decision = CandidateDecision.Postponed; postponed.DecidedAt = At(2025, 2, 25); postponed.DecisionNote = "Ny rektor fra august; tas opp igjen i en senere runde.";
        var talked = C(open, nordvikSchools[5], "Kvalitetsmeldingen viser lav gjennomføring av tilpasset opplæring, og skolen ønsker et langsiktig utviklingsarbeid.", ReasonSource.QualityReport);
        talked.FirstTalkDate = new DateOnly(2026, 11, 19); talked.FirstTalkNotes = "Tidlig samtale etter ønske fra rektor. Skolen må få på plass SKUT med lærerrepresentanter før januar.";
        db.SelectionCandidates.AddRange(accepted, declined, postponed, talked,
            C(open, nordvikSchools[6], "Liten skole som aldri har fått tilbud om veiledning.", ReasonSource.OwnerAssessment));
        await db.SaveChangesAsync(ct);

        // All demo accounts share one password: hash it once (PBKDF2 is slow on purpose) and reuse the
        // salted hash, so seeding does not add seconds to a newcomer's first start.
        string? hash = null;
        foreach (var login in Logins)
        {
            var person = people.Single(p => p.Email == login.Email);
            var account = new AccountEntity { UserName = person.Email, Email = person.Email, EmailConfirmed = true, PersonId = person.Id, PasswordHash = hash };
            var result = hash is null ? await users.CreateAsync(account, Password) : await users.CreateAsync(account);
            if (!result.Succeeded) throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            hash = account.PasswordHash;
        }

        await SeedProgrammesAsync(nordvik, sentrum, nordvikSchools[2], team1, team2, ct);
        await DemoPlans.SeedAsync(db, ct);
        await DemoSteps.SeedAsync(db, ct);
        await DemoSessions.SeedAsync(db, ct);
        await SeedLoopAsync(ct);
        await DemoCalendar.SeedAsync(db, ct);
        await AssessmentDemoData.SeedAsync(db, ProgrammesAsOf, ct);
        await SeedConflictsAsync(ct);
        await DemoObjectives.SeedAsync(db, ct);
        await SeedSurveysAsync(ct);
        await SeedIndicatorsAsync(nordvik, fjordland, nordvikSchools, fjordlandSchools, ct);
    }

    /// <summary>The day the demo's programme states are drawn for: Sentrum is in Fase 4 with one school step overdue.</summary>
    public static readonly DateOnly ProgrammesAsOf = new(2026, 11, 27);

    /// <summary>
    /// The morning the demo is written for, as <c>Clock:Start</c> takes it: tests and screenshots run the app from
    /// here so that the demo's "next", "due" and "overdue" stay true on any later day.
    /// </summary>
    public const string DesignedFor = "2026-11-27T08:00:00+01:00";

    /// <summary>
    /// Nordvik's school holidays for 2025/26–2027/28 (the suggestion, as if the owner had accepted it), an own
    /// model copied from the Tromsø model, Sentrum skole's programme with team 1 from 2 March 2026 (early
    /// steps done, the future picture moved and now overdue) and Havnå skole's with team 2 from 1 March 2027.
    /// </summary>
    private async Task SeedProgrammesAsync(SchoolOwner nordvik, School sentrum, School havna, GuidanceTeam team1, GuidanceTeam team2, CancellationToken ct)
    {
        foreach (var year in new[] { new SchoolYear(2025), new SchoolYear(2026), new SchoolYear(2027) })
            foreach (var h in SchoolHolidaySuggestion.For(year))
                db.SchoolHolidays.Add(new SchoolHolidayPeriod { OwnerId = nordvik.Id, SchoolYear = year.ToString(), Kind = h.Kind, Name = h.Name, Start = h.Range.Start, End = h.Range.End });
        DateRange[] holidays = [.. SchoolHolidaySuggestion.Ranges(new SchoolYear(2025), new SchoolYear(2027))];

        var own = ProgrammeTemplates.TromsoV1.CopyAsOwnModel("nordvik", "Nordvik-modellen").WithSessionsPerHalfYear(3);
        db.ProgrammeModels.Add(new ProgrammeModel
        {
            OwnerId = nordvik.Id, Key = own.Key, Name = own.Name, Version = own.Version,
            BasedOnKey = own.BasedOn!.Key, BasedOnVersion = own.BasedOn.Version, Json = ProgrammeModelJson.Write(own),
        });

        var tromso = ProgrammeTemplates.TromsoV1;
        var sentrumProgramme = ProgrammePlanning.Create(nordvik.Id, sentrum.Id, team1.Id, tromso, ProgressPlanner.Plan(tromso, new DateOnly(2026, 3, 2), holidays));
        foreach (var step in sentrumProgramme.Steps.Where(s => s.LastDay < ProgrammesAsOf))
        {
            step.Status = StepStatus.Done;
            step.DoneAt = new DateTimeOffset(step.LastDay.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
        }
        foreach (var step in sentrumProgramme.Steps.Where(s => s.Responsible == StepResponsible.School))
            step.ResponsibleNote = "Rektor og SKUT";
        var picture = sentrumProgramme.Steps.Single(s => s.Key == "fase2.futurepicture");
        picture.Status = StepStatus.Moved;
        picture.DoneAt = null;
        picture.Date = new DateOnly(2026, 11, 20);
        picture.Note = "Skolen reviderer fremtidsbildet etter funnene fra vurderingsdagene. Ny frist avtalt på veiledning 2.";

        var havnaProgramme = ProgrammePlanning.Create(nordvik.Id, havna.Id, team2.Id, tromso, ProgressPlanner.Plan(tromso, new DateOnly(2027, 3, 1), holidays));
        db.Programmes.AddRange(sentrumProgramme, havnaProgramme);
        await db.SaveChangesAsync(ct);
        await SeedProgrammeWorkAsync(nordvik, team1, team2, tromso, holidays, sentrumProgramme, havnaProgramme, ct);
    }
}
