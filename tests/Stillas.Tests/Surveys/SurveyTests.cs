using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Surveys;

namespace Stillas.Tests.Surveys;

/// <summary>
/// Issue 21, the survey engine: item banks (part 13), anonymous answering by link (part 6), the minimum group size
/// (part 7), organisasjonsanalysen and skoleeieranalysen (parts 3 and 5), and who may see what (part 14).
/// </summary>
public abstract partial class SurveyTests(StillasApp app)
{
    private const string OwnerAdmin = "skoleeier@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string Guide = "uh@nordvik.test";
    private const string Teacher = "lise.laerer@nordvik.test";
    private const string FjordlandAdmin = "skoleeier@fjordland.test";

    [GeneratedRegex("/svar/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkRx();

    private static async Task<string> TextAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private Task<int> SentrumAsync() => app.WithDbAsync(db => db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync());

    private Task<Survey> SurveyAsync(string title) => app.WithDbAsync(db => db.Set<Survey>().AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Title == title));

    /// <summary>A principal's survey of Sentrum from a bank choice, opened; returns it.</summary>
    private async Task<Survey> NewOpenSurveyAsync(HttpClient principal, SurveyKind kind, string bank, string title)
    {
        var created = await principal.PostFormAsync("/Surveys/Create", new()
        {
            ["Input.Kind"] = kind.ToString(), ["Input.SchoolId"] = $"{await SentrumAsync()}", ["Input.Title"] = title, ["Input.Bank"] = bank,
            ["Input.OpensOn"] = "2026-11-27", ["Input.ClosesOn"] = "2026-12-11",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, Html.Alert(await TextAsync(created)) + string.Join("; ", Html.FieldErrors(await TextAsync(created))));
        var survey = await SurveyAsync(title);
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync($"/Surveys/Details/{survey.Id}?handler=Open", [], $"/Surveys/Details/{survey.Id}")).StatusCode);
        return await SurveyAsync(title);
    }

    private async Task<List<string>> InviteAsync(HttpClient principal, Survey survey, string group, params string[] emails)
    {
        var details = $"/Surveys/Details/{survey.Id}";
        var r = await principal.PostFormAsync($"{details}?handler=Invite", new() { ["Emails"] = string.Join("\n", emails), ["Group"] = group }, details);
        Assert.True(r.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.FieldErrors(await TextAsync(r))));
        var bodies = await app.WithDbAsync(db => db.Outbox.Where(m => m.IdempotencyKey!.StartsWith($"survey:{survey.Id}:invite:")).OrderBy(m => m.Id).Select(m => new { m.ToAddress, m.TextBody }).ToListAsync());
        return [.. emails.Select(e => LinkRx().Match(bodies.Single(b => b.ToAddress == e).TextBody).Groups[1].Value)];
    }

    [Fact]
    public void The_default_banks_are_Stillas_own_and_keep_the_rules()
    {
        foreach (var bank in ItemBanks.Defaults) Assert.Empty(ItemBanks.Check(bank.Items));
        var self = DefaultBanks.SelfAssessment.Items;
        Assert.Equal(10, self.Count(i => i.Mandatory));
        Assert.Equal([6, 6], self.Where(i => !i.Mandatory).GroupBy(i => i.Block).Select(g => g.Count()));
        Assert.Equal(18, DefaultBanks.Staff.Items.Count);
        Assert.Equal(12, DefaultBanks.Staff.Items.Count(i => i.Roles.Length == 0));
        Assert.All([SurveyGroups.Leader, SurveyGroups.Teacher, SurveyGroups.OtherStaff], r => Assert.Equal(2, DefaultBanks.Staff.Items.Count(i => i.Roles == r)));
        Assert.Equal(12, DefaultBanks.OwnerGroups.Items.Count);
        Assert.Equal(("Stillas", "CC BY 4.0"), (DefaultBank.Author, DefaultBank.Licence));
    }

    [Fact]
    public void A_bank_file_with_duplicate_codes_no_mandatory_block_or_an_unknown_scale_is_refused_in_Norwegian()
    {
        var (_, dup) = ItemBanks.ReadCsv("block;code;text;scale;roles;mandatory\nKjerne;A1;Første;trafikklys;;ja\nKjerne;A1;Andre;trafikklys;;ja\n");
        Assert.Contains("Koden «A1» er brukt 2 ganger. Hver påstand må ha sin egen kode.", dup);
        var (_, none) = ItemBanks.ReadCsv("block,code,text,scale,roles,mandatory\nValgfri,B1,Første,likert5,,nei\n");
        Assert.Contains("Banken har ingen obligatorisk blokk. Minst én blokk må være obligatorisk (mandatory = ja).", none);
        var (_, scale) = ItemBanks.ReadCsv("block;code;text;scale;roles;mandatory\nKjerne;A1;Første;stjerner;;ja\n");
        Assert.Contains("Linje 2: ukjent skala «stjerner». Bruk trafikklys, likert5, likert6 eller tekst.", scale);
        var (_, role) = ItemBanks.ReadCsv("block;code;text;scale;roles;mandatory\nKjerne;A1;Første;likert5;rektor;ja\n");
        Assert.Contains(role, e => e.StartsWith("Påstand 1: ukjent gruppe «rektor».", StringComparison.Ordinal));
        var (items, errors) = ItemBanks.ReadJson("""[{"block":"Kjerne","code":"J1","text":"Vi deler","scale":"likert6","roles":["politikere","administrasjon"],"mandatory":true}]""");
        Assert.Empty(errors);
        Assert.Equal(new BankItem("Kjerne", "J1", "Vi deler", ItemScale.Likert6, "politikere,administrasjon", true), Assert.Single(items));
        // With BOM and a quoted semicolon.
        var (quoted, ok) = ItemBanks.ReadCsv("\uFEFFblokk;kode;tekst;skala;roller;obligatorisk\nKjerne;Q1;\"Ja; nei\";tekst;;ja\n");
        Assert.Empty(ok);
        Assert.Equal("Ja; nei", Assert.Single(quoted).Text);
    }

    [Fact]
    public void A_breakdown_hides_a_group_under_N_and_one_more_so_the_hidden_cannot_be_computed()
    {
        Assert.Empty(SurveyResults.Hidden(new Dictionary<string, int> { ["a"] = 5, ["b"] = 9 }, 5));
        Assert.Equal(["a", "b"], SurveyResults.Hidden(new Dictionary<string, int> { ["a"] = 2, ["b"] = 10 }, 5).Order());
        // Two under N make 6 together: still the smallest shown one joins, so no single group is total minus the others.
        Assert.Equal(["a", "b"], SurveyResults.Hidden(new Dictionary<string, int> { ["a"] = 3, ["b"] = 3, ["c"] = 20 }, 5).Order());
        Assert.Equal(["a", "b"], SurveyResults.Hidden(new Dictionary<string, int> { ["a"] = 2, ["b"] = 7, ["c"] = 20 }, 5).Order());
        Assert.Equal(3, SurveyResults.Floor(2));
    }

    [Fact]
    public async Task The_owner_administrator_writes_a_bank_with_the_rights_confirmed_and_an_edit_after_answers_is_a_new_version()
    {
        var admin = await app.LoginAsync(OwnerAdmin);
        const string csv = "block;code;text;scale;roles;mandatory\nKjerne;T1;Vi planlegger sammen;trafikklys;;ja\nKommentar;T2;Skriv fritt;tekst;;nei\n";
        var noConfirm = await admin.PostFormAsync("/Surveys/Banks/Edit", new() { ["Input.Name"] = "Testbank", ["Input.Kind"] = "SelfAssessment", ["Input.Author"] = "Nordvik", ["Input.Licence"] = "Til eget bruk", ["Input.Items"] = csv });
        Assert.Equal(HttpStatusCode.OK, noConfirm.StatusCode);
        Assert.Contains("Bekreft at skoleeieren har rett til å bruke tekstene.", await TextAsync(noConfirm));
        var dup = await admin.PostFormAsync("/Surveys/Banks/Edit", new() { ["Input.Name"] = "Testbank", ["Input.Kind"] = "SelfAssessment", ["Input.Author"] = "Nordvik", ["Input.Licence"] = "Til eget bruk", ["Input.Items"] = csv.Replace("T2", "T1"), ["Input.ConfirmRights"] = "true" });
        var dupText = await TextAsync(dup);
        Assert.Contains("Koden «T1» er brukt 2 ganger.", dupText);
        Assert.Contains("Vi planlegger sammen", dupText);
        var saved = await admin.PostFormAsync("/Surveys/Banks/Edit", new() { ["Input.Name"] = "Testbank", ["Input.Kind"] = "SelfAssessment", ["Input.Author"] = "Nordvik", ["Input.Licence"] = "Til eget bruk", ["Input.Items"] = csv, ["Input.ConfirmRights"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var bank = await app.WithDbAsync(db => db.Set<ItemBank>().AsNoTracking().SingleAsync(b => b.Name == "Testbank"));
        Assert.Equal((1, "Kari Nordmann"), (bank.LatestNumber, bank.RightsConfirmedBy));

        // The principal may not write banks, but makes a survey of this one; answers come; the bank is edited: version 2, the survey keeps version 1.
        var principal = await app.LoginAsync(Principal);
        Refused.Assert(await principal.GetAsync("/Surveys/Banks/Edit"), "a principal writes a bank");
        var survey = await NewOpenSurveyAsync(principal, SurveyKind.SelfAssessment, $"{bank.Id}", "Egen bank-undersøkelse");
        Assert.Equal(1, survey.BankVersionNumber);
        var link = await InviteAsync(principal, survey, SurveyGroups.All, "a@nordvik.test");
        var anonymous = app.Client();
        var t1 = survey.Items.Single(i => i.Code == "T1");
        var t2 = survey.Items.Single(i => i.Code == "T2");
        // HTML in free text is stored as typed and shown escaped.
        var html = await anonymous.PostFormAsync($"/svar/{link[0]}", new() { [$"v{t1.Id}"] = "3", [$"t{t2.Id}"] = "<script>alert(1)</script> bra" });
        Assert.True(html.StatusCode == HttpStatusCode.Redirect, string.Join("; ", Html.FieldErrors(await TextAsync(html))) + Html.Alert(await TextAsync(html)));
        var edit = $"/Surveys/Banks/Edit/{bank.Id}";
        var v2 = await admin.PostFormAsync(edit, new() { ["Input.Version"] = $"{bank.Version}", ["Input.Name"] = "Testbank", ["Input.Author"] = "Nordvik", ["Input.Licence"] = "Til eget bruk", ["Input.Items"] = csv.Replace("Vi planlegger sammen", "Vi planlegger alltid sammen"), ["Input.ConfirmRights"] = "true" }, edit);
        Assert.Equal(HttpStatusCode.Redirect, v2.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<ItemBank>().Where(b => b.Id == bank.Id).Select(b => b.LatestNumber).SingleAsync()));
        Assert.Equal("Vi planlegger sammen", (await SurveyAsync("Egen bank-undersøkelse")).Items.Single(i => i.Code == "T1").Text);
        var detailsV1 = await TextAsync(await admin.GetAsync($"/Surveys/Banks/Details/{bank.Id}?version=1"));
        Assert.Contains("Vi planlegger sammen", detailsV1);
        Assert.Contains("Vi planlegger alltid sammen", await TextAsync(await admin.GetAsync($"/Surveys/Banks/Details/{bank.Id}")));
        // Fjordland's administrator does not find Nordvik's bank.
        Refused.Assert(await (await app.LoginAsync(FjordlandAdmin)).GetAsync(edit), "another owner's administrator edits the bank");
    }

    [Fact]
    public async Task A_personal_link_answers_once_without_the_person_and_a_missing_mandatory_statement_keeps_the_input()
    {
        var principal = await app.LoginAsync(Principal);
        var survey = await NewOpenSurveyAsync(principal, SurveyKind.SelfAssessment, "default:1", "Ståsted lenketest");
        var links = await InviteAsync(principal, survey, SurveyGroups.All, "en@nordvik.test", "to@nordvik.test");
        Assert.Equal(2, links.Distinct().Count());
        // Only the hash is stored.
        Assert.False(await app.WithDbAsync(db => db.Set<SurveyInvitation>().AnyAsync(i => i.TokenHash == links[0])));

        var anonymous = app.Client();
        var page = await anonymous.GetAsync($"/svar/{links[0]}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var core = survey.Items.Where(i => i.Mandatory).OrderBy(i => i.Order).ToList();
        var optional = survey.Items.First(i => !i.Mandatory);
        var partial = core.Skip(1).ToDictionary(i => $"v{i.Id}", _ => "3");
        partial[$"v{optional.Id}"] = "4";
        var missing = await anonymous.PostFormAsync($"/svar/{links[0]}", partial);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var missingText = await TextAsync(missing);
        Assert.Contains($"Svar på påstanden «{core[0].Text}».", missingText);
        Assert.Matches($"id=\"v{optional.Id}-4\" name=\"v{optional.Id}\" value=\"4\" checked", await missing.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey.Id)));

        var full = core.ToDictionary(i => $"v{i.Id}", _ => "2");
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostFormAsync($"/svar/{links[0]}", full)).StatusCode);
        var response = await app.WithDbAsync(db => db.Set<SurveyResponse>().AsNoTracking().SingleAsync(r => r.SurveyId == survey.Id));
        Assert.Equal(app.Today, response.AnsweredOn);
        Assert.Equal(10, await app.WithDbAsync(db => db.Set<SurveyAnswer>().CountAsync(a => a.ResponseId == response.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<SurveyInvitation>().CountAsync(i => i.SurveyId == survey.Id && i.AnsweredOn == app.Today)));

        // Used twice: a Norwegian page with 404, nothing stored.
        var again = await anonymous.GetAsync($"/svar/{links[0]}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Denne lenken er allerede brukt.", await TextAsync(again));

        // A reminder goes to the one who has not answered, once a day, with a new link; the old one stops working.
        var details = $"/Surveys/Details/{survey.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync($"{details}?handler=Remind", [], details)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync($"{details}?handler=Remind", [], details)).StatusCode);
        var reminders = await app.WithDbAsync(db => db.Outbox.Where(m => m.IdempotencyKey!.StartsWith($"survey:{survey.Id}:remind:")).Select(m => new { m.ToAddress, m.TextBody }).ToListAsync());
        Assert.Equal("to@nordvik.test", Assert.Single(reminders).ToAddress);
        // The old link is unknown now (its hash replaced): refused like a guess (404, or 429 after the guessing test).
        Assert.True((await anonymous.GetAsync($"/svar/{links[1]}")).StatusCode is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests);
        var fresh = LinkRx().Match(reminders[0].TextBody).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/svar/{fresh}")).StatusCode);

        // Closed: the link no longer works; the report is stored at once.
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync($"{details}?handler=Close", [], details)).StatusCode);
        var closed = await anonymous.GetAsync($"/svar/{fresh}");
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Contains("Undersøkelsen er ikke åpen for svar.", await TextAsync(closed));
        Assert.True(await app.WithDbAsync(db => db.Set<SurveyAggregate>().AnyAsync(a => a.SurveyId == survey.Id && a.ItemId == null && a.Count == 1)));
        // One answer is under N: locked, on the page and in the API.
        Assert.Contains("Resultatene vises når minst 5 har svart.", await TextAsync(await principal.GetAsync($"/Surveys/Results/{survey.Id}")));
        var api = await principal.GetFromJsonAsync<SurveysApi.ResultsDto>($"/api/v1/surveys/{survey.Id}/results");
        Assert.False(api!.Shown);
        Assert.Empty(api.Items);
    }

    [Fact]
    public async Task Guessed_links_get_404_and_then_429()
    {
        var anonymous = app.Client();
        var first = await anonymous.GetAsync($"/svar/{SurveyTokens.New()}");
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Contains("Vi fant ikke denne lenken.", await TextAsync(first));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++) statuses.Add((await anonymous.GetAsync($"/svar/{SurveyTokens.New()}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests, $"{s}"));
    }

    [Fact]
    public async Task A_staff_survey_with_two_leaders_hides_them_and_the_teachers_too()
    {
        var principal = await app.LoginAsync(Principal);
        var survey = await NewOpenSurveyAsync(principal, SurveyKind.Staff, "default:2", "Organisasjonsanalyse grupper");
        var open = await app.WithDbAsync(db => db.Set<Survey>().Where(s => s.Id == survey.Id).Select(s => s.OpenToken).SingleAsync());
        Assert.NotNull(open);
        var anonymous = app.Client();
        // The open link asks for the group first.
        Assert.Contains("Hvilken gruppe svarer du for?", await TextAsync(await anonymous.GetAsync($"/svar/{open}")));
        async Task AnswerAsync(string group, string value)
        {
            var url = $"/svar/{open}?group={group}";
            var fields = survey.Items.Where(i => i.For(group)).ToDictionary(i => $"v{i.Id}", _ => value);
            fields["group"] = group;
            var r = await anonymous.PostFormAsync(url, fields);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        for (var i = 0; i < 5; i++) await AnswerAsync(SurveyGroups.Teacher, "4");
        for (var i = 0; i < 2; i++) await AnswerAsync(SurveyGroups.Leader, "2");
        var details = $"/Surveys/Details/{survey.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync($"{details}?handler=Close", [], details)).StatusCode);

        var api = await principal.GetFromJsonAsync<SurveysApi.ResultsDto>($"/api/v1/surveys/{survey.Id}/results");
        Assert.True(api!.Shown);
        Assert.Equal(7, api.Respondents);
        Assert.Null(api.GroupRespondents[SurveyGroups.Leader]);
        Assert.Null(api.GroupRespondents[SurveyGroups.Teacher]);
        Assert.All(api.Items, i => Assert.All(i.Groups.Values, Assert.Null));
        // The common items show the total; the leaders' own items (2 answers) are locked.
        var common = api.Items.First(i => i.Code == "O01");
        Assert.Equal(7, common.Total!.Answered);
        Assert.Null(api.Items.Single(i => i.Code == "O13").Total);
        var page = await TextAsync(await principal.GetAsync($"/Surveys/Results/{survey.Id}"));
        Assert.Contains("skjult (færre enn 5 svar, eller kan regnes ut fra de andre)", page);
        Assert.Contains("Per område og rolle", page);

        // Staff see the results only once published.
        await Stillas.Tests.Access.MatrixCallers.ForAsync(app);
        var teacher = await app.LoginAsync(Teacher);
        Refused.Assert(await teacher.GetAsync($"/Surveys/Results/{survey.Id}"), "a teacher before publishing");
        Assert.Equal(HttpStatusCode.Redirect, (await principal.PostFormAsync($"{details}?handler=Publish", [], details)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/Surveys/Results/{survey.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_owner_sees_the_skoleeieranalyse_side_by_side_ordered_by_gap_and_others_see_no_content()
    {
        var owner = await SurveyAsync("Skoleeieranalyse 2026");
        var admin = await app.LoginAsync(OwnerAdmin);
        var page = await TextAsync(await admin.GetAsync($"/Surveys/Results/{owner.Id}"));
        Assert.Contains("Politikere og administrasjon side om side", page);
        Assert.Contains("Referat fra fellesmøtet", page);
        var api = await admin.GetFromJsonAsync<SurveysApi.ResultsDto>($"/api/v1/surveys/{owner.Id}/results");
        Assert.Equal((21, 9, 12), (api!.Respondents, api.GroupRespondents[SurveyGroups.Politicians], api.GroupRespondents[SurveyGroups.Administration]));
        Assert.Equal(12, api.Gaps.Count);
        Assert.Equal(api.Gaps.Select(g => Math.Abs(g.Gap)).OrderByDescending(g => g), api.Gaps.Select(g => Math.Abs(g.Gap)));
        Assert.True(Math.Abs(api.Gaps[0].Gap) > 1.5, $"the demo's gaps are clear: {api.Gaps[0].Gap}");

        // The meeting record: saved with the version read; a stale version is refused.
        var results = $"/Surveys/Results/{owner.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{results}?handler=Record", new() { ["Record.Version"] = $"{owner.Version}", ["Record.Text"] = "Nytt referat" }, results)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostFormAsync($"{results}?handler=Record", new() { ["Record.Version"] = $"{owner.Version}", ["Record.Text"] = "Gammelt" }, results)).StatusCode);

        // The development advisor (the owner's staff) sees status and counts, not results; a guide, a principal and another owner find nothing.
        var advisor = await app.LoginAsync(Advisor);
        Assert.Contains("21", await TextAsync(await advisor.GetAsync($"/Surveys/Details/{owner.Id}")));
        Refused.Assert(await advisor.GetAsync(results), "the advisor reads the owner survey's results");
        Assert.Equal(HttpStatusCode.Forbidden, (await advisor.GetAsync($"/api/v1/surveys/{owner.Id}/results")).StatusCode);
        Refused.Assert(await (await app.LoginAsync(Guide)).GetAsync($"/Surveys/Details/{owner.Id}"), "a guide opens the owner survey");
        Refused.Assert(await (await app.LoginAsync(Principal)).GetAsync(results), "a principal reads the owner survey");
        Refused.Assert(await (await app.LoginAsync(FjordlandAdmin)).GetAsync(results), "another owner reads it");
        var system = await app.LoginAsync("admin@stillas.test");
        Refused.Assert(await system.GetAsync(results), "the system administrator reads survey content");

        // The organisasjonsanalyse at Nordvik ungdomsskole: the owner's administrator sees its status and 41 answers, never its results.
        var staff = await SurveyAsync("Organisasjonsanalyse høsten 2026");
        Assert.Contains("41", await TextAsync(await admin.GetAsync("/Surveys")));
        Refused.Assert(await admin.GetAsync($"/Surveys/Results/{staff.Id}"), "the owner's administrator reads a school's results");
    }

    [Fact]
    public async Task Sentrum_s_open_self_assessment_with_four_answers_is_locked()
    {
        var self = await SurveyAsync("Ståstedsanalyse høsten 2026 – Fase 2");
        var principal = await app.LoginAsync(Principal);
        var page = await TextAsync(await principal.GetAsync($"/Surveys/Results/{self.Id}"));
        Assert.Contains("Resultatene vises når minst 5 har svart.", page);
        Assert.DoesNotContain("Per påstand", page);
    }

    [Fact]
    public async Task The_minimum_group_size_is_never_below_3()
    {
        var admin = await app.LoginAsync(OwnerAdmin);
        var nordvik = await app.WithDbAsync(db => db.Owners.AsNoTracking().SingleAsync(o => o.Name == "Nordvik kommune"));
        var edit = $"/Owners/Edit/{nordvik.Id}";
        var fields = new Dictionary<string, string> { ["Input.Version"] = $"{nordvik.Version}", ["Input.Name"] = nordvik.Name, ["Input.Kind"] = nordvik.Kind.ToString(), ["Input.OrganisationNumber"] = nordvik.OrganisationNumber, ["Input.SurveyMinimumGroupSize"] = "2" };
        var two = await admin.PostFormAsync(edit, fields);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Contains("Minste antall svar må være minst 3, slik at ingen kan kjennes igjen.", await TextAsync(two));
        Assert.Equal(5, await app.WithDbAsync(db => db.Owners.Where(o => o.Id == nordvik.Id).Select(o => o.SurveyMinimumGroupSize).SingleAsync()));
    }

    [Fact]
    public async Task Free_texts_show_escaped_in_random_order_once_N_have_answered()
    {
        var admin = await app.LoginAsync(OwnerAdmin);
        const string csv = "block;code;text;scale;roles;mandatory\nKjerne;F1;Vi deler;likert5;;ja\nKommentar;F2;Hva vil du si?;tekst;;nei\n";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/Surveys/Banks/Edit", new() { ["Input.Name"] = "Fritekstbank", ["Input.Kind"] = "SelfAssessment", ["Input.Author"] = "Nordvik", ["Input.Licence"] = "Til eget bruk", ["Input.Items"] = csv, ["Input.ConfirmRights"] = "true" })).StatusCode);
        var bank = await app.WithDbAsync(db => db.Set<ItemBank>().Where(b => b.Name == "Fritekstbank").Select(b => b.Id).SingleAsync());
        var principal = await app.LoginAsync(Principal);
        var survey = await NewOpenSurveyAsync(principal, SurveyKind.SelfAssessment, $"{bank}", "Fritekstundersøkelse");
        var open = await app.WithDbAsync(db => db.Set<Survey>().Where(s => s.Id == survey.Id).Select(s => s.OpenToken).SingleAsync());
        var (f1, f2) = (survey.Items.Single(i => i.Code == "F1").Id, survey.Items.Single(i => i.Code == "F2").Id);
        var anonymous = app.Client();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostFormAsync($"/svar/{open}", new() { [$"v{f1}"] = "4", [$"t{f2}"] = $"<b>fet {i}</b>" })).StatusCode);
        var raw = await (await principal.GetAsync($"/Surveys/Results/{survey.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;b&gt;fet 3&lt;/b&gt;", raw);
        Assert.DoesNotContain("<b>fet", raw);
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == survey.Id)));
    }
}

public sealed class SurveyTestsOnSqlite(StillasApp app) : SurveyTests(app), IClassFixture<StillasApp>;

public sealed class SurveyTestsOnPostgres(PostgresApp app) : SurveyTests(app), IClassFixture<PostgresApp>;
