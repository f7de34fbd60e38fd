using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>The answer links' tokens: 32 random bytes (base64url) shown once in the mail or on the page; only the SHA-256 is stored.</summary>
public static class SurveyTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
    /// <summary>A token's plausible shape (43 base64url characters): anything else is a guess, answered without a database read.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    public static string Url(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/svar/{token}";
}

/// <summary>A survey's bank source on the create form: "default" (Stillas' own for the kind) or an owner bank's id.</summary>
public sealed record BankChoice(string Value, string Name, SurveyKind Kind);

/// <summary>
/// The survey engine: making a survey from a bank version, opening and closing it (a closed survey's counts are stored),
/// personal links and reminders through the outbox, and taking an anonymous answer.
/// </summary>
public static class SurveyEngine
{
    public const string DefaultBankValue = "default";

    /// <summary>The banks an owner may make a survey of: Stillas' defaults and the owner's own.</summary>
    public static async Task<List<BankChoice>> BankChoicesAsync(StillasDb db, int ownerId, CancellationToken ct)
    {
        var own = await db.Set<ItemBank>().AsNoTracking().Where(b => b.OwnerId == ownerId).OrderBy(b => b.Name)
            .Select(b => new { b.Id, b.Name, b.Kind, b.LatestNumber }).ToListAsync(ct);
        return [.. ItemBanks.Defaults.Select(d => new BankChoice(DefaultBankValue + ":" + (int)d.Kind, d.Name, d.Kind)),
            .. own.Select(b => new BankChoice(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{b.Name} (v{b.LatestNumber})", b.Kind))];
    }

    /// <summary>The items, name and version of a bank choice, or an error message.</summary>
    public static async Task<(IReadOnlyList<BankItem>? Items, string Name, int? BankId, int Number, string? Error)> ResolveBankAsync(StillasDb db, int ownerId, SurveyKind kind, string? choice, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(choice)) return (null, "", null, 0, L.T("Velg en spørsmålsbank."));
        if (choice.StartsWith(DefaultBankValue, StringComparison.Ordinal))
        {
            var d = ItemBanks.DefaultFor(kind);
            if (d is null || choice != DefaultBankValue + ":" + (int)kind) return (null, "", null, 0, L.T("Spørsmålsbanken passer ikke til denne typen undersøkelse."));
            return (d.Items, d.Name, null, 1, null);
        }
        if (!int.TryParse(choice, out var bankId)) return (null, "", null, 0, L.T("Velg en spørsmålsbank."));
        var bank = await db.Set<ItemBank>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bankId && b.OwnerId == ownerId, ct);
        if (bank is null) return (null, "", null, 0, L.T("Velg en spørsmålsbank."));
        if (bank.Kind != kind) return (null, "", null, 0, L.T("Spørsmålsbanken passer ikke til denne typen undersøkelse."));
        var json = await db.Set<ItemBankVersion>().AsNoTracking().Where(v => v.BankId == bank.Id && v.Number == bank.LatestNumber).Select(v => v.ItemsJson).SingleAsync(ct);
        return (ItemBanks.FromJson(json), bank.Name, bank.Id, bank.LatestNumber, null);
    }

    /// <summary>A new draft survey with the bank version's items copied in (the survey keeps them whatever happens to the bank).</summary>
    public static Survey Create(StillasDb db, int ownerId, int? schoolId, SurveyKind kind, string title, IReadOnlyList<BankItem> items, string bankName, int? bankId, int number, DateOnly? opens, DateOnly? closes, DateTimeOffset now)
    {
        var survey = new Survey
        {
            OwnerId = ownerId, SchoolId = schoolId, Kind = kind, Title = title.Trim(), BankName = bankName, BankId = bankId, BankVersionNumber = number,
            Groups = string.Join(',', SurveyGroups.For(kind)), OpensOn = opens, ClosesOn = closes, CreatedAt = now,
        };
        survey.Items.AddRange(items.Select((item, n) => new SurveyItem
        {
            OwnerId = ownerId, SchoolId = schoolId, Order = n + 1, Block = item.Block, Code = item.Code, Text = item.Text, Scale = item.Scale,
            Roles = item.Roles, Mandatory = item.Mandatory,
        }));
        db.Add(survey);
        return survey;
    }

    /// <summary>Opens a draft: answers are taken from now until it is closed; an open link is made for meetings.</summary>
    public static void Open(Survey survey, DateOnly today)
    {
        survey.Status = SurveyStatus.Open;
        survey.OpensOn ??= today;
        survey.OpenToken ??= SurveyTokens.New();
    }

    /// <summary>Closes an open survey and stores its counts (grouped in SQL) so its results are read from a few hundred rows.</summary>
    public static async Task CloseAsync(StillasDb db, Survey survey, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        survey.Status = SurveyStatus.Closed;
        survey.ClosedAt = now;
        if (survey.ClosesOn is null || survey.ClosesOn > today) survey.ClosesOn = today;
        survey.OpenToken = null;
        var counts = await SurveyResults.CountLiveAsync(db, survey, ct);
        db.AddRange(counts.Respondents.Select(r => new SurveyAggregate { SurveyId = survey.Id, OwnerId = survey.OwnerId, SchoolId = survey.SchoolId, Group = r.Key, Count = r.Value }));
        db.AddRange(counts.Values.Select(v => new SurveyAggregate { SurveyId = survey.Id, OwnerId = survey.OwnerId, SchoolId = survey.SchoolId, ItemId = v.ItemId, Group = v.Group, Value = v.Value, Count = v.Count }));
    }

    /// <summary>
    /// Personal links: one invitation per new address, its link in a mail through the outbox (idempotent per invitation).
    /// An address already invited to the survey is skipped. Returns how many were invited.
    /// </summary>
    public static async Task<int> InviteAsync(StillasDb db, Outbox outbox, Survey survey, IEnumerable<string> emails, string group, string baseUrl, DateTimeOffset now, CancellationToken ct)
    {
        var wanted = emails.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToList();
        var known = await db.Set<SurveyInvitation>().Where(i => i.SurveyId == survey.Id && i.Email != null).Select(i => i.Email!).ToListAsync(ct);
        var fresh = wanted.Except(known).ToList();
        var sent = new List<(SurveyInvitation Invitation, string Token)>();
        foreach (var email in fresh)
        {
            var token = SurveyTokens.New();
            var invitation = new SurveyInvitation
            {
                SurveyId = survey.Id, OwnerId = survey.OwnerId, SchoolId = survey.SchoolId, Kind = InvitationKind.Personal, TokenHash = SurveyTokens.Hash(token),
                Email = email, Group = group, CreatedAt = now,
            };
            db.Add(invitation);
            sent.Add((invitation, token));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (invitation, token) in sent)
            outbox.Enqueue(invitation.Email!, null, L.T("Svar på undersøkelsen «{0}»", survey.Title), InvitationText(survey, SurveyTokens.Url(baseUrl, token)),
                idempotencyKey: $"survey:{survey.Id}:invite:{invitation.Id}", ownerId: survey.OwnerId);
        await db.SaveChangesAsync(ct);
        return sent.Count;
    }

    /// <summary>
    /// A reminder to every invitation not yet answered: a new link (the old one stops working: only its hash was kept),
    /// through the outbox, once a day at most per invitation. Returns how many were reminded.
    /// </summary>
    public static async Task<int> RemindAsync(StillasDb db, Outbox outbox, Survey survey, string baseUrl, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var dayStart = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-2);
        var pending = await db.Set<SurveyInvitation>()
            .Where(i => i.SurveyId == survey.Id && i.Kind == InvitationKind.Personal && i.AnsweredOn == null && i.Email != null)
            .ToListAsync(ct);
        var reminded = 0;
        foreach (var invitation in pending.Where(i => i.RemindedAt is null || i.RemindedAt < dayStart))
        {
            var token = SurveyTokens.New();
            invitation.TokenHash = SurveyTokens.Hash(token);
            invitation.RemindedAt = now;
            outbox.Enqueue(invitation.Email!, null, L.T("Påminnelse: svar på undersøkelsen «{0}»", survey.Title), InvitationText(survey, SurveyTokens.Url(baseUrl, token)),
                idempotencyKey: $"survey:{survey.Id}:remind:{invitation.Id}:{today:yyyy-MM-dd}", ownerId: survey.OwnerId);
            reminded++;
        }
        await db.SaveChangesAsync(ct);
        return reminded;
    }

    private static string InvitationText(Survey survey, string url) =>
        L.T("Du er invitert til å svare på undersøkelsen «{0}». Svaret ditt lagres uten navnet ditt, og resultatene vises bare når minst så mange har svart at ingen kan kjennes igjen.\n\nSvar her: {1}\n\nLenken er personlig og virker én gang, så lenge undersøkelsen er åpen.", survey.Title, url);

    /// <summary>What the answer page knows of a link: the survey, the invitation (null for the open link), and why it does not work.</summary>
    public sealed record LinkLookup(Survey? Survey, SurveyInvitation? Invitation, bool Known);

    /// <summary>Finds a link by its token (the open link or a personal one). Call in the system's scope: the respondent is anonymous.</summary>
    public static async Task<LinkLookup> FindAsync(StillasDb db, string token, CancellationToken ct)
    {
        if (!SurveyTokens.LooksValid(token)) return new(null, null, false);
        var open = await db.Set<Survey>().Include(s => s.Items).SingleOrDefaultAsync(s => s.OpenToken == token, ct);
        if (open is not null) return new(open, null, true);
        var hash = SurveyTokens.Hash(token);
        var invitation = await db.Set<SurveyInvitation>().Include(i => i.Survey).ThenInclude(s => s!.Items).SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is null ? new(null, null, false) : new(invitation.Survey, invitation, true);
    }

    /// <summary>Whether the link may be answered now: the survey open (and within its dates), a personal link not used.</summary>
    public static bool Usable(LinkLookup link, DateOnly today) =>
        link.Survey is { Status: SurveyStatus.Open } s && (s.ClosesOn is null || s.ClosesOn >= today)
        && link.Invitation?.AnsweredOn is null;

    /// <summary>
    /// Checks and stores one answer sheet: every statement of a mandatory block answered, values on the item's scale, free
    /// text at most 2,000 characters. Stored without the person and with the day only; a personal link is marked used
    /// in the same save. Returns the errors by item id (empty: stored).
    /// </summary>
    public static List<(int ItemId, string Message)> Check(Survey survey, string group, IReadOnlyDictionary<int, int?> values, IReadOnlyDictionary<int, string?> texts)
    {
        var errors = new List<(int, string)>();
        foreach (var item in survey.Items.Where(i => i.For(group)))
        {
            if (item.Scale == ItemScale.Text)
            {
                if (texts.GetValueOrDefault(item.Id) is { Length: > SurveyAnswer.TextMax }) errors.Add((item.Id, L.T("Svaret kan ha høyst {0} tegn.", SurveyAnswer.TextMax)));
                continue;
            }
            var value = values.GetValueOrDefault(item.Id);
            if (value is int v && (v < 1 || v > SurveyScales.Max(item.Scale))) errors.Add((item.Id, L.T("Velg et av svarene.")));
            else if (value is null && item.Mandatory) errors.Add((item.Id, L.T("Svar på påstanden «{0}».", item.Text)));
        }
        return errors;
    }

    public static SurveyResponse Store(StillasDb db, Survey survey, SurveyInvitation? invitation, string group, IReadOnlyDictionary<int, int?> values, IReadOnlyDictionary<int, string?> texts, DateOnly today)
    {
        var response = new SurveyResponse { SurveyId = survey.Id, OwnerId = survey.OwnerId, SchoolId = survey.SchoolId, Group = group, AnsweredOn = today };
        db.Add(response);
        var answers = new List<SurveyAnswer>();
        foreach (var item in survey.Items.Where(i => i.For(group)))
        {
            var text = texts.GetValueOrDefault(item.Id)?.Trim();
            var value = values.GetValueOrDefault(item.Id);
            if (item.Scale == ItemScale.Text ? string.IsNullOrEmpty(text) : value is null) continue;
            answers.Add(new SurveyAnswer
            {
                SurveyId = survey.Id, OwnerId = survey.OwnerId, SchoolId = survey.SchoolId, ItemId = item.Id, Group = group,
                Value = item.Scale == ItemScale.Text ? null : value, Text = item.Scale == ItemScale.Text ? text : null,
            });
        }
        // Saved together: EF gives the answers the response's id.
        response.Answers.AddRange(answers);
        if (invitation is not null) invitation.AnsweredOn = today;
        return response;
    }
}
