using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Stillas.BrowserTests.Support;
using Stillas.Web.Platform.Data.Seed;
using Xunit.Abstractions;

namespace Stillas.BrowserTests;

/// <summary>The app with <c>Text:Pseudo=true</c>: every catalog text comes wrapped in ⟦ ⟧, a key the catalog lacks in ⟦! !⟧.</summary>
public sealed class PseudoSite : StillasSite
{
    protected override IEnumerable<string> ExtraArguments => ["--Text:Pseudo=true"];
}

[CollectionDefinition(Name)]
public sealed class PseudoCollection : ICollectionFixture<PseudoSite>
{
    public const string Name = "Pseudo";
}

/// <summary>
/// Text that bypassed the localizer: every demo role walks the pseudo-localised site by its links and each page's
/// visible text (and the attributes people hear or read: title, aria-label, placeholder, alt) must be inside ⟦ ⟧,
/// or be data — a value stored in the database (names, notes, titles typed by people), a number, date or time.
/// Elements with a <c>lang</c> attribute (the language switcher's own names) or <c>translate="no"</c> are not text
/// of the page's language.
/// </summary>
[Collection(PseudoCollection.Name)]
public sealed partial class PseudoLocalisationTests(PseudoSite site, ITestOutputHelper output)
{
    public static TheoryData<string> Roles()
    {
        var roles = new TheoryData<string>();
        foreach (var (email, _) in DemoData.Logins) roles.Add(email);
        return roles;
    }

    private const int MaxPages = 90;

    /// <summary>Text nodes and attributes outside ⟦ ⟧ (nesting counted in document order), and ⟦! !⟧ misses.</summary>
    private const string Unwrapped = """
        () => {
          const out = [];
          const skip = el => !el || el.closest('script,style,noscript,template,[translate="no"],body [lang]');
          let depth = 0;
          const take = (text, where) => {
            let seg = '';
            for (const ch of text) {
              if (ch === '⟦') { if (depth === 0 && seg.trim()) out.push(where + seg); seg = ''; depth++; }
              else if (ch === '⟧') { depth = Math.max(0, depth - 1); }
              else if (depth === 0) seg += ch;
            }
            if (seg.trim()) out.push(where + seg);
          };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const n = walker.currentNode;
            if (skip(n.parentElement)) continue;
            take(n.nodeValue, '');
          }
          for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt],input[type=submit][value],input[type=button][value]')) {
            if (skip(el)) continue;
            for (const a of ['title', 'aria-label', 'placeholder', 'alt']) if (el.hasAttribute(a)) { depth = 0; take(el.getAttribute(a), '@' + a + ': '); }
            if (el.matches('input[type=submit],input[type=button]')) { depth = 0; take(el.value, '@value: '); }
          }
          depth = 0; take(document.title.replace(/ – Stillas$/, ''), '@title: ');
          const misses = [...document.documentElement.outerHTML.matchAll(/⟦!([^⟧]*)!⟧/g)].map(m => m[1]);
          return { Out: out, Misses: misses };
        }
        """;

    private sealed class Found
    {
        public string[] Out { get; set; } = [];
        public string[] Misses { get; set; } = [];
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_text_a_role_sees_went_through_the_localizer(string email)
    {
        var data = Data(site.DatabasePath);
        await using var visit = await site.OpenAsync(Visit.Desktop);
        await LoginAsync(visit.Page, email);

        var origin = new Uri(site.BaseUrl);
        var queue = new Queue<string>(["/", "/Account/Profile", "/Account/Language"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var patterns = new HashSet<string>(queue.Select(Crawl.Pattern), StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var url = queue.Dequeue();
            IResponse? response;
            try { response = await visit.Page.GotoAsync(url); }
            catch (PlaywrightException ex) when (ex.Message.Contains("Download is starting", StringComparison.Ordinal)) { continue; }
            if (response is null || !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal)) continue;
            visited++;
            var found = await visit.Page.EvaluateAsync<Found>(Unwrapped);
            foreach (var miss in found.Misses.Distinct()) problems.Add($"{url}: no catalog entry for «{miss}»");
            foreach (var text in found.Out.Select(Normalise).Where(t => t.Length > 0).Distinct())
                if (!IsData(text, data)) problems.Add($"{url}: «{text}»");
            foreach (var href in await visit.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('download')).map(a => a.href)"))
                if (Crawl.Normalise(href, origin) is { } next && seen.Add(next) && patterns.Add(Crawl.Pattern(next))) queue.Enqueue(next);
        }

        output.WriteLine($"{email}: {visited} pages, {problems.Count} texts outside the localizer");
        var distinct = problems.Distinct().ToList();
        Assert.True(visited >= 5, $"{email} reached only {visited} pages.");
        Assert.True(distinct.Count == 0, $"{distinct.Count} text(s) bypassed the localizer for {email}:\n" + string.Join('\n', distinct.Take(150)));
    }

    /// <summary>Positive control: a text put on a page without the localizer is found, one from the catalog is not.</summary>
    [Fact]
    public async Task The_crawl_finds_a_text_that_bypassed_the_localizer()
    {
        await using var visit = await site.OpenAsync(Visit.Desktop);
        await visit.Page.GotoAsync("/Account/Login");
        var before = await visit.Page.EvaluateAsync<Found>(Unwrapped);
        Assert.DoesNotContain(before.Out.Select(Normalise), t => t.Contains("Logg inn", StringComparison.Ordinal));
        Assert.Contains("⟦", await visit.Page.TitleAsync(), StringComparison.Ordinal);

        await visit.Page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<p>Ikke oversatt tekst</p><button aria-label=\"Lukk vinduet\">x</button>')");
        var after = await visit.Page.EvaluateAsync<Found>(Unwrapped);
        var data = Data(site.DatabasePath);
        var flagged = after.Out.Select(Normalise).Where(t => t.Length > 0 && !IsData(t, data)).ToList();
        Assert.Contains("Ikke oversatt tekst", flagged);
        Assert.Contains("@aria-label: Lukk vinduet", flagged);
    }

    private static async Task LoginAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(DemoData.Password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await Assertions.Expect(page.Locator("form[action='/Account/Logout']")).ToBeVisibleAsync();
    }

    private static string Normalise(string s) => WhiteSpace().Replace(s, " ").Trim();

    /// <summary>
    /// Names that are the same in every language: the product, file formats, and the languages' own names (the
    /// switcher and a person's language name each language in itself, as is the convention).
    /// </summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(["Stillas", "PDF", "Bokmål", "Nynorsk", "English"], StringComparer.Ordinal);

    /// <summary>Whether a text outside the markers is data: only numbers and signs, a date or time, or part of a stored value.</summary>
    private static bool IsData(string text, string corpus)
    {
        var bare = text.StartsWith('@') ? text[(text.IndexOf(": ", StringComparison.Ordinal) + 2)..] : text;
        if (!Letters().IsMatch(bare)) return true;
        // Pieces between separators: "Per Rektorsen · Sentrum skole (Rektor)" is three values from the database,
        // "1. Elevene bruker …" a numbered line of a stored text, ". Skolen reviderer …" the rest of one after a link.
        foreach (var raw in Separators().Split(bare))
        {
            var piece = Numbering().Replace(raw.Trim(), "").Trim(' ', '.', ',', ';', ':', '–', '-', '·', '|', '?', '!');
            if (!Letters().IsMatch(piece) || SameInEveryLanguage.Contains(piece)) continue;
            if (!corpus.Contains(piece.ToLowerInvariant(), StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>
    /// Every text value stored in the database, lower-cased, white space collapsed as the page shows it, and joined:
    /// what people typed or the seed wrote. JSON columns (lists of measures, report sections, audit values) are
    /// read as their string values, which the serializer stores escaped ("\u00F8").
    /// </summary>
    private static string Data(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=false");
        connection.Open();
        var tables = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        var sb = new System.Text.StringBuilder();
        void Add(string value) => sb.Append(WhiteSpace().Replace(value, " ").Trim().ToLowerInvariant()).Append('\u0001');
        void AddJson(System.Text.Json.JsonElement e)
        {
            switch (e.ValueKind)
            {
                case System.Text.Json.JsonValueKind.String: Add(e.GetString()!); break;
                case System.Text.Json.JsonValueKind.Array: foreach (var x in e.EnumerateArray()) AddJson(x); break;
                case System.Text.Json.JsonValueKind.Object: foreach (var x in e.EnumerateObject()) AddJson(x.Value); break;
            }
        }
        foreach (var table in tables)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                for (var i = 0; i < r.FieldCount; i++)
                {
                    if (r.GetFieldType(i) != typeof(string) || r.IsDBNull(i)) continue;
                    var value = r.GetString(i);
                    Add(value);
                    // Lines of a multi-line text are shown one by one (lists, the audit log's " | ").
                    foreach (var line in value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Add(line);
                    if (value.Length > 1 && value[0] is '{' or '[')
                    {
                        try
                        {
                            using var json = System.Text.Json.JsonDocument.Parse(value);
                            AddJson(json.RootElement);
                        }
                        catch (System.Text.Json.JsonException) { }
                    }
                }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();

    [GeneratedRegex(@"(?:^|\s)[·–—|/](?:\s|$)|[,:;()«»""]|\s-\s")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\d+\.\s+")]
    private static partial Regex Numbering();
}
