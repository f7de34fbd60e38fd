using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Features.Account;
using Stillas.Web.Features.Holidays;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes.Assessment;
using Stillas.Web.Features.Programmes.StartUp;
using Stillas.Web.Features.Programmes.FuturePicture;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Schools;
using Stillas.Web.Features.Selection;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Features.Surveys;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Mail;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// The one DbContext. Every owner-scoped entity set carries the named query filter "Access", which
/// reads the request's <see cref="AccessScope"/> at query time; a page or endpoint that forgets to
/// scope its query cannot leak. Writes are checked against the same scope in SaveChanges, and every
/// create/update/delete is written to the audit log in the same transaction.
/// </summary>
public abstract class StillasDb : IdentityUserContext<Account, int>
{
    public const string AccessFilter = "Access";

    protected StillasDb(DbContextOptions options) : base(options) { }

    /// <summary>Set when a pooled instance is leased; reset when it returns to the pool.</summary>
    public CurrentScope? ScopeSource { get; set; }
    /// <summary>The clock for CreatedAt and audit timestamps.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// SQLite: one writer at a time per database, queued here. SQLite lets one connection write and makes
    /// the others wait in its busy handler, which sleeps longer the longer it waits (up to 100 ms a try);
    /// with 16 guides saving notes at once the slowest saves were those sleepers. Queued on a semaphore
    /// instead, the next writer starts as soon as the last one is done. Null on PostgreSQL.
    /// </summary>
    public SemaphoreSlim? WriteGate { get; set; }

    /// <summary>The app's cache of computed scopes, emptied by a save that changes who may see what.</summary>
    public AccessScopeCache? ScopeCache { get; set; }

    /// <summary>The public address mails link to (Mail:BaseUrl), for mails a save writes itself.</summary>
    public string MailBaseUrl { get; set; } = "http://localhost:5080";
    /// <summary>The sender address (Mail:From): the organiser of the meeting invitations a save writes itself.</summary>
    public string MailFrom { get; set; } = "stillas@stillas.test";

    public AccessScope Scope => ScopeSource?.Scope ?? AccessScope.None;

    // Direct members so that EF Core parameterises them per query (never cached as constants).
    private bool ScopeAll => Scope.IsSystem;
    private int ScopePersonId => Scope.PersonId ?? -1;
    private int[] ScopeAdminOwnerIds => Scope.AdminOwnerIds;
    private int[] ScopeStaffOwnerIds => Scope.StaffOwnerIds;
    private int[] ScopeReadOwnerIds => Scope.ReadOwnerIds;
    private int[] ScopeVisibleOwnerIds => Scope.VisibleOwnerIds;
    private int[] ScopeSchoolIds => Scope.SchoolIds;
    private int[] ScopeTeamIds => Scope.TeamIds;
    private int[] ScopeLeaderSchoolIds => Scope.LeaderSchoolIds;
    // The same lists as text (",1,5,9,"), for SQLite: see TextListFilters.
    private string ScopeAdminOwnerIdsText => Scope.AdminOwnerCsv;
    private string ScopeStaffOwnerIdsText => Scope.StaffOwnerCsv;
    private string ScopeReadOwnerIdsText => Scope.ReadOwnerCsv;
    private string ScopeVisibleOwnerIdsText => Scope.VisibleOwnerCsv;
    private string ScopeSchoolIdsText => Scope.SchoolCsv;
    private string ScopeTeamIdsText => Scope.TeamCsv;
    private string ScopeLeaderSchoolIdsText => Scope.LeaderSchoolCsv;
    // Background jobs and seeding (not a logged-in system administrator): the only non-members who reach the team's notes.
    private bool ScopeJob => Scope.Kind == ScopeKind.System;

    public DbSet<SchoolOwner> Owners => Set<SchoolOwner>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<University> Universities => Set<University>();
    public DbSet<GuidanceTeam> Teams => Set<GuidanceTeam>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<TeamChange> TeamChanges => Set<TeamChange>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InvitationToken> InvitationTokens => Set<InvitationToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SelectionRound> SelectionRounds => Set<SelectionRound>();
    public DbSet<SelectionCandidate> SelectionCandidates => Set<SelectionCandidate>();
    public DbSet<GuidanceProgramme> Programmes => Set<GuidanceProgramme>();
    public DbSet<PlanStep> PlanSteps => Set<PlanStep>();
    public DbSet<ProgrammeModel> ProgrammeModels => Set<ProgrammeModel>();
    public DbSet<SchoolHolidayPeriod> SchoolHolidays => Set<SchoolHolidayPeriod>();
    public DbSet<StartUpMeeting> StartUpMeetings => Set<StartUpMeeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<DocumentRequest> DocumentRequests => Set<DocumentRequest>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<FuturePicture> FuturePictures => Set<FuturePicture>();
    public DbSet<FuturePictureVersion> FuturePictureVersions => Set<FuturePictureVersion>();
    public DbSet<SignOfGoodPractice> SignsOfGoodPractice => Set<SignOfGoodPractice>();
    public DbSet<FuturePictureComment> FuturePictureComments => Set<FuturePictureComment>();
    public DbSet<GuidanceAgreement> Agreements => Set<GuidanceAgreement>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AgreementLine> AgreementLines => Set<AgreementLine>();
    public DbSet<Features.Baseline.Fortune> Fortunes => Set<Features.Baseline.Fortune>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();
    public DbSet<GuidanceSession> Sessions => Set<GuidanceSession>();
    public DbSet<SessionNote> SessionNotes => Set<SessionNote>();
    public DbSet<InterimWorkAgreement> InterimWorkAgreements => Set<InterimWorkAgreement>();
    public DbSet<InterimWorkFeedback> InterimWorkFeedback => Set<InterimWorkFeedback>();
    public DbSet<SessionEvaluation> SessionEvaluations => Set<SessionEvaluation>();
    public DbSet<PhaseEvaluation> PhaseEvaluations => Set<PhaseEvaluation>();
    public DbSet<AssessmentSlot> AssessmentSlots => Set<AssessmentSlot>();
    public DbSet<AssessmentTask> AssessmentTasks => Set<AssessmentTask>();
    public DbSet<AssessmentNote> AssessmentNotes => Set<AssessmentNote>();
    public DbSet<AssessmentReport> AssessmentReports => Set<AssessmentReport>();
    public DbSet<ReportSection> AssessmentReportSections => Set<ReportSection>();
    public DbSet<ReportSectionVersion> AssessmentReportSectionVersions => Set<ReportSectionVersion>();
    public DbSet<ReportPresentation> AssessmentReportPresentations => Set<ReportPresentation>();
    public DbSet<AssessmentSettings> AssessmentSettings => Set<AssessmentSettings>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(StillasDb).Assembly);

        // Filters that really differ from their kind's, each with its reason; every other scoped type gets its
        // kind's filter in the loop below (ScopedFilters).
        // The owner itself: everyone with a role at it.
        b.Entity<SchoolOwner>().HasQueryFilter(AccessFilter, o => ScopeAll || ScopeVisibleOwnerIds.Contains(o.Id));
        // A school is also its own people's.
        b.Entity<School>().HasQueryFilter(AccessFilter, s => ScopeAll || ScopeReadOwnerIds.Contains(s.OwnerId) || ScopeSchoolIds.Contains(s.Id));
        // A team and its members are also the team's own.
        b.Entity<GuidanceTeam>().HasQueryFilter(AccessFilter, t => ScopeAll || ScopeStaffOwnerIds.Contains(t.OwnerId) || ScopeTeamIds.Contains(t.Id));
        b.Entity<TeamMember>().HasQueryFilter(AccessFilter, m => ScopeAll || ScopeStaffOwnerIds.Contains(m.OwnerId) || ScopeTeamIds.Contains(m.TeamId));
        b.Entity<TeamChange>().HasQueryFilter(AccessFilter, c => ScopeAll || ScopeStaffOwnerIds.Contains(c.OwnerId) || ScopeTeamIds.Contains(c.TeamId));
        // A person sees their own training.
        b.Entity<TrainingRecord>().HasQueryFilter(AccessFilter, t => ScopeAll || ScopeStaffOwnerIds.Contains(t.OwnerId) || t.PersonId == ScopePersonId);
        // Roles have no owner for system staff: one's own, the owner's staff's and the school's.
        b.Entity<Membership>().HasQueryFilter(AccessFilter, m => ScopeAll
            || m.PersonId == ScopePersonId
            || (m.OwnerId != null && ScopeStaffOwnerIds.Contains(m.OwnerId.Value))
            || (m.SchoolId != null && ScopeSchoolIds.Contains(m.SchoolId.Value)));
        // A person is visible to the staff of the owner that registered them or where they hold a role,
        // to colleagues at the same school, and to fellow members of a team.
        b.Entity<Person>().HasQueryFilter(AccessFilter, p => ScopeAll
            || p.Id == ScopePersonId
            || (p.OwnerId != null && ScopeStaffOwnerIds.Contains(p.OwnerId.Value))
            || p.Memberships.Any(m => (m.OwnerId != null && ScopeStaffOwnerIds.Contains(m.OwnerId.Value))
                                   || (m.SchoolId != null && ScopeSchoolIds.Contains(m.SchoolId.Value)))
            || p.TeamMemberships.Any(tm => ScopeTeamIds.Contains(tm.TeamId)));
        // A candidacy is also seen by the team assigned to guide the school and by the school's own leaders.
        b.Entity<SelectionCandidate>().HasQueryFilter(AccessFilter, c => ScopeAll
            || ScopeStaffOwnerIds.Contains(c.OwnerId)
            || (c.TeamId != null && ScopeTeamIds.Contains(c.TeamId.Value))
            || ScopeLeaderSchoolIds.Contains(c.SchoolId));
        // A calendar feed is its person's alone.
        b.Entity<CalendarFeed>().HasQueryFilter(AccessFilter, f => ScopeAll || f.PersonId == ScopePersonId);
        // The report and its sections are the team's while it writes them (confidential until final), then the programme's.
        b.Entity<AssessmentReport>().HasQueryFilter(AccessFilter, r => ScopeJob || ScopeTeamIds.Contains(r.TeamId)
            || (r.Status != ReportStatus.Draft && (ScopeAll || ScopeStaffOwnerIds.Contains(r.OwnerId) || ScopeSchoolIds.Contains(r.SchoolId))));
        b.Entity<ReportSection>().HasQueryFilter(AccessFilter, s => ScopeJob || ScopeTeamIds.Contains(s.TeamId)
            || (s.Report!.Status != ReportStatus.Draft && (ScopeAll || ScopeStaffOwnerIds.Contains(s.OwnerId) || ScopeSchoolIds.Contains(s.SchoolId))));
        // The audit log is the owner's administrators'.
        b.Entity<AuditEntry>().HasQueryFilter(AccessFilter, a => ScopeAll || (a.OwnerId != null && ScopeAdminOwnerIds.Contains(a.OwnerId.Value)));
        // Issue 21, the survey engine: a survey and its rows (items, links, answers, stored counts) are found by the owner's
        // staff and, for a school's survey, by the school's people; what each may do with them (run, see results, see the
        // status only) is SurveyAccess's. The anonymous answer page reads by its token in the system's name.
        b.Entity<Survey>().HasQueryFilter(AccessFilter, x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId) || (x.SchoolId != null && ScopeSchoolIds.Contains(x.SchoolId.Value)));
        b.Entity<SurveyItem>().HasQueryFilter(AccessFilter, x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId) || (x.SchoolId != null && ScopeSchoolIds.Contains(x.SchoolId.Value)));
        b.Entity<SurveyInvitation>().HasQueryFilter(AccessFilter, x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId) || (x.SchoolId != null && ScopeSchoolIds.Contains(x.SchoolId.Value)));
        b.Entity<SurveyResponse>().HasQueryFilter(AccessFilter, x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId) || (x.SchoolId != null && ScopeSchoolIds.Contains(x.SchoolId.Value)));
        b.Entity<SurveyAnswer>().HasQueryFilter(AccessFilter, x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId) || (x.SchoolId != null && ScopeSchoolIds.Contains(x.SchoolId.Value)));
        b.Entity<SurveyAggregate>().HasQueryFilter(AccessFilter, x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId) || (x.SchoolId != null && ScopeSchoolIds.Contains(x.SchoolId.Value)));
        ScopedFilters(b);
        // Every record people edit carries its concurrency token (IVersioned), configured here once.
        foreach (var entity in b.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            b.Entity(entity.ClrType).Property(Versioned.TokenOf(entity.ClrType)).IsConcurrencyToken();
        if (TextListFilters) AccessFilterText.Rewrite(b.Model, AccessFilter);
    }

    /// <summary>
    /// The access filter of every scoped type that has none written out above, by its kind: a programme's rows
    /// for the owner's staff, the team and the school's people; confidential rows (<see cref="IConfidential"/>)
    /// for the team alone (and background jobs); an owner's rows for its <see cref="OwnerAudience"/>. Each
    /// filter is written once over the interface and bound to the entity's own properties, so the SQL is what a
    /// filter written out per entity would give.
    /// </summary>
    private void ScopedFilters(ModelBuilder b)
    {
        Expression<Func<IProgrammeScoped, bool>> programme = x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId) || ScopeTeamIds.Contains(x.TeamId) || ScopeSchoolIds.Contains(x.SchoolId);
        Expression<Func<IProgrammeScoped, bool>> confidential = x => ScopeJob || ScopeTeamIds.Contains(x.TeamId);
        Expression<Func<IOwnerScoped, bool>> staff = x => ScopeAll || ScopeStaffOwnerIds.Contains(x.OwnerId);
        Expression<Func<IOwnerScoped, bool>> guides = x => ScopeAll || ScopeReadOwnerIds.Contains(x.OwnerId);
        Expression<Func<IOwnerScoped, bool>> everyone = x => ScopeAll || ScopeVisibleOwnerIds.Contains(x.OwnerId);
        foreach (var entity in b.Model.GetEntityTypes())
        {
            var type = entity.ClrType;
            if (!typeof(IOwnerScoped).IsAssignableFrom(type)) continue;
            if (entity.FindDeclaredQueryFilter(AccessFilter) is not null)
            {
                // Written out above; a confidential type must never get a wider filter by hand.
                if (typeof(IConfidential).IsAssignableFrom(type)) throw new InvalidOperationException($"{type.Name} is confidential: its filter is the kind's.");
                continue;
            }
            LambdaExpression filter = typeof(IConfidential).IsAssignableFrom(type) ? confidential
                : typeof(IProgrammeScoped).IsAssignableFrom(type) ? programme
                : (type.GetCustomAttributes(typeof(OwnerAudienceAttribute), false).FirstOrDefault() as OwnerAudienceAttribute)?.Audience switch
                {
                    OwnerAudience.Guides => guides,
                    OwnerAudience.Everyone => everyone,
                    _ => staff,
                };
            entity.SetQueryFilter(AccessFilter, BindTo(filter, type));
        }
    }

    /// <summary>The filter over the interface as a filter over <paramref name="type"/>: x.OwnerId becomes the entity's own property.</summary>
    private static LambdaExpression BindTo(LambdaExpression filter, Type type)
    {
        var x = Expression.Parameter(type, "x");
        return Expression.Lambda(new Rebind(filter.Parameters[0], x).Visit(filter.Body), x);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == from ? Expression.Property(to, node.Member.Name) : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>
    /// SQLite: the access filters test "is this id in my list" as a text search in a ",1,5,9," string
    /// (<c>instr</c>) instead of <c>IN (SELECT value FROM json_each(@list))</c>. Each json_each costs SQLite
    /// ≈ 30 µs to prepare and run (an ephemeral table per list per statement); a page such as the
    /// advisor's start page has 37 of them, over a third of its CPU. The filter sits in an OR with the
    /// system flag, so no index could serve it in either form; page queries that narrow by a list
    /// themselves (and need its index) still use json_each.
    /// </summary>
    protected virtual bool TextListFilters => false;

    /// <summary>
    /// People for a list: <see cref="People"/> (the access filter still decides) narrowed to the filter's own tests
    /// in a form the database can seek by index: me, registered by one of my staff owners (People(OwnerId, …)), or
    /// one of the few people who hold a role at my staff owners or schools, or sit on my teams, without being
    /// registered by my staff owners. Those few are found once per access scope (<see cref="ExtraVisiblePeople"/>);
    /// the scope is computed anew whenever people, memberships or teams change, and at least every
    /// <see cref="AccessScopeCache.Lifetime"/>. As a correlated OR the filter can only be tested person by person:
    /// as the only condition of a list it read all 90,000 people; with the candidate ids as one set (the previous
    /// form) a kommune's administrator still paid ≈ 20 ms per query for its 13,000 role rows. Never shows more
    /// than the filter (it still applies); <c>VisibleListsTests</c> proves the filter's exact set for every demo
    /// login. The system administrator sees everyone and gets the table as it is.
    /// <para>
    /// The list's own conditions (<paramref name="narrow"/>: search, role, status) are applied to each part, and
    /// the parts are joined with UNION ALL: the people registered by my one staff owner come by
    /// People(OwnerId, Name) already in name order, so a page of 50 merges two ordered streams instead of
    /// sorting all of a kommune's people (6,277 for the largest: 7.9 → 0.07 ms on SQLite, docs/performance.md).
    /// </para>
    /// </summary>
    public async Task<IQueryable<Person>> VisiblePeopleAsync(CancellationToken ct, Func<IQueryable<Person>, IQueryable<Person>>? narrow = null)
    {
        narrow ??= static q => q;
        var scope = Scope;
        if (scope.IsSystem) return narrow(People);
        var me = scope.PersonId ?? -1;
        var staff = scope.StaffOwnerIds;
        if (!ExtraVisiblePeople.TryGetValue(scope, out var extra))
        {
            var (schools, teams) = (scope.SchoolIds, scope.TeamIds);
            // No IgnoreQueryFilters here: in EF Core it would switch the filter off for the whole query.
            var candidates = Memberships
                    .Where(m => (m.OwnerId != null && staff.Contains(m.OwnerId.Value)) || (m.SchoolId != null && schools.Contains(m.SchoolId.Value)))
                    .Select(m => m.PersonId)
                .Concat(TeamMembers.Where(tm => teams.Contains(tm.TeamId)).Select(tm => tm.PersonId));
            extra = await People.Where(p => candidates.Contains(p.Id) && !(p.OwnerId != null && staff.Contains(p.OwnerId.Value)))
                .Select(p => p.Id).Distinct().OrderBy(id => id).ToArrayAsync(ct);
            ExtraVisiblePeople.AddOrUpdate(scope, extra);
        }
        var others = narrow(People.Where(p => (p.Id == me || extra.Contains(p.Id)) && !(p.OwnerId != null && staff.Contains(p.OwnerId.Value))));
        if (staff.Length == 0) return others;
        // One staff owner (the usual case) as an equality, which the planner can walk in name order.
        var owner = staff[0];
        var registered = staff.Length == 1 ? People.Where(p => p.OwnerId == owner) : People.Where(p => p.OwnerId != null && staff.Contains(p.OwnerId.Value));
        return narrow(registered).Concat(others);
    }

    /// <summary>Per access scope: the people it sees through a role or a team but not as registered by its staff owners.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AccessScope, int[]> ExtraVisiblePeople = [];

    /// <summary>
    /// Programmes for a list: <see cref="Programmes"/> narrowed by the same three tests as the access filter
    /// (a staff owner's, a team's, a school's), written as "column IN (list)" that the database can seek by
    /// index (OwnerId, TeamId, SchoolId; SQLite answers the OR from the three indexes). The filter, kept as it
    /// is for every query, is an OR over the scope's id lists that tests each row: as the only condition of a
    /// list it read every programme with its model (3,800 nationally, ~10 ms a query on SQLite, three queries a
    /// page). Never shows more than the filter (it still applies); the system administrator gets the table.
    /// <c>VisibleListsTests</c> proves it gives exactly the filter's programmes for every demo login.
    /// </summary>
    public IQueryable<GuidanceProgramme> VisibleProgrammes()
    {
        var scope = Scope;
        if (scope.IsSystem) return Programmes;
        var (staff, teams, schools) = (scope.StaffOwnerIds, scope.TeamIds, scope.SchoolIds);
        return Programmes.Where(p => staff.Contains(p.OwnerId) || teams.Contains(p.TeamId) || schools.Contains(p.SchoolId));
    }

    /// <summary>
    /// Schools for a list: <see cref="Schools"/> narrowed by the access filter's own two tests (a school of an owner I
    /// may read, or one of my schools) as "column IN (list)", which the database seeks by Schools(OwnerId, Name) and
    /// the key. As the only condition of a list the filter tested all 3,100 schools of the country one by one.
    /// Never shows more than the filter (it still applies); the system administrator gets the table.
    /// <c>VisibleListsTests</c> proves it gives exactly the filter's schools for every demo login.
    /// </summary>
    public IQueryable<School> VisibleSchools()
    {
        var scope = Scope;
        if (scope.IsSystem) return Schools;
        var (owners, schools) = (scope.ReadOwnerIds, scope.SchoolIds);
        return Schools.Where(s => owners.Contains(s.OwnerId) || schools.Contains(s.Id));
    }

    /// <summary>The versions forms and API calls read, for the next save (<see cref="Versioned.Expect"/>).</summary>
    internal Dictionary<object, int?> Expectations { get; } = new(ReferenceEqualityComparer.Instance);

    public override void Dispose()
    {
        ScopeSource = null;
        Expectations.Clear();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ScopeSource = null;
        Expectations.Clear();
        return base.DisposeAsync();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        // Who may see what is computed from these; a change to them must reach the scope cache.
        var accessChanged = ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Person or Membership or GuidanceTeam or TeamMember);
        // A programme's stored summary (phase now, next step, overdue) is computed from its steps, again after they change.
        var changedSteps = ChangeTracker.Entries<PlanStep>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity).ToList();
        // Inside a caller's transaction the database's write lock is already held (BEGIN IMMEDIATE): no gate.
        // Who joined or left a team is written and mailed in the same save (the team's notes open to its members).
        await Features.Teams.TeamChanges.RecordAsync(this, Scope, Clock.GetUtcNow(), MailBaseUrl, cancellationToken);
        Features.Teams.ConflictOfInterest.StampEndedRoles(this, ProgrammePlanning.Today(Clock));
        // A meeting planned, moved or cancelled in this save: its invitation, update or cancellation goes in the same save.
        if (Scope.PersonId is not null) await Features.Programmes.Invitations.MeetingInvitations.RecordAsync(this, Clock.GetUtcNow(), MailBaseUrl, MailFrom, cancellationToken);
        Versioned.ApplyExpectations(this);
        var gate = Database.CurrentTransaction is null ? WriteGate : null;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            var result = await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (changedSteps.Count > 0)
            {
                var programmeIds = changedSteps.Select(s => s.ProgrammeId).Distinct().ToArray();
                // Computed again at once, in this save's request: the pages that read it never write.
                await ProgrammeSummaries.RefreshAsync(this, programmeIds, ProgrammePlanning.Today(Clock), cancellationToken);
            }
            return result;
        }
        finally
        {
            gate?.Release();
            if (accessChanged) ScopeCache?.Invalidate();
        }
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var scope = Scope;
        var pending = new List<(EntityEntry Entry, AuditAction Action, Dictionary<string, object?[]> Changes, int? OwnerId)>();
        var activity = await ProgrammeActivity.LoadAsync(this, scope, cancellationToken);
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.Entity is AuditEntry) continue;
            StampCreated(entry, now);
            Versioned.Bump(entry);
            var ownerId = OwnerOf(entry);
            WriteGuard.Check(scope, entry, ownerId is null && entry.Entity is IOwnerScoped o ? o.OwnerId : ownerId, activity.IsActive);
            if (!AuditPolicy.IsAudited(entry.Metadata.ClrType)) continue;
            var action = entry.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Updated };
            var changes = AuditPolicy.Changes(entry);
            if (action == AuditAction.Updated && changes.Count == 0) continue;
            pending.Add((entry, action, changes, ownerId));
        }

        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Updates and deletes know their keys: the audit rows go in the same save (one statement batch in
        // EF Core's own transaction), which is what an autosave does many times a minute.
        if (pending.TrueForAll(p => p.Entry.State != EntityState.Added))
        {
            foreach (var (entry, action, changes, ownerId) in pending) AddAuditEntry(entry, action, changes, ownerId, now, scope);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Accept the business changes now so the audit save below does not insert them twice;
            // the entries keep their (now generated) keys for the audit rows.
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            foreach (var (entry, action, changes, ownerIdBefore) in pending)
            {
                // An owner saved in the same batch has its key only now.
                var ownerId = action == AuditAction.Deleted ? ownerIdBefore : OwnerOf(entry) ?? ownerIdBefore;
                AddAuditEntry(entry, action, changes, ownerId, now, scope);
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private void AddAuditEntry(EntityEntry entry, AuditAction action, Dictionary<string, object?[]> changes, int? ownerId, DateTimeOffset now, AccessScope scope) =>
        AuditEntries.Add(new AuditEntry
        {
            At = now,
            ActorPersonId = scope.PersonId,
            ActorName = Truncate(scope.ActorName, 200),
            OwnerId = ownerId,
            SchoolId = SchoolOf(entry),
            ProgrammeId = ProgrammeOf(entry),
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = Convert.ToString(entry.Property("Id").CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Action = action,
            Changes = JsonSerializer.Serialize(changes),
        });

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private static void StampCreated(EntityEntry entry, DateTimeOffset now)
    {
        if (entry.State != EntityState.Added) return;
        var created = entry.Metadata.FindProperty("CreatedAt");
        if (created is not null && entry.Property("CreatedAt").CurrentValue is DateTimeOffset d && d == default)
            entry.Property("CreatedAt").CurrentValue = now;
    }

    /// <summary>The school a row belongs to, for the audit log to name it (not for confidential rows, as their owner).</summary>
    private static int? SchoolOf(EntityEntry entry) => entry.Entity switch
    {
        IConfidential => null,
        IProgrammeScoped p => p.SchoolId == 0 ? null : p.SchoolId,
        School s => s.Id == 0 ? null : s.Id,
        Membership m => m.SchoolId,
        _ => null,
    };

    /// <summary>The programme a row belongs to (or is), for the audit log to link it.</summary>
    private static int? ProgrammeOf(EntityEntry entry) => entry.Entity switch
    {
        IConfidential => null,
        GuidanceProgramme p => p.Id == 0 ? null : p.Id,
        IInProgramme p => p.ProgrammeId == 0 ? null : p.ProgrammeId,
        _ => null,
    };

    /// <summary>The owner an entity belongs to, for the write guard and the audit log.</summary>
    private static int? OwnerOf(EntityEntry entry) => entry.Entity switch
    {
        // Confidential rows carry no owner in the log: the owner's administrator must not see that notes exist.
        IConfidential => null,
        IOwnerScoped o => o.OwnerId,
        SchoolOwner o => o.Id == 0 ? null : o.Id,
        Person p => p.OwnerId,
        Membership m => m.OwnerId,
        _ => null,
    };
}
