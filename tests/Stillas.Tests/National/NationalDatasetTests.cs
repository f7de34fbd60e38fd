using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Data.Seed.National;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Tests.National;

/// <summary>An app over an empty database (no demo data), for the national dataset.</summary>
public sealed class EmptySqliteApp() : StillasApp(Provider.Sqlite, seedDemo: false);
public sealed class EmptyPostgresApp() : StillasApp(Provider.Postgres, seedDemo: false);

/// <summary>
/// The national dataset's generator on a small scale (same code path, 2 % of the counts): valid and
/// unique organisation numbers, every person with an account that the one known password opens,
/// programmes planned in every state, the owners' data still isolated by the access filters, and a
/// second run refused unless told to replace.
/// </summary>
public abstract class NationalDatasetTests(StillasApp app)
{
    private static readonly NationalOptions Small = new(Seed: 7, Scale: 0.02);

    [Fact]
    public async Task A_scaled_down_national_dataset_is_complete_valid_and_isolated()
    {
        var set = await NationalCommand.GenerateAsync(app.Services, Small, replace: false);

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(Small.Scaled(356, 2) + Small.Scaled(15) + Small.Scaled(59), await db.Owners.CountAsync());
            Assert.Equal(set.Schools.Count, await db.Schools.CountAsync());
            Assert.InRange(set.Schools.Count, 55, 70);
            Assert.Equal(Small.Scaled(90_000, 50), await db.People.CountAsync());
            Assert.Equal(await db.People.CountAsync(), await db.Users.CountAsync());
            Assert.True(await db.Teams.CountAsync() >= 5);

            var numbers = await db.Owners.Select(o => o.OrganisationNumber).Concat(db.Schools.Select(s => s.OrganisationNumber)).ToListAsync();
            Assert.All(numbers, n => Assert.True(OrganisationNumber.IsValid(n), n));
            Assert.Equal(numbers.Count, numbers.Distinct().Count());

            // Every account belongs to its person and opens with the one password (hashed once, shared).
            var accounts = await db.Users.Select(a => new { a.PersonId, a.Email, a.NormalizedEmail, a.PasswordHash, Person = a.Person!.Email }).ToListAsync();
            Assert.All(accounts, a => Assert.Equal(a.Person, a.Email));
            Assert.All(accounts, a => Assert.Equal(a.Email!.ToUpperInvariant(), a.NormalizedEmail));
            var hash = Assert.Single(accounts.Select(a => a.PasswordHash).Distinct());
            Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AccountEntity>().VerifyHashedPassword(null!, hash!, NationalOptions.Password));
            Assert.Equal(await db.People.CountAsync(), await db.Memberships.Select(m => m.PersonId).Distinct().CountAsync());

            // Five school years of history: completed and running programmes, steps done and still planned.
            var statuses = await db.Programmes.Select(p => p.Status).Distinct().ToListAsync();
            Assert.Contains(ProgrammeStatus.Completed, statuses);
            Assert.Contains(ProgrammeStatus.Active, statuses);
            Assert.Equal(0, await db.Programmes.CountAsync(p => !p.Steps.Any()));
            Assert.True(await db.PlanSteps.AnyAsync(s => s.Status == StepStatus.Done));
            Assert.True(await db.PlanSteps.AnyAsync(s => s.Status == StepStatus.Planned));
            Assert.Equal(await db.Programmes.CountAsync(), await db.Agreements.CountAsync());
            Assert.True(await db.AuditEntries.AnyAsync());
        });

        // The benchmark's people log in through the real form; a teacher picked at random does too.
        var bench = set.Bench!;
        var ownerAdmin = await app.LoginAsync(bench.OwnerAdmin, bench.Password);
        var principal = await app.LoginAsync(bench.Principal, bench.Password);
        await app.LoginAsync(bench.Advisor, bench.Password);
        await app.LoginAsync(bench.SystemAdmin, bench.Password);
        await app.LoginAsync(set.People[set.People.Count / 2].Email, bench.Password);

        // The access filters still isolate the owners.
        var largest = set.Owners[0].Id;
        using var schools = JsonDocument.Parse(await ownerAdmin.GetStringAsync("/api/v1/schools?pageSize=100"));
        var ownerIds = schools.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("ownerId").GetInt32()).Distinct().ToList();
        Assert.Equal([largest], ownerIds);
        var elsewhere = set.Schools.First(s => s.OwnerId != largest);
        Assert.Equal(HttpStatusCode.NotFound, (await ownerAdmin.GetAsync($"/Schools/Details/{elsewhere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await principal.GetAsync($"/Programmes/Details/{bench.ProgrammeId}")).StatusCode);
        var otherProgramme = set.Programmes.First(p => p.OwnerId != largest);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/Programmes/Details/{otherProgramme.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(bench.CalendarPath)).StatusCode);

        // A database with data is refused unless the caller says --replace.
        await Assert.ThrowsAsync<DatasetRefusedException>(() => NationalCommand.GenerateAsync(app.Services, Small, replace: false));
    }
}

public sealed class NationalDatasetTestsOnSqlite(EmptySqliteApp app) : NationalDatasetTests(app), IClassFixture<EmptySqliteApp>;
public sealed class NationalDatasetTestsOnPostgres(EmptyPostgresApp app) : NationalDatasetTests(app), IClassFixture<EmptyPostgresApp>;
