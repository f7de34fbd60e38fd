using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Teams;

namespace Stillas.Tests.Teams;

/// <summary>
/// Guidance teams in nynorsk and English: the pages, dates in the reader's culture, validation and API messages,
/// and the membership mail in each member's own language. Each assertion is on words only the translation has.
/// </summary>
public abstract class TeamLanguageTests(StillasApp app)
{
    private static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Plain(string html) => Regex.Replace(Html.Text(html), @"\s+", " ");
    private static int IdFrom(Uri location) => int.Parse(location.ToString().Split('/').Last().Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> NordvikId() => app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
    private Task<int> PersonId(string email) => app.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    private async Task<HttpClient> OwnerAdminIn(string language)
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A new Nordvik team with the development advisor on it from 1 August 2026; returns its page.</summary>
    private async Task<string> TeamWithAdvisorAsync(HttpClient client, string name)
    {
        var created = await client.PostFormAsync("/Teams/Create", new()
        {
            ["Input.OwnerId"] = S(await NordvikId()), ["Input.Name"] = name, ["Input.Description"] = "", ["Input.Capacity"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = $"/Teams/Details/{IdFrom(created.Headers.Location!)}";
        var added = await client.PostFormAsync($"{page}?handler=AddMember", new()
        {
            ["Member.PersonId"] = S(await PersonId("veileder@nordvik.test")), ["Member.Role"] = nameof(TeamRole.DevelopmentAdvisor),
            ["Member.From"] = "2026-08-01", ["Member.To"] = "",
        }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        return page;
    }

    [Fact]
    public async Task Teams_read_in_nynorsk_with_nynorsk_roles_dates_and_validation_messages()
    {
        var client = await OwnerAdminIn("nn-NO");
        var list = Plain(await client.GetStringAsync("/Teams"));
        Assert.Contains("Rettleiarteam", list);
        Assert.Contains("Nytt rettleiarteam", list);
        Assert.Contains("Kapasitet per skuleår", list);
        Assert.DoesNotContain("Nytt veilederteam", list);

        var page = Plain(await client.GetStringAsync(await TeamWithAdvisorAsync(client, "Rettleiarteam Nynorskvik")));
        Assert.Contains("Utviklingsrettleiar (koordinator)", page);
        Assert.Contains("Frå 01.08.2026", page);
        Assert.Contains("Teamet manglar ein rettleiar med skuleleiarbakgrunn og ein rettleiar frå UH.", page);
        Assert.Contains("2 skular per skuleår", page);
        Assert.DoesNotContain("Teamet mangler", page);

        var refused = await client.PostFormAsync("/Teams/Create", new()
        {
            ["Input.OwnerId"] = S(await NordvikId()), ["Input.Name"] = "For stort team", ["Input.Description"] = "", ["Input.Capacity"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kapasiteten må vere mellom 1 og 10 skular per skuleår.", Html.FieldErrors(await refused.Content.ReadAsStringAsync()));
        var empty = await client.PostFormAsync("/Teams/Create", new()
        {
            ["Input.OwnerId"] = S(await NordvikId()), ["Input.Name"] = "", ["Input.Description"] = "", ["Input.Capacity"] = "2",
        });
        Assert.Contains("Skriv inn namnet på teamet.", Html.FieldErrors(await empty.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Teams_read_in_English_with_English_dates_and_API_titles()
    {
        var client = await OwnerAdminIn("en-GB");
        var list = Plain(await client.GetStringAsync("/Teams"));
        Assert.Contains("Guidance teams", list);
        Assert.Contains("New guidance team", list);
        Assert.DoesNotContain("Nytt veilederteam", list);

        var page = Plain(await client.GetStringAsync(await TeamWithAdvisorAsync(client, "Guidance team Englishvik")));
        Assert.Contains("Development advisor (coordinator)", page);
        Assert.Contains("From 01/08/2026", page);
        Assert.Contains("The team lacks a guide with a school leadership background and a guide from the university sector.", page);
        Assert.Contains("Changes to the team", page);
        Assert.DoesNotContain("Fra 01.08.2026", page);

        var api = await client.PostAsJsonAsync("/api/v1/teams", new { ownerId = await NordvikId(), name = "API-teamet på engelsk", capacity = 11 });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("The guidance team could not be saved.", await api.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_change_of_members_is_mailed_to_each_member_in_their_own_language()
    {
        await app.WithDbAsync(async db =>
        {
            await db.People.Where(p => p.Email == "anne.lederstad@nordvik.test").ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, "nn"));
            await db.People.Where(p => p.Email == "uh@nordvik.test").ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, "en"));
        });
        var team1 = await app.WithDbAsync(db => db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync());
        // The one who makes the change reads bokmål; the mail follows each recipient.
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var added = await client.PostAsJsonAsync($"/api/v1/teams/{team1}/members", new { personId = await PersonId("jonas.radgiver@nordvik.test"), role = (int)TeamRole.DevelopmentAdvisor });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var mails = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.TextBody.Contains("Jonas Rådgiver")).ToListAsync());
        string Body(string email, string subject) => Assert.Single(mails, m => m.ToAddress == email && m.Subject == subject).TextBody;
        var nynorsk = Body("anne.lederstad@nordvik.test", "Endring i Veilederteam 1");
        Assert.Contains("Jonas Rådgiver er lagd til i teamet.", nynorsk);
        Assert.Contains("Helsing Stillas", nynorsk);
        var english = Body("uh@nordvik.test", "Change in Veilederteam 1");
        Assert.Contains("Jonas Rådgiver has been added to the team.", english);
        Assert.Contains("Regards, Stillas", english);
        var bokmal = Body("veileder@nordvik.test", "Endring i Veilederteam 1");
        Assert.Contains("Jonas Rådgiver er lagt til i teamet.", bokmal);
        Assert.Contains("Hilsen Stillas", bokmal);
    }
}

public sealed class TeamLanguageOnSqlite(StillasApp app) : TeamLanguageTests(app), IClassFixture<StillasApp>;

public sealed class TeamLanguageOnPostgres(PostgresApp app) : TeamLanguageTests(app), IClassFixture<PostgresApp>;
