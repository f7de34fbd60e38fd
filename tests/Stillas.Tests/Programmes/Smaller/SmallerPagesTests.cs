using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Programmes.Smaller;

/// <summary>The smaller list of issue 20: menu, forms, the documents overview, the audit log, texts and CSS.</summary>
public sealed partial class SmallerPagesTests(StillasApp app) : IClassFixture<StillasApp>
{
    private const string OwnerAdmin = "skoleeier@nordvik.test";
    private const string Advisor = "veileder@nordvik.test";
    private const string Guide = "uh@nordvik.test";
    private const string Principal = "rektor.sentrum@nordvik.test";

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private Task<int> ProgrammeAsync(string school) =>
        app.WithDbAsync(db => db.Programmes.Where(p => p.School!.Name == school).Select(p => p.Id).SingleAsync());

    private static string WideMenu(string html)
    {
        var start = html.IndexOf("site-nav--wide", StringComparison.Ordinal);
        Assert.True(start > 0, "no wide menu");
        return html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Each_role_sees_the_menu_items_it_can_use_and_a_phone_gets_a_folded_menu()
    {
        foreach (var (email, shown, hidden) in new (string, string[], string[])[]
                 {
                     (OwnerAdmin, ["/Owners", "/Schools", "/People", "/Teams", "/Selection", "/Programmes", "/Audit"], []),
                     (Guide, ["/Teams", "/Programmes"], ["/Owners", "/Schools", "/People", "/Selection", "/Audit"]),
                     (Principal, ["/People", "/Programmes"], ["/Owners", "/Schools", "/Teams", "/Selection", "/Audit"]),
                 })
        {
            var client = await app.LoginAsync(email);
            var html = await client.GetStringAsync("/");
            var menu = WideMenu(html);
            foreach (var href in shown) Assert.Contains($"href=\"{href}\"", menu);
            foreach (var href in hidden) Assert.DoesNotContain($"href=\"{href}\"", menu);
            // The phone's menu: the same items in a <details> that opens without script.
            Assert.Contains("<details class=\"site-menu\">", html);
            Assert.Contains("<summary class=\"site-menu__toggle\">Meny</summary>", html);
        }
        var css = await app.Client().GetStringAsync("/css/site.css");
        Assert.Matches(@"@media \(max-width: 40rem\) \{\s*\.site-nav--wide \{ display: none; \}", css);
        Assert.Contains(".site-menu { display: none; }", css);
    }

    [Fact]
    public async Task The_day_plan_breaks_words_at_syllables_not_in_the_middle()
    {
        var css = await app.Client().GetStringAsync("/css/site.css");
        Assert.DoesNotContain("break-all", css);
        var phone = Regex.Match(css, @"@media \(max-width: 40rem\) \{ \.day-table td, \.day-table th \{([^}]*)\}(.*)\}");
        Assert.True(phone.Success, "no phone rule for the day plan");
        Assert.Contains("hyphens: auto", phone.Groups[1].Value);
        Assert.DoesNotContain("anywhere", phone.Groups[1].Value);
        Assert.DoesNotContain("table-layout: fixed", phone.Groups[2].Value);
        var advisor = await app.LoginAsync(Advisor);
        var html = await advisor.GetStringAsync($"/Programmes/Assessment/DayPlan/{await ProgrammeAsync("Sentrum skole")}");
        Assert.Matches("<html lang=\"nb", html); // hyphens:auto needs the language
        Assert.Contains("day-table", html);
    }

    [Fact]
    public async Task The_error_summary_lists_errors_in_the_order_of_the_fields_and_takes_focus()
    {
        var admin = await app.LoginAsync(OwnerAdmin);
        async Task<List<string>> ErrorsAsync(params string[] fields)
        {
            var response = await admin.PostFormAsync("/Programmes/Create?handler=Preview", fields.ToDictionary(f => f, _ => ""), "/Programmes/Create");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("data-error-summary", html);
            Assert.Contains("/js/error-summary.js", html);
            var summary = html[html.IndexOf("ds-error-summary", StringComparison.Ordinal)..];
            summary = summary[..summary.IndexOf("</ul>", StringComparison.Ordinal)];
            return [.. Regex.Matches(summary, "<li>(.*?)</li>").Select(m => Html.Text(m.Groups[1].Value))];
        }
        string[] expected = ["Skriv inn startdato.", "Velg modell.", "Velg veilederteam.", "Velg skole."];
        var errors = await ErrorsAsync("Input.StartDate", "Input.Model", "Input.TeamId", "Input.SchoolId");
        Assert.Equal(expected, errors.Where(expected.Contains));
        var reversed = await ErrorsAsync("Input.SchoolId", "Input.TeamId", "Input.Model", "Input.StartDate");
        Assert.Equal(expected.Reverse(), reversed.Where(expected.Contains));
        var script = await app.Client().GetStringAsync("/js/error-summary.js");
        Assert.Contains("[data-error-summary]", script);
        Assert.Contains(".focus()", script);
    }

    [Fact]
    public async Task A_new_kommune_without_a_team_gets_a_hint_instead_of_an_empty_team_list()
    {
        var ownerId = await app.WithDbAsync(async db =>
        {
            var owner = new SchoolOwner { Name = "Nyvik kommune", OrganisationNumber = OrganisationNumber.Complete("94000000")!, Kind = OwnerKind.Kommune };
            db.Owners.Add(owner);
            await db.SaveChangesAsync();
            db.Schools.Add(new School { OwnerId = owner.Id, Name = "Nyvik skole", OrganisationNumber = OrganisationNumber.Complete("94000010")!, Level = SchoolLevel.Barneskole, FirstGrade = 1, LastGrade = 7, Pupils = 90 });
            await db.SaveChangesAsync();
            return owner.Id;
        });
        var admin = await app.LoginAsync("admin@stillas.test");
        var html = Decode(await admin.GetStringAsync($"/Programmes/Create?owner={ownerId}"));
        Assert.Contains("Skoleeieren har ingen aktive veilederteam ennå.", html);
        Assert.Contains($"href=\"/Teams/Create?owner={ownerId}\"", html);
        Assert.DoesNotContain("<select class=\"ds-input\" id=\"Input_TeamId\"", html);
        Assert.Contains("Nyvik skole", html);

        // Posted anyway: the message at the place of the list, the input kept, no 500.
        var school = await app.WithDbAsync(db => db.Schools.Where(s => s.Name == "Nyvik skole").Select(s => s.Id).SingleAsync());
        var response = await admin.PostFormAsync($"/Programmes/Create?handler=Preview", new()
        {
            ["Owner"] = ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.SchoolId"] = school.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartDate"] = "2027-03-01", ["Input.Model"] = "",
        }, $"/Programmes/Create?owner={ownerId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Velg veilederteam.", posted);
        Assert.Contains("href=\"#Input_TeamId\"", posted);
        Assert.Contains("id=\"Input_TeamId\"", posted);
        Assert.Contains("value=\"2027-03-01\"", posted);

        // Nordvik has teams: the list as before, no hint.
        var nordvik = Decode(await (await app.LoginAsync(OwnerAdmin)).GetStringAsync("/Programmes/Create"));
        Assert.Contains("id=\"Input_TeamId\"", nordvik);
        Assert.DoesNotContain("ingen aktive veilederteam", nordvik);
    }

    [Fact]
    public async Task The_documents_page_opens_with_an_overview_and_folds_what_is_done()
    {
        var advisor = await app.LoginAsync(Advisor);
        // Sentrum: all nine delivered (eight approved): nine folded cards, nothing missing.
        var sentrum = Decode(await advisor.GetStringAsync($"/Programmes/StartUp/Documents/{await ProgrammeAsync("Sentrum skole")}"));
        Assert.Contains("data-documents-overview", sentrum);
        Assert.Contains("9 av 9 dokumenter er levert eller avklart. 0 mangler, 0 av dem etter fristen.", sentrum);
        Assert.Equal(9, Regex.Count(sentrum, "<details class=\"document-details\">"));
        Assert.Equal(9, Regex.Count(sentrum, "<a class=\"ds-link\" href=\"#request-\\d+\">"));

        // Nordvik ungdomsskole: three delivered, six missing; one made late.
        var ungdom = await ProgrammeAsync("Nordvik ungdomsskole");
        await app.WithDbAsync(async db =>
        {
            var r = await db.DocumentRequests.Where(r => r.ProgrammeId == ungdom && r.Status == Stillas.Web.Features.Programmes.StartUp.DocumentStatus.Requested).OrderBy(r => r.Order).FirstAsync();
            r.DueDate = new DateOnly(2026, 11, 20);
            await db.SaveChangesAsync();
        });
        var html = Decode(await advisor.GetStringAsync($"/Programmes/StartUp/Documents/{ungdom}"));
        Assert.Contains("3 av 9 dokumenter er levert eller avklart. 6 mangler, 1 av dem etter fristen.", html);
        var overview = html[html.IndexOf("document-overview", StringComparison.Ordinal)..html.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(5, Regex.Count(overview, ">Mangler<"));
        Assert.Equal(1, Regex.Count(overview, ">For sent<"));
        Assert.Equal(3, Regex.Count(html, "<details class=\"document-details\">"));
        // The missing ones stay open, with their upload form.
        Assert.Contains("Last opp fil til", html);

        // The page is the programme's people's only.
        Refused.Assert(await (await app.LoginAsync("skoleeier@fjordland.test")).GetAsync($"/Programmes/StartUp/Documents/{ungdom}"), "another owner's documents");
    }

    [Fact]
    public async Task The_signs_of_good_practice_are_textareas_that_keep_input_on_error()
    {
        var programme = await ProgrammeAsync("Sentrum skole");
        var principal = await app.LoginAsync(Principal);
        var url = $"/Programmes/FuturePicture/Edit/{programme}";
        var form = await principal.GetStringAsync(url);
        Assert.Matches("<textarea class=\"ds-input sign-text\" rows=\"2\" id=\"Input_Signs_0__Text\" name=\"Input.Signs\\[0\\].Text\"", form);
        Assert.DoesNotContain("type=\"text\" id=\"Input_Signs_0__Text\"", form);
        var version = Regex.Match(form, "name=\"Input.ExpectedVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var tooLong = "Elevene leser med forståelse i alle fag, " + new string('x', 500);
        var response = await principal.PostFormAsync(url, new()
        {
            ["Input.ExpectedVersion"] = version, ["Input.DevelopmentArea"] = "Lesing i alle fag", ["Input.Text"] = "Om tre år leser elevene med glede.",
            ["Input.Signs[0].Key"] = "", ["Input.Signs[0].Text"] = tooLong,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Tegn 1 kan ha høyst 500 tegn.", html);
        Assert.Contains(tooLong + "</textarea>", html);
        var css = await app.Client().GetStringAsync("/css/site.css");
        Assert.Contains(".sign-row textarea.ds-input { field-sizing: content;", css);
    }

    [Fact]
    public async Task UH_is_written_in_capitals_in_every_language_and_sentence()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Stillas.slnx"))) root = Path.GetDirectoryName(root)!;
        var bad = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.texts.json", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select(l => (f, l)))
            .Where(x => Regex.IsMatch(x.l, @"\b[Uu]h\b") && !x.l.Contains("uh@", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.f)}: {x.l.Trim()}").ToList();
        Assert.Empty(bad);

        var advisor = await app.LoginAsync(Advisor);
        var details = Decode(await advisor.GetStringAsync($"/Programmes/Details/{await ProgrammeAsync("Sentrum skole")}"));
        Assert.Contains("veileder fra UH", details);
        Assert.DoesNotContain("veileder fra uh", details);
        Assert.Equal("veileder fra UH", Stillas.Web.Platform.Text.L.InSentence("Veileder fra UH"));
        Assert.Equal("SKUT-medlem", Stillas.Web.Platform.Text.L.InSentence("SKUT-medlem"));
    }

    [Fact]
    public async Task The_people_list_never_says_no_roles_for_roles_the_viewer_cannot_see()
    {
        var guide = await app.LoginAsync(Guide);
        var html = Decode(await guide.GetStringAsync("/People"));
        Assert.Contains("Ola Veileder", html);
        Assert.DoesNotContain(">Ingen roller<", html);
        // People whose roles the access filter hides from a guide (the bug said "Ingen roller" for them).
        Assert.Contains(">Ingen roller du kan se.<", html);
        var admin = await app.LoginAsync("admin@stillas.test");
        var all = Decode(await admin.GetStringAsync("/People?q=Rektorsen"));
        Assert.Contains("Rektor, Sentrum skole", all);
    }

    [Fact]
    public async Task The_audit_log_names_the_school_the_file_and_the_status_in_Norwegian()
    {
        var programme = await ProgrammeAsync("Sentrum skole");
        await app.WithDbAsync(async db =>
        {
            var a = await db.InterimWorkAgreements.Where(a => a.ProgrammeId == programme && a.Status == InterimWorkStatus.Sent).OrderBy(a => a.Id).FirstAsync();
            a.Status = InterimWorkStatus.Superseded;
            await db.SaveChangesAsync();
        });
        var admin = await app.LoginAsync(OwnerAdmin);
        var html = await admin.GetStringAsync("/Audit?entityType=InterimWorkAgreement");
        var text = Html.Text(html);
        Assert.Contains("Sendt", text);
        Assert.Contains("Erstattet", text);
        Assert.DoesNotContain("Superseded", text);
        Assert.Contains($"<a class=\"ds-link\" href=\"/Programmes/Details/{programme}\">Sentrum skole</a>", Decode(html));

        var files = Decode(await admin.GetStringAsync("/Audit?entityType=StoredFile"));
        Assert.Contains("klasser-og-personal.csv", files);
        Assert.DoesNotContain("StoredFile", Html.Text(files));
        Assert.DoesNotContain("StoragePath", Html.Text(files));
        Assert.Contains("Sentrum skole", files);

        Refused.Assert(await (await app.LoginAsync(Principal)).GetAsync("/Audit"), "the audit log for a principal");
        // Another owner's administrator sees none of Nordvik's entries.
        var other = Decode(await (await app.LoginAsync("skoleeier@fjordland.test")).GetStringAsync("/Audit?entityType=InterimWorkAgreement"));
        Assert.DoesNotContain("Sentrum skole", other);
    }
}
