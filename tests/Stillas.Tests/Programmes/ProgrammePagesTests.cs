using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Agreement;
using Stillas.Tests.Support;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Tests.Programmes;

/// <summary>Guidance programmes, their plans, school holidays and the start pages, through the real pages and API on both providers.</summary>
public abstract partial class ProgrammePagesTests(StillasApp app)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Str(int i) => i.ToString(CultureInfo.InvariantCulture);

    private Task<int> SchoolId(string name) => app.WithDbAsync(db => db.Schools.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());
    private Task<int> TeamId(string name) => app.WithDbAsync(db => db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync());
    private Task<int> ProgrammeOf(string school) => app.WithDbAsync(db => db.Programmes.Where(p => p.School!.Name == school).Select(p => p.Id).SingleAsync());
    private Task<PlanStep> StepOf(string school, string key) => app.WithDbAsync(db => db.PlanSteps.AsNoTracking().SingleAsync(s => s.Programme!.School!.Name == school && s.Key == key));
    private Task<DateRange[]> NordvikHolidays() => app.WithDbAsync(async db =>
        (await db.SchoolHolidays.Where(h => h.Owner!.Name == "Nordvik kommune").Select(h => new { h.Start, h.End }).ToListAsync()).Select(h => new DateRange(h.Start, h.End)).ToArray());

    private async Task<Dictionary<string, string>> CreateForm(string school, string team, string start, string model = "tromso:1") => new()
    {
        ["Input.SchoolId"] = Str(await SchoolId(school)),
        ["Input.TeamId"] = Str(await TeamId(team)),
        ["Input.StartDate"] = start,
        ["Input.Model"] = model,
    };

    [GeneratedRegex("id=\"feed-url\"[^>]*value=\"(http[^\"]+\\.ics)\"")]
    private static partial Regex FeedUrl();

    [GeneratedRegex("name=\"Previewed\" value=\"([^\"]*)\"")]
    private static partial Regex PreviewedField();

    [Fact]
    public async Task Admin_previews_then_confirms_a_programme_and_no_step_lies_on_a_weekend_a_public_holiday_or_an_owner_holiday()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var fjellheim = await SchoolId("Fjellheim skole");
        var form = await CreateForm("Fjellheim skole", "Veilederteam 1", "2027-03-01");

        // Confirming a plan that was never previewed shows it instead of saving it.
        var unseen = await client.PostFormAsync("/Programmes/Create?handler=Confirm", form, "/Programmes/Create");
        Assert.Equal(HttpStatusCode.OK, unseen.StatusCode);
        Assert.Contains("Se over den nye planen", await unseen.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.SchoolId == fjellheim)));

        var preview = await client.PostFormAsync("/Programmes/Create?handler=Preview", form, "/Programmes/Create");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Forhåndsvisning: fremdriftsplan for Fjellheim skole", html);
        Assert.Contains("Veiledning 8", html);
        Assert.Contains("Opprett forløpet", html);
        Assert.False(await app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.SchoolId == fjellheim)));

        form["Previewed"] = WebUtility.HtmlDecode(PreviewedField().Match(html).Groups[1].Value);
        var confirmed = await client.PostFormAsync("/Programmes/Create?handler=Confirm", form, "/Programmes/Create");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var details = await client.GetStringAsync(confirmed.Headers.Location!.ToString());
        Assert.Contains("Veiledningsforløp: Fjellheim skole", details);
        Assert.Contains("Tromsø-modellen, versjon 1", details);

        // Before the agreement only the Forfase steps exist, and the page says when the rest comes.
        var forfase = await app.WithDbAsync(db => db.PlanSteps.AsNoTracking().Where(s => s.Programme!.SchoolId == fjellheim).Select(s => s.Key).ToListAsync());
        Assert.Equal(ProgrammeTemplates.TromsoV1.StepsIn("forfase").Select(s => s.Key).Order(), forfase.Order());
        Assert.Contains("lages når samarbeidsavtalen er godkjent av både skoleeier og rektor", details);

        // Both sides approve the agreement: the dated plan appears.
        var programmeId = await ProgrammeOf("Fjellheim skole");
        await app.EnsureLoginAsync("anne.lederstad@nordvik.test");
        Assert.Equal(HttpStatusCode.Redirect, (await client.EditAsync(programmeId, _ => { })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.ApproveAsync(app, programmeId, "Owner")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.PlanSteps.CountAsync(s => s.ProgrammeId == programmeId)));
        var principal = await app.LoginAsync("anne.lederstad@nordvik.test");
        Assert.Equal(HttpStatusCode.Redirect, (await principal.ApproveAsync(app, programmeId, "School")).StatusCode);

        var steps = await app.WithDbAsync(db => db.PlanSteps.AsNoTracking().Where(s => s.Programme!.SchoolId == fjellheim).OrderBy(s => s.Order).ToListAsync());
        Assert.Equal(ProgrammeTemplates.TromsoV1.Steps.Count, steps.Count);
        Assert.DoesNotContain("lages når samarbeidsavtalen er godkjent", await client.GetStringAsync($"/Programmes/Details/{programmeId}"));
        var holidays = await NordvikHolidays();
        Assert.NotEmpty(holidays);
        foreach (var step in steps)
            foreach (var day in new DateRange(step.Date, step.EndDate ?? step.Date).Dates())
                Assert.True(NorwegianCalendar.IsSchoolDay(day, holidays), $"{step.Key} on {day:O} ({day.DayOfWeek}) is not a school day");
        Assert.All(steps.Where(s => s.Key != ProgrammePlanning.AgreementStepKey), s => Assert.Equal((StepStatus.Planned, s.Date), (s.Status, s.OriginalDate)));
        Assert.Equal(StepStatus.Done, steps.Single(s => s.Key == ProgrammePlanning.AgreementStepKey).Status);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "GuidanceProgramme" && a.ActorName == "Kari Nordmann")));
        // The steps the approval made are audited in the principal's name.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PlanStep" && a.ActorName == "Anne Lederstad")));
    }

    [Fact]
    public async Task Moving_a_step_sets_it_moved_keeps_the_original_date_and_refuses_a_Saturday()
    {
        var client = await app.LoginAsync("veileder@nordvik.test");
        var step = await StepOf("Sentrum skole", "fase4.session3");
        var holidays = await NordvikHolidays();
        var newDate = NorwegianCalendar.SchoolDayOnOrAfter(step.Date.AddDays(8), holidays);

        var saturday = step.Date.AddDays(((int)DayOfWeek.Saturday - (int)step.Date.DayOfWeek + 7) % 7);
        var refused = await client.PostFormAsync($"/Programmes/Step/{step.Id}", new() { ["Input.Date"] = Iso(saturday), ["Input.Status"] = "Planned", ["Input.Note"] = "Flyttes" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("er en lørdag. Velg en skoledag.", string.Join(" ", Html.FieldErrors(refusedHtml)));
        Assert.Contains($"value=\"{Iso(saturday)}\"", refusedHtml);
        Assert.Equal(step.Date, (await StepOf("Sentrum skole", "fase4.session3")).Date);

        var moved = await client.PostFormAsync($"/Programmes/Step/{step.Id}", new()
        {
            ["Input.Date"] = Iso(newDate), ["Input.Status"] = "Planned", ["Input.ResponsibleNote"] = "Ola og Ingrid", ["Input.Note"] = "Rektor er på kurs",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await StepOf("Sentrum skole", "fase4.session3");
        Assert.Equal((StepStatus.Moved, newDate, step.OriginalDate, "Ola og Ingrid"), (after.Status, after.Date, after.OriginalDate, after.ResponsibleNote));

        var details = await client.GetStringAsync($"/Programmes/Details/{step.ProgrammeId}");
        Assert.Contains("Opprinnelig dato " + step.OriginalDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), details);
        Assert.Contains(">Flyttet<", details);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "PlanStep" && a.EntityId == Str(step.Id) && a.ActorName == "Ola Veileder")));
    }

    [Fact]
    public async Task Overdue_step_is_flagged_on_the_details_page_and_on_the_advisors_start_page()
    {
        var client = await app.LoginAsync("veileder@nordvik.test");
        var details = await client.GetStringAsync($"/Programmes/Details/{await ProgrammeOf("Sentrum skole")}");
        Assert.Contains("steg er forsinket", details);
        Assert.Matches(new Regex("Fremtidsbilde ferdig.*?Forsinket", RegexOptions.Singleline), Html.Text(details[details.IndexOf("Fremdriftsplan", StringComparison.Ordinal)..]));
        Assert.Contains("Fase 4: Veiledning", details);

        var start = await client.GetStringAsync("/");
        var section = start[start.IndexOf("Mine veiledningsforløp", StringComparison.Ordinal)..];
        Assert.Contains("Sentrum skole", section);
        Assert.Contains("steg forsinket", section);
        Assert.Contains("Fremtidsbilde ferdig", section);
        Assert.Contains("Neste steg:", section);
        Assert.DoesNotContain("Havnå skole", section);
    }

    [Fact]
    public async Task Principals_start_page_shows_what_Sentrum_must_deliver_next()
    {
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var start = await client.GetStringAsync("/");
        Assert.Contains("Vårt veiledningsforløp", start);
        var deliveries = Html.Text(start[start.IndexOf("Dette skal skolen levere", StringComparison.Ordinal)..]);
        Assert.Contains("Fremtidsbilde ferdig", deliveries);
        Assert.Contains("Forsinket", deliveries);
        Assert.DoesNotContain("Veiledning 3", deliveries);
        // Every school step still to do is listed (another test may have marked some done).
        var open = await app.WithDbAsync(db => db.PlanSteps.Where(s => s.Programme!.School!.Name == "Sentrum skole" && s.Responsible == StepResponsible.School
            && (s.Status == StepStatus.Planned || s.Status == StepStatus.Moved)).Select(s => s.Title).ToListAsync());
        Assert.All(open, title => Assert.Contains(title, deliveries));
    }

    [Fact]
    public async Task Fjordland_admin_cannot_see_Nordvik_programmes_by_URL_or_API()
    {
        var client = await app.LoginAsync("skoleeier@fjordland.test");
        var programme = await ProgrammeOf("Sentrum skole");
        var step = await StepOf("Sentrum skole", "fase4.feedback");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programmes/Details/{programme}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programmes/Step/{step.Id}")).StatusCode);
        Assert.DoesNotContain("Sentrum skole", await client.GetStringAsync("/Programmes?status=all"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/programmes/{programme}")).StatusCode);
        Assert.DoesNotContain("Sentrum skole", await client.GetStringAsync("/api/v1/programmes"));
        var put = await client.PutAsJsonAsync($"/api/v1/programmes/{programme}/steps/{step.Id}", new { date = Iso(step.Date), status = 1 });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var create = await client.PostAsJsonAsync("/api/v1/programmes", new { schoolId = await SchoolId("Havnå skole"), teamId = await TeamId("Veilederteam 2"), startDate = "2028-03-01", model = "tromso:1" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.DoesNotContain("Nordvik", await client.GetStringAsync("/api/v1/holidays"));
    }

    [Fact]
    public async Task University_guide_of_team_1_sees_Sentrums_programme_but_not_Havnas()
    {
        var client = await app.LoginAsync("uh@nordvik.test");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Programmes/Details/{await ProgrammeOf("Sentrum skole")}")).StatusCode);
        var havna = await ProgrammeOf("Havnå skole");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Programmes/Details/{havna}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/programmes/{havna}")).StatusCode);
        var list = await client.GetStringAsync("/Programmes");
        Assert.Contains("Sentrum skole", list);
        Assert.DoesNotContain("Havnå skole", list);
        var api = await client.GetStringAsync("/api/v1/programmes");
        Assert.Contains("Sentrum skole", api);
        Assert.DoesNotContain("Havnå skole", api);
    }

    [Fact]
    public async Task Principal_cannot_create_programmes()
    {
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        Refused.Assert(await client.GetAsync("/Programmes/Create"), "create page");
        var api = await client.PostAsJsonAsync("/api/v1/programmes", new { schoolId = await SchoolId("Solbakken skole"), teamId = await TeamId("Veilederteam 1"), startDate = "2027-03-01", model = "tromso:1" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.School!.Name == "Solbakken skole")));
    }

    [Fact]
    public async Task Principal_marks_a_school_step_done_but_cannot_move_it_or_touch_the_teams_steps()
    {
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var feedback = await StepOf("Sentrum skole", "fase4.feedback");
        var url = $"/api/v1/programmes/{feedback.ProgrammeId}/steps/{feedback.Id}";

        var moved = await client.PutAsJsonAsync(url, new { date = Iso(feedback.Date.AddDays(7)), status = (int)StepStatus.Planned });
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);

        var done = await client.PutAsJsonAsync(url, new { date = Iso(feedback.Date), status = (int)StepStatus.Done, note = "Sendt på e-post" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = await StepOf("Sentrum skole", "fase4.feedback");
        Assert.Equal((StepStatus.Done, "Sendt på e-post", feedback.Date), (after.Status, after.Note, after.Date));
        Assert.NotNull(after.DoneAt);

        // On the step page: the later feedback step, marked done with the button.
        var later = await StepOf("Sentrum skole", "fase5.feedback");
        var page = await client.GetStringAsync($"/Programmes/Step/{later.Id}");
        Assert.Contains("Marker som levert", page);
        Assert.DoesNotContain("Input.Date", page);
        var marked = await client.PostFormAsync($"/Programmes/Step/{later.Id}?handler=Done", new() { ["LeaderNote"] = "" }, $"/Programmes/Step/{later.Id}");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(StepStatus.Done, (await StepOf("Sentrum skole", "fase5.feedback")).Status);

        var session = await StepOf("Sentrum skole", "fase4.session4");
        Refused.Assert(await client.PostFormAsync($"/Programmes/Step/{session.Id}?handler=Done", new() { ["LeaderNote"] = "" }, $"/Programmes/Step/{feedback.Id}"), "team step");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/programmes/{session.ProgrammeId}/steps/{session.Id}", new { date = Iso(session.Date), status = (int)StepStatus.Done })).StatusCode);
        // Unchanged, whatever the demo says about it (sessions 1–4 are held in the demo).
        Assert.Equal(session.Status, (await StepOf("Sentrum skole", "fase4.session4")).Status);
    }

    [Fact]
    public async Task An_added_autumn_break_keeps_a_new_programmes_steps_off_it()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        // Without holidays entered for 2028/29, the plan puts session 5 in the autumn of 2028.
        var plan = ProgressPlanner.Plan(ProgrammeTemplates.TromsoV1, new DateOnly(2027, 3, 1), await NordvikHolidays());
        var session5 = plan.Step("fase5.session5").Date;
        Assert.Equal(2028, session5.Year);
        var monday = session5.AddDays(-(((int)session5.DayOfWeek + 6) % 7));
        var friday = monday.AddDays(4);

        // Havnå's plan was made (its agreement approved) before the break is entered.
        var havna = await ProgrammeOf("Havnå skole");
        await app.WithDbAsync(async db => { Assert.True(await ProgrammePlanning.CompletePlanAsync(db, havna, app.Now, default) > 0); await db.SaveChangesAsync(); });
        var added = await client.PostFormAsync("/Holidays/Create", new()
        {
            ["Input.OwnerId"] = Str(await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync())),
            ["Input.SchoolYear"] = "2028/29", ["Input.Kind"] = "Autumn", ["Input.Name"] = "Høstferie", ["Input.Start"] = Iso(monday), ["Input.End"] = Iso(friday),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await client.GetStringAsync(added.Headers.Location!.ToString());
        Assert.Contains("Høstferie", list);
        Assert.Contains("flytter ikke steg i forløp som allerede er opprettet", list);
        // Havnå's plan was made before the break was entered: it is listed, not moved.
        Assert.Contains("Havnå skole: Veiledning 5", Html.Text(list));

        var api = await client.PostAsJsonAsync("/api/v1/programmes", new { schoolId = await SchoolId("Bjørkly skole"), teamId = await TeamId("Veilederteam 2"), startDate = "2027-03-01", model = "tromso:1" });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        // The dated plan is made when the agreement is approved, with the holidays as they are then.
        var bjorkly = await ProgrammeOf("Bjørkly skole");
        await app.WithDbAsync(async db => { await ProgrammePlanning.CompletePlanAsync(db, bjorkly, app.Now, default); await db.SaveChangesAsync(); });
        var steps = await app.WithDbAsync(db => db.PlanSteps.AsNoTracking().Where(s => s.Programme!.School!.Name == "Bjørkly skole").ToListAsync());
        var autumnBreak = new DateRange(monday, friday);
        Assert.All(steps, s => Assert.False(autumnBreak.Overlaps(new DateRange(s.Date, s.EndDate ?? s.Date)), $"{s.Key} on {s.Date:O} lies in the autumn break"));
        Assert.NotEqual(session5, steps.Single(s => s.Key == "fase5.session5").Date);
    }

    [Fact]
    public async Task Bad_input_gets_Norwegian_messages_keeps_what_was_typed_and_saves_nothing()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var form = await CreateForm("Elvebakken skole", "Veilederteam 2", "");
        var html = await (await client.PostFormAsync("/Programmes/Create?handler=Preview", form, "/Programmes/Create")).Content.ReadAsStringAsync();
        Assert.Contains("Skriv inn startdato.", Html.FieldErrors(html));
        Assert.Contains($"<option selected=\"selected\" value=\"{form["Input.SchoolId"]}\">Elvebakken skole</option>", html);
        Assert.DoesNotContain("Opprett forløpet", html);

        var nordvik = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
        var holiday = await (await client.PostFormAsync("/Holidays/Create", new()
        {
            ["Input.OwnerId"] = Str(nordvik), ["Input.SchoolYear"] = "2027/28", ["Input.Kind"] = "Other", ["Input.Name"] = "Planleggingsdag",
            ["Input.Start"] = "2027-11-12", ["Input.End"] = "2027-11-10",
        })).Content.ReadAsStringAsync();
        Assert.Contains("Siste feriedag kan ikke være før første feriedag.", Html.FieldErrors(holiday));
        Assert.Contains("value=\"Planleggingsdag\"", holiday);
        Assert.False(await app.WithDbAsync(db => db.SchoolHolidays.AnyAsync(h => h.Name == "Planleggingsdag")));

        var wrongYear = await (await client.PostFormAsync("/Holidays/Create", new()
        {
            ["Input.OwnerId"] = Str(nordvik), ["Input.SchoolYear"] = "2027/29", ["Input.Kind"] = "Other", ["Input.Name"] = "Planleggingsdag",
            ["Input.Start"] = "2027-11-12", ["Input.End"] = "2027-11-12",
        })).Content.ReadAsStringAsync();
        Assert.Contains("Skriv skoleåret som for eksempel 2026/27.", Html.FieldErrors(wrongYear));

        var api = await client.PostAsJsonAsync("/api/v1/programmes", new { schoolId = await SchoolId("Elvebakken skole") });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Skriv inn startdato.", problem.GetProperty("errors").GetProperty("startDate")[0].GetString());

        var step = await StepOf("Sentrum skole", "fase5.session6");
        var sunday = step.Date.AddDays(7 - (int)step.Date.DayOfWeek);
        var advisor = await app.LoginAsync("veileder@nordvik.test");
        var put = await advisor.PutAsJsonAsync($"/api/v1/programmes/{step.ProgrammeId}/steps/{step.Id}", new { date = Iso(sunday), status = (int)StepStatus.Planned });
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("er en søndag", await put.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.Programmes.AnyAsync(p => p.School!.Name == "Elvebakken skole")));
    }

    [Fact]
    public async Task Owner_copies_the_Tromso_model_and_a_running_programme_keeps_the_version_it_started_with()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var copied = await client.PostFormAsync("/Models?handler=Copy", new()
        {
            ["Copy.OwnerId"] = Str(await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync())),
            ["Copy.Name"] = "Testmodellen", ["Copy.Source"] = "tromso:1",
        }, "/Models");
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var modelUrl = copied.Headers.Location!.ToString();
        var modelId = int.Parse(modelUrl.Split('/').Last(), CultureInfo.InvariantCulture);

        // Not used yet: a change stays in version 1.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{modelUrl}?handler=Cadence", new() { ["Cadence.SessionsPerHalfYear"] = "3", ["Cadence.SessionHours"] = "3" }, modelUrl)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.ProgrammeModels.Where(m => m.Id == modelId).Select(m => m.Version).SingleAsync()));
        var bad = await (await client.PostFormAsync($"{modelUrl}?handler=Cadence", new() { ["Cadence.SessionsPerHalfYear"] = "9", ["Cadence.SessionHours"] = "3" }, modelUrl)).Content.ReadAsStringAsync();
        Assert.Contains("Antall veiledninger per halvår må være fra 1 til 6.", Html.FieldErrors(bad));

        var created = await client.PostAsJsonAsync("/api/v1/programmes", new { schoolId = await SchoolId("Lyngstad skole"), teamId = await TeamId("Veilederteam 2"), startDate = "2027-08-16", model = $"model:{modelId}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Now version 1 is in use: a change makes version 2, and the programme keeps version 1 with 3-hour sessions.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{modelUrl}?handler=Cadence", new() { ["Cadence.SessionsPerHalfYear"] = "3", ["Cadence.SessionHours"] = "2" }, modelUrl)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.ProgrammeModels.Where(m => m.Id == modelId).Select(m => m.Version).SingleAsync()));
        var programme = await app.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.School!.Name == "Lyngstad skole"));
        Assert.Equal(1, programme.TemplateVersion);
        var kept = ProgrammeModelJson.Read(programme.TemplateJson);
        Assert.Equal((3, 3), (kept.Cadence.SessionsPerHalfYear, kept.Cadence.SessionHours));
        Assert.All(await app.WithDbAsync(db => db.PlanSteps.Where(s => s.ProgrammeId == programme.Id && s.Kind == StepKind.Session).ToListAsync()), s => Assert.Equal(3, s.Hours));

        var page = await client.GetStringAsync(modelUrl);
        Assert.Contains("versjon 2", page);
    }
}

public abstract partial class ProgrammePagesTests
{
    [Fact]
    public async Task Guide_subscribes_to_a_secret_calendar_feed_of_the_teams_steps_and_a_new_link_ends_the_old()
    {
        var client = await app.LoginAsync("uh@nordvik.test");
        var made = await client.PostFormAsync("/Programmes/Calendar?handler=Create", [], "/Programmes/Calendar");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await client.GetStringAsync("/Programmes/Calendar");
        var url = FeedUrl().Match(page).Groups[1].Value;
        Assert.StartsWith("http://localhost/calendar/", url);
        // Shown once: the next visit only says a link exists.
        Assert.DoesNotMatch(FeedUrl(), await client.GetStringAsync("/Programmes/Calendar"));

        var anonymous = app.Client();
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("SUMMARY:Veiledning 4 – Sentrum skole", ics);
        Assert.Contains("DTSTART;VALUE=DATE:", ics);
        Assert.DoesNotContain("Havnå skole", ics);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Programmes/Calendar?handler=Create", [], "/Programmes/Calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-real-token-at-all-0123456789.ics")).StatusCode);
    }
}

public sealed class ProgrammePagesOnSqlite(StillasApp app) : ProgrammePagesTests(app), IClassFixture<StillasApp>;

public sealed class ProgrammePagesOnPostgres(PostgresApp app) : ProgrammePagesTests(app), IClassFixture<PostgresApp>;
