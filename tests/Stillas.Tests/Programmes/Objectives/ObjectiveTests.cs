using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes.Objectives;

namespace Stillas.Tests.Programmes.Objectives;

/// <summary>Issue 20, part 9: objectives of the development area, rated grønn / gul / rød with a required comment, with history.</summary>
public abstract class ObjectiveTests(StillasApp app)
{
    private const string OwnerAdmin = "skoleeier@nordvik.test";
    private const string Teacher = "lise.laerer@nordvik.test";
    private Task<Stillas.Tests.Access.MatrixCallers> CallersAsync() => Stillas.Tests.Access.MatrixCallers.ForAsync(app);
    private const string AnyForm = "/Account/Profile";

    private static async Task<string> TextAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private Task<List<DevelopmentObjective>> ObjectivesAsync(int programme) =>
        app.WithDbAsync(db => db.Set<DevelopmentObjective>().AsNoTracking().Where(o => o.ProgrammeId == programme).OrderBy(o => o.Order).ThenBy(o => o.Id).ToListAsync());

    [Fact]
    public async Task The_team_and_school_rate_objectives_with_a_comment_and_the_owner_sees_colour_and_date_only()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var admin = await app.LoginAsync(OwnerAdmin);
        await CallersAsync();
        var teacher = await app.LoginAsync(Teacher);
        var index = $"/Programmes/Objectives/{programme}";

        // The team adds one, the principal another; an empty title is refused at the field.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"{index}?handler=Add", new() { ["Input.Title"] = "Alle lærere bruker lesestrategier i alle fag" }, index)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync($"{index}?handler=Add", new() { ["Input.Title"] = "Elevene leser hver dag", ["Input.Description"] = "Minst 20 minutter" }, index)).StatusCode);
        var empty = await advisor.PostFormAsync($"{index}?handler=Add", new() { ["Input.Title"] = " ", ["Input.Description"] = "Beholdt tekst" }, index);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyText = await TextAsync(empty);
        Assert.Contains("Skriv inn målet.", emptyText);
        Assert.Contains("Beholdt tekst", emptyText);
        Refused.Assert(await teacher.PostFormAsync($"{index}?handler=Add", new() { ["Input.Title"] = "Lærerens mål" }, AnyForm), "a teacher adds an objective");
        var objectives = await ObjectivesAsync(programme);
        Assert.Equal(["Alle lærere bruker lesestrategier i alle fag", "Elevene leser hver dag"], objectives.Select(o => o.Title));
        var (first, second) = (objectives[0].Id, objectives[1].Id);

        // A rating at session 1: a colour without a comment is refused with the objective named, the input kept.
        var sessions = await app.SessionsAsync(advisor, programme);
        var rate = $"/Programmes/Objectives/Rate/{programme}?sessionId={sessions[1]}";
        var noComment = await principal.PostFormAsync(rate, new()
        {
            ["Ratings[0].ObjectiveId"] = $"{first}", ["Ratings[0].Colour"] = "Red", ["Ratings[0].Comment"] = "",
            ["Ratings[1].ObjectiveId"] = $"{second}", ["Ratings[1].Colour"] = "", ["Ratings[1].Comment"] = "Kommentar uten farge",
        });
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        var noCommentText = await TextAsync(noComment);
        Assert.Contains("Skriv en kommentar til vurderingen av «Alle lærere bruker lesestrategier i alle fag».", noCommentText);
        Assert.Contains("Velg grønn, gul eller rød for «Elevene leser hver dag».", noCommentText);
        Assert.Contains("Kommentar uten farge", noCommentText);
        Assert.Matches("value=\"Red\" checked|checked=\"checked\" value=\"Red\"|value=\"Red\"[^>]*checked", noCommentText);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ObjectiveRating>().CountAsync(r => r.ProgrammeId == programme)));
        // Nothing chosen at all: says so.
        var nothing = await principal.PostFormAsync(rate, new() { ["Ratings[0].ObjectiveId"] = $"{first}" });
        Assert.Contains("Vurder minst ett mål", await TextAsync(nothing));

        var ok = await principal.PostFormAsync(rate, new()
        {
            ["Ratings[0].ObjectiveId"] = $"{first}", ["Ratings[0].Colour"] = "Red", ["Ratings[0].Comment"] = "Bare to av ti lærere har prøvd strategiene.",
            ["Ratings[1].ObjectiveId"] = $"{second}", ["Ratings[1].Colour"] = "Green", ["Ratings[1].Comment"] = "Lesekvarten er i gang.",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var rating = await app.WithDbAsync(db => db.Set<ObjectiveRating>().AsNoTracking().SingleAsync(r => r.ObjectiveId == first));
        Assert.Equal((ObjectiveColour.Red, RatingOccasion.Session, (int?)1), (rating.Colour, rating.Occasion, rating.SessionNumber));
        // A later rating at the evaluation meeting: history kept, the latest wins.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Programmes/Objectives/Rate/{programme}?occasion=EvaluationMeeting", new()
        {
            ["Ratings[0].ObjectiveId"] = $"{first}", ["Ratings[0].Colour"] = "Yellow", ["Ratings[0].Comment"] = "Halvparten er i gang nå.",
        })).StatusCode);

        // The agenda helper's read: open objectives whose latest rating is gul or rød.
        var open = await app.WithDbAsync(db => Stillas.Web.Features.Programmes.Objectives.Objectives.OpenAsync(db, programme, CancellationToken.None));
        var only = Assert.Single(open);
        Assert.Equal((first, ObjectiveColour.Yellow, "Halvparten er i gang nå."), (only.Id, only.Colour, only.Comment));

        // The school and the team read the comments; the owner's administrator sees colour and date, never the comment.
        var principalPage = await TextAsync(await principal.GetAsync(index));
        Assert.Contains("Bare to av ti lærere har prøvd strategiene.", principalPage);
        Assert.Contains("Historikk (2 vurderinger)", principalPage);
        var adminPage = await TextAsync(await admin.GetAsync(index));
        Assert.Contains("Gul", adminPage);
        Assert.Contains("Sist oppdatert", adminPage);
        Assert.DoesNotContain("Halvparten er i gang nå.", adminPage);
        Assert.DoesNotContain("Bare to av ti lærere", adminPage);
        var overview = await TextAsync(await admin.GetAsync("/Programmes/Objectives/Overview"));
        Assert.Contains("Alle lærere bruker lesestrategier i alle fag", overview);
        Assert.DoesNotContain("Halvparten er i gang nå.", overview);
        var details = await TextAsync(await admin.GetAsync($"/Programmes/Details/{programme}"));
        Assert.Contains("Mål og vurdering", details);
        Assert.Contains("Elevene leser hver dag", details);
        Assert.DoesNotContain("Lesekvarten er i gang.", details);
        // Nor in the audit log, which records the rating and that it has a comment, not what the comment says.
        var audit = await TextAsync(await admin.GetAsync("/Audit"));
        Assert.Contains("Vurdering av mål", audit);
        Assert.DoesNotContain("Halvparten er i gang nå.", audit);

        // Who may not rate: the owner's administrator (not in the team), a teacher; the overview is the owner's staff's.
        Refused.Assert(await admin.GetAsync(rate), "the owner's administrator rates");
        Refused.Assert(await teacher.GetAsync(rate), "a teacher rates");
        Refused.Assert(await teacher.PostFormAsync(rate, new() { ["Ratings[0].ObjectiveId"] = $"{first}", ["Ratings[0].Colour"] = "Green", ["Ratings[0].Comment"] = "x" }, AnyForm), "a teacher posts a rating");
        Refused.Assert(await principal.GetAsync("/Programmes/Objectives/Overview"), "a principal opens the owner's overview");
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<ObjectiveRating>().CountAsync(r => r.ProgrammeId == programme)));
    }

    [Fact]
    public async Task An_objective_with_ratings_is_closed_with_a_reason_and_never_deleted()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var index = $"/Programmes/Objectives/{programme}";
        await advisor.PostFormAsync($"{index}?handler=Add", new() { ["Input.Title"] = "Vurdert mål" }, index);
        await advisor.PostFormAsync($"{index}?handler=Add", new() { ["Input.Title"] = "Uvurdert mål" }, index);
        var objectives = await ObjectivesAsync(programme);
        var (rated, unrated) = (objectives[0].Id, objectives[1].Id);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Programmes/Objectives/Rate/{programme}", new()
        {
            ["Ratings[0].ObjectiveId"] = $"{rated}", ["Ratings[0].Colour"] = "Green", ["Ratings[0].Comment"] = "Godt i gang.",
        })).StatusCode);

        var refused = await advisor.PostFormAsync($"{index}?handler=Delete", new() { ["objectiveId"] = $"{rated}" }, index);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("«Vurdert mål» er vurdert og kan ikke slettes. Avslutt målet med en begrunnelse i stedet", await TextAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"{index}?handler=Delete", new() { ["objectiveId"] = $"{unrated}" }, index)).StatusCode);
        Assert.Equal([rated], (await ObjectivesAsync(programme)).Select(o => o.Id));

        // Closing needs a reason; with one it is closed, keeps its history and is no longer offered for rating.
        var edit = $"/Programmes/Objectives/Edit/{rated}";
        var noReason = await advisor.PostFormAsync($"{edit}?handler=Close", new() { ["Close.Reason"] = "", ["Close.Version"] = "0" }, edit);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Skriv hvorfor målet avsluttes.", await TextAsync(noReason));
        var closing = await advisor.PostFormAsync($"{edit}?handler=Close", new() { ["Close.Reason"] = "Erstattet av et mer presist mål", ["Close.Version"] = "0" }, edit);
        Assert.True(closing.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await TextAsync(closing), "ds-error-summary[\\s\\S]{0,1500}").Value);
        var closed = Assert.Single(await ObjectivesAsync(programme));
        Assert.Equal("Erstattet av et mer presist mål", closed.CloseReason);
        Assert.Contains("Forløpet har ingen åpne mål å vurdere.", await TextAsync(await advisor.GetAsync($"/Programmes/Objectives/Rate/{programme}")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ObjectiveRating>().CountAsync(r => r.ObjectiveId == rated)));
        // A stale version is a conflict shown on the page, not a lost update.
        var stale = await advisor.PostFormAsync(edit, new() { ["Input.Title"] = "Gammel versjon", ["Input.Version"] = "0" }, edit);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Noen andre har endret dette", await TextAsync(stale));
        await CallersAsync();
        Refused.Assert(await (await app.LoginAsync(Teacher)).GetAsync(edit), "a teacher edits an objective");
    }

    [Fact]
    public async Task The_api_keeps_the_pages_rules_a_comment_is_required_and_the_owner_reads_colour_and_date_only()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        var admin = await app.LoginAsync(OwnerAdmin);
        var teacher = await app.LoginAsync(Teacher);
        var url = $"/api/v1/programmes/{programme}/objectives";

        var empty = await advisor.PostAsJsonAsync(url, new { title = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Skriv inn målet.", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(url, new { title = "Lærerens mål" })).StatusCode);
        var created = await principal.PostAsJsonAsync(url, new { title = "Elevene leser hver dag", description = "Minst 20 minutter" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var objective = (await ObjectivesAsync(programme)).Single();

        var ratings = $"{url}/{objective.Id}/ratings";
        var noComment = await advisor.PostAsJsonAsync(ratings, new { colour = (int)ObjectiveColour.Red, comment = "", occasion = (int)RatingOccasion.EvaluationMeeting });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("application/problem+json", noComment.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Skriv en kommentar til vurderingen av «Elevene leser hver dag».", await noComment.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync(ratings, new { colour = 1, comment = "Eieren vurderer", occasion = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync(ratings, new { colour = 1, comment = "Læreren vurderer", occasion = 2 })).StatusCode);
        var rated = await advisor.PostAsJsonAsync(ratings, new { colour = (int)ObjectiveColour.Yellow, comment = "Halvparten av klassene leser hver dag.", occasion = (int)RatingOccasion.EvaluationMeeting });
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ObjectiveRating>().CountAsync(r => r.ObjectiveId == objective.Id)));

        // The team and the school read the comment; the owner's administrator the colour and the date, not the conversation.
        var asPrincipal = await principal.GetStringAsync(url);
        Assert.Contains("Halvparten av klassene leser hver dag.", asPrincipal);
        var asOwner = await admin.GetStringAsync(url);
        Assert.Contains("\"colour\":2", asOwner);
        Assert.DoesNotContain("Halvparten av klassene", asOwner);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.LoginAsync("skoleeier@fjordland.test")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public void The_development_area_is_split_into_suggested_objectives()
    {
        Assert.Equal(["Lesing i alle fag"], Stillas.Web.Features.Programmes.Objectives.Objectives.Split("Lesing i alle fag"));
        Assert.Equal(["Alle leser hver dag", "Lærerne deler opplegg"], Stillas.Web.Features.Programmes.Objectives.Objectives.Split("Alle leser hver dag. Lærerne deler opplegg."));
        Assert.Equal(["Lesing", "Skriving"], Stillas.Web.Features.Programmes.Objectives.Objectives.Split("- Lesing\n- Skriving\n"));
        Assert.Empty(Stillas.Web.Features.Programmes.Objectives.Objectives.Split("  "));
    }
}

public sealed class ObjectiveTestsOnSqlite(StillasApp app) : ObjectiveTests(app), IClassFixture<StillasApp>;

public sealed class ObjectiveTestsOnPostgres(PostgresApp app) : ObjectiveTests(app), IClassFixture<PostgresApp>;
