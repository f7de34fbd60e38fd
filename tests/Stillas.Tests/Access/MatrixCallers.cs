using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Teams;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Data.Seed;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Tests.Access;

/// <summary>
/// One logged-in client and one antiforgery token per caller, made once per app: logging in hashes a
/// password (slow on purpose), and the token is per user, not per page, so one token serves every form.
/// </summary>
public sealed class MatrixCallers
{
    private static readonly ConditionalWeakTable<StillasApp, Task<MatrixCallers>> Cache = new();
    private static readonly Regex TokenRx = new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.Compiled);

    public Dictionary<Who, HttpClient> Clients { get; } = [];
    public Dictionary<Who, string> Tokens { get; } = [];

    public static Task<MatrixCallers> ForAsync(StillasApp app) => Cache.GetValue(app, a => LoadAsync(a));

    private static async Task<MatrixCallers> LoadAsync(StillasApp app)
    {
        await AddMissingLoginsAsync(app);
        var callers = new MatrixCallers();
        callers.Clients[Who.Anonymous] = app.Client();
        callers.Tokens[Who.Anonymous] = await TokenAsync(callers.Clients[Who.Anonymous], "/Account/Login");
        foreach (var (who, email) in AccessMatrix.Logins)
        {
            var client = await app.LoginAsync(email);
            // A login that "succeeds" into a redirect loop would make every row refuse: the start page must answer.
            var home = await client.GetAsync("/");
            if (home.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{who} ({email}) logged in but / answered {(int)home.StatusCode} {home.Headers.Location}");
            callers.Clients[who] = client;
            callers.Tokens[who] = await TokenAsync(client, "/");
        }
        return callers;
    }

    /// <summary>A new login for one caller, for a call that ends its session.</summary>
    public static async Task<MatrixCallers> OwnLoginAsync(StillasApp app, Who who)
    {
        var callers = new MatrixCallers();
        var client = await app.LoginAsync(AccessMatrix.Logins.Single(l => l.Item1 == who).Item2);
        callers.Clients[who] = client;
        callers.Tokens[who] = await TokenAsync(client, "/");
        return callers;
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var match = TokenRx.Match(html);
        if (!match.Success) throw new InvalidOperationException($"No antiforgery token on {page}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    // People the demo has but without a login, and roles it lacks: made here, not in DemoData.
    public const string OtherPrincipalEmail = "matrise.rektor@nordvik.test";
    public const string OtherPrincipalSchool = "Havnå skole";
    public const string FjordlandGuideEmail = "matrise.veileder@fjordland.test";
    public const string FjordlandTeamName = "Matrise Fjordland-team";
    public const string NoRoleEmail = "matrise.ingen@nordvik.test";

    private static async Task AddMissingLoginsAsync(StillasApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountEntity>>();
        var nordvik = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync();
        var fjordland = await db.Owners.Where(o => o.Name == "Fjordland fylkeskommune").Select(o => o.Id).SingleAsync();

        async Task<Person> PersonAsync(string email, string name, int? owner)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Email == email);
            if (person is null)
            {
                person = new Person { OwnerId = owner, Name = name, Email = email };
                db.People.Add(person);
                await db.SaveChangesAsync();
            }
            return person;
        }

        var otherPrincipal = await PersonAsync(OtherPrincipalEmail, "Matrise Rektor", nordvik);
        if (!await db.Memberships.AnyAsync(m => m.PersonId == otherPrincipal.Id))
        {
            var havna = await db.Schools.Where(s => s.Name == OtherPrincipalSchool).Select(s => s.Id).SingleAsync();
            db.Memberships.Add(new Membership { PersonId = otherPrincipal.Id, Role = Role.Principal, OwnerId = nordvik, SchoolId = havna });
        }
        var fjordGuide = await PersonAsync(FjordlandGuideEmail, "Matrise Fjordveileder", fjordland);
        if (!await db.Memberships.AnyAsync(m => m.PersonId == fjordGuide.Id))
        {
            db.Memberships.Add(new Membership { PersonId = fjordGuide.Id, Role = Role.DevelopmentAdvisor, OwnerId = fjordland });
            var team = new GuidanceTeam { OwnerId = fjordland, Name = FjordlandTeamName, CapacityPerSchoolYear = 3 };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            db.TeamMembers.Add(new TeamMember { TeamId = team.Id, OwnerId = fjordland, PersonId = fjordGuide.Id, Role = TeamRole.DevelopmentAdvisor, From = new DateOnly(2025, 8, 1) });
        }
        await PersonAsync(NoRoleEmail, "Matrise Uten Rolle", null);
        await db.SaveChangesAsync();

        foreach (var (_, email) in AccessMatrix.Logins)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var person = await db.People.SingleAsync(p => p.Email == email);
            var account = new AccountEntity { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id };
            var result = await users.CreateAsync(account, DemoData.Password);
            if (!result.Succeeded) throw new InvalidOperationException($"Account for {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
