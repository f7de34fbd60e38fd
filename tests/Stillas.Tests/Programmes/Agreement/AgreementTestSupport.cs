using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;
using Stillas.Web.Features.Models;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Data.Seed;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Tests.Programmes.Agreement;

/// <summary>Set-up and form handling the agreement tests share.</summary>
public static partial class AgreementTestSupport
{
    public static readonly DateOnly Start = new(2027, 3, 1);

    /// <summary>A fresh programme for Sentrum skole run by Veilederteam 1 on the built-in Tromsø model (no agreement yet).</summary>
    public static Task<int> NewSentrumProgrammeAsync(this StillasApp app) => app.WithDbAsync(async db =>
    {
        var nordvik = await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync();
        var sentrum = await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.Id).SingleAsync();
        var team = await db.Teams.Where(t => t.Name == "Veilederteam 1").Select(t => t.Id).SingleAsync();
        var model = ProgrammeTemplates.TromsoV1;
        var programme = new GuidanceProgramme
        {
            OwnerId = nordvik, SchoolId = sentrum, TeamId = team, SchoolYear = "2026/27",
            TemplateKey = model.Key, TemplateVersion = model.Version, TemplateName = model.Name, TemplateJson = ProgrammeModelJson.Write(model),
            StartDate = Start,
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    /// <summary>A login for a demo person who has none (Anne Lederstad: principal of Fjellheim skole and member of team 1).</summary>
    public static async Task EnsureLoginAsync(this StillasApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountEntity>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var personId = await db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
        var result = await users.CreateAsync(new AccountEntity { UserName = email, Email = email, EmailConfirmed = true, PersonId = personId }, DemoData.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public static Task<(GuidanceAgreement Agreement, List<AgreementVersion> Versions)> AgreementAsync(this StillasApp app, int programmeId) => app.WithDbAsync(async db =>
    {
        var a = await db.Agreements.AsNoTracking().SingleAsync(x => x.ProgrammeId == programmeId);
        var versions = await db.AgreementVersions.AsNoTracking().Include(v => v.Lines).Where(v => v.AgreementId == a.Id).OrderBy(v => v.Number).ToListAsync();
        return (a, versions);
    });

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex InputRx();
    [GeneratedRegex(@"<textarea\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaRx();
    [GeneratedRegex(@"([a-zA-Z-]+)(?:=""([^""]*)"")?")]
    private static partial Regex AttrRx();

    private static Dictionary<string, string> Attributes(string tag) =>
        AttrRx().Matches(tag).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    /// <summary>The fields a browser would send from the edit form as it is shown (checked boxes "true", others their hidden "false").</summary>
    public static Dictionary<string, string> FormFields(string html)
    {
        var form = html[html.IndexOf("<form method=\"post\" class=\"form form--wide\"", StringComparison.Ordinal)..];
        form = form[..(form.IndexOf("</form>", StringComparison.Ordinal) + 7)];
        var fields = new Dictionary<string, string>();
        foreach (Match m in InputRx().Matches(form))
        {
            var a = Attributes(m.Value);
            if (!a.TryGetValue("name", out var name) || name == "__RequestVerificationToken") continue;
            var type = a.GetValueOrDefault("type", "text");
            if (type == "checkbox")
            {
                if (a.ContainsKey("checked")) fields[name] = "true";
                continue;
            }
            fields.TryAdd(name, a.GetValueOrDefault("value", ""));
        }
        foreach (Match m in TextAreaRx().Matches(form))
        {
            var name = Attributes(m.Groups[1].Value)["name"];
            var text = WebUtility.HtmlDecode(m.Groups[2].Value);
            // Browsers drop the newline that follows <textarea>.
            if (text.StartsWith("\r\n", StringComparison.Ordinal)) text = text[2..];
            else if (text.StartsWith('\n')) text = text[1..];
            fields[name] = text;
        }
        return fields;
    }

    /// <summary>The index of the line (Input.Lines[i]) whose text is <paramref name="text"/>.</summary>
    public static int LineIndex(Dictionary<string, string> fields, string text) =>
        int.Parse(Regex.Match(fields.Single(f => f.Key.StartsWith("Input.Lines[", StringComparison.Ordinal) && f.Key.EndsWith("].Text", StringComparison.Ordinal) && f.Value == text).Key, @"\[(\d+)\]").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Opens the edit form, lets <paramref name="change"/> alter the fields, and posts them.</summary>
    public static async Task<HttpResponseMessage> EditAsync(this HttpClient client, int programmeId, Action<Dictionary<string, string>> change)
    {
        var url = $"/Programmes/Agreement/Edit/{programmeId}";
        var html = await client.GetStringAsync(url);
        var fields = FormFields(html);
        change(fields);
        return await client.PostFormAsync(url, fields);
    }

    /// <summary>Approves the newest version through the details page's button for <paramref name="side"/>.</summary>
    public static async Task<HttpResponseMessage> ApproveAsync(this HttpClient client, StillasApp app, int programmeId, string side)
    {
        var (_, versions) = await app.AgreementAsync(programmeId);
        var latest = versions[^1];
        return await client.PostFormAsync($"/Programmes/Agreement/Details/{programmeId}?handler=Approve",
            new() { ["side"] = side, ["number"] = Id(latest.Number), ["version"] = Id(latest.Version) }, $"/Programmes/Agreement/Details/{programmeId}");
    }

    public static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);
}
