using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Audit;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;

namespace Stillas.Tests.Audit;

/// <summary>
/// The audit log names every entity and field with a label of the catalog, in bokmål, nynorsk and English:
/// never a property name split into words ("Next session date").
/// </summary>
public abstract class AuditLanguageTests(StillasApp app)
{
    [Fact]
    public async Task Every_audited_field_has_a_label_of_its_own()
    {
        var model = await app.WithDbAsync(db => Task.FromResult(db.Model));
        var missing = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => AuditPolicy.IsAudited(e.ClrType)))
            foreach (var p in entity.GetProperties())
            {
                if (entity.ClrType.GetProperty(p.Name)?.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
                if (!AuditFormat.HasLabel(p.Name)) missing.Add($"{entity.ClrType.Name}.{p.Name} (shown as «{AuditFormat.FieldName(entity.ClrType.Name, p.Name)}»)");
            }
        Assert.True(missing.Count == 0, $"{missing.Count} audited fields without a label in AuditFormat:\n" + string.Join('\n', missing));
        Assert.Contains(model.GetEntityTypes(), e => AuditPolicy.IsAudited(e.ClrType) && e.ClrType.Name == "InterimWorkAgreement");
    }

    [Fact]
    public void Every_label_entity_name_and_action_is_in_the_catalog()
    {
        var catalog = TextCatalog.Shared;
        var missing = AuditFormat.Labels.Concat(AuditPolicy.Names.Values).Where(k => !catalog.Contains(k)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Not in the catalog: " + string.Join(", ", missing));
        using (Languages.Use("en"))
            Assert.Equal(["Created", "Changed", "Deleted", "Read"], Enum.GetValues<AuditAction>().Select(AuditEntry.ActionName));
    }

    [Theory]
    [InlineData("nb", "Dato for neste veiledning", "Avtale om mellomarbeid", "Endret", "ja")]
    [InlineData("nn", "Dato for neste rettleiing", "Avtale om mellomarbeid", "Endra", "ja")]
    [InlineData("en", "Date of the next guidance session", "Interim-work agreement", "Changed", "yes")]
    public void Field_and_entity_names_read_in_the_readers_language(string language, string field, string entity, string action, string yes)
    {
        using (Languages.Use(language))
        {
            Assert.Equal(field, AuditFormat.FieldName("InterimWorkAgreement", "NextSessionDate"));
            Assert.Equal(entity, AuditEntry.EntityName("InterimWorkAgreement"));
            Assert.Equal(action, AuditEntry.ActionName(AuditAction.Updated));
            Assert.Equal(yes, AuditFormat.Value("School", "Active", "True"));
        }
    }

    [Fact]
    public void Hand_written_entries_read_in_the_readers_language()
    {
        using (Languages.Use("en"))
        {
            Assert.Equal("Login sessions", AuditFormat.FieldName("Person", "Innloggingsøkter"));
            Assert.Equal("2 active", AuditFormat.Value("Person", "Innloggingsøkter", "2 aktive"));
            Assert.Equal("ended by an administrator", AuditFormat.Value("Person", "Innloggingsøkter", "avsluttet av administrator"));
            Assert.Equal("E-mail", AuditEntry.EntityName("E-post"));
            Assert.Equal("not delivered", AuditFormat.Value("E-post", "Status", "ikke levert"));
            Assert.Equal("(hidden)", AuditFormat.Value("SessionNote", "Text", AuditPolicy.RedactedValue));
        }
    }

    [Fact]
    public async Task The_log_page_shows_translated_field_names_in_English_and_nynorsk()
    {
        var client = await app.LoginAsync("skoleeier@nordvik.test");
        var school = await app.WithDbAsync(db => db.Schools.AsNoTracking().SingleAsync(s => s.Name == "Fjellheim skole"));
        var rename = await client.PostFormAsync($"/Schools/Edit/{school.Id}", new()
        {
            ["Input.OwnerId"] = school.OwnerId.ToString(CultureInfo.InvariantCulture), ["Input.Name"] = "Fjellheim skole (språk)", ["Input.OrganisationNumber"] = school.OrganisationNumber,
            ["Input.Level"] = school.Level.ToString(), ["Input.FirstGrade"] = school.FirstGrade.ToString(CultureInfo.InvariantCulture),
            ["Input.LastGrade"] = school.LastGrade.ToString(CultureInfo.InvariantCulture), ["Input.Pupils"] = (school.Pupils + 1).ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);

        async Task<string> FirstRowAsync(string language)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/Audit?entityType=School");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            var body = html.IndexOf("<tbody>", StringComparison.Ordinal);
            Assert.True(body > 0, html);
            return Html.Text(html[body..html.IndexOf("</tr>", body, StringComparison.Ordinal)]);
        }

        var english = await FirstRowAsync("en-GB");
        Assert.Contains("Changed", english);
        Assert.Contains($"School {school.Id}", english);
        Assert.Contains("Name:", english);
        Assert.Contains("Pupils:", english);
        Assert.Contains("Fjellheim skole (språk)", english);
        Assert.DoesNotContain("Navn:", english);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", english);

        var nynorsk = await FirstRowAsync("nn-NO");
        Assert.Contains("Endra", nynorsk);
        Assert.Contains($"Skule {school.Id}", nynorsk);
        Assert.Contains("Namn:", nynorsk);
        Assert.Contains("Elevar:", nynorsk);

        var bokmal = await FirstRowAsync("nb-NO");
        Assert.Contains("Endret", bokmal);
        Assert.Contains("Navn:", bokmal);
        Assert.Contains("Elever:", bokmal);
    }
}

public sealed class AuditLanguageOnSqlite(StillasApp app) : AuditLanguageTests(app), IClassFixture<StillasApp>;

public sealed class AuditLanguageOnPostgres(PostgresApp app) : AuditLanguageTests(app), IClassFixture<PostgresApp>;
