using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.FuturePicture;

namespace Stillas.Tests.Programmes.FuturePicture;

/// <summary>
/// The future picture through the real pages and API, on both providers. Decisions tested here: the
/// development area is required (the picture is rooted in the chosen area) while the picture text may
/// still be empty in a first draft; the school's leaders may answer the team's comments.
/// </summary>
public abstract class FuturePictureTests(StillasApp app)
{
    private const string Principal = "rektor.sentrum@nordvik.test";
    private const string UniversityGuide = "uh@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    /// <summary>Tor Skolesjef, principal of Bjørkly skole (Nordvik) and guide in team 2: a demo person without a demo login.</summary>
    private const string OtherPrincipal = "tor.skolesjef@nordvik.test";

    private static async Task EnsureAccountAsync(StillasApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Stillas.Web.Platform.Access.CurrentScope>().Scope = Stillas.Web.Platform.Access.AccessScope.System;
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Stillas.Web.Features.Account.Account>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<Stillas.Web.Platform.Data.StillasDb>();
        var personId = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
        var result = await users.CreateAsync(new Stillas.Web.Features.Account.Account { UserName = email, Email = email, EmailConfirmed = true, PersonId = personId }, Stillas.Web.Platform.Data.Seed.DemoData.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
    private static class Inv
    {
        public static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A fresh programme for Sentrum skole run by Veilederteam 1.</summary>
    public static Task<int> NewProgrammeAsync(StillasApp app) => app.WithDbAsync(async db =>
    {
        var sentrum = await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => new { s.Id, s.OwnerId }).SingleAsync();
        var team = await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync();
        var programme = new GuidanceProgramme
        {
            OwnerId = sentrum.OwnerId, SchoolId = sentrum.Id, TeamId = team, SchoolYear = "2026/27", TemplateKey = "tiu", TemplateVersion = 1,
            TemplateName = "Tromsøskolen i utvikling", TemplateJson = "{}", StartDate = new DateOnly(2026, 8, 17),
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    private static Dictionary<string, string> Form(int expected, string area, string text, params (Guid? Key, string Text)[] signs)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.ExpectedVersion"] = Inv.S(expected), ["Input.DevelopmentArea"] = area, ["Input.Text"] = text, ["Input.ChangeNote"] = "",
        };
        for (var i = 0; i < signs.Length; i++)
        {
            form[$"Input.Signs[{i}].Key"] = signs[i].Key?.ToString() ?? "";
            form[$"Input.Signs[{i}].Text"] = signs[i].Text;
        }
        return form;
    }

    private Task<List<SignOfGoodPractice>> SignsAsync(int programmeId, int number) => app.WithDbAsync(db =>
        db.SignsOfGoodPractice.Where(s => s.FuturePictureVersion!.FuturePicture!.ProgrammeId == programmeId && s.FuturePictureVersion.Number == number)
            .OrderBy(s => s.Order).ToListAsync());

    private async Task WriteVersionOneAsync(HttpClient principal, int programmeId)
    {
        var response = await principal.PostFormAsync($"/Programmes/FuturePicture/Edit/{programmeId}",
            Form(0, "Vurdering for læring", "Elevene vet hva de skal lære.\nLærerne gir fremovermeldinger.",
                (null, "Elevene kan forklare målet for timen"), (null, "Lærerne gir skriftlige fremovermeldinger"), (null, "Elevene vurderer eget arbeid")));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {response.Headers.Location} {Html.Alert(await response.Content.ReadAsStringAsync())} {string.Join("; ", Html.FieldErrors(await response.Content.ReadAsStringAsync()))}");
    }

    [Fact]
    public async Task Principal_writes_two_versions_signs_keep_their_keys_and_compare_shows_the_changes()
    {
        var programmeId = await NewProgrammeAsync(app);
        var principal = await app.LoginAsync(Principal);
        await WriteVersionOneAsync(principal, programmeId);
        var v1 = await SignsAsync(programmeId, 1);
        Assert.Equal(3, v1.Count);

        var response = await principal.PostFormAsync($"/Programmes/FuturePicture/Edit/{programmeId}",
            Form(1, "Vurdering for læring", "Elevene vet hva de skal lære.\nLærerne gir muntlige og skriftlige fremovermeldinger.",
                (v1[0].Key(), v1[0].Text), (v1[1].Key(), "Lærerne gir muntlige fremovermeldinger hver uke"), (null, "Foresatte kjenner vurderingskriteriene")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var v2 = await SignsAsync(programmeId, 2);
        Assert.Equal(3, v2.Count);
        Assert.Equal(v1[0].StableKey, v2[0].StableKey);
        Assert.Equal(v1[1].StableKey, v2[1].StableKey);
        Assert.Equal("Lærerne gir muntlige fremovermeldinger hver uke", v2[1].Text);
        Assert.DoesNotContain(v2, s => s.StableKey == v1[2].StableKey);
        Assert.Equal(1, await app.WithDbAsync(db => db.FuturePictureVersions.CountAsync(v => v.FuturePicture!.ProgrammeId == programmeId && v.Number == 1)));

        var current = await app.WithDbAsync(db => FuturePictureQueries.CurrentSignsAsync(db, programmeId));
        Assert.Equal(["Elevene kan forklare målet for timen", "Lærerne gir muntlige fremovermeldinger hver uke", "Foresatte kjenner vurderingskriteriene"], current.Select(s => s.Text));
        Assert.Equal([1, 2, 3], current.Select(s => s.Order));

        var page = await principal.GetStringAsync($"/Programmes/FuturePicture/{programmeId}");
        Assert.Contains("Gjeldende versjon (versjon 2)", page);
        Assert.Contains("Per Rektorsen", page);
        Assert.Matches(new Regex(@"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"), page);

        var compare = await principal.GetStringAsync($"/Programmes/FuturePicture/Compare/{programmeId}?a=1&b=2");
        Assert.Contains("gir <ins class=\"diff-ins\"><span class=\"visually-hidden\">[Lagt til: </span>muntlige og skriftlige <span class=\"visually-hidden\">]</span></ins>fremovermeldinger.", compare);
        Assert.Contains("Endret tegn 2", compare);
        Assert.Contains("Nytt tegn 3", compare);
        Assert.Contains("Fjernet tegn (var 3)", compare);
        Assert.Contains("<del class=\"diff-del\"><span class=\"visually-hidden\">[Fjernet: </span>Elevene vurderer eget arbeid", compare);
        Assert.Contains("Uendret tegn 1", compare);
        Assert.Contains("Utviklingsområde (uendret)", compare);

        var api = await principal.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/future-picture");
        Assert.Equal(2, api.GetProperty("currentVersion").GetInt32());
        Assert.Equal(2, api.GetProperty("versions").GetArrayLength());
        var apiV1 = await principal.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/future-picture/versions/1");
        Assert.Equal(3, apiV1.GetProperty("signs").GetArrayLength());
    }

    [Fact]
    public async Task Add_and_remove_sign_buttons_keep_what_was_typed()
    {
        var programmeId = await NewProgrammeAsync(app);
        var principal = await app.LoginAsync(Principal);
        var url = $"/Programmes/FuturePicture/Edit/{programmeId}";
        var added = await (await principal.PostFormAsync($"{url}?handler=AddSign", Form(0, "Lesing", "Mitt utkast", (null, "Tegn en"), (null, "Tegn to")), url)).Content.ReadAsStringAsync();
        Assert.Contains("Mitt utkast", added);
        Assert.Contains("name=\"Input.Signs[2].Text\"", added);
        var removed = await (await principal.PostFormAsync($"{url}?handler=RemoveSign&index=0", Form(0, "Lesing", "Mitt utkast", (null, "Tegn en"), (null, "Tegn to")), url)).Content.ReadAsStringAsync();
        Assert.Contains(">Tegn to</textarea>", removed);
        Assert.DoesNotContain(">Tegn en</textarea>", removed);
        Assert.False(await app.WithDbAsync(db => db.FuturePictures.AnyAsync(f => f.ProgrammeId == programmeId)));
    }

    [Fact]
    public async Task The_team_comments_the_school_answers_and_a_comment_is_resolved()
    {
        var programmeId = await NewProgrammeAsync(app);
        var principal = await app.LoginAsync(Principal);
        var guide = await app.LoginAsync(UniversityGuide);
        var page = $"/Programmes/FuturePicture/{programmeId}";
        // Nothing to comment on before the first version.
        var early = await guide.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/comments", new { text = "Hei" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        await WriteVersionOneAsync(principal, programmeId);
        var posted = await guide.PostFormAsync($"{page}?handler=Comment", new() { ["CommentText"] = "Hvordan vil dere observere tegn 2?" }, page);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var answer = await principal.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/comments", new { text = "Vi ser på elevarbeider." });
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);

        var comments = await guide.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programmeId}/future-picture/comments");
        Assert.Equal(["Ingrid Forsker", "Per Rektorsen"], comments.EnumerateArray().Select(c => c.GetProperty("authorName").GetString()));
        Assert.All(comments.EnumerateArray(), c => Assert.Equal(1, c.GetProperty("versionNumber").GetInt32()));

        var commentId = comments[0].GetProperty("id").GetInt32();
        var resolved = await principal.PostFormAsync($"{page}?handler=Resolve", new() { ["commentId"] = Inv.S(commentId), ["resolved"] = "true" }, page);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.FuturePictureComments.Where(c => c.Id == commentId).Select(c => c.Resolved).SingleAsync()));
        Assert.Contains("til versjon 1 – løst", Html.Text(await guide.GetStringAsync(page)));

        var empty = await guide.PostFormAsync($"{page}?handler=Comment", new() { ["CommentText"] = "  " }, page);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Skriv en kommentar.", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_save_on_top_of_a_newer_version_is_a_conflict_that_shows_both_texts_and_loses_nothing()
    {
        var programmeId = await NewProgrammeAsync(app);
        var principal = await app.LoginAsync(Principal);
        var url = $"/Programmes/FuturePicture/Edit/{programmeId}";
        await WriteVersionOneAsync(principal, programmeId);
        // Someone else saves version 2 through the API while the editor is open on version 1.
        var theirs = await principal.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/versions",
            new { expectedVersion = 1, developmentArea = "Vurdering for læring", text = "Deres nye tekst om vurdering.", signs = new[] { new { key = (Guid?)null, text = "Deres tegn" } } });
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);

        var mine = await principal.PostFormAsync(url, Form(1, "Vurdering for læring", "Min egen tekst som ikke må forsvinne.", (null, "Mitt tegn")));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var html = await mine.Content.ReadAsStringAsync();
        Assert.Contains("mens du skrev", Html.Alert(html));
        Assert.Contains("Deres nye tekst om vurdering.", html);
        Assert.Contains("Min egen tekst som ikke må forsvinne.", html);
        Assert.Contains(">Mitt tegn</textarea>", html);
        Assert.Contains("name=\"Input.ExpectedVersion\" value=\"2\"", html);
        Assert.Equal(2, await app.WithDbAsync(db => db.FuturePictureVersions.CountAsync(v => v.FuturePicture!.ProgrammeId == programmeId)));

        var stale = await principal.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/versions",
            new { expectedVersion = 1, developmentArea = "Vurdering", text = "Gammel", signs = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("currentVersion").GetInt32());
    }

    [Theory]
    [InlineData("skoleeier@fjordland.test")]
    [InlineData(OtherPrincipal)]
    public async Task Other_owners_and_other_schools_get_not_found(string email)
    {
        var programmeId = await NewProgrammeAsync(app);
        await WriteVersionOneAsync(await app.LoginAsync(Principal), programmeId);
        if (email == OtherPrincipal) await EnsureAccountAsync(app, OtherPrincipal);
        var client = await app.LoginAsync(email);
        foreach (var url in new[] { $"/Programmes/FuturePicture/{programmeId}", $"/Programmes/FuturePicture/Edit/{programmeId}", $"/Programmes/FuturePicture/Compare/{programmeId}?a=1&b=1",
                     $"/api/v1/programmes/{programmeId}/future-picture", $"/api/v1/programmes/{programmeId}/future-picture/versions/1", $"/api/v1/programmes/{programmeId}/future-picture/comments" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var post = await client.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/versions", new { expectedVersion = 1, developmentArea = "x" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var comment = await client.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/comments", new { text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
    }

    [Theory]
    [InlineData(UniversityGuide)]
    [InlineData(Advisor)]
    public async Task The_team_cannot_write_versions(string email)
    {
        var programmeId = await NewProgrammeAsync(app);
        await WriteVersionOneAsync(await app.LoginAsync(Principal), programmeId);
        var client = await app.LoginAsync(email);
        Refused.Assert(await client.GetAsync($"/Programmes/FuturePicture/Edit/{programmeId}"), "edit page");
        var post = await client.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/versions", new { expectedVersion = 1, developmentArea = "Teamets tekst" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("/Programmes/FuturePicture/Edit/", await client.GetStringAsync($"/Programmes/FuturePicture/{programmeId}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.FuturePictureVersions.CountAsync(v => v.FuturePicture!.ProgrammeId == programmeId)));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Norwegian_and_the_typed_text_is_kept()
    {
        var programmeId = await NewProgrammeAsync(app);
        var principal = await app.LoginAsync(Principal);
        var url = $"/Programmes/FuturePicture/Edit/{programmeId}";

        var empty = await (await principal.PostFormAsync(url, Form(0, "", "Teksten min", (null, "Et tegn")))).Content.ReadAsStringAsync();
        Assert.Contains("Skriv hvilket utviklingsområde skolen har valgt.", Html.FieldErrors(empty));
        Assert.Contains("Teksten min", empty);
        Assert.Contains(">Et tegn</textarea>", empty);

        var huge = await (await principal.PostFormAsync(url, Form(0, "Lesing", new string('x', 20_001), (null, new string('y', 501))))).Content.ReadAsStringAsync();
        var errors = Html.FieldErrors(huge);
        Assert.Contains("Fremtidsbildet kan ha høyst 20000 tegn (nå 20001).", errors);
        Assert.Contains("Tegn 1 kan ha høyst 500 tegn.", errors);
        Assert.Contains(new string('x', 20_001), huge);
        Assert.False(await app.WithDbAsync(db => db.FuturePictureVersions.AnyAsync(v => v.FuturePicture!.ProgrammeId == programmeId)));

        // An empty picture text is allowed in a first draft; the development area is not.
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync(url, Form(0, "Lesing", ""))).StatusCode);

        var api = await principal.PostAsJsonAsync($"/api/v1/programmes/{programmeId}/future-picture/versions", new { expectedVersion = 1, developmentArea = "", text = new string('x', 20_001) });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Skriv hvilket utviklingsområde skolen har valgt.", problem.GetProperty("errors").GetProperty("developmentArea")[0].GetString());
        Assert.StartsWith("Fremtidsbildet kan ha høyst", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task Html_in_the_text_is_shown_as_text()
    {
        var programmeId = await NewProgrammeAsync(app);
        var principal = await app.LoginAsync(Principal);
        var response = await principal.PostFormAsync($"/Programmes/FuturePicture/Edit/{programmeId}",
            Form(0, "<b>fet</b>", "<script>alert(1)</script>", (null, "<img src=x onerror=alert(2)>")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await principal.GetStringAsync($"/Programmes/FuturePicture/{programmeId}");
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<b>fet</b>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
    }
}

internal static class SignExtensions
{
    public static Guid? Key(this SignOfGoodPractice s) => s.StableKey;
}

public sealed class FuturePictureOnSqlite(StillasApp app) : FuturePictureTests(app), IClassFixture<StillasApp>;

public sealed class FuturePictureOnPostgres(PostgresApp app) : FuturePictureTests(app), IClassFixture<PostgresApp>;
