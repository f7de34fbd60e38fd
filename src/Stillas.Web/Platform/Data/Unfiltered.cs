using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Surveys;
using Stillas.Web.Features.Teams;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// The few reads that must look past the access filter, each named by why. Features call these; the filter is
/// switched off (<c>IgnoreQueryFilters</c>) only here and elsewhere in Platform/, which a test checks.
/// </summary>
public static class Unfiltered
{
    /// <summary>
    /// Uniqueness across owners (an organisation number, an e-mail, a team's name, a model's key): whether a row
    /// matches anywhere, whoever may see it. Only the answer is used; nothing of the other row is shown.
    /// </summary>
    public static Task<bool> IsTakenAsync<T>(this DbSet<T> rows, Expression<Func<T, bool>> match, CancellationToken ct) where T : class =>
        rows.IgnoreQueryFilters().AnyAsync(match, ct);

    /// <summary>Uniqueness of many values at once (an import's organisation numbers, an owner's model keys): the taken values' columns.</summary>
    public static Task<List<TResult>> TakenAsync<T, TResult>(this DbSet<T> rows, Expression<Func<T, bool>> match, Expression<Func<T, TResult>> select, CancellationToken ct)
        where T : class =>
        rows.IgnoreQueryFilters().AsNoTracking().Where(match).Select(select).ToListAsync(ct);

    /// <summary>The name of the active person behind a login, before any access scope exists (login, forgotten password); null if none.</summary>
    public static Task<string?> ActivePersonNameAsync(this StillasDb db, int personId, CancellationToken ct) =>
        db.People.IgnoreQueryFilters().Where(p => p.Id == personId && p.Active).Select(p => p.Name).SingleOrDefaultAsync(ct);

    /// <summary>The name and chosen language of the active person behind a login, before any scope exists (login, forgotten password: their mails are in their language); null if none.</summary>
    public static Task<ActivePerson?> ActivePersonAsync(this StillasDb db, int personId, CancellationToken ct) =>
        db.People.IgnoreQueryFilters().Where(p => p.Id == personId && p.Active).Select(p => new ActivePerson(p.Name, p.Language)).SingleOrDefaultAsync(ct);

    /// <summary>A person's own chosen language (null: none chosen), read by key: at login, for their own calendar feed and profile, and for mail to them.</summary>
    public static Task<string?> LanguageOfAsync(this StillasDb db, int personId, CancellationToken ct) =>
        db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == personId).Select(p => p.Language).FirstOrDefaultAsync(ct);

    /// <inheritdoc cref="LanguageOfAsync"/>
    public static string? LanguageOf(this StillasDb db, int personId) =>
        db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == personId).Select(p => p.Language).FirstOrDefault();

    /// <summary>
    /// Sets the person's own language column and nothing else (set-based, so no form version is needed): only for
    /// the person themself, who may not otherwise see their own row (a guide without an owner's staff role).
    /// </summary>
    public static Task<int> SetOwnLanguageAsync(this StillasDb db, int personId, string? code, CancellationToken ct) =>
        db.People.IgnoreQueryFilters().Where(p => p.Id == personId && (p.Language == null ? code != null : p.Language != code))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, code), ct);

    /// <summary>
    /// A survey's responses and answers, for a survey the caller has read through its access filter: the rows carry
    /// their survey's owner and school, so the survey's check is theirs. The filter's per-row owner and school test
    /// made PostgreSQL read 180,000 answers from the table instead of its covering index (issue 21's aggregation goal).
    /// </summary>
    public static IQueryable<SurveyResponse> ResponsesOf(this StillasDb db, Survey survey) =>
        db.Set<SurveyResponse>().IgnoreQueryFilters().AsNoTracking().Where(r => r.SurveyId == survey.Id);

    /// <inheritdoc cref="ResponsesOf"/>
    public static IQueryable<SurveyAnswer> AnswersOf(this StillasDb db, Survey survey) =>
        db.Set<SurveyAnswer>().IgnoreQueryFilters().AsNoTracking().Where(a => a.SurveyId == survey.Id);

    /// <summary>
    /// A conflict of interest is a fact about a team and a school, not about who looks: a guide may not see the
    /// roles a fellow member held at the school, yet the programme's page must warn the team. Only the conflict's
    /// sentence is shown, and only to those who may see the programme's conflicts (ConflictOfInterest.MaySee).
    /// Read in the page's own context (a second context under the system scope cost a programme page ~11 ms).
    /// </summary>
    public static ConflictSources ConflictFacts(this StillasDb db) =>
        new(db.TeamMembers.IgnoreQueryFilters(), db.Memberships.IgnoreQueryFilters(), db.Set<ConflictHandling>().IgnoreQueryFilters());

    // Rows the scope names by their own keys (its staff owners, its teams): the access filter would only repeat
    // the scope's own lists at its cost (for people, two EXISTS per row), so these read by the keys it holds.

    /// <summary>Programmes by key, for their stored summary: it is the programme's own, not the reader's.</summary>
    public static IQueryable<Features.Programmes.GuidanceProgramme> ProgrammesForSummary(this StillasDb db, int[] ids) =>
        db.Programmes.IgnoreQueryFilters().Where(p => ids.Contains(p.Id));

    /// <summary>The owners whose staff the user is.</summary>
    public static IQueryable<SchoolOwner> StaffOwners(this StillasDb db)
    {
        var ids = db.Scope.StaffOwnerIds;
        return db.Owners.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id));
    }

    /// <summary>The teams the user is a member of.</summary>
    public static IQueryable<GuidanceTeam> MyTeams(this StillasDb db)
    {
        var ids = db.Scope.TeamIds;
        return db.Teams.IgnoreQueryFilters().AsNoTracking().Where(t => ids.Contains(t.Id));
    }

    /// <summary>The members of the teams the user is a member of.</summary>
    public static IQueryable<TeamMember> MyTeamsMembers(this StillasDb db)
    {
        var ids = db.Scope.TeamIds;
        return db.TeamMembers.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.TeamId));
    }
}

/// <summary>The name and chosen language of an active person.</summary>
public sealed record ActivePerson(string Name, string? Language);
