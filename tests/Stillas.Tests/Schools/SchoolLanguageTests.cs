using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;

namespace Stillas.Tests.Schools;

/// <summary>
/// Schools and school owners in nynorsk and English (the browser's Accept-Language), with bokmål
/// unchanged; words asserted here exist only in the translation.
/// </summary>
public abstract partial class SchoolLanguageTests(StillasApp app)
{
    [GeneratedRegex(@"\b\d{2}/\d{2}/\d{4}\b")]
    private static partial Regex BritishDate();

    [GeneratedRegex(@"\b\d{2}\.\d{2}\.\d{4}\b")]
    private static partial Regex NorwegianDate();

    private async Task<HttpClient> LoginAsync(string language)
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private Task<int> SchoolIdAsync(string name) => app.WithDbAsync(db => db.Schools.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    private Task<int> NordvikIdAsync() => app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task The_schools_list_and_a_school_read_in_nynorsk()
    {
        var client = await LoginAsync("nn-NO");
        var list = await client.GetStringAsync("/Schools");
        Assert.Contains("<html lang=\"nn\"", list);
        Assert.Contains("<h1 class=\"ds-heading\" data-size=\"lg\">Skular</h1>", list);
        Assert.Contains("<title>Skular – Stillas</title>", list);
        Assert.Contains("Legg til skule", list);
        Assert.Contains("Skuletype", list);
        Assert.Contains("Barneskule", list);
        Assert.Contains("skular", list); // the count: "12 skular"
        Assert.DoesNotContain(">Skoler</h1>", list);

        var school = await client.GetStringAsync($"/Schools/Details/{await SchoolIdAsync("Sentrum skole")}");
        Assert.Contains("Sentrum skole", school); // data is not translated
        Assert.Contains("<dt>Skuleeigar</dt>", school);
        Assert.Contains("Personar ved skulen", school);
    }

    [Fact]
    public async Task The_schools_list_and_a_school_read_in_English()
    {
        var client = await LoginAsync("en-GB");
        var list = await client.GetStringAsync("/Schools");
        Assert.Contains("<html lang=\"en\"", list);
        Assert.Contains("<h1 class=\"ds-heading\" data-size=\"lg\">Schools</h1>", list);
        Assert.Contains("Add school", list);
        Assert.Contains("Import from CSV", list);
        Assert.Contains("School type", list);
        Assert.Contains("Primary school", list);

        var school = await client.GetStringAsync($"/Schools/Details/{await SchoolIdAsync("Sentrum skole")}");
        Assert.Contains("<dt>Organisation number</dt>", school);
        Assert.Contains("<dt>School owner</dt>", school);
        Assert.Contains("People at the school", school);
        Assert.Matches(@"Years \d+–\d+", Html.Text(school));
        Assert.DoesNotContain("Organisasjonsnummer", school);
    }

    [Fact]
    public async Task An_owner_page_in_English_has_British_dates_and_in_bokmal_Norwegian_ones()
    {
        var nordvik = await NordvikIdAsync();
        var english = await (await LoginAsync("en-GB")).GetStringAsync($"/Owners/Details/{nordvik}");
        Assert.Contains("Registered in Stillas", english);
        Assert.Contains("active schools", english);
        Assert.Contains("Shortcuts", english);
        Assert.Matches(BritishDate(), english);
        Assert.DoesNotMatch(NorwegianDate(), english);

        var bokmal = await (await app.LoginAsync("skoleeier@nordvik.test")).GetStringAsync($"/Owners/Details/{nordvik}");
        Assert.Contains("Registrert i Stillas", bokmal);
        Assert.Contains("aktive skoler", bokmal);
        Assert.Matches(NorwegianDate(), bokmal);
    }

    [Fact]
    public async Task A_bad_school_is_refused_in_nynorsk()
    {
        var client = await LoginAsync("nn-NO");
        var nordvik = await NordvikIdAsync();
        var response = await client.PostFormAsync("/Schools/Edit", new()
        {
            ["Input.OwnerId"] = nordvik.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "", ["Input.OrganisationNumber"] = "974760673",
            ["Input.Level"] = "Barneskole", ["Input.FirstGrade"] = "1", ["Input.LastGrade"] = "7", ["Input.Pupils"] = "120",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Html.FieldErrors(await response.Content.ReadAsStringAsync());
        Assert.Contains("Skriv inn namnet på skulen.", errors);

        var grades = await client.PostFormAsync("/Schools/Edit", new()
        {
            ["Input.OwnerId"] = nordvik.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = "Nynorsk skule", ["Input.OrganisationNumber"] = "974760673",
            ["Input.Level"] = "Barneskole", ["Input.FirstGrade"] = "7", ["Input.LastGrade"] = "3", ["Input.Pupils"] = "120",
        });
        Assert.Contains("Siste trinn kan ikkje vere lågare enn første trinn.", Html.FieldErrors(await grades.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(db => db.Schools.AnyAsync(s => s.Name == "Nynorsk skule")));
    }

    [Fact]
    public async Task The_chosen_language_wins_over_the_browser()
    {
        // The system administrator (no other test here logs in as them): the switcher saves the choice in their profile.
        var client = await app.LoginAsync("admin@stillas.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        Assert.Contains(">Schools</h1>", await client.GetStringAsync("/Schools"));
        var switched = await client.PostFormAsync("/Account/Language", new() { ["lang"] = "nn", ["returnUrl"] = "/Schools" }, "/Schools");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains(">Skular</h1>", await client.GetStringAsync("/Schools"));
    }
}

public sealed class SchoolLanguageOnSqlite(StillasApp app) : SchoolLanguageTests(app), IClassFixture<StillasApp>;

public sealed class SchoolLanguageOnPostgres(PostgresApp app) : SchoolLanguageTests(app), IClassFixture<PostgresApp>;
