using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using static Stillas.Tests.People.PeopleTestSupport;

namespace Stillas.Tests.People;

/// <summary>
/// A person's language (Person.Language): set by an administrator on the form and through the API, shown on the
/// person's page, and used for mail to the person; and the people pages in nynorsk and English.
/// </summary>
public abstract class PersonLanguageTests(StillasApp app)
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<string?> LanguageOfAsync(int id) => app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Language).SingleAsync());

    [Fact]
    public async Task An_administrator_sets_a_persons_language_on_the_form_and_it_shows_on_the_persons_page()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var id = await app.InviteAsync(admin, "Nora Nynorsk", "nora.nynorsk@nordvik.test");
        Assert.Null(await LanguageOfAsync(id));

        var form = await admin.GetStringAsync($"/People/Edit/{id}");
        Assert.Contains("<option value=\"\">Som nettleseren</option>", form);
        Assert.Contains("<option value=\"nn\">Nynorsk</option>", form);
        Assert.Contains("<option value=\"en\">English</option>", form);

        var version = await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var saved = await admin.PostFormAsync($"/People/Edit/{id}", new()
        {
            ["Input.Version"] = Id(version), ["Input.Name"] = "Nora Nynorsk", ["Input.Email"] = "nora.nynorsk@nordvik.test", ["Input.Language"] = "nn",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("nn", await LanguageOfAsync(id));
        var details = await admin.GetStringAsync($"/People/Details/{id}");
        Assert.Contains("<dt>Språk</dt><dd>Nynorsk</dd>", details);
        Assert.Matches("<option (selected=\"selected\" value=\"nn\"|value=\"nn\" selected=\"selected\")>Nynorsk</option>", await admin.GetStringAsync($"/People/Edit/{id}"));

        // A stale form (the version before the save) is refused, not saved over the change.
        var stale = await admin.PostFormAsync($"/People/Edit/{id}", new()
        {
            ["Input.Version"] = Id(version), ["Input.Name"] = "Nora Gammel", ["Input.Email"] = "nora.nynorsk@nordvik.test", ["Input.Language"] = "en",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Noen andre har endret dette", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal("nn", await LanguageOfAsync(id));

        // "Som nettleseren" clears the choice.
        var now = await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var cleared = await admin.PostFormAsync($"/People/Edit/{id}", new()
        {
            ["Input.Version"] = Id(now), ["Input.Name"] = "Nora Nynorsk", ["Input.Email"] = "nora.nynorsk@nordvik.test", ["Input.Language"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await LanguageOfAsync(id));
        Assert.Contains("<dt>Språk</dt><dd>Som nettleseren</dd>", await admin.GetStringAsync($"/People/Details/{id}"));
    }

    [Fact]
    public async Task The_API_sets_the_language_keeps_it_when_left_out_and_refuses_an_unknown_code()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var id = await app.InviteAsync(admin, "Api Språk", "api.sprak@nordvik.test");

        var set = await admin.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Api Språk", email = "api.sprak@nordvik.test", language = "en" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("en", (await Json(set)).GetProperty("person").GetProperty("language").GetString());

        var kept = await admin.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Api Språk", email = "api.sprak@nordvik.test", title = "Lærer" });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("en", await LanguageOfAsync(id));

        var invalid = await admin.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Api Språk", email = "api.sprak@nordvik.test", language = "de" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await Json(invalid);
        Assert.Equal("Personen kunne ikke lagres.", problem.GetProperty("title").GetString());
        Assert.Contains("«nb» (bokmål), «nn» (nynorsk) eller «en» (engelsk)", problem.GetProperty("errors").GetProperty("language")[0].GetString());
        Assert.Equal("en", await LanguageOfAsync(id));

        // The same problem in English for an English-speaking client.
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/people/{id}") { Content = JsonContent.Create(new { name = "Api Språk", email = "api.sprak@nordvik.test", language = "xx" }) };
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        var english = await Json(await admin.SendAsync(request));
        Assert.Equal("The person could not be saved.", english.GetProperty("title").GetString());
        Assert.StartsWith("The language must be", english.GetProperty("errors").GetProperty("language")[0].GetString());

        var cleared = await admin.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Api Språk", email = "api.sprak@nordvik.test", language = (string?)null });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null(await LanguageOfAsync(id));
    }

    [Fact]
    public async Task Mail_about_a_changed_address_is_written_in_the_persons_language_not_the_administrators()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var id = await app.InviteAsync(admin, "Emma English", "emma.old@nordvik.test");
        var saved = await admin.PostFormAsync($"/People/Edit/{id}", new()
        {
            ["Input.Name"] = "Emma English", ["Input.Email"] = "emma.new@nordvik.test", ["Input.Language"] = "en",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Mail 1 to the old address was the invitation; mail 2 tells it about the change, in English.
        var notice = await app.MailToAsync("emma.old@nordvik.test", 2);
        Assert.Equal("Your e-mail address in Stillas has been changed", notice.Subject);
        Assert.Contains("from emma.old@nordvik.test to emma.new@nordvik.test", notice.TextBody);
        Assert.Contains("Kari Nordmann has changed your e-mail address", notice.TextBody);
    }

    [Fact]
    public async Task The_people_pages_read_in_English_and_nynorsk()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var list = await admin.GetStringAsync("/People");
        Assert.Contains("<h1 class=\"ds-heading\" data-size=\"lg\">People</h1>", list);
        Assert.Contains("Invite person", list);
        Assert.Contains("Principal", list);
        var teacher = await app.PersonIdAsync("rektor.sentrum@nordvik.test");
        var details = await admin.GetStringAsync($"/People/Details/{teacher}");
        Assert.Contains("<dt>Job title</dt>", details);
        Assert.Contains("<dt>Language</dt>", details);
        Assert.Contains("Give a role", details);

        var nynorsk = await app.LoginAsync("skoleeier@nordvik.test");
        nynorsk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nn-NO");
        var nnList = await nynorsk.GetStringAsync("/People");
        Assert.Contains(">Personar</h1>", nnList);
        Assert.Contains("Namn eller e-post", nnList);
        var invite = await nynorsk.PostFormAsync("/People/Create", InviteForm("", "ikkje-ei-adresse", await app.OwnerIdAsync("Nordvik kommune")));
        var errors = Html.FieldErrors(await invite.Content.ReadAsStringAsync());
        Assert.Contains("Skriv inn namnet.", errors);
        Assert.Contains("Skriv inn ei gyldig e-postadresse, til dømes ola.nordmann@kommune.no.", errors);
    }
}

public sealed class PersonLanguageOnSqlite(StillasApp app) : PersonLanguageTests(app), IClassFixture<StillasApp>;

public sealed class PersonLanguageOnPostgres(PostgresApp app) : PersonLanguageTests(app), IClassFixture<PostgresApp>;
