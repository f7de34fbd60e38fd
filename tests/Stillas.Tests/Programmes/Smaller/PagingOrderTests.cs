using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.People;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Programmes.Smaller;

/// <summary>
/// Paged lists have a total order: paging through rows with equal sort keys (the same name) shows every row once,
/// none twice and none lost, on both providers (PostgreSQL returns equal keys in any order without a tiebreak).
/// </summary>
public abstract partial class PagingOrderTests(StillasApp app)
{
    private const string Admin = "admin@stillas.test";

    private async Task<List<int>> SameNamedSchoolsAsync(string name, int count) => await app.WithDbAsync(async db =>
    {
        var owner = await db.Owners.Where(o => o.Name == "Fjordland fylkeskommune").Select(o => o.Id).SingleAsync();
        var stem = 93000000 + Random.Shared.Next(0, 900000);
        var schools = new List<School>();
        while (schools.Count < count)
        {
            var org = OrganisationNumber.Complete((stem++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (org is null || await db.Schools.AnyAsync(s => s.OrganisationNumber == org)) continue;
            schools.Add(new School { OwnerId = owner, Name = name, OrganisationNumber = org, Level = SchoolLevel.Videregaende, FirstGrade = 11, LastGrade = 13, Pupils = 100 });
        }
        db.Schools.AddRange(schools);
        await db.SaveChangesAsync();
        return schools.ConvertAll(s => s.Id);
    });

    [Fact]
    public async Task Schools_page_through_equal_names_without_repeats_or_gaps()
    {
        var ids = await SameNamedSchoolsAsync("Likenavn videregående skole", 31);
        var admin = await app.LoginAsync(Admin);

        // The API, small pages.
        var seen = new List<int>();
        for (var page = 1; page <= 8; page++)
        {
            var body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/schools?q=Likenavn&pageSize=4&page={page}");
            Assert.Equal(31, body.GetProperty("total").GetInt32());
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        }
        Assert.Equal(ids.Order(), seen.Order());

        // The page, by page number (OFFSET) and by the "next" links (keyset).
        var pages = new List<int>();
        for (var page = 1; page <= 2; page++)
            pages.AddRange(SchoolIds(await admin.GetStringAsync($"/Schools?q=Likenavn&p={page}")));
        Assert.Equal(ids.Order(), pages.Order());

        var keyset = new List<int>();
        var url = "/Schools?q=Likenavn";
        for (var i = 0; i < 5 && url is not null; i++)
        {
            var html = await admin.GetStringAsync(url);
            keyset.AddRange(SchoolIds(html));
            var next = NextLink().Match(html);
            url = next.Success ? System.Net.WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }
        Assert.Equal(ids.Order(), keyset.Order());
    }

    [Fact]
    public async Task People_page_through_equal_names_without_repeats_or_gaps()
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var owner = await db.Owners.Where(o => o.Name == "Fjordland fylkeskommune").Select(o => o.Id).SingleAsync();
            var tag = Guid.NewGuid().ToString("N")[..8];
            var people = Enumerable.Range(0, 30).Select(i => new Person { OwnerId = owner, Name = "Likenavn Person", Email = $"likenavn.{tag}.{i}@fjordland.test" }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return people.ConvertAll(p => p.Id);
        });
        var admin = await app.LoginAsync(Admin);

        var seen = new List<int>();
        for (var page = 1; page <= 6; page++)
        {
            var body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/people?q=Likenavn&pageSize=5&page={page}");
            seen.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        }
        Assert.Equal(ids.Order(), seen.Order());

        var pages = new List<int>();
        for (var page = 1; page <= 2; page++)
            pages.AddRange(PersonIds().Matches(await admin.GetStringAsync($"/People?q=Likenavn&p={page}")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(ids.Order(), pages.Order());
    }

    private static IEnumerable<int> SchoolIds(string html) =>
        SchoolLinks().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("href=\"/Schools/Details/(\\d+)\"")]
    private static partial Regex SchoolLinks();

    [GeneratedRegex("href=\"/People/Details/(\\d+)\"")]
    private static partial Regex PersonIds();

    [GeneratedRegex("<a[^>]*href=\"(/Schools\\?[^\"]*after=[^\"]*)\"")]
    private static partial Regex NextLink();
}

public sealed class PagingOrderOnSqlite(StillasApp app) : PagingOrderTests(app), IClassFixture<StillasApp>;

public sealed class PagingOrderOnPostgres(PostgresApp app) : PagingOrderTests(app), IClassFixture<PostgresApp>;
