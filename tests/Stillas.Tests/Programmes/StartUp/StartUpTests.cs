using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes.StartUp;
using static Stillas.Tests.Programmes.StartUp.DocumentTestSupport;

namespace Stillas.Tests.Programmes.StartUp;

/// <summary>The start-up meeting through the page and the API, on both database providers.</summary>
public abstract class StartUpTests(StillasApp app)
{
    private static Dictionary<string, string> Form(int version, string minutes, string area, params int[] done)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Date"] = "2026-09-03",
            ["Input.Minutes"] = minutes,
            ["Input.DevelopmentArea"] = area,
            ["Input.DocumentsNote"] = "Alle ni dokumentene innen to uker.",
            ["Input.AssessmentDaysFrom"] = "2026-10-20",
            ["Input.AssessmentDaysTo"] = "2026-10-22",
            ["Input.SpecialConsiderations"] = "Ny inspektør fra januar.",
        };
        // A browser sends the same name once per ticked box; the form dictionary can hold one, the test sends what it needs.
        if (done.Length > 0) form["Input.Done"] = done[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }

    [Fact]
    public async Task The_agenda_starts_from_the_seed_and_the_team_saves_minutes_and_decisions()
    {
        var programme = await NewProgrammeAsync(app);
        var team = await app.LoginAsync("uh@nordvik.test");
        var dto = await team.GetFromJsonAsync<StartUpApi.MeetingDto>($"/api/v1/programmes/{programme}/startup");
        Assert.False(dto!.Saved);
        Assert.Equal(0, dto.Version);
        Assert.Equal(StartUpMeeting.DefaultAgenda, dto.Items.Select(i => i.Text));
        Assert.Contains(dto.Items, i => i.Text.Contains("elevråd", StringComparison.Ordinal) && i.Text.Contains("FAU", StringComparison.Ordinal));

        var page = await team.GetStringAsync($"/Programmes/StartUp/{programme}");
        Assert.Contains("Særlige hensyn", page);
        Assert.Contains("type=\"checkbox\"", page);

        var save = await team.PostFormAsync($"/Programmes/StartUp/{programme}", Form(0, "Godt møte.", "Vurdering for læring", 3));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var meeting = await app.WithDbAsync(db => db.StartUpMeetings.Include(m => m.Items).SingleAsync(m => m.ProgrammeId == programme));
        Assert.Equal(1, meeting.Version);
        Assert.Equal("Vurdering for læring", meeting.DevelopmentArea);
        Assert.Equal(new DateOnly(2026, 10, 20), meeting.AssessmentDaysFrom);
        Assert.Equal(new DateOnly(2026, 10, 22), meeting.AssessmentDaysTo);
        Assert.Equal([3], meeting.Items.Where(i => i.Done).Select(i => i.Order));
        Assert.Equal(7, meeting.Items.Count);

        // The principal reads it and may not change it.
        var principal = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var read = WebUtility.HtmlDecode(await principal.GetStringAsync($"/Programmes/StartUp/{programme}"));
        Assert.Contains("Vurdering for læring", read);
        Assert.Contains("20.10.2026–22.10.2026", read);
        Assert.DoesNotContain("<form method=\"post\" class=\"form\"", read);
        var put = await principal.PutAsJsonAsync($"/api/v1/programmes/{programme}/startup", new StartUpInput { Version = 1, DevelopmentArea = "Noe annet" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        // The API saves too, and checks the dates.
        var bad = await team.PutAsJsonAsync($"/api/v1/programmes/{programme}/startup", new StartUpInput { Version = 1, AssessmentDaysFrom = new DateOnly(2026, 10, 22), AssessmentDaysTo = new DateOnly(2026, 10, 20) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Siste vurderingsdag kan ikke være før første vurderingsdag.", await bad.Content.ReadAsStringAsync());
        var ok = await team.PutAsJsonAsync($"/api/v1/programmes/{programme}/startup", new StartUpInput { Version = 1, DevelopmentArea = "Lesing", Done = [1, 2] });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await ok.Content.ReadFromJsonAsync<StartUpApi.MeetingDto>();
        Assert.Equal(2, saved!.Version);
        Assert.Equal([1, 2], saved.Items.Where(i => i.Done).Select(i => i.Order));

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "StartUpMeeting" && a.EntityId == meeting.Id.ToString()));
        Assert.True(audited >= 2);
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_conflict_and_the_page_shows_both_texts()
    {
        var programme = await NewProgrammeAsync(app);
        var advisor = await app.LoginAsync("veileder@nordvik.test");
        var guide = await app.LoginAsync("uh@nordvik.test");
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Programmes/StartUp/{programme}", Form(0, "Første utkast.", "Lesing"))).StatusCode);

        // Both opened version 1; the advisor saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Programmes/StartUp/{programme}", Form(1, "Referat fra Ola.", "Lesing"))).StatusCode);
        var late = await guide.PostFormAsync($"/Programmes/StartUp/{programme}", Form(1, "Referat fra Ingrid.", "Skriving"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync());
        Assert.Contains("Noen andre har lagret møtet mens du skrev", html);
        Assert.Contains("Referat fra Ola.", html);
        Assert.Contains("Referat fra Ingrid.", html);
        Assert.Contains("name=\"Input.Version\" value=\"2\"", html);
        Assert.Equal("Referat fra Ola.", await app.WithDbAsync(db => db.StartUpMeetings.Where(m => m.ProgrammeId == programme).Select(m => m.Minutes).SingleAsync()));

        // The API answers 409 with the saved meeting.
        var put = await guide.PutAsJsonAsync($"/api/v1/programmes/{programme}/startup", new StartUpInput { Version = 1, Minutes = "Gammel versjon" });
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Contains("Referat fra Ola.", await put.Content.ReadAsStringAsync());

        // Saving again on the version shown keeps the guide's text.
        Assert.Equal(HttpStatusCode.Redirect, (await guide.PostFormAsync($"/Programmes/StartUp/{programme}", Form(2, "Referat fra Ingrid.", "Skriving"))).StatusCode);
        Assert.Equal("Referat fra Ingrid.", await app.WithDbAsync(db => db.StartUpMeetings.Where(m => m.ProgrammeId == programme).Select(m => m.Minutes).SingleAsync()));
    }
}

public sealed class StartUpTestsOnSqlite(StillasApp app) : StartUpTests(app), IClassFixture<StillasApp>;

public sealed class StartUpTestsOnPostgres(PostgresApp app) : StartUpTests(app), IClassFixture<PostgresApp>;
