using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;

namespace Stillas.Tests.Programmes;

/// <summary>
/// Every part of a programme has the same way back: "Forløp" (the list) → the school's programme → the part,
/// each a link but the last, which alone is the current page (the start-up meeting and the documents had no
/// links and marked every crumb as current; the agreement and the future picture started from the schools).
/// </summary>
public sealed partial class BreadcrumbTests(StillasApp app) : IClassFixture<StillasApp>
{
    [GeneratedRegex("<nav class=\"ds-breadcrumbs\"[^>]*>(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex Breadcrumbs();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex Item();

    [Theory]
    [InlineData("/Programmes/StartUp/{0}", "Oppstartsmøte")]
    [InlineData("/Programmes/StartUp/Documents/{0}", "Dokumenter")]
    [InlineData("/Programmes/Agreement/Details/{0}", "Samarbeidsavtale")]
    [InlineData("/Programmes/FuturePicture/{0}", "Fremtidsbilde")]
    [InlineData("/Programmes/Assessment/Report/{0}", "Rapport")]
    [InlineData("/Programmes/Assessment/DayPlan/{0}", "Dagsplan")]
    [InlineData("/Programmes/Sessions/{0}", "Veiledninger")]
    [InlineData("/Programmes/Timeline/{0}", "Tidslinje")]
    public async Task A_programme_part_leads_back_through_the_list_and_the_programme(string url, string part)
    {
        var programme = await app.WithDbAsync(db => db.Programmes.Where(p => p.School!.Name == "Sentrum skole" && p.Steps.Any(s => s.Key == "fase4.session1"))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var advisor = await app.LoginAsync("veileder@nordvik.test");
        var response = await advisor.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, programme));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var nav = Breadcrumbs().Match(html);
        Assert.True(nav.Success, $"{url}: no breadcrumbs");
        var items = Item().Matches(nav.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        // Three, or four where the part lies inside another (assessment days → the report).
        Assert.InRange(items.Count, 3, 4);
        Assert.Contains("href=\"/Programmes\"", items[0]);
        Assert.Contains(">Forløp<", items[0]);
        Assert.Contains($"href=\"/Programmes/Details/{programme}\"", items[1]);
        Assert.Contains("Sentrum skole", items[1]);
        Assert.Contains("aria-current=\"page\"", items[^1]);
        Assert.Contains(part, items[^1]);
        Assert.All(items[..^1], i => Assert.Contains("href=\"/Programmes", i));
        Assert.Single(items, i => i.Contains("aria-current", StringComparison.Ordinal));
    }
}
