using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Programmes.Agreement;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using static Stillas.Tests.Programmes.Agreement.AgreementTestSupport;

namespace Stillas.Tests.Programmes.Agreement;

/// <summary>The guidance agreement of a programme through the real pages and API, on both database providers.</summary>
public abstract class AgreementTests(StillasApp app)
{
    private const string Owner = "skoleeier@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string UniversityGuide = "uh@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";
    private const string Fjordland = "skoleeier@fjordland.test";
    private const string OtherPrincipal = "anne.lederstad@nordvik.test";
    private const string GuideLine = "Presentere resultatene fra vurderingsdagene i møte med personalet.";

    private static readonly Regex Stamp = new(@"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}");

    /// <summary>A programme with its first draft saved through the edit form by the development advisor.</summary>
    private async Task<int> DraftAsync(Action<Dictionary<string, string>>? change = null)
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var response = await advisor.EditAsync(programme, change ?? (_ => { }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Saving the first draft failed: {(int)response.StatusCode} {string.Join("; ", Html.FieldErrors(await response.Content.ReadAsStringAsync()))}");
        return programme;
    }

    /// <summary>A programme whose version 1 both sides have approved.</summary>
    private async Task<int> ApprovedAsync()
    {
        var programme = await DraftAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Principal)).ApproveAsync(app, programme, "School")).StatusCode);
        return programme;
    }

    [Fact]
    public async Task First_draft_has_the_default_commitments_period_and_parties()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var details = await advisor.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Ingen samarbeidsavtale ennå", details);

        var form = await advisor.GetStringAsync($"/Programmes/Agreement/Edit/{programme}");
        Assert.Contains("Et utviklingsteam (SKUT) med lærerrepresentanter.", form);
        var response = await advisor.EditAsync(programme, _ => { });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (agreement, versions) = await app.AgreementAsync(programme);
        var v1 = Assert.Single(versions);
        Assert.Equal(0, agreement.CurrentVersion);
        Assert.Equal(AgreementStatus.Draft, v1.Status);
        Assert.Equal(new DateOnly(2027, 3, 1), v1.PeriodFrom);
        Assert.Equal(new DateOnly(2030, 7, 31), v1.PeriodTo); // the end of the school year of the follow-up meeting (issue 20: the period covers the plan)
        Assert.Null(v1.DevelopmentArea);
        Assert.Contains("Skole: Sentrum skole", v1.Parties);
        Assert.Contains("Veilederteam: Veilederteam 1", v1.Parties);
        Assert.Contains("Ola Veileder", v1.Parties);
        Assert.Contains("Ingrid Forsker", v1.Parties);
        foreach (var section in AgreementRules.Sections)
            Assert.Equal(AgreementRules.DefaultLines[section], v1.Lines.Where(l => l.Section == section).OrderBy(l => l.Order).Select(l => l.Text));
        Assert.Equal(5, v1.Lines.Count(l => l.Section == AgreementSection.SchoolStructures));
        Assert.All(v1.Lines, l => Assert.False(l.Checked));

        var page = Html.Text(await advisor.GetStringAsync($"/Programmes/Agreement/Details/{programme}"));
        Assert.Contains("Utkast (versjon 1)", page);
        Assert.Contains("Avklares på oppstartsmøtet.", page);
        Assert.Contains("Skoleeier ved utviklingsveileder (koordinator) skal", page);
        Assert.Contains("01.03.2027–31.07.2030", page);

        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(AgreementVersion) && e.ActorName == "Ola Veileder"));
        Assert.True(audited >= 1);
    }

    [Fact]
    public async Task Owner_admin_and_principal_approve_and_the_agreement_is_in_force_with_names_and_times()
    {
        var programme = await DraftAsync(f =>
        {
            f["Input.DevelopmentArea"] = "Vurdering for læring";
            f[$"Input.Lines[{LineIndex(f, "Egne møter for drift og egne møter for utvikling.")}].Checked"] = "true";
        });
        var owner = await app.LoginAsync(Owner);
        var principal = await app.LoginAsync(Principal);
        var ownerPage = await owner.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Godkjenn for skoleeier", ownerPage);
        Assert.DoesNotContain("Godkjenn for skolen", ownerPage);
        Assert.Contains("punkter er ikke krysset av", ownerPage);

        var first = await owner.ApproveAsync(app, programme, "Owner");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var afterOwner = await owner.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Venter på godkjenning", afterOwner);
        Assert.Contains("venter nå på godkjenning fra skolen", afterOwner);
        Assert.Equal(0, (await app.AgreementAsync(programme)).Agreement.CurrentVersion);

        var principalPage = await principal.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Godkjenn for skolen", principalPage);
        Assert.DoesNotContain("Godkjenn for skoleeier", principalPage);
        Assert.Equal(HttpStatusCode.Redirect, (await principal.ApproveAsync(app, programme, "School")).StatusCode);

        var (agreement, versions) = await app.AgreementAsync(programme);
        Assert.Equal(1, agreement.CurrentVersion);
        var v1 = Assert.Single(versions);
        Assert.Equal(AgreementStatus.Approved, v1.Status);
        Assert.Equal("Kari Nordmann", v1.OwnerApprovedBy);
        Assert.Equal("Per Rektorsen", v1.PrincipalApprovedBy);
        Assert.NotNull(v1.OwnerApprovedAt);
        Assert.NotNull(v1.PrincipalApprovedAt);

        var page = Html.Text(await principal.GetStringAsync($"/Programmes/Agreement/Details/{programme}"));
        Assert.Contains("Versjon 1 gjelder, godkjent av begge parter.", page);
        Assert.Matches(new Regex(@"Godkjent av Kari Nordmann \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"), page);
        Assert.Matches(new Regex(@"Godkjent av Per Rektorsen \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}"), page);
        Assert.Contains("Vurdering for læring", page);
        Assert.DoesNotContain("Godkjenn for skolen", page);
    }

    [Fact]
    public async Task A_change_after_approval_is_version_2_and_version_1_stays_in_force_until_both_approve_it()
    {
        var programme = await ApprovedAsync();
        var advisor = await app.LoginAsync(Advisor);
        var edit = await advisor.GetStringAsync($"/Programmes/Agreement/Edit/{programme}");
        Assert.Contains("Lagre som utkast til ny versjon", edit);
        var saved = await advisor.EditAsync(programme, f => f[$"Input.Lines[{LineIndex(f, GuideLine)}].Text"] = "Presentere resultatene fra vurderingsdagene for personalet, FAU og elevrådet.");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("utkast til versjon 2", Html.Alert(await advisor.GetStringAsync(saved.Headers.Location!.ToString())));

        var (agreement, versions) = await app.AgreementAsync(programme);
        Assert.Equal(1, agreement.CurrentVersion);
        Assert.Equal([AgreementStatus.Approved, AgreementStatus.Draft], versions.Select(v => v.Status));
        Assert.Null(versions[1].OwnerApprovedAt);
        Assert.Null(versions[1].PrincipalApprovedAt);
        Assert.Equal(versions[0].Lines.Count, versions[1].Lines.Count);

        var page = await advisor.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Gjeldende avtale (versjon 1)", page);
        Assert.Contains("Utkast til ny versjon (versjon 2)", page);
        Assert.Contains("Endret tekst", page);

        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner")).StatusCode);
        (agreement, versions) = await app.AgreementAsync(programme);
        Assert.Equal(1, agreement.CurrentVersion);
        Assert.Equal([AgreementStatus.Approved, AgreementStatus.AwaitingApproval], versions.Select(v => v.Status));

        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Principal)).ApproveAsync(app, programme, "School")).StatusCode);
        (agreement, versions) = await app.AgreementAsync(programme);
        Assert.Equal(2, agreement.CurrentVersion);
        Assert.Equal([AgreementStatus.Superseded, AgreementStatus.Approved], versions.Select(v => v.Status));
        var history = await advisor.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Gjeldende avtale (versjon 2)", history);
        Assert.Contains("Erstattet", history);
        Assert.Contains($"/Programmes/Agreement/Details/{programme}?version=1", history);
        var old = await advisor.GetStringAsync($"/Programmes/Agreement/Details/{programme}?version=1");
        Assert.Contains(GuideLine, old);
        Assert.Contains("Du ser versjon 1 (erstattet)", Html.Text(old));
    }

    [Fact]
    public async Task A_draft_of_a_new_version_can_be_discarded_and_the_version_in_force_stays()
    {
        var programme = await ApprovedAsync();
        var advisor = await app.LoginAsync(Advisor);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.EditAsync(programme, f => f["Input.DevelopmentArea"] = "Et område vi angrer på")).StatusCode);
        var v2 = (await app.AgreementAsync(programme)).Versions[^1];
        Assert.Equal(2, v2.Number);
        var discarded = await advisor.PostFormAsync($"/Programmes/Agreement/Details/{programme}?handler=Discard",
            new() { ["number"] = "2", ["version"] = Id(v2.Version) }, $"/Programmes/Agreement/Details/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Contains("Versjon 1 gjelder fortsatt", Html.Alert(await advisor.GetStringAsync(discarded.Headers.Location!.ToString())));
        var (agreement, versions) = await app.AgreementAsync(programme);
        Assert.Equal(1, agreement.CurrentVersion);
        Assert.Equal(AgreementStatus.Approved, Assert.Single(versions).Status);
        Refused.Assert(await (await app.LoginAsync(Principal)).PostFormAsync($"/Programmes/Agreement/Details/{programme}?handler=Discard",
            new() { ["number"] = "1", ["version"] = "1" }, $"/Programmes/Agreement/Details/{programme}"), "principal discarding");
    }

    [Fact]
    public async Task Approving_a_text_that_changed_after_it_was_read_is_refused_with_a_message()
    {
        var programme = await DraftAsync();
        var owner = await app.LoginAsync(Owner);
        var read = (await app.AgreementAsync(programme)).Versions[0];
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Advisor)).EditAsync(programme, f => f["Input.DevelopmentArea"] = "Endret etter lesing")).StatusCode);
        var response = await owner.PostFormAsync($"/Programmes/Agreement/Details/{programme}?handler=Approve",
            new() { ["side"] = "Owner", ["number"] = "1", ["version"] = Id(read.Version) }, $"/Programmes/Agreement/Details/{programme}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Avtalen er endret siden du åpnet den", Html.Alert(await response.Content.ReadAsStringAsync()));
        Assert.Null((await app.AgreementAsync(programme)).Versions[0].OwnerApprovedAt);
    }

    [Fact]
    public async Task Compare_lists_the_changed_line_the_added_line_and_the_changed_period()
    {
        var programme = await ApprovedAsync();
        var advisor = await app.LoginAsync(Advisor);
        var added = await advisor.PostFormAsync($"/Programmes/Agreement/Edit/{programme}?handler=AddLine&section=SchoolStructures",
            FormFields(await advisor.GetStringAsync($"/Programmes/Agreement/Edit/{programme}")), $"/Programmes/Agreement/Edit/{programme}");
        var fields = FormFields(await added.Content.ReadAsStringAsync());
        var empty = fields.Single(f => f.Key.EndsWith("].Text", StringComparison.Ordinal) && f.Value.Length == 0).Key;
        fields[empty] = "Skolen deltar i kommunens nettverk for skoleledere.";
        fields[$"Input.Lines[{LineIndex(fields, GuideLine)}].Text"] = "Presentere resultatene for hele personalet.";
        fields["Input.PeriodTo"] = "2028-06-30";
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync($"/Programmes/Agreement/Edit/{programme}", fields)).StatusCode);

        var html = await advisor.GetStringAsync($"/Programmes/Agreement/Compare/{programme}?a=1&b=2");
        var text = Html.Text(html);
        Assert.Contains("Endret tekst", text);
        Assert.Contains(GuideLine, text);
        Assert.Contains("Presentere resultatene for hele personalet.", text);
        Assert.Contains("Lagt til", text);
        Assert.Contains("Skolen deltar i kommunens nettverk for skoleledere.", text);
        Assert.Contains("Periode", text);
        Assert.Contains("01.03.2027–30.06.2028", text);
        // Lines that did not change are not listed.
        Assert.DoesNotContain("Legge til rette for datainnsamling på vurderingsdagene.", text);
        // The default comparison is the newest version against the one before.
        Assert.Contains("Fra versjon 1 til versjon 2", Html.Text(await advisor.GetStringAsync($"/Programmes/Agreement/Compare/{programme}")));
    }

    [Fact]
    public async Task A_change_to_a_version_with_one_approval_withdraws_that_approval_and_says_so()
    {
        var programme = await DraftAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner")).StatusCode);
        var guide = await app.LoginAsync(UniversityGuide);
        var form = await guide.GetStringAsync($"/Programmes/Agreement/Edit/{programme}");
        Assert.Contains("Versjonen er godkjent av Kari Nordmann", form);
        var saved = await guide.EditAsync(programme, f => f["Input.DevelopmentArea"] = "Lesing på mellomtrinnet");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var message = Html.Alert(await guide.GetStringAsync(saved.Headers.Location!.ToString()));
        Assert.Contains("Godkjenningen fra Kari Nordmann (skoleeier) er fjernet", message);

        var v1 = Assert.Single((await app.AgreementAsync(programme)).Versions);
        Assert.Equal(AgreementStatus.Draft, v1.Status);
        Assert.Null(v1.OwnerApprovedAt);
        Assert.Null(v1.OwnerApprovedBy);
    }

    [Fact]
    public async Task A_conflicting_save_shows_both_texts_and_overwrites_nothing()
    {
        var programme = await DraftAsync();
        var advisor = await app.LoginAsync(Advisor);
        var guide = await app.LoginAsync(UniversityGuide);
        var mine = FormFields(await advisor.GetStringAsync($"/Programmes/Agreement/Edit/{programme}"));
        var theirs = FormFields(await guide.GetStringAsync($"/Programmes/Agreement/Edit/{programme}"));

        theirs["Input.DevelopmentArea"] = "Regning i alle fag";
        Assert.Equal(HttpStatusCode.Redirect, (await guide.PostFormAsync($"/Programmes/Agreement/Edit/{programme}", theirs)).StatusCode);

        mine["Input.DevelopmentArea"] = "Lesing i alle fag";
        var conflict = await advisor.PostFormAsync($"/Programmes/Agreement/Edit/{programme}", mine);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        var text = Html.Text(html);
        Assert.Contains("Noen andre har lagret avtalen mens du skrev", text);
        Assert.Contains("Ingrid Forsker lagret versjon 1", text);
        Assert.Contains("Endringene dine er ikke lagret", text);
        Assert.Contains("Regning i alle fag", text);
        Assert.Contains("Lesing i alle fag", text);
        Assert.Equal("Regning i alle fag", (await app.AgreementAsync(programme)).Versions[0].DevelopmentArea);

        // The form now carries the stored version: saving again is a deliberate choice, and goes through.
        var again = await advisor.PostFormAsync($"/Programmes/Agreement/Edit/{programme}", FormFields(html));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Lesing i alle fag", (await app.AgreementAsync(programme)).Versions[0].DevelopmentArea);
    }

    [Fact]
    public async Task The_API_refuses_a_save_from_an_old_reading_with_409_and_both_texts()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        Assert.Equal(HttpStatusCode.Created, (await advisor.PostAsync($"/api/v1/programmes/{programme}/agreement", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.PostAsync($"/api/v1/programmes/{programme}/agreement", null)).StatusCode);
        var read = await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/agreement");
        var draft = read.GetProperty("draft");
        Assert.Equal(27, draft.GetProperty("lines").GetArrayLength());

        object Body(string area) => new
        {
            number = draft.GetProperty("number").GetInt32(),
            version = draft.GetProperty("version").GetInt32(),
            periodFrom = "2027-03-01",
            periodTo = "2028-06-30",
            developmentArea = area,
            parties = draft.GetProperty("parties").GetString(),
            lines = draft.GetProperty("lines").EnumerateArray().Select(l => new
            {
                key = l.GetProperty("key").GetString(), section = l.GetProperty("section").GetInt32(), text = l.GetProperty("text").GetString(), @checked = true,
            }).ToArray(),
        };
        var first = await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/agreement/draft", Body("Klasseledelse"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/agreement/draft", Body("Skolemiljø"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Endringene dine er ikke lagret", problem.GetProperty("title").GetString());
        Assert.Equal("Klasseledelse", problem.GetProperty("stored").GetProperty("developmentArea").GetString());
        Assert.Equal("Skolemiljø", problem.GetProperty("yours").GetProperty("developmentArea").GetString());
        Assert.Contains(problem.GetProperty("differences").EnumerateArray(), d => d.GetProperty("what").GetString() == "Utviklingsområde");
        var v1 = Assert.Single((await app.AgreementAsync(programme)).Versions);
        Assert.Equal("Klasseledelse", v1.DevelopmentArea);
        Assert.All(v1.Lines, l => Assert.True(l.Checked));
    }

    [Fact]
    public async Task Approval_through_the_API_takes_the_callers_side()
    {
        var programme = await DraftAsync();
        var owner = await app.LoginAsync(Owner);
        var principal = await app.LoginAsync(Principal);
        var draft = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/agreement")).GetProperty("draft");
        var body = new { number = draft.GetProperty("number").GetInt32(), version = draft.GetProperty("version").GetInt32() };

        var missing = await principal.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Oppgi", await missing.Content.ReadAsStringAsync());

        var byOwner = await owner.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", body);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
        var stale = await principal.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", body);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var again = await owner.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", body);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var now = (await principal.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/agreement")).GetProperty("draft");
        Assert.Equal("Kari Nordmann", now.GetProperty("ownerApproval").GetProperty("name").GetString());
        var bySchool = await principal.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", new { number = 1, version = now.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, bySchool.StatusCode);
        var final = await principal.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/agreement");
        Assert.Equal(1, final.GetProperty("currentVersion").GetInt32());
        Assert.Equal("Per Rektorsen", final.GetProperty("current").GetProperty("schoolApproval").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("draft").ValueKind);
        var v1 = await principal.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/agreement/versions/1");
        Assert.Equal("Godkjent", v1.GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task The_PDF_is_a_real_PDF_with_Norwegian_letters_cover_and_page_numbers()
    {
        var programme = await DraftAsync(f =>
        {
            f["Input.DevelopmentArea"] = "Læringsmiljø og vurdering – økt elevmedvirkning på åttende trinn";
            f[$"Input.Lines[{LineIndex(f, "Et utviklingsteam (SKUT) med lærerrepresentanter.")}].Checked"] = "true";
        });
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Owner)).ApproveAsync(app, programme, "Owner")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.LoginAsync(Principal)).ApproveAsync(app, programme, "School")).StatusCode);

        var principal = await app.LoginAsync(Principal);
        var response = await principal.GetAsync($"/Programmes/Agreement/Pdf/{programme}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("samarbeidsavtale-sentrum-skole-v1.pdf", response.Content.Headers.ContentDisposition?.ToString() ?? "");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)).ToList();
        var all = Regex.Replace(string.Join("\n", pages), @"\s+", " ");
        Assert.Contains("Samarbeidsavtale", pages[0]);
        Assert.Contains("Sentrum skole", pages[0]);
        Assert.Contains("Nordvik kommune", pages[0]);
        Assert.Contains("01.03.2027–31.07.2030", all);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Side {i + 1} av {pages.Count}", pages[i]);
        Assert.Contains("Side 1 av", pages[0]);
        Assert.Contains("Læringsmiljø og vurdering – økt elevmedvirkning på åttende trinn", all);
        Assert.Contains("praksisnær", all);
        Assert.Contains("Skoleledelsen skal", all);
        Assert.Contains("Strukturer skolen skal ha på plass", all);
        Assert.Contains("Kari Nordmann", all);
        Assert.Contains("Per Rektorsen", all);
        Assert.Matches(Stamp, all[all.IndexOf("Per Rektorsen", StringComparison.Ordinal)..]);

        var api = await principal.GetAsync($"/api/v1/programmes/{programme}/agreement/pdf?version=1");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("application/pdf", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/Programmes/Agreement/Pdf/{programme}?version=9")).StatusCode);
    }

    [Fact]
    public async Task Fjordland_admin_can_neither_see_nor_approve_a_Nordvik_agreement()
    {
        var programme = await DraftAsync();
        var fjordland = await app.LoginAsync(Fjordland);
        foreach (var url in new[] { $"/Programmes/Agreement/Details/{programme}", $"/Programmes/Agreement/Edit/{programme}", $"/Programmes/Agreement/Compare/{programme}", $"/Programmes/Agreement/Pdf/{programme}",
                     $"/api/v1/programmes/{programme}/agreement", $"/api/v1/programmes/{programme}/agreement/versions/1", $"/api/v1/programmes/{programme}/agreement/pdf" })
            Assert.Equal(HttpStatusCode.NotFound, (await fjordland.GetAsync(url)).StatusCode);
        Refused.Assert(await fjordland.PostFormAsync($"/Programmes/Agreement/Details/{programme}?handler=Approve", new() { ["side"] = "Owner", ["number"] = "1", ["version"] = "1" }, "/Schools"), "Fjordland approving on the page");
        var api = await fjordland.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", new { number = 1, version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var put = await fjordland.PutAsJsonAsync($"/api/v1/programmes/{programme}/agreement/draft", new { number = 1, version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Null((await app.AgreementAsync(programme)).Versions[0].OwnerApprovedAt);
    }

    [Fact]
    public async Task University_guide_reads_and_edits_but_cannot_approve()
    {
        var programme = await DraftAsync();
        var guide = await app.LoginAsync(UniversityGuide);
        var page = await guide.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.Contains("Utkast (versjon 1)", page);
        Assert.DoesNotContain("Godkjenn for", page);
        Assert.Equal(HttpStatusCode.OK, (await guide.GetAsync($"/Programmes/Agreement/Edit/{programme}")).StatusCode);
        Refused.Assert(await guide.ApproveAsync(app, programme, "Owner"), "UH guide approving for the owner");
        Refused.Assert(await guide.ApproveAsync(app, programme, "School"), "UH guide approving for the school");
        Assert.Equal(HttpStatusCode.Forbidden, (await guide.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", new { number = 1, version = 1 })).StatusCode);
        var v1 = Assert.Single((await app.AgreementAsync(programme)).Versions);
        Assert.Null(v1.OwnerApprovedAt);
        Assert.Null(v1.PrincipalApprovedAt);
    }

    [Fact]
    public async Task Principal_approves_but_cannot_edit_and_a_principal_of_another_school_cannot_approve()
    {
        var programme = await DraftAsync();
        var principal = await app.LoginAsync(Principal);
        Refused.Assert(await principal.GetAsync($"/Programmes/Agreement/Edit/{programme}"), "principal opening the edit form");
        Assert.Equal(HttpStatusCode.Forbidden, (await principal.PutAsJsonAsync($"/api/v1/programmes/{programme}/agreement/draft", new { })).StatusCode);
        Refused.Assert(await principal.ApproveAsync(app, programme, "Owner"), "principal approving for the owner");

        // Anne Lederstad leads Fjellheim skole and sits on team 1: she sees Sentrum's agreement, but cannot approve it for the school.
        await app.EnsureLoginAsync(OtherPrincipal);
        var other = await app.LoginAsync(OtherPrincipal);
        var page = await other.GetStringAsync($"/Programmes/Agreement/Details/{programme}");
        Assert.DoesNotContain("Godkjenn for skolen", page);
        Refused.Assert(await other.ApproveAsync(app, programme, "School"), "principal of Fjellheim approving for Sentrum");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/programmes/{programme}/agreement/approve", new { number = 1, version = 1 })).StatusCode);
        Assert.Null(Assert.Single((await app.AgreementAsync(programme)).Versions).PrincipalApprovedAt);
    }

    [Fact]
    public async Task Bad_input_gets_Norwegian_messages_keeps_what_was_typed_and_saves_nothing()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var longArea = "Utviklingsområde " + new string('x', 10_000);
        var response = await advisor.EditAsync(programme, f =>
        {
            f["Input.PeriodFrom"] = "2027-03-01";
            f["Input.PeriodTo"] = "2026-12-31";
            f["Input.DevelopmentArea"] = longArea;
            f[$"Input.Lines[{LineIndex(f, GuideLine)}].Text"] = "   ";
            f["Input.Parties"] = "Nordvik kommune og Sentrum skole – partene skrevet for hånd";
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var errors = Html.FieldErrors(html);
        Assert.Contains("Sluttdatoen kan ikke være før startdatoen.", errors);
        Assert.Contains("Utviklingsområdet kan ha høyst 2000 tegn.", errors);
        Assert.Contains("Skriv teksten i punktet, eller fjern punktet.", errors);
        Assert.Contains("value=\"2026-12-31\"", html);
        Assert.Contains(longArea, html);
        Assert.Equal("Nordvik kommune og Sentrum skole – partene skrevet for hånd", FormFields(html)["Input.Parties"]);
        Assert.False(await app.WithDbAsync(db => db.Agreements.AnyAsync(a => a.ProgrammeId == programme)));

        var api = await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/agreement/draft", new
        {
            number = 0, version = 0, periodFrom = "2027-03-01", periodTo = "2027-01-01", developmentArea = longArea, parties = "Partene",
            lines = new[] { new { section = 3, text = "" }, new { section = 99, text = "Ukjent del" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var body = await api.Content.ReadAsStringAsync();
        Assert.Contains("Utviklingsområdet kan ha høyst 2000 tegn.", body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body).GetProperty("errors");
        Assert.Contains("Sluttdatoen kan ikke være før startdatoen.", problem.GetProperty("periodTo")[0].GetString());
        Assert.False(await app.WithDbAsync(db => db.Agreements.AnyAsync(a => a.ProgrammeId == programme)));
    }

    [Fact]
    public async Task Adding_and_removing_lines_keeps_everything_typed()
    {
        var programme = await app.NewSentrumProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var url = $"/Programmes/Agreement/Edit/{programme}";
        var fields = FormFields(await advisor.GetStringAsync(url));
        fields["Input.DevelopmentArea"] = "Skrevet før linjen ble lagt til";
        var added = await advisor.PostFormAsync($"{url}?handler=AddLine&section=Guides", fields, url);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("Skrevet før linjen ble lagt til", html);
        var after = FormFields(html);
        Assert.Equal(28, after.Count(f => f.Key.EndsWith("].Text", StringComparison.Ordinal)));
        var newIndex = int.Parse(Regex.Match(after.Single(f => f.Key.EndsWith("].Text", StringComparison.Ordinal) && f.Value.Length == 0).Key, @"\[(\d+)\]").Groups[1].Value);
        Assert.Equal("Guides", after[$"Input.Lines[{newIndex}].Section"]);
        after[$"Input.Lines[{newIndex}].Text"] = "Delta på relevant kompetanseheving.";

        var removed = await advisor.PostFormAsync($"{url}?handler=RemoveLine&index={LineIndex(after, GuideLine)}", after, url);
        var final = FormFields(await removed.Content.ReadAsStringAsync());
        Assert.Equal(27, final.Count(f => f.Key.EndsWith("].Text", StringComparison.Ordinal)));
        Assert.DoesNotContain(final, f => f.Value == GuideLine);
        Assert.Contains(final, f => f.Value == "Delta på relevant kompetanseheving.");
        Assert.Equal("Skrevet før linjen ble lagt til", final["Input.DevelopmentArea"]);

        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostFormAsync(url, final)).StatusCode);
        var v1 = Assert.Single((await app.AgreementAsync(programme)).Versions);
        var guides = v1.Lines.Where(l => l.Section == AgreementSection.Guides).OrderBy(l => l.Order).Select(l => l.Text).ToList();
        Assert.Equal("Delta på relevant kompetanseheving.", guides[^1]);
        Assert.DoesNotContain(GuideLine, guides);
    }
}

public sealed class AgreementsOnSqlite(StillasApp app) : AgreementTests(app), IClassFixture<StillasApp>;

public sealed class AgreementsOnPostgres(PostgresApp app) : AgreementTests(app), IClassFixture<PostgresApp>;
