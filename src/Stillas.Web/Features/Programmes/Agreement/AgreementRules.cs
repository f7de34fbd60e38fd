using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Features.Programmes.Agreement;

public enum ApprovalSide { Owner, School }

/// <summary>
/// How an agreement comes about and changes: the first draft with the commitments of seed 000 § 2,
/// saving a draft (a change after approval is a new version; a change to a half-approved version clears
/// the approval), approval by both sides, and comparing two versions.
/// </summary>
public static class AgreementRules
{
    public static readonly AgreementSection[] Sections = Enum.GetValues<AgreementSection>();

    public static string SectionName(AgreementSection section) => section switch
    {
        AgreementSection.OwnerSectionLeader => L.T("Skoleeier ved seksjonsleder skal"),
        AgreementSection.OwnerDevelopmentAdvisor => L.T("Skoleeier ved utviklingsveileder (koordinator) skal"),
        AgreementSection.Guides => L.T("Veilederne skal"),
        AgreementSection.SchoolLeadership => L.T("Skoleledelsen skal"),
        AgreementSection.SchoolStructures => L.T("Strukturer skolen skal ha på plass"),
        _ => section.ToString(),
    };

    /// <summary>The commitments of seed 000 § 2 ("Ansvar") and the structures of § 2.1, as DOMAIN.md § 1 reads them.</summary>
    public static readonly IReadOnlyDictionary<AgreementSection, string[]> DefaultLines = new Dictionary<AgreementSection, string[]>
    {
        [AgreementSection.OwnerSectionLeader] =
        [
            "Gjennomføre første samtale med skolen.",
            "Informere om hva samarbeidet innebærer, om mål og hensikt, og om viktige kriterier for at samarbeidet med veilederteamet skal bidra til ønsket utvikling.",
            "Inngå samarbeidsavtale med skolen senest i løpet av februar det året samarbeidet starter.",
        ],
        [AgreementSection.OwnerDevelopmentAdvisor] =
        [
            "Avtale oppstartsamtale med skolen.",
            "Innhente nødvendig informasjon fra skolen.",
            "Lage fremdriftsplan for gjennomføringen i samarbeid med skolen og de andre veilederne.",
            "Kalle inn til planleggings- og arbeidsmøter i veilederteamet.",
            "Sende ut nødvendig informasjon til skolen.",
            "Legge til rette for evaluering fra skolen.",
        ],
        [AgreementSection.Guides] =
        [
            "Veilede i arbeidet med å videreutvikle og ferdigstille fremtidsbildet for det valgte utviklingsområdet.",
            "Vurdere skolens praksis innenfor utviklingsområdet sammen med skolens ledelse, gjennom intervjuer med ledelse, personale, elever og foresatte og observasjon i undervisningsøkter og pauser.",
            "Skrive en rapport fra vurderingen, som er utgangspunktet for veiledningen videre.",
            "Presentere resultatene fra vurderingsdagene i møte med personalet.",
            "Bidra med praksisnær kompetanse, systemforståelse, forskning og teori i veiledningen.",
            "Være et bindeledd mellom skolen og UH-sektoren ved behov eller ønske om videre samarbeid.",
        ],
        [AgreementSection.SchoolLeadership] =
        [
            "Involvere skolens utviklingsteam (SKUT) og hele personalet gjennom hele prosessen.",
            "Gjennomføre avtalt mellomarbeid og sende tilbakemelding til veilederteamet før neste veiledning.",
            "Forankre utviklingsområdet og samarbeidet med veilederteamet i SKUT, personalet, FAU og elevrådet.",
            "Sende informasjon om skolen som er relevant for veilederteamet, til skoleeiers representant.",
            "Legge til rette for datainnsamling på vurderingsdagene.",
            "Sørge for at elevrådet og FAU blir orientert om resultatene fra vurderingsdagene.",
            "Synliggjøre samarbeidet med veilederteamet i skolens lokale kvalitetsutviklingsplan.",
        ],
        [AgreementSection.SchoolStructures] =
        [
            "Et utviklingsteam (SKUT) med lærerrepresentanter.",
            "Fast, helst ukentlig, tid til samarbeid i SKUT og med personalet om planlegging, utprøving og evaluering av aksjoner.",
            "Informasjon til og involvering av berørte parter underveis i samarbeidet med veilederteamet.",
            "Egne møter for drift og egne møter for utvikling.",
            "Tid til å gjennomføre avtalt arbeid mellom møtene med veilederteamet (mellomarbeid).",
        ],
    };

    /// <summary>What the page says when the development area is left open.</summary>
    public static string AreaToBeAgreed => L.T("Avklares på oppstartsmøtet.");

    public sealed record PartyNames(string Owner, string School, string? Team, IReadOnlyList<(string Name, string Role)> Members);

    public static string DefaultParties(PartyNames names)
    {
        // Written in the language of the one who starts the draft; it is then the agreement's own text, edited like the rest.
        var lines = new List<string> { L.T("Skoleeier: {0}", names.Owner), L.T("Skole: {0}", names.School) };
        if (names.Team is not null)
        {
            lines.Add(L.T("Veilederteam: {0}", names.Team));
            lines.AddRange(names.Members.Select(m => $"– {m.Name}, {m.Role}"));
        }
        return string.Join("\n", lines);
    }

    /// <summary>The names for the default parties text, read in the caller's scope.</summary>
    public static async Task<PartyNames> PartyNamesAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var p = await db.Programmes.AsNoTracking().Where(x => x.Id == programmeId)
            .Select(x => new { Owner = x.Owner!.Name, School = x.School!.Name, x.TeamId }).SingleAsync(ct);
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == p.TeamId).Select(t => t.Name).SingleOrDefaultAsync(ct);
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == p.TeamId && m.Person!.Active)
            .OrderBy(m => m.Role).ThenBy(m => m.Person!.Name).Select(m => new { m.Person!.Name, m.Role }).ToListAsync(ct);
        return new PartyNames(p.Owner, p.School, team, [.. members.Select(m => (m.Name, Teams.TeamMember.RoleName(m.Role)))]);
    }

    public static string NewKey() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>The first draft of a programme's agreement, with the default period, parties and commitments.</summary>
    public static GuidanceAgreement CreateDraft(GuidanceProgramme programme, string parties)
    {
        var (from, to) = AgreementPeriod.Default(programme);
        var version = new AgreementVersion
        {
            Number = 1, PeriodFrom = from, PeriodTo = to, Parties = parties, Status = AgreementStatus.Draft, Version = 1,
        }.PlaceIn(programme);
        foreach (var section in Sections)
        {
            var order = 0;
            foreach (var text in DefaultLines[section])
                version.Lines.Add(NewLine(version, NewKey(), section, text, false, ++order));
        }
        return new GuidanceAgreement
        {
            ProgrammeId = programme.Id,
            CurrentVersion = 0, Versions = [version],
        }.PlaceIn(programme);
    }

    /// <summary>The first version written from a user's input (the form showed the defaults of <see cref="CreateDraft"/>).</summary>
    public static GuidanceAgreement CreateFromInput(GuidanceProgramme programme, AgreementInput input, AccessScope actor, DateTimeOffset now)
    {
        var agreement = CreateDraft(programme, "");
        var first = agreement.Versions[0];
        first.Lines.Clear();
        input.SortLines();
        Apply(first, input, [], inPlace: false);
        first.UpdatedBy = actor.ActorName;
        first.UpdatedAt = now;
        return agreement;
    }

    private static AgreementLine NewLine(AgreementVersion v, string key, AgreementSection section, string text, bool isChecked, int order) => new AgreementLine
    {
        Key = key, Section = section, Text = text, Checked = isChecked, Order = order,
    }.PlaceIn(v);

    public static IEnumerable<AgreementLine> Ordered(IEnumerable<AgreementLine> lines) => lines.OrderBy(l => l.Section).ThenBy(l => l.Order).ThenBy(l => l.Id);

    /// <summary>
    /// An agreement with the versions a write needs, tracked: the one in force (if any) and the newest.
    /// </summary>
    public static async Task<(GuidanceAgreement Agreement, AgreementVersion? InForce, AgreementVersion Latest)?> LoadForWriteAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.ProgrammeId == programmeId, ct);
        if (agreement is null) return null;
        var latestNumber = await db.AgreementVersions.Where(v => v.AgreementId == agreement.Id).MaxAsync(v => v.Number, ct);
        var versions = await db.AgreementVersions.Include(v => v.Lines)
            .Where(v => v.AgreementId == agreement.Id && (v.Number == latestNumber || v.Number == agreement.CurrentVersion)).ToListAsync(ct);
        return (agreement, versions.SingleOrDefault(v => v.Number == agreement.CurrentVersion), versions.Single(v => v.Number == latestNumber));
    }

    public enum SaveOutcome { Saved, NewVersion, NoChanges, Conflict }

    /// <summary>The result of a save; <see cref="ClearedApproval"/> names the approval a change removed.</summary>
    public sealed record SaveResult(SaveOutcome Outcome, AgreementVersion Version, string? ClearedApproval = null)
    {
        public string Message => Outcome switch
        {
            SaveOutcome.NewVersion => L.T("Endringene er lagret som utkast til versjon {0}. Versjon {1} gjelder til begge parter har godkjent den nye versjonen.", Version.Number, Version.Number - 1),
            SaveOutcome.NoChanges => L.T("Ingen endringer å lagre."),
            _ when ClearedApproval is not null => L.T("Endringene er lagret. Godkjenningen fra {0} er fjernet fordi teksten er endret; begge parter må godkjenne avtalen på nytt.", ClearedApproval),
            _ => L.T("Endringene er lagret."),
        };
    }

    /// <summary>
    /// Applies a validated input to the newest version: edits an open draft in place, or makes an approved
    /// version's successor (Number + 1, approvals empty; the approved one stays in force until then).
    /// A reading older than the stored version is a conflict and changes nothing.
    /// </summary>
    public static SaveResult Save(StillasDb db, GuidanceAgreement agreement, AgreementVersion latest, AgreementInput input, AccessScope actor, DateTimeOffset now)
    {
        if (input.Number != latest.Number || input.Version != latest.Version) return new(SaveOutcome.Conflict, latest);
        input.SortLines();
        if (!Differs(Snapshot.Of(latest), Snapshot.Of(input))) return new(SaveOutcome.NoChanges, latest);

        if (!latest.IsOpen)
        {
            var next = new AgreementVersion
            {
                AgreementId = agreement.Id,
                Number = latest.Number + 1, Status = AgreementStatus.Draft, Version = 1, Parties = "",
                UpdatedBy = actor.ActorName, UpdatedAt = now,
            }.PlaceIn(agreement);
            Apply(next, input, latest.Lines, inPlace: false);
            agreement.Versions.Add(next);
            db.AgreementVersions.Add(next);
            return new(SaveOutcome.NewVersion, next);
        }

        // DOMAIN § 2 (seed 001): changes need both parties' approval, so a change withdraws an approval already given.
        string? cleared = null;
        if (latest.OwnerApprovedAt is not null) cleared = L.T("{0} (skoleeier)", latest.OwnerApprovedBy);
        if (latest.PrincipalApprovedAt is not null) cleared = L.T("{0} (skolen)", latest.PrincipalApprovedBy);
        latest.OwnerApprovedBy = null; latest.OwnerApprovedById = null; latest.OwnerApprovedAt = null;
        latest.PrincipalApprovedBy = null; latest.PrincipalApprovedById = null; latest.PrincipalApprovedAt = null;
        latest.Status = AgreementStatus.Draft;
        var oldLines = latest.Lines.ToList();
        var kept = Apply(latest, input, oldLines, inPlace: true);
        foreach (var gone in oldLines.Where(l => !kept.Contains(l)))
        {
            latest.Lines.Remove(gone);
            db.AgreementLines.Remove(gone);
        }
        Touch(db, latest, input.Version, actor, now);
        return new(SaveOutcome.Saved, latest, cleared);
    }

    /// <summary>
    /// Writes the input's fields and lines into <paramref name="target"/>. Lines are matched by key to
    /// <paramref name="basis"/>: edited in place when <paramref name="inPlace"/> (the basis is the target's
    /// own lines), otherwise copied with the same key. Returns the basis lines kept in place.
    /// </summary>
    private static HashSet<AgreementLine> Apply(AgreementVersion target, AgreementInput input, IReadOnlyCollection<AgreementLine> basis, bool inPlace)
    {
        target.PeriodFrom = input.PeriodFrom!.Value;
        target.PeriodTo = input.PeriodTo!.Value;
        target.DevelopmentArea = Clean(input.DevelopmentArea);
        target.Parties = input.Parties.Trim();
        var byKey = basis.ToDictionary(l => l.Key);
        var used = new HashSet<string>();
        var kept = new HashSet<AgreementLine>();
        var orders = new Dictionary<AgreementSection, int>();
        foreach (var line in input.Lines)
        {
            var order = orders[line.Section] = orders.GetValueOrDefault(line.Section) + 1;
            var text = line.Text!.Trim();
            // A key the basis does not know, or a second use of one, makes a new line: keys come from the stored version.
            var known = line.Key is { } k && byKey.ContainsKey(k) && used.Add(k);
            if (known && inPlace)
            {
                var existing = byKey[line.Key!];
                existing.Section = line.Section;
                existing.Text = text;
                existing.Checked = line.Checked;
                existing.Order = order;
                kept.Add(existing);
            }
            else
            {
                target.Lines.Add(NewLine(target, known ? line.Key! : NewKey(), line.Section, text, line.Checked, order));
            }
        }
        return kept;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Marks a save of the version: a new concurrency token, checked against the one the user read.</summary>
    private static void Touch(StillasDb db, AgreementVersion v, int readVersion, AccessScope actor, DateTimeOffset now)
    {
        db.Entry(v).Property(x => x.Version).OriginalValue = readVersion;
        v.Version = readVersion + 1;
        v.UpdatedBy = actor.ActorName;
        v.UpdatedAt = now;
    }

    public enum ApproveOutcome { Approved, InForce, AlreadyApproved, NotOpen, Conflict, NotAllowed }

    public sealed record ApproveResult(ApproveOutcome Outcome, AgreementVersion Version)
    {
        public string Message => Outcome switch
        {
            ApproveOutcome.InForce => L.T("Versjon {0} er godkjent av begge parter og gjelder fra nå.", Version.Number),
            ApproveOutcome.Approved => Version.OwnerApprovedAt is null
                ? L.T("Godkjenningen er registrert. Versjon {0} venter nå på godkjenning fra skoleeier.", Version.Number)
                : L.T("Godkjenningen er registrert. Versjon {0} venter nå på godkjenning fra skolen.", Version.Number),
            ApproveOutcome.AlreadyApproved => L.T("Denne siden har allerede godkjent versjonen."),
            ApproveOutcome.NotOpen => L.T("Det er ingen versjon som venter på godkjenning."),
            ApproveOutcome.Conflict => L.T("Avtalen er endret siden du åpnet den. Les gjennom teksten slik den er nå før du godkjenner."),
            _ => L.T("Du kan ikke godkjenne avtalen."),
        };
    }

    /// <summary>The approval's message, and what it did to the plan when it made the dated plan.</summary>
    public static string PlanMessage(string message, int plannedSteps) => plannedSteps > 0
        ? message + " " + L.T("Den daterte fremdriftsplanen er laget: {0} steg fra fase 1 og utover er lagt inn, og alle som er med i forløpet, ser neste steg på startsiden sin.", plannedSteps)
        : message;

    /// <summary>The sides the scope may approve for, in the order they are tried.</summary>
    public static IEnumerable<ApprovalSide> SidesOf(AccessScope scope, GuidanceAgreement a)
    {
        if (scope.Can(Permission.ApproveForOwner, a)) yield return ApprovalSide.Owner;
        if (scope.Can(Permission.ActForSchool, a)) yield return ApprovalSide.School;
    }

    /// <summary>
    /// Approves the newest, open version for one side. When both sides have approved it is in force:
    /// the version it replaces is superseded.
    /// </summary>
    public static ApproveResult Approve(StillasDb db, GuidanceAgreement agreement, AgreementVersion? inForce, AgreementVersion latest, ApprovalSide side, int readVersion, AccessScope actor, DateTimeOffset now)
    {
        if (!latest.IsOpen) return new(ApproveOutcome.NotOpen, latest);
        if (readVersion != latest.Version) return new(ApproveOutcome.Conflict, latest);
        if (side == ApprovalSide.Owner)
        {
            if (!actor.Can(Permission.ApproveForOwner, agreement)) return new(ApproveOutcome.NotAllowed, latest);
            if (latest.OwnerApprovedAt is not null) return new(ApproveOutcome.AlreadyApproved, latest);
            latest.OwnerApprovedBy = actor.ActorName;
            latest.OwnerApprovedById = actor.PersonId;
            latest.OwnerApprovedAt = now;
        }
        else
        {
            if (!actor.Can(Permission.ActForSchool, agreement)) return new(ApproveOutcome.NotAllowed, latest);
            if (latest.PrincipalApprovedAt is not null) return new(ApproveOutcome.AlreadyApproved, latest);
            latest.PrincipalApprovedBy = actor.ActorName;
            latest.PrincipalApprovedById = actor.PersonId;
            latest.PrincipalApprovedAt = now;
        }
        Touch(db, latest, readVersion, actor, now);
        if (latest.OwnerApprovedAt is null || latest.PrincipalApprovedAt is null)
        {
            latest.Status = AgreementStatus.AwaitingApproval;
            return new(ApproveOutcome.Approved, latest);
        }
        latest.Status = AgreementStatus.Approved;
        if (inForce is not null && inForce != latest) inForce.Status = AgreementStatus.Superseded;
        agreement.CurrentVersion = latest.Number;
        return new(ApproveOutcome.InForce, latest);
    }

    /// <summary>
    /// Throws away an open draft of a new version; the version in force stays. The first draft of an
    /// agreement cannot be discarded (it is edited instead).
    /// </summary>
    public static bool Discard(StillasDb db, AgreementVersion? inForce, AgreementVersion latest, int readVersion)
    {
        if (!latest.IsOpen || inForce is null || readVersion != latest.Version) return false;
        db.Entry(latest).Property(x => x.Version).OriginalValue = readVersion;
        db.AgreementVersions.Remove(latest);
        return true;
    }

    // ---- Comparing versions ----

    public sealed record LineSnapshot(string Key, AgreementSection Section, string Text, bool Checked);

    /// <summary>What a version says, as compared: a stored version or a user's unsaved input.</summary>
    public sealed record Snapshot(DateOnly? PeriodFrom, DateOnly? PeriodTo, string? DevelopmentArea, string Parties, IReadOnlyList<LineSnapshot> Lines)
    {
        public static Snapshot Of(AgreementVersion v) =>
            new(v.PeriodFrom, v.PeriodTo, v.DevelopmentArea, v.Parties, [.. Ordered(v.Lines).Select(l => new LineSnapshot(l.Key, l.Section, l.Text, l.Checked))]);

        public static Snapshot Of(AgreementInput i) =>
            new(i.PeriodFrom, i.PeriodTo, Clean(i.DevelopmentArea), i.Parties.Trim(),
                [.. i.Lines.Select(l => new LineSnapshot(l.Key ?? "", l.Section, l.Text?.Trim() ?? "", l.Checked))]);
    }

    public enum LineChangeKind { Added, Removed, Changed }

    public sealed record FieldChange(string Field, string? Before, string? After);

    public sealed record LineChange(LineChangeKind Kind, AgreementSection Section, string? Before, string? After, bool? CheckedBefore, bool? CheckedAfter)
    {
        public bool TextChanged => Kind == LineChangeKind.Changed && Before != After;
        public bool CheckChanged => Kind == LineChangeKind.Changed && CheckedBefore != CheckedAfter;
        public string KindName => Kind switch
        {
            LineChangeKind.Added => L.T("Lagt til"),
            LineChangeKind.Removed => L.T("Fjernet"),
            _ => TextChanged && CheckChanged ? L.T("Endret tekst og avkrysning") : TextChanged ? L.T("Endret tekst") : CheckedAfter == true ? L.T("Krysset av") : L.T("Avkrysning fjernet"),
        };
    }

    public sealed record Comparison(IReadOnlyList<FieldChange> Fields, IReadOnlyList<LineChange> Lines)
    {
        public bool Any => Fields.Count > 0 || Lines.Count > 0;
    }

    public static string PeriodText(DateOnly? from, DateOnly? to) =>
        $"{(from is { } f ? NorwegianTime.Date(f) : "–")}–{(to is { } t ? NorwegianTime.Date(t) : "–")}";

    /// <summary>Which fields changed and which lines were added, removed or changed from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static Comparison Compare(Snapshot a, Snapshot b)
    {
        var fields = new List<FieldChange>();
        if (a.PeriodFrom != b.PeriodFrom || a.PeriodTo != b.PeriodTo)
            fields.Add(new(L.T("Periode"), PeriodText(a.PeriodFrom, a.PeriodTo), PeriodText(b.PeriodFrom, b.PeriodTo)));
        if (a.DevelopmentArea != b.DevelopmentArea)
            fields.Add(new(L.T("Utviklingsområde"), a.DevelopmentArea ?? AreaToBeAgreed, b.DevelopmentArea ?? AreaToBeAgreed));
        if (a.Parties != b.Parties)
            fields.Add(new(L.T("Parter"), a.Parties, b.Parties));

        var lines = new List<LineChange>();
        var before = a.Lines.Where(l => l.Key.Length > 0).GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.First());
        var matched = new HashSet<string>();
        foreach (var l in b.Lines)
        {
            if (l.Key.Length > 0 && before.TryGetValue(l.Key, out var old) && matched.Add(l.Key))
            {
                if (old.Text != l.Text || old.Checked != l.Checked || old.Section != l.Section)
                    lines.Add(new(LineChangeKind.Changed, l.Section, old.Text, l.Text, old.Checked, l.Checked));
            }
            else lines.Add(new(LineChangeKind.Added, l.Section, null, l.Text, null, l.Checked));
        }
        lines.AddRange(a.Lines.Where(l => !matched.Contains(l.Key)).Select(l => new LineChange(LineChangeKind.Removed, l.Section, l.Text, null, l.Checked, null)));
        return new(fields, [.. lines.OrderBy(l => l.Section)]);
    }

    private static bool Differs(Snapshot stored, Snapshot input)
    {
        if (stored.PeriodFrom != input.PeriodFrom || stored.PeriodTo != input.PeriodTo || stored.DevelopmentArea != input.DevelopmentArea || stored.Parties != input.Parties) return true;
        if (stored.Lines.Count != input.Lines.Count) return true;
        // Same lines in the same order (keys included): nothing to save.
        return stored.Lines.Zip(input.Lines).Any(p => p.First != p.Second);
    }
}
