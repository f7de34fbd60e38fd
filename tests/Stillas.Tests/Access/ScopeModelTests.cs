using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Access;

/// <summary>
/// Scope is a type: every row with an owner implements the scope interfaces, every scoped type gets the access
/// filter of its kind (confidential ones the team's alone), every other type has a write rule, and the write
/// guard places, keeps and freezes rows as it says. Run against the real model and database of both providers.
/// </summary>
public abstract class ScopeModelTests(StillasApp app)
{
    // Rows whose owner id may be empty: their filters are written out in StillasDb, each with its reason.
    private static readonly Dictionary<Type, string> OptionalOwner = new()
    {
        [typeof(Stillas.Web.Features.People.Person)] = "system staff belong to no owner",
        [typeof(Stillas.Web.Features.People.Membership)] = "the system administrator's role has no owner",
        [typeof(AuditEntry)] = "the log of confidential reads carries no owner",
        // No filter at all: the dispatcher and the features that read a mail's sending state by key see every
        // message; the owner only decides who is shown it when undelivered (Features/Mail/Undelivered).
        [typeof(Stillas.Web.Platform.Mail.OutboxMessage)] = "mail to system staff has no owner; the owner says which administrator sees it undelivered",
    };

    private IModel Model() => app.WithDbAsync(db => Task.FromResult(db.GetService<IDesignTimeModel>().Model)).GetAwaiter().GetResult();

    private static IEnumerable<IEntityType> Entities(IModel model) => model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType.Namespace?.StartsWith("Stillas", StringComparison.Ordinal) == true);

    [Fact]
    public void Every_entity_with_an_owner_id_implements_the_scope_interface_and_every_scoped_type_has_the_access_filter()
    {
        var model = Model();
        var failures = new List<string>();
        foreach (var e in Entities(model))
        {
            var type = e.ClrType;
            var scoped = typeof(IOwnerScoped).IsAssignableFrom(type);
            if (e.FindProperty("OwnerId") is not null && !scoped && !OptionalOwner.ContainsKey(type))
                failures.Add($"{type.Name} has an OwnerId but does not implement IOwnerScoped");
            if (e.FindProperty("TeamId") is not null && e.FindProperty("SchoolId") is not null && scoped && !typeof(IProgrammeScoped).IsAssignableFrom(type)
                && type.Name is not ("SelectionCandidate"))
                failures.Add($"{type.Name} has a school and a team but is not IProgrammeScoped");
            if (scoped && e.FindDeclaredQueryFilter(StillasDb.AccessFilter) is null)
                failures.Add($"{type.Name} is scoped but has no access filter");
            if (typeof(IConfidential).IsAssignableFrom(type))
            {
                var filter = e.FindDeclaredQueryFilter(StillasDb.AccessFilter)!.Expression!.ToString();
                if (filter.Contains("StaffOwner", StringComparison.Ordinal) || filter.Contains("SchoolIds", StringComparison.Ordinal) || filter.Contains("ScopeAll", StringComparison.Ordinal))
                    failures.Add($"{type.Name} is confidential but its filter lets more than the team in: {filter}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_type_that_is_not_owner_scoped_has_a_write_rule_so_the_guard_can_refuse_the_unknown()
    {
        var missing = Entities(Model()).Select(e => e.ClrType)
            .Where(t => !typeof(IOwnerScoped).IsAssignableFrom(t) && t != typeof(AuditEntry) && !WriteGuard.Rules.ContainsKey(t))
            .Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "Types the write guard would refuse for everyone but jobs: " + string.Join(", ", missing));
        // And the programme's parts each have their rule (without one, only the owner's administrator writes).
        var programmeParts = Entities(Model()).Select(e => e.ClrType).Where(t => typeof(IProgrammeScoped).IsAssignableFrom(t) && t != typeof(GuidanceProgramme));
        Assert.All(programmeParts, t => Assert.True(WriteGuard.Rules.ContainsKey(t), $"{t.Name} has no write rule"));
    }

    private async Task<AccessScope> ScopeOfAsync(StillasDb db, string email) =>
        await AccessScopeLoader.LoadAsync(db, await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(), default);

    [Fact]
    public async Task A_save_that_moves_a_row_to_another_owner_is_refused_and_nothing_is_written()
    {
        var (schoolId, fjordland) = await app.WithDbAsync(async db => (
            await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync(),
            await db.Owners.Where(o => o.Name == "Fjordland fylkeskommune").Select(o => o.Id).SingleAsync()));
        // The system administrator may write both owners' schools, and still may not move one.
        foreach (var who in new[] { "skoleeier@nordvik.test", "admin@stillas.test" })
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => app.WithDbAsync(async db =>
            {
                db.ScopeSource!.Scope = await ScopeOfAsync(db, who);
                var school = await db.Schools.SingleAsync(s => s.Id == schoolId);
                school.OwnerId = fjordland;
                school.Name = "Flyttet skole";
                await db.SaveChangesAsync();
            }));
        }
        Assert.Equal("Sentrum skole", await app.WithDbAsync(db => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync()));
        // The API refuses it too.
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var response = await client.PutAsJsonAsync($"/api/v1/schools/{schoolId}", new { ownerId = fjordland, name = "Flyttet skole", organisationNumber = "974760673", level = 1, firstGrade = 1, lastGrade = 7 });
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
        Assert.Equal("Sentrum skole", await app.WithDbAsync(db => db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_new_row_without_placement_or_placed_elsewhere_than_its_parent_is_refused_and_never_half_saved()
    {
        var (sessionId, before) = await app.WithDbAsync(async db => (
            await db.Sessions.Where(s => s.Number == 1 && db.Programmes.Any(p => p.Id == s.ProgrammeId && p.School!.Name == "Sentrum skole")).Select(s => s.Id).FirstAsync(),
            await db.SessionNotes.CountAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.ScopeSource!.Scope = await ScopeOfAsync(db, "veileder@nordvik.test");
            db.SessionNotes.Add(new Stillas.Web.Features.Programmes.Sessions.SessionNote { SessionId = sessionId, AuthorPersonId = db.Scope.PersonId!.Value, AuthorName = "x", Text = "uplassert" });
            await db.SaveChangesAsync();
        }));
        // Placed under another school than the session it hangs on (tracked in the same save).
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.WithDbAsync(async db =>
        {
            db.ScopeSource!.Scope = await ScopeOfAsync(db, "veileder@nordvik.test");
            var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            var other = await db.Schools.Where(s => s.Id != session.SchoolId && s.OwnerId == session.OwnerId).Select(s => s.Id).FirstAsync();
            var note = new Stillas.Web.Features.Programmes.Sessions.SessionNote { Session = session, SessionId = sessionId, AuthorPersonId = db.Scope.PersonId!.Value, AuthorName = "x", Text = "feil sted" }.PlaceIn(session);
            note.SchoolId = other;
            db.SessionNotes.Add(note);
            await db.SaveChangesAsync();
        }));
        Assert.Equal(before, await app.WithDbAsync(db => db.SessionNotes.CountAsync()));
    }
}

public sealed class ScopeModelOnSqlite(StillasApp app) : ScopeModelTests(app), IClassFixture<StillasApp>;

public sealed class ScopeModelOnPostgres(PostgresApp app) : ScopeModelTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// A paused, stopped or completed programme is read-only: every kind of row of it, by any caller, page or API
/// (409 with a Norwegian title); resumed, it is writable again. Its own app: it pauses every programme.
/// </summary>
public abstract class ReadOnlyProgrammeTests(StillasApp app)
{
    [Fact]
    public async Task Every_kind_of_programme_row_is_read_only_while_its_programme_is_paused()
    {
        await app.WithDbAsync(db => db.Programmes.ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgrammeStatus.Paused)));
        var types = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => typeof(IProgrammeScoped).IsAssignableFrom(t) && t != typeof(GuidanceProgramme)).ToList()));
        var failures = new List<string>();
        var tried = 0;
        foreach (var type in types)
        {
            var outcome = await app.WithDbAsync(async db =>
            {
                var row = await ((IQueryable<object>)db.GetType().GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!).FirstOrDefaultAsync();
                if (row is null) return "no row";
                var member = await db.People.Where(p => p.Email == "veileder@nordvik.test").Select(p => p.Id).SingleAsync();
                db.ScopeSource!.Scope = await AccessScopeLoader.LoadAsync(db, member, default);
                // A change to nothing but the row's state: the guard must refuse before any rule is asked.
                db.Entry(row).State = EntityState.Modified;
                try { await db.SaveChangesAsync(); return "saved"; }
                catch (ReadOnlyProgrammeException) { return "refused"; }
                catch (Exception ex) { return ex.GetType().Name + ": " + ex.Message; }
            });
            if (outcome == "no row") continue;
            tried++;
            if (outcome != "refused") failures.Add($"{type.Name}: {outcome}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(tried >= 15, $"only {tried} kinds of programme rows had a demo row to try");

        // By API: 409 with the reason, in Norwegian; nothing changes.
        var session = await app.WithDbAsync(db => db.Sessions.Where(s => s.Number == 1 && db.Programmes.Any(p => p.Id == s.ProgrammeId && p.School!.Name == "Sentrum skole")).Select(s => s.Id).FirstAsync());
        var advisor = await app.LoginAsync("veileder@nordvik.test");
        var note = await advisor.PutAsJsonAsync($"/api/v1/sessions/{session}/notes/opening", new { text = "på pause" });
        Assert.Equal(HttpStatusCode.Conflict, note.StatusCode);
        Assert.Contains("satt på pause eller avsluttet", await note.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var details = await advisor.PutAsJsonAsync($"/api/v1/sessions/{session}", new { startTime = "10:00", minutes = 90 });
        Assert.True(details.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden, $"session details on a paused programme: {(int)details.StatusCode}");
        Assert.False(await app.WithDbAsync(db => db.SessionNotes.AnyAsync(n => n.Text == "på pause")));
        // By page: the form is refused with the reason, not with "no access".
        var form = await advisor.PostFormAsync($"/Programmes/Sessions/Session/{session}?handler=Details",
            new() { ["Input.StartTime"] = "10:00", ["Input.Minutes"] = "90" }, $"/Programmes/Sessions/Session/{session}");
        Assert.Equal(HttpStatusCode.Conflict, form.StatusCode);
        Assert.Contains("Forløpet kan ikke endres", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Resumed: the same note saves.
        await app.WithDbAsync(db => db.Programmes.ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgrammeStatus.Active)));
        Assert.Equal(HttpStatusCode.OK, (await advisor.PutAsJsonAsync($"/api/v1/sessions/{session}/notes/opening", new { text = "i gang igjen" })).StatusCode);
    }
}

public sealed class ReadOnlyProgrammeOnSqlite(StillasApp app) : ReadOnlyProgrammeTests(app), IClassFixture<StillasApp>;

public sealed class ReadOnlyProgrammeOnPostgres(PostgresApp app) : ReadOnlyProgrammeTests(app), IClassFixture<PostgresApp>;
