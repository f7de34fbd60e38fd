using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Assessment;
using Stillas.Web.Features.Programmes.FuturePicture;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Pdf;
using UglyToad.PdfPig;

namespace Stillas.Tests.Programmes.Assessment;

/// <summary>Assessment days end to end over HTTP: plan, checklist, notes (team only, audited), report by section with conflicts, final, PDF, retention, calendar.</summary>
public abstract class AssessmentTests(StillasApp app)
{
    private const string Advisor = "veileder@nordvik.test", Uh = "uh@nordvik.test", Principal = "rektor.sentrum@nordvik.test", OwnerAdmin = "skoleeier@nordvik.test";
    private static string S(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A fresh Sentrum programme run by team 1 with assessment days on 8–10 March 2027, session 1 after, and a future picture with three signs.</summary>
    private Task<(int Programme, Guid[] Signs)> NewProgrammeAsync() => app.WithDbAsync(async db =>
    {
        var sentrum = await db.Schools.SingleAsync(s => s.Name == "Sentrum skole");
        var team = await db.Teams.OrderBy(t => t.Id).FirstAsync(t => t.OwnerId == sentrum.OwnerId);
        var p = new GuidanceProgramme
        {
            OwnerId = sentrum.OwnerId, SchoolId = sentrum.Id, TeamId = team.Id, SchoolYear = "2026/27", TemplateKey = "tromso", TemplateVersion = 1,
            TemplateName = "Test", TemplateJson = ProgrammeModelJson.Write(ProgrammeTemplates.TromsoV1), StartDate = new DateOnly(2026, 9, 1),
        };
        PlanStep Step(string key, string title, DateOnly d, DateOnly? end, int order) => new()
        {
            OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Key = key, Title = title, PhaseKey = key[..5], PhaseName = key[..5],
            Kind = StepKind.AssessmentDays, Responsible = StepResponsible.Team, Date = d, EndDate = end, OriginalDate = d, Order = order,
        };
        p.Steps.Add(Step(AssessmentRules.StepKey, "Vurderingsdager", new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 10), 1));
        p.Steps.Add(Step(AssessmentRules.Session1Key, "Veiledning 1", new DateOnly(2027, 4, 5), null, 2));
        var picture = new Stillas.Web.Features.Programmes.FuturePicture.FuturePicture { Programme = p, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, CurrentVersion = 1, Version = 1 };
        var version = new FuturePictureVersion { FuturePicture = picture, OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Number = 1, DevelopmentArea = "Lesing", AuthorName = "Rektor" };
        string[] texts = ["Elevene leser i alle fag", "Lærerne samarbeider om lesing", "Elevene får tilbakemelding på lesing"];
        foreach (var (t, i) in texts.Select((t, i) => (t, i)))
            version.Signs.Add(new SignOfGoodPractice { OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Order = i + 1, Text = t, StableKey = Guid.NewGuid() });
        db.Programmes.Add(p);
        db.FuturePictureVersions.Add(version);
        await db.SaveChangesAsync();
        return (p.Id, version.Signs.OrderBy(s => s.Order).Select(s => s.StableKey).ToArray());
    });

    private async Task<int> PlanAsync(int programme)
    {
        var advisor = await app.LoginAsync(Advisor);
        var r = await advisor.PostFormAsync($"/Programmes/Assessment/{programme}?handler=Plan", [], $"/Programmes/Assessment/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return programme;
    }

    [Fact]
    public async Task Team_plans_the_days_from_the_template_and_the_school_ticks_off_its_checklist()
    {
        var (programme, _) = await NewProgrammeAsync();
        await PlanAsync(programme);
        var advisor = await app.LoginAsync(Advisor);
        var page = await (await advisor.GetAsync($"/Programmes/Assessment/{programme}")).Content.ReadAsStringAsync();
        Assert.Contains("Dag 1: mandag 8. mars 2027", page);
        Assert.Contains("Dag 3: onsdag 10. mars 2027", page);
        Assert.Contains("08:00–08:45", page);
        Assert.Contains("FAU finner en gruppe foresatte", page);

        var schedule = await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/assessment/schedule");
        Assert.Equal(AssessmentRules.Template.Length, schedule.GetProperty("slots").GetArrayLength());
        Assert.Equal("2027-03-08", schedule.GetProperty("slots")[0].GetProperty("date").GetString());
        var tasks = schedule.GetProperty("tasks");
        Assert.Equal(AssessmentRules.Tasks.Length, tasks.GetArrayLength());
        Assert.All(tasks.EnumerateArray(), t => Assert.True(DateOnly.Parse(t.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < new DateOnly(2027, 3, 8)));

        // The principal sees what the school must arrange and ticks one off, but may not change the schedule.
        var principal = await app.LoginAsync(Principal);
        var taskId = tasks[0].GetProperty("id").GetInt32();
        var tick = await principal.PostFormAsync($"/Programmes/Assessment/{programme}?handler=Tick", new() { ["taskId"] = S(taskId), ["done"] = "true" }, $"/Programmes/Assessment/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, tick.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AssessmentTasks.Where(t => t.Id == taskId).Select(t => t.Done).SingleAsync()));
        var slotId = schedule.GetProperty("slots")[0].GetProperty("id").GetInt32();
        Refused.Assert(await principal.GetAsync($"/Programmes/Assessment/Slot/{programme}/{slotId}"), "principal edits a slot");
        var put = await principal.PutAsJsonAsync($"/api/v1/programmes/{programme}/assessment/schedule/slots/{slotId}", new { date = "2027-03-08", start = "08:00", end = "09:00", title = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        // The team edits a slot: bad times get a clear message and keep what was typed.
        var bad = await advisor.PostFormAsync($"/Programmes/Assessment/Slot/{programme}/{slotId}", new()
        {
            ["Input.Date"] = "2027-03-08", ["Input.Start"] = "10:00", ["Input.End"] = "09:00", ["Input.Title"] = "Møte med personalet i aulaen", ["Input.Where"] = "Aulaen",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Slutten må være etter starten.", badHtml);
        Assert.Contains("Møte med personalet i aulaen", badHtml);
        var ok = await advisor.PostFormAsync($"/Programmes/Assessment/Slot/{programme}/{slotId}", new()
        {
            ["Input.Date"] = "2027-03-08", ["Input.Start"] = "08.15", ["Input.End"] = "09:00", ["Input.Title"] = "Møte med personalet i aulaen", ["Input.Where"] = "Aulaen", ["Input.SchoolTakesPart"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var print = await (await principal.GetAsync($"/Programmes/Assessment/DayPlan/{programme}")).Content.ReadAsStringAsync();
        Assert.Contains("08:15–09:00", print);
        Assert.Contains("Aulaen", print);
    }

    [Fact]
    public async Task Notes_are_the_teams_only_saved_as_typed_and_every_read_is_audited()
    {
        var (programme, signs) = await NewProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var key = Guid.NewGuid();
        // A note without a tag is saved (nothing lost) with a clear warning.
        var save = await advisor.PostFormAsync($"/Programmes/Assessment/Notes/{programme}", new()
        {
            ["Input.ClientKey"] = key.ToString(), ["Input.Kind"] = "Interview", ["Input.Group"] = "Elever 7. trinn", ["Input.Text"] = "Kari sier at hun leser mye hjemme.",
        });
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var after = await (await advisor.GetAsync(save.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        Assert.Contains("ikke merket med noe tegn på god praksis", after);

        // Autosave twice with the same client key: one note, updated, with its tag now.
        for (var i = 0; i < 2; i++)
        {
            var auto = await advisor.PostFormAsync($"/Programmes/Assessment/Notes/{programme}?handler=Autosave", new()
            {
                ["Input.ClientKey"] = key.ToString(), ["Input.Kind"] = "Interview", ["Input.Group"] = "Elever 7. trinn",
                ["Input.Text"] = "Kari sier at hun leser mye hjemme. Og i timene" + new string('.', i), ["Input.Signs"] = signs[0].ToString(),
            }, $"/Programmes/Assessment/Notes/{programme}");
            Assert.Equal(HttpStatusCode.OK, auto.StatusCode);
            var json = await auto.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(json.GetProperty("saved").GetBoolean());
            Assert.StartsWith("Lagret kl. ", json.GetProperty("message").GetString());
        }
        var notes = await app.WithDbAsync(db => db.AssessmentNotes.Where(n => n.ProgrammeId == programme).ToListAsync());
        var note = Assert.Single(notes);
        Assert.Equal("Kari sier at hun leser mye hjemme. Og i timene.", note.Text);
        Assert.Equal(signs[0].ToString("D"), note.SignKeys);
        // A note without group: refused by autosave with a Norwegian message (the browser keeps the draft).
        var incomplete = await advisor.PostFormAsync($"/Programmes/Assessment/Notes/{programme}?handler=Autosave", new() { ["Input.ClientKey"] = Guid.NewGuid().ToString(), ["Input.Kind"] = "Observation", ["Input.Text"] = "Halvferdig" }, $"/Programmes/Assessment/Notes/{programme}");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Contains("Skriv hvilken gruppe", (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());

        // The team's other guide reads them; the read is audited, without an owner (the owner's administrator does not see it).
        var uh = await app.LoginAsync(Uh);
        var list = await uh.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/assessment/notes");
        Assert.Equal(1, list.GetArrayLength());
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == AssessmentService.NoteReadEntity && a.EntityId == S(programme) && a.Action == AuditAction.Read).ToListAsync());
        Assert.Contains(reads, r => r.ActorName == "Ingrid Forsker" && r.OwnerId == null && r.Changes.Contains(S(note.Id)));
        Assert.Contains(reads, r => r.ActorName == "Ola Veileder");
        var changeAudit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AssessmentNote) && a.EntityId == S(note.Id)).ToListAsync());
        Assert.NotEmpty(changeAudit);
        Assert.All(changeAudit, a => { Assert.Null(a.OwnerId); Assert.DoesNotContain("Kari", a.Changes); });

        // The school and the owner's administrator: no notes, not even a count, page or API.
        foreach (var who in new[] { Principal, OwnerAdmin })
        {
            var c = await app.LoginAsync(who);
            Refused.Assert(await c.GetAsync($"/Programmes/Assessment/Notes/{programme}"), who + " notes page");
            Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/programmes/{programme}/assessment/notes")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/notes", new { kind = 1, group = "x" })).StatusCode);
            var overview = await (await c.GetAsync($"/Programmes/Assessment/{programme}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Notater", overview);
            var audit = await (await c.GetAsync("/api/v1/audit?pageSize=200")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("AssessmentNote", audit);
        }
        Assert.Equal(0, await app.WithDbAsync(async db => { db.ScopeSource!.Scope = await Stillas.Web.Platform.Data.AccessScopeLoader.LoadAsync(db, await db.People.Where(p => p.Email == OwnerAdmin).Select(p => p.Id).SingleAsync(), default); return await db.AssessmentNotes.CountAsync(); }));
    }

    [Fact]
    public async Task Two_guides_writing_the_report_merge_different_sections_and_see_both_versions_on_a_conflict()
    {
        var (programme, _) = await NewProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var uh = await app.LoginAsync(Uh);
        var report = await (await advisor.PostAsync($"/api/v1/programmes/{programme}/assessment/report", null)).Content.ReadFromJsonAsync<JsonElement>();
        var sections = report.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal(4, sections.Length); // three signs and the summary

        // Different sections at once: both kept.
        var a = advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/assessment/report/sections/{sections[0]}", new { findings = "Ola skrev dette", expectedVersion = 0 });
        var b = uh.PutAsJsonAsync($"/api/v1/programmes/{programme}/assessment/report/sections/{sections[1]}", new { findings = "Ingrid skrev dette", expectedVersion = 0 });
        Assert.All(await Task.WhenAll(a, b), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // The same section in the same second: one is saved, the other gets 409 with theirs; nothing is lost.
        var c = advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/assessment/report/sections/{sections[2]}", new { findings = "Olas funn", expectedVersion = 0 });
        var d = uh.PutAsJsonAsync($"/api/v1/programmes/{programme}/assessment/report/sections/{sections[2]}", new { findings = "Ingrids funn", expectedVersion = 0 });
        var both = await Task.WhenAll(c, d);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var conflict = await both.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        var theirs = conflict.GetProperty("theirs");
        Assert.Equal(1, theirs.GetProperty("version").GetInt32());
        Assert.Contains(theirs.GetProperty("findings").GetString(), new[] { "Olas funn", "Ingrids funn" });

        // On the page: the loser sees both versions, their own text in the form, and can merge.
        var stale = await advisor.PostFormAsync($"/Programmes/Assessment/Report/{programme}?handler=Save", new()
        {
            ["sectionId"] = S(sections[2]), ["Input.ExpectedVersion"] = "0", ["Input.Findings"] = "Min tekst som ikke må forsvinne",
        }, $"/Programmes/Assessment/Report/{programme}");
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("lagret denne delen", html);
        Assert.Contains("Min tekst som ikke må forsvinne", html);
        Assert.Contains(theirs.GetProperty("findings").GetString()!, html);
        var merged = await advisor.PostFormAsync($"/Programmes/Assessment/Report/{programme}?handler=Merge", new()
        {
            ["sectionId"] = S(sections[2]), ["Input.ExpectedVersion"] = "1", ["Input.Findings"] = "Min tekst som ikke må forsvinne",
        }, $"/Programmes/Assessment/Report/{programme}");
        var mergedHtml = await merged.Content.ReadAsStringAsync();
        Assert.Contains(theirs.GetProperty("findings").GetString() + "\n\nMin tekst som ikke må forsvinne", System.Net.WebUtility.HtmlDecode(mergedHtml));
        var saveMerged = await advisor.PostFormAsync($"/Programmes/Assessment/Report/{programme}?handler=Save", new()
        {
            ["sectionId"] = S(sections[2]), ["Input.ExpectedVersion"] = "1", ["Input.Findings"] = "Begge: " + theirs.GetProperty("findings").GetString() + " og min",
        }, $"/Programmes/Assessment/Report/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, saveMerged.StatusCode);
        var versions = await advisor.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/assessment/report/sections/{sections[2]}/versions");
        Assert.Equal(2, versions.GetArrayLength());

        // The school does not see the draft.
        var principal = await app.LoginAsync(Principal);
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/api/v1/programmes/{programme}/assessment/report")).StatusCode);
        Assert.DoesNotContain("Olas funn", await (await principal.GetAsync($"/Programmes/Assessment/Report/{programme}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Report_sections_save_as_typed_merge_different_sections_and_answer_a_stale_save_with_a_conflict()
    {
        var (programme, _) = await NewProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var uh = await app.LoginAsync(Uh);
        var report = await (await advisor.PostAsync($"/api/v1/programmes/{programme}/assessment/report", null)).Content.ReadFromJsonAsync<JsonElement>();
        var sections = report.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToArray();
        var page = $"/Programmes/Assessment/Report/{programme}";
        var autosave = page + "?handler=Autosave";

        // The page offers it to the script (and keeps the save button for a browser without it).
        var html = await (await advisor.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains($"data-autosave=\"{autosave}\"", html);
        Assert.Contains($"data-draft-key=\"stillas-section-{sections[0]}\"", html);

        // Two guides typing in different sections: both saved, each answer carries the section's new version for the next save.
        Task<HttpResponseMessage> Auto(HttpClient c, int section, int version, string findings) =>
            c.PostFormAsync(autosave, new() { ["sectionId"] = S(section), ["Input.ExpectedVersion"] = S(version), ["Input.Findings"] = findings }, page);
        var both = await Task.WhenAll(Auto(advisor, sections[0], 0, "Ola skriver"), Auto(uh, sections[1], 0, "Ingrid skriver"));
        foreach (var r in both)
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var json = await r.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(json.GetProperty("saved").GetBoolean());
            Assert.Equal("1", json.GetProperty("fields").GetProperty("Input.ExpectedVersion").GetString());
            Assert.StartsWith("Lagret kl. ", json.GetProperty("message").GetString());
            Assert.StartsWith("Versjon 1, sist lagret av ", json.GetProperty("info").GetString());
        }
        // Typing on: the next save is based on version 1.
        Assert.Equal(HttpStatusCode.OK, (await Auto(advisor, sections[0], 1, "Ola skriver videre")).StatusCode);

        // Ingrid's page still says version 0 for Ola's section: her save is not saved, and says who saved meanwhile, in Norwegian.
        var stale = await Auto(uh, sections[0], 0, "Ingrid skriver over");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(conflict.GetProperty("conflict").GetBoolean());
        Assert.False(conflict.GetProperty("saved").GetBoolean());
        Assert.Contains("Ola Veileder lagret en ny versjon", conflict.GetProperty("message").GetString());
        Assert.Contains("Trykk «Lagre» for å se begge versjonene", conflict.GetProperty("message").GetString());
        var saved = await app.WithDbAsync(db => db.AssessmentReportSections.Where(s => s.Id == sections[0] || s.Id == sections[1]).OrderBy(s => s.Order).Select(s => new { s.Findings, s.Version }).ToListAsync());
        Assert.Equal("Ola skriver videre", saved[0].Findings);
        Assert.Equal(2, saved[0].Version);
        Assert.Equal("Ingrid skriver", saved[1].Findings);

        // A stale save of the very text that is saved already (a retry, or a restored draft of a save that landed) loses nothing: saved, no new version.
        var same = await Auto(uh, sections[0], 0, "Ola skriver videre");
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal("2", (await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields").GetProperty("Input.ExpectedVersion").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.AssessmentReportSectionVersions.CountAsync(v => v.SectionId == sections[0])));

        // Her "Lagre" then shows both versions, her text in the form, without saving it, and no saving as you type while she chooses.
        var choose = await uh.PostFormAsync(page + "?handler=Save", new() { ["sectionId"] = S(sections[0]), ["Input.ExpectedVersion"] = "0", ["Input.Findings"] = "Ingrid skriver over" }, page);
        var chooseHtml = await choose.Content.ReadAsStringAsync();
        Assert.Contains("Ola skriver videre", chooseHtml);
        Assert.Contains("Ingrid skriver over", chooseHtml);
        var conflictForm = System.Text.RegularExpressions.Regex.Match(chooseHtml, $"<form[^>]*stillas-section-{sections[0]}\"[^>]*>").Value;
        Assert.NotEmpty(conflictForm);
        Assert.DoesNotContain("handler=Autosave", conflictForm); // autosave.js reads an empty data-autosave as "drafts only"

        // Too long: not saved, a Norwegian reason (the browser keeps the text).
        var tooLong = await Auto(advisor, sections[1], 1, new string('x', ReportSection.FieldMax + 1));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("høyst", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());

        // Only the team: the school and the owner's administrator are refused, and nothing is saved.
        foreach (var who in new[] { Principal, OwnerAdmin })
        {
            var c = await app.LoginAsync(who);
            var tokenPage = $"/Programmes/Assessment/{programme}";
            Refused.Assert(await c.PostFormAsync(autosave, new() { ["sectionId"] = S(sections[1]), ["Input.ExpectedVersion"] = "1", ["Input.Findings"] = "Ikke lov" }, tokenPage), who + " autosave");
        }
        Assert.Equal("Ingrid skriver", await app.WithDbAsync(db => db.AssessmentReportSections.Where(s => s.Id == sections[1]).Select(s => s.Findings).SingleAsync()));
    }

    [Fact]
    public async Task Owner_administrator_sets_the_notes_retention_on_the_page_and_in_the_api_and_bad_input_gets_a_norwegian_answer()
    {
        var admin = await app.LoginAsync(OwnerAdmin);
        var nordvik = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
        var url = $"/api/v1/owners/{nordvik}/assessment-settings";
        var before = await admin.GetFromJsonAsync<JsonElement>(url);
        var original = before.GetProperty("noteRetentionDays").GetInt32();
        Assert.Equal(AssessmentSettings.MaxRetentionDays, before.GetProperty("maxDays").GetInt32());

        // The owner page and the assessment days point there, for the administrator only.
        var owner = await (await admin.GetAsync($"/Owners/Details/{nordvik}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Programmes/Assessment/Retention/{nordvik}\"", owner);
        var advisor = await app.LoginAsync(Advisor);
        Assert.DoesNotContain("/Programmes/Assessment/Retention/", await (await advisor.GetAsync($"/Owners/Details/{nordvik}")).Content.ReadAsStringAsync());

        try
        {
            var put = await admin.PutAsJsonAsync(url, new { noteRetentionDays = 180 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(180, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noteRetentionDays").GetInt32());
            Assert.Equal(180, await app.WithDbAsync(db => AssessmentService.RetentionDaysAsync(db, nordvik, default)));
            Assert.Contains("senest 180 dager", await (await admin.GetAsync($"/Owners/Details/{nordvik}")).Content.ReadAsStringAsync());

            // Bad input: RFC 9457 problem details, nothing saved.
            foreach (var body in new[] { "{\"noteRetentionDays\":-1}", "{\"noteRetentionDays\":100000}", "{}", "{\"noteRetentionDays\":null}" })
            {
                var bad = await admin.PutAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
                var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Contains("fra 0 til 730", problem.GetProperty("errors").GetProperty("noteRetentionDays")[0].GetString());
            }
            foreach (var body in new[] { "{\"noteRetentionDays\":\"mange\"}", "{\"noteRetentionDays\":99999999999}", "ikke json" })
            {
                var bad = await admin.PutAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            }
            Assert.Equal(180, await app.WithDbAsync(db => AssessmentService.RetentionDaysAsync(db, nordvik, default)));

            // The page: a clear Norwegian message next to the field, the typed text kept.
            var page = $"/Programmes/Assessment/Retention/{nordvik}";
            foreach (var typed in new[] { "-5", "abc", "99999999999", "" })
            {
                var r = await admin.PostFormAsync(page, new() { ["Days"] = typed });
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                var html = System.Net.WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
                Assert.Contains("Skriv et helt antall dager fra 0 til 730", html);
                if (typed.Length > 0) Assert.Contains($"value=\"{typed}\"", html);
            }
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new() { ["Days"] = "200" })).StatusCode);
            Assert.Equal(200, await app.WithDbAsync(db => AssessmentService.RetentionDaysAsync(db, nordvik, default)));

            // Nobody else: the guides, the school, and Fjordland's administrator (who does not even see Nordvik).
            foreach (var who in new[] { Advisor, Uh, Principal, "skoleeier@fjordland.test" })
            {
                var c = await app.LoginAsync(who);
                Assert.True((await c.GetAsync(url)).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, who);
                var refused = await c.PutAsJsonAsync(url, new { noteRetentionDays = 1 });
                Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, who);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                Refused.Assert(await c.GetAsync($"/Programmes/Assessment/Retention/{nordvik}"), who + " retention page");
            }
            Assert.Equal(200, await app.WithDbAsync(db => AssessmentService.RetentionDaysAsync(db, nordvik, default)));
        }
        finally
        {
            await admin.PutAsJsonAsync(url, new { noteRetentionDays = original });
        }
    }

    [Fact]
    public async Task Final_report_warns_about_empty_sections_deletes_unkept_notes_and_is_read_by_the_school_as_web_and_pdf()
    {
        var (programme, signs) = await NewProgrammeAsync();
        await PlanAsync(programme);
        var advisor = await app.LoginAsync(Advisor);
        var kept = await (await advisor.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/notes", new { kind = 1, group = "Ledelsen", text = "Beholdes", signs = new[] { signs[0] } })).Content.ReadFromJsonAsync<JsonElement>();
        var dropped = await (await advisor.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/notes", new { kind = 2, group = "Friminutt", text = "Slettes", signs = new[] { signs[1] } })).Content.ReadFromJsonAsync<JsonElement>();
        var keptId = kept.GetProperty("note").GetProperty("id").GetInt32();
        var noReason = await advisor.PostFormAsync($"/Programmes/Assessment/Notes/{programme}?handler=Keep", new() { ["noteId"] = S(keptId), ["keep"] = "true", ["reason"] = "" }, $"/Programmes/Assessment/Notes/{programme}");
        Assert.Contains("Skriv hvorfor notatet skal beholdes", await noReason.Content.ReadAsStringAsync());
        var keep = await advisor.PostFormAsync($"/Programmes/Assessment/Notes/{programme}?handler=Keep", new() { ["noteId"] = S(keptId), ["keep"] = "true", ["reason"] = "Til oppfølging på veiledning 1" }, $"/Programmes/Assessment/Notes/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, keep.StatusCode);

        var report = await (await advisor.PostAsync($"/api/v1/programmes/{programme}/assessment/report", null)).Content.ReadFromJsonAsync<JsonElement>();
        var first = report.GetProperty("sections")[0].GetProperty("id").GetInt32();
        await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/assessment/report/sections/{first}",
            new { findings = "Elevene bruker strategier i norsk.", worksWell = "Felles språk om lesing.", toDevelop = "Lesing i naturfag.", questions = "Hvordan ser dere at strategiene brukes i alle fag?\n- Hva trenger lærerne for å øve på dette?", expectedVersion = 0 });

        // Empty sections: warned, with their names, and nothing changes until confirmed.
        var warned = await advisor.PostFormAsync($"/Programmes/Assessment/Report/{programme}?handler=Final", [], $"/Programmes/Assessment/Report/{programme}");
        var warnedHtml = await warned.Content.ReadAsStringAsync();
        Assert.Contains("deler av rapporten er tomme", warnedHtml);
        Assert.Contains("Lærerne samarbeider om lesing", warnedHtml);
        var api = await advisor.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/report/final", new { confirmEmpty = false });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Equal(3, (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("emptySections").GetArrayLength());
        var final = await advisor.PostFormAsync($"/Programmes/Assessment/Report/{programme}?handler=Final", new() { ["confirmEmpty"] = "true" }, $"/Programmes/Assessment/Report/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, final.StatusCode);

        var left = await app.WithDbAsync(db => db.AssessmentNotes.Where(n => n.ProgrammeId == programme).Select(n => n.Id).ToListAsync());
        Assert.Equal([keptId], left);
        var keepAudit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AssessmentNote) && a.EntityId == S(keptId) && a.Action == AuditAction.Updated).Select(a => a.Changes).ToListAsync());
        Assert.Contains(keepAudit, c => c.Contains("veiledning 1", StringComparison.Ordinal) && c.Contains("KeepReason", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/notes", new { kind = 1, group = "Sent", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.PutAsJsonAsync($"/api/v1/programmes/{programme}/assessment/report/sections/{first}", new { findings = "endret", expectedVersion = 1 })).StatusCode);

        // Presented to the leadership on day 3.
        var present = await advisor.PostFormAsync($"/Programmes/Assessment/Report/{programme}?handler=Present", new() { ["audience"] = "Leadership", ["date"] = "2027-03-10" }, $"/Programmes/Assessment/Report/{programme}");
        Assert.Equal(HttpStatusCode.Redirect, present.StatusCode);

        // The school reads it on the web (tagged headings) and as a PDF with extractable text.
        var principal = await app.LoginAsync(Principal);
        var web = await (await principal.GetAsync($"/Programmes/Assessment/Report/{programme}")).Content.ReadAsStringAsync();
        Assert.Contains("<h2 id=\"toc-h\"", web);
        Assert.Contains("1. Elevene leser i alle fag</h2>", web);
        Assert.Contains("<li>Hva trenger lærerne for å øve på dette?</li>", web);
        Assert.Contains("Lagt fram", web);
        var pdf = await principal.GetAsync($"/Programmes/Assessment/ReportPdf/{programme}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var doc = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join("\n", doc.GetPages().Select(p => p.Text));
            Assert.Contains("Rapport fra vurderingsdagene", text);
            Assert.Contains("Innhold", text);
            Assert.Contains("Spørsmål til refleksjon", text);
            Assert.Contains("Lesing i naturfag", text);
            Assert.Contains("Skolens ledergruppe", text);
        }

        // Session 1 opens with the questions.
        var questions = await app.WithDbAsync(db => AssessmentReports.ReflectionQuestionsAsync(db, programme));
        var q = Assert.Single(questions);
        Assert.Equal(["Hvordan ser dere at strategiene brukes i alle fag?", "Hva trenger lærerne for å øve på dette?"], q.Questions);
        var details = await (await principal.GetAsync($"/Programmes/Details/{programme}")).Content.ReadAsStringAsync();
        Assert.Contains("Veiledningen åpner med spørsmålene til refleksjon", details);

        // The kept note lives until the owner's retention has run out; the job deletes it then (clock moved, no waiting).
        var deleteOn = await app.WithDbAsync(db => db.AssessmentReports.Where(r => r.ProgrammeId == programme).Select(r => r.NotesDeleteOn).SingleAsync());
        Assert.NotNull(deleteOn);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        // (The demo's kept notes, with an earlier limit, may go in this run.)
        await NoteRetentionJob.RunOnceAsync(scopes, new FixedClock(deleteOn.Value.AddDays(-1)), default);
        Assert.Single(await app.WithDbAsync(db => db.AssessmentNotes.Where(n => n.ProgrammeId == programme).ToListAsync()));
        Assert.True(await NoteRetentionJob.RunOnceAsync(scopes, new FixedClock(deleteOn.Value), default) >= 1);
        Assert.Empty(await app.WithDbAsync(db => db.AssessmentNotes.Where(n => n.ProgrammeId == programme).ToListAsync()));
    }

    [Fact]
    public async Task Calendar_feed_has_the_slots_for_the_team_and_the_schools_slots_for_the_school()
    {
        var (programme, _) = await NewProgrammeAsync();
        await PlanAsync(programme);
        var teamIcs = await FeedAsync(Advisor);
        Assert.Contains("Vurderingsdager: Rapportskriving", teamIcs);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20270308T080000", teamIcs);
        var schoolIcs = await FeedAsync(Principal);
        Assert.Contains("Vurderingsdager: Samtale med elever", schoolIcs);
        Assert.DoesNotContain("Vurderingsdager: Rapportskriving", schoolIcs);
    }

    private async Task<string> FeedAsync(string email)
    {
        var token = await app.WithDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
            db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.PersonId == person).ToListAsync());
            await db.SaveChangesAsync();
            var t = Stillas.Web.Platform.Calendar.CalendarFeedTokens.NewToken();
            db.CalendarFeeds.Add(new CalendarFeed { PersonId = person, TokenHash = Stillas.Web.Platform.Calendar.CalendarFeedTokens.Hash(t) });
            await db.SaveChangesAsync();
            return t;
        });
        var ics = await app.Client().GetStringAsync($"/calendar/{token}.ics");
        return ics.Replace("\r\n ", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hundred_note_saves_all_land_and_a_20_page_report_pdf_renders_with_page_numbers()
    {
        var (programme, signs) = await NewProgrammeAsync();
        var advisor = await app.LoginAsync(Advisor);
        var key = Guid.NewGuid();
        var times = new List<double>();
        for (var i = 0; i < 120; i++)
        {
            var sw = Stopwatch.StartNew();
            var r = await advisor.PostAsJsonAsync($"/api/v1/programmes/{programme}/assessment/notes", new { clientKey = key, kind = 1, group = "Ansatte", text = "Notat " + new string('x', i * 10), signs = new[] { signs[0] } });
            sw.Stop();
            Assert.True(r.IsSuccessStatusCode);
            if (i >= 20) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var p95 = times[(int)(times.Count * 0.95) - 1];
        Console.WriteLine($"[bench {app.Provider}] note save p50 {times[times.Count / 2]:F1} ms, p95 {p95:F1} ms");
        // The times are printed for the record; the target (p95 < 30 ms) is the benchmark's (bench/run.sh,
        // docs/performance.md), not a wall-clock limit in a test on a shared machine.
        Assert.Equal(new string('x', 119 * 10), (await app.WithDbAsync(db => db.AssessmentNotes.Where(n => n.ClientKey == key).Select(n => n.Text).SingleAsync()))[("Notat ".Length)..]);

        var para = string.Join(" ", Enumerable.Repeat("Elevene leser med forståelse i alle fag, og lærerne planlegger sammen; æøå ÆØÅ.", 40));
        var sections = Enumerable.Range(1, 12).Select(i => new SectionView(i, Guid.NewGuid(), false, i, $"Tegn {i}: elevene får tilbakemelding på lesing", para, para, para,
            "Hvordan?\nHvorfor?\nHva nå?", 1, null, null)).Append(new SectionView(99, null, true, 99, "Oppsummering", para, "", "", "", 1, null, null)).ToList();
        var view = new ReportView(1, programme, ReportStatus.Final, DateTimeOffset.UtcNow, "Ola", null, sections, []);
        var head = new AssessmentProgramme(programme, 1, 1, 1, "Sentrum skole", "Nordvik kommune", ProgrammeStatus.Active, null, null);
        PdfWriter.Render(ReportPdf.Build(head, view, [], new DateOnly(2027, 3, 10))); // warm-up
        var pdfWatch = Stopwatch.StartNew();
        var bytes = PdfWriter.Render(ReportPdf.Build(head, view, [], new DateOnly(2027, 3, 10)));
        pdfWatch.Stop();
        using var doc = PdfDocument.Open(bytes);
        Console.WriteLine($"[bench {app.Provider}] report PDF {doc.NumberOfPages} pages in {pdfWatch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(doc.NumberOfPages >= 20, $"{doc.NumberOfPages} pages");
        Assert.Contains("Side", string.Join("\n", doc.GetPages().Select(p => p.Text)));
    }

    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    }
}

public sealed class AssessmentOnSqlite(StillasApp app) : AssessmentTests(app), IClassFixture<StillasApp>;

public sealed class AssessmentOnPostgres(PostgresApp app) : AssessmentTests(app), IClassFixture<PostgresApp>;
