using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Audit;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Web;

namespace Stillas.Tests.Audit;

/// <summary>The audit log page and API, on both database providers.</summary>
public abstract partial class AuditTests(StillasApp app)
{
    [GeneratedRegex(@"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}")]
    private static partial Regex OsloTime();

    private Task<School> SchoolAsync(string name) => app.WithDbAsync(db => db.Schools.AsNoTracking().SingleAsync(s => s.Name == name));

    /// <summary>Renames a school through the real edit form, as its owner's administrator.</summary>
    private static async Task RenameAsync(HttpClient client, School s, string newName)
    {
        var response = await client.PostFormAsync($"/Schools/Edit/{s.Id}", new()
        {
            ["Input.OwnerId"] = s.OwnerId.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = newName, ["Input.OrganisationNumber"] = s.OrganisationNumber,
            ["Input.Level"] = s.Level.ToString(), ["Input.FirstGrade"] = s.FirstGrade.ToString(CultureInfo.InvariantCulture),
            ["Input.LastGrade"] = s.LastGrade.ToString(CultureInfo.InvariantCulture), ["Input.Pupils"] = s.Pupils.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Audit_page_shows_who_changed_which_school_from_what_to_what()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var school = await SchoolAsync("Havnå skole");
        await RenameAsync(client, school, "Havnå skole og barnehage");

        var response = await client.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var body = html.IndexOf("<tbody>", StringComparison.Ordinal);
        var firstRow = Html.Text(html[body..html.IndexOf("</tr>", body, StringComparison.Ordinal)]);
        Assert.Matches(OsloTime(), firstRow);
        Assert.Contains("Kari Nordmann", firstRow);
        Assert.Contains("Endret", firstRow);
        Assert.Contains($"Skole {school.Id}", firstRow);
        Assert.Contains("Navn:", firstRow);
        Assert.Contains("Havnå skole", firstRow);
        Assert.Contains("Havnå skole og barnehage", firstRow);
        Assert.Contains($"href=\"/Schools/Details/{school.Id}\"", html);
        Assert.Contains("<h1 class=\"ds-heading\" data-size=\"lg\">Logg</h1>", html);
        // The time is Oslo time of the stored UTC instant.
        var at = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "School" && a.EntityId == school.Id.ToString()).OrderByDescending(a => a.Id).Select(a => a.At).FirstAsync());
        Assert.Contains(NorwegianTime.DateTime(at), firstRow);
    }

    [Fact]
    public async Task Updates_and_their_audit_rows_are_saved_together_or_not_at_all()
    {
        // Updates write their audit rows in the same save (one transaction): a save that fails part-way
        // leaves neither the changes nor their audit rows.
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var names = await app.WithDbAsync(db => db.Schools.AsNoTracking().Where(s => s.Owner!.Name == "Nordvik kommune").OrderBy(s => s.Id).Select(s => new { s.Id, s.Name, s.OrganisationNumber }).Take(3).ToListAsync());
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var first = await db.Schools.SingleAsync(s => s.Id == names[0].Id);
            var second = await db.Schools.SingleAsync(s => s.Id == names[1].Id);
            first.Name = names[0].Name + " (endret)";
            second.OrganisationNumber = names[2].OrganisationNumber; // taken: the unique index refuses it
            await db.SaveChangesAsync();
        }));
        Assert.Equal(names[0].Name, (await SchoolAsync(names[0].Name)).Name);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));

        await app.WithDbAsync(async db =>
        {
            (await db.Schools.SingleAsync(s => s.Id == names[0].Id)).Pupils += 1;
            await db.SaveChangesAsync();
        });
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "School" && a.EntityId == names[0].Id.ToString()).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Contains("Pupils", entry.Changes);
    }

    [Fact]
    public async Task Fjordland_admin_sees_Fjordland_entries_but_never_Nordvik_entries()
    {
        var nordvikAdmin = await app.LoginAsync("skoleeier@nordvik.test");
        await RenameAsync(nordvikAdmin, await SchoolAsync("Solbakken skole"), "Solbakken skole (omdøpt)");
        var fjordAdmin = await app.LoginAsync("skoleeier@fjordland.test");
        await RenameAsync(fjordAdmin, await SchoolAsync("Breivik videregående skole"), "Breivik videregående skole (omdøpt)");

        var html = await fjordAdmin.GetStringAsync("/Audit");
        Assert.Contains("Breivik videregående skole (omdøpt)", html);
        Assert.DoesNotContain("Solbakken", html);
        Assert.DoesNotContain("Kari Nordmann", html);

        var fjordland = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Fjordland fylkeskommune").Select(o => o.Id).SingleAsync());
        var page = await fjordAdmin.GetFromJsonAsync<AuditApi.AuditPage>("/api/v1/audit?pageSize=200");
        Assert.NotNull(page);
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, i => Assert.Equal(fjordland, i.OwnerId));
        Assert.Contains(page.Items, i => i.Changes.TryGetValue("Name", out var c) && c.New == "Breivik videregående skole (omdøpt)");

        // The system administrator sees both.
        var all = await (await app.LoginAsync("admin@stillas.test")).GetStringAsync("/Audit");
        Assert.Contains("Solbakken skole (omdøpt)", all);
        Assert.Contains("Breivik videregående skole (omdøpt)", all);
    }

    [Fact]
    public async Task Principal_and_anonymous_users_are_refused_the_audit_log()
    {
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        Refused.Assert(await principal.GetAsync("/Audit"), "principal opening the audit log");
        var api = await principal.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("href=\"/Audit\"", await principal.GetStringAsync("/"));

        var advisor = await app.LoginAsync("veileder@nordvik.test");
        Refused.Assert(await advisor.GetAsync("/Audit"), "development advisor opening the audit log");

        var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task Log_is_paged_by_key_newest_first_without_overlap()
    {
        var admin = await app.LoginAsync("admin@stillas.test");
        var first = await admin.GetFromJsonAsync<AuditApi.AuditPage>("/api/v1/audit?pageSize=5");
        Assert.NotNull(first);
        Assert.Equal(5, first.Items.Count);
        Assert.Equal(first.Items.Select(i => i.Id).OrderDescending(), first.Items.Select(i => i.Id));
        Assert.Equal(first.Items[^1].Id, first.NextBefore);

        var second = await admin.GetFromJsonAsync<AuditApi.AuditPage>($"/api/v1/audit?pageSize=5&before={first.NextBefore}");
        Assert.NotNull(second);
        Assert.Equal(5, second.Items.Count);
        Assert.All(second.Items, i => Assert.True(i.Id < first.NextBefore));

        var oldest = await app.WithDbAsync(db => db.AuditEntries.MinAsync(a => a.Id));
        var last = await admin.GetFromJsonAsync<AuditApi.AuditPage>($"/api/v1/audit?before={oldest + 1}");
        Assert.Equal(oldest, Assert.Single(last!.Items).Id);
        Assert.Null(last.NextBefore);

        // The page: 50 rows, a link to older entries, and from there a way back to the newest.
        var html = await admin.GetStringAsync("/Audit");
        Assert.Equal(50, Regex.Count(html[html.IndexOf("<tbody>", StringComparison.Ordinal)..], "<tr>"));
        var older = Regex.Match(html, "href=\"(/Audit\\?before=\\d+)\"[^>]*>Eldre hendelser");
        Assert.True(older.Success);
        var olderHtml = await admin.GetStringAsync(WebUtility.HtmlDecode(older.Groups[1].Value));
        Assert.Contains("Til de nyeste", olderHtml);
    }

    [Fact]
    public async Task Filters_by_entity_type_actor_and_Oslo_dates()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        await RenameAsync(client, await SchoolAsync("Elvebakken skole"), "Elvebakken skole (filter)");
        var admin = await app.LoginAsync("admin@stillas.test");

        var schools = await admin.GetFromJsonAsync<AuditApi.AuditPage>("/api/v1/audit?entityType=School&pageSize=200");
        Assert.NotEmpty(schools!.Items);
        Assert.All(schools.Items, i => Assert.Equal("School", i.EntityType));

        var kari = await admin.GetFromJsonAsync<AuditApi.AuditPage>("/api/v1/audit?actor=kari&pageSize=200");
        Assert.NotEmpty(kari!.Items);
        Assert.All(kari.Items, i => Assert.Equal("Kari Nordmann", i.ActorName));

        var today = app.Today;
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var todays = await admin.GetStringAsync($"/Audit?entityType=School&actor=Kari&from={Day(today)}&to={Day(today)}");
        Assert.Contains("Elvebakken skole (filter)", todays);
        Assert.Contains($"value=\"{Day(today)}\"", todays);
        var tomorrow = await admin.GetStringAsync($"/Audit?from={Day(today.AddDays(1))}");
        Assert.Contains("Ingen hendelser passer filteret.", tomorrow);
        var yesterday = await admin.GetFromJsonAsync<AuditApi.AuditPage>($"/api/v1/audit?to={Day(today.AddDays(-1))}");
        Assert.Empty(yesterday!.Items);

        var reversed = await admin.GetStringAsync($"/Audit?from={Day(today)}&to={Day(today.AddDays(-1))}");
        Assert.Contains("Til-datoen kan ikke være før fra-datoen.", Html.FieldErrors(reversed));
        var garbage = await admin.GetAsync("/Audit?from=ikke-en-dato&before=abc");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.NotEmpty(Html.FieldErrors(await garbage.Content.ReadAsStringAsync()));
    }
}

public sealed class AuditOnSqlite(StillasApp app) : AuditTests(app), IClassFixture<StillasApp>;

public sealed class AuditOnPostgres(PostgresApp app) : AuditTests(app), IClassFixture<PostgresApp>;
