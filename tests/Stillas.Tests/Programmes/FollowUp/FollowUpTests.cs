using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Programmes.Sessions;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Evaluation;
using Stillas.Web.Features.Programmes.FollowUp;
using Stillas.Web.Platform.Calendar;

namespace Stillas.Tests.Programmes.FollowUp;

/// <summary>Issue 20, part 7: the follow-up meeting's record closes the programme; the owner's yearly evaluation is one meeting for all the year's programmes.</summary>
public abstract class FollowUpTests(StillasApp app)
{
    private const string OwnerAdmin = "skoleeier@nordvik.test";
    private const string Teacher = "lise.laerer@nordvik.test";
    private const string AnyForm = "/Account/Profile";

    private static async Task<string> TextAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_team_records_the_follow_up_meeting_and_closing_it_completes_the_programme()
    {
        var programme = await app.NewProgrammeAsync();
        var advisor = await app.LoginAsync(SessionTestSupport.Advisor);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);
        await Stillas.Tests.Access.MatrixCallers.ForAsync(app);
        var teacher = await app.LoginAsync(Teacher);
        var page = $"/Programmes/FollowUp/{programme}";

        var form = await TextAsync(await advisor.GetAsync(page));
        Assert.Contains("Planlagt i fremdriftsplanen:", form);
        Assert.Contains("Lagre og avslutt forløpet", form);

        // Bad input: no date; closing without participants. The text typed is kept.
        var noDate = await advisor.PostFormAsync(page, new() { ["Input.MeetingDate"] = "", ["Input.Lasted"] = "Lesekvarten lever" });
        Assert.Equal(HttpStatusCode.OK, noDate.StatusCode);
        var noDateText = await TextAsync(noDate);
        Assert.Contains("Skriv inn datoen for møtet.", noDateText);
        Assert.Contains("Lesekvarten lever", noDateText);
        var noParticipants = await advisor.PostFormAsync($"{page}?handler=Close", new() { ["Input.MeetingDate"] = "2029-06-04", ["Input.Lasted"] = "Lesekvarten lever" }, page);
        Assert.Contains("Skriv hvem som deltok før forløpet avsluttes.", await TextAsync(noParticipants));
        Assert.Equal(ProgrammeStatus.Active, await StatusAsync(programme));

        // Saved without closing: the programme runs on.
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(page, new() { ["Input.MeetingDate"] = "2029-06-04", ["Input.Lasted"] = "Lesekvarten lever", ["Input.Version"] = "0" })).StatusCode);
        Assert.Equal(ProgrammeStatus.Active, await StatusAsync(programme));
        Refused.Assert(await principal.PostFormAsync(page, new() { ["Input.MeetingDate"] = "2029-06-04" }, AnyForm), "the principal writes the follow-up record");
        Refused.Assert(await teacher.PostFormAsync($"{page}?handler=Close", new() { ["Input.MeetingDate"] = "2029-06-04", ["Input.Participants"] = "x" }, AnyForm), "a teacher closes the programme");

        // "Avslutt forløpet" by a guide (not the owner's administrator): record, step done and programme completed in one save.
        var close = await advisor.PostFormAsync($"{page}?handler=Close", new()
        {
            ["Input.MeetingDate"] = "2029-06-04", ["Input.Participants"] = "Per Rektorsen, Ola Veileder", ["Input.Lasted"] = "Lesekvarten lever",
            ["Input.NotLasted"] = "Observasjon i timene", ["Input.NextSteps"] = "SKUT tar opp observasjon igjen", ["Input.Version"] = "0",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal(ProgrammeStatus.Completed, await StatusAsync(programme));
        var (record, step) = await app.WithDbAsync(async db => (
            await db.Set<FollowUpMeeting>().AsNoTracking().SingleAsync(m => m.ProgrammeId == programme),
            await db.PlanSteps.AsNoTracking().SingleAsync(s => s.ProgrammeId == programme && s.Key == "fase6.followup")));
        Assert.Equal(("Observasjon i timene", StepStatus.Done), (record.NotLasted, step.Status));
        Assert.NotNull(record.ClosedProgrammeAt);

        // The school reads the record; the closed programme takes no more writes.
        var read = await TextAsync(await principal.GetAsync(page));
        Assert.Contains("SKUT tar opp observasjon igjen", read);
        Assert.Contains("Forløpet ble avsluttet", read);
        var after = await advisor.PostFormAsync(page, new() { ["Input.MeetingDate"] = "2029-06-05", ["Input.Version"] = "1" }, AnyForm);
        Assert.NotEqual(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("Per Rektorsen, Ola Veileder", (await app.WithDbAsync(db => db.Set<FollowUpMeeting>().AsNoTracking().SingleAsync(m => m.ProgrammeId == programme))).Participants);
        Assert.Contains("Oppfølgingsmøte", await TextAsync(await principal.GetAsync($"/Programmes/Details/{programme}")));
    }

    [Fact]
    public async Task The_yearly_evaluation_is_one_meeting_for_the_years_programmes_linked_from_each()
    {
        var programme = await app.NewProgrammeAsync();
        var meeting = await app.WithDbAsync(db => db.PlanSteps.Where(s => s.ProgrammeId == programme && s.Key == "fase4.evaluationmeeting").Select(s => s.Date).SingleAsync());
        var year = SchoolYear.Of(meeting);
        var nordvik = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
        var url = YearlyEvaluations.Link(nordvik, year);
        var admin = await app.LoginAsync(OwnerAdmin);
        var principal = await app.LoginAsync(SessionTestSupport.Principal);

        // The programme page and the phase page link to the year's evaluation instead of a meeting form of their own.
        Assert.Contains(url, await TextAsync(await principal.GetAsync($"/Programmes/Details/{programme}")));
        var phase = await TextAsync(await admin.GetAsync($"/Programmes/Sessions/Phase/{programme}/fase4"));
        Assert.Contains(url, phase);
        Assert.DoesNotContain("Meeting.Conclusions", phase);

        // Pre-filled with the principals of the year's programmes.
        var form = await TextAsync(await admin.GetAsync(url));
        Assert.Contains("(rektor, Sentrum skole)", form);
        var missing = await admin.PostFormAsync(url, new() { ["Input.MeetingDate"] = "", ["Input.Participants"] = "", ["Input.WhatWorks"] = "Strukturen i veiledningene" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var missingText = await TextAsync(missing);
        Assert.Contains("Skriv inn datoen for møtet.", missingText);
        Assert.Contains("Strukturen i veiledningene", missingText);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new()
        {
            ["Input.MeetingDate"] = meeting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.Participants"] = "Rektorene, veilederteamene, skoleeier og forsker",
            ["Input.WhatWorks"] = "Strukturen i veiledningene", ["Input.ToChange"] = "Mer tid til mellomarbeid", ["Input.Decisions"] = "Fire uker mellom veiledningene", ["Input.Version"] = "0",
        })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<YearlyEvaluation>().CountAsync(e => e.OwnerId == nordvik && e.SchoolYear == year.ToString())));

        // The principal reads it (from the programme's link) but does not write it; another owner's administrator does not see it.
        var read = await TextAsync(await principal.GetAsync(url));
        Assert.Contains("Fire uker mellom veiledningene", read);
        Assert.DoesNotContain("name=\"Input.Decisions\"", read);
        Refused.Assert(await principal.PostFormAsync(url, new() { ["Input.MeetingDate"] = "2030-01-01", ["Input.Participants"] = "x" }), "the principal writes the owner's evaluation");
        Refused.Assert(await (await app.LoginAsync("skoleeier@fjordland.test")).GetAsync(url), "another owner's administrator reads Nordvik's evaluation");
        Assert.Contains(year.ToString(), await TextAsync(await admin.GetAsync("/Programmes/Evaluation")));
    }

    private Task<ProgrammeStatus> StatusAsync(int programme) => app.WithDbAsync(db => db.Programmes.Where(p => p.Id == programme).Select(p => p.Status).SingleAsync());
}

public sealed class FollowUpTestsOnSqlite(StillasApp app) : FollowUpTests(app), IClassFixture<StillasApp>;

public sealed class FollowUpTestsOnPostgres(PostgresApp app) : FollowUpTests(app), IClassFixture<PostgresApp>;
