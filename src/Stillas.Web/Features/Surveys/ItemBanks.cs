using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sylvan.Data.Csv;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>One statement of a bank: its block (an area), code, text, scale, the groups that answer it (empty: all), and whether its block is mandatory.</summary>
public sealed record BankItem(string Block, string Code, string Text, ItemScale Scale, string Roles, bool Mandatory);

/// <summary>
/// Item banks (part 13): reading a bank from CSV (Sylvan.Data.Csv; semicolon or comma; columns block, code, text,
/// scale, roles, mandatory) or JSON (an array of the same fields), the rules a bank must keep, and Stillas' own
/// default banks, written for Stillas (not Udir's statement texts).
/// </summary>
public static class ItemBanks
{
    public const int MaxItems = 300;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string ToJson(IReadOnlyList<BankItem> items) => JsonSerializer.Serialize(items, Json);
    public static List<BankItem> FromJson(string json) => JsonSerializer.Deserialize<List<BankItem>>(json, Json) ?? [];

    /// <summary>A scale's name as a file or form gives it ("trafikklys", "likert5", "likert6", "tekst", or the English names).</summary>
    public static ItemScale? ParseScale(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "trafikklys" or "trafficlight" or "traffic-light" => ItemScale.TrafficLight,
        "likert5" or "likert-5" => ItemScale.Likert5,
        "likert6" or "likert-6" => ItemScale.Likert6,
        "tekst" or "fritekst" or "text" => ItemScale.Text,
        _ => null,
    };

    public static string ScaleKey(ItemScale s) => s switch
    {
        ItemScale.TrafficLight => "trafikklys",
        ItemScale.Likert5 => "likert5",
        ItemScale.Likert6 => "likert6",
        _ => "tekst",
    };

    private static bool? ParseBool(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "ja" or "j" or "true" or "1" or "yes" or "x" => true,
        "nei" or "n" or "false" or "0" or "no" or "" or null => false,
        _ => null,
    };

    private static string NormaliseRoles(string? roles) =>
        string.Join(',', (roles ?? "").Split([',', '|', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant()));

    /// <summary>Reads a CSV bank. Errors name the line; nothing is returned with an error.</summary>
    public static (List<BankItem> Items, List<string> Errors) ReadCsv(string text)
    {
        var items = new List<BankItem>();
        var errors = new List<string>();
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Contains(';') ? ';' : ',';
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = true });
        var columns = new[] { "block", "code", "text", "scale", "roles", "mandatory" };
        var index = new Dictionary<string, int>();
        for (var i = 0; i < reader.FieldCount; i++) index[reader.GetName(i).Trim().ToLowerInvariant()] = i;
        // Norwegian headers are accepted too.
        string[][] aliases = [["block", "blokk", "område"], ["code", "kode"], ["text", "tekst", "påstand"], ["scale", "skala"], ["roles", "roller", "grupper"], ["mandatory", "obligatorisk"]];
        var at = new int[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            at[c] = aliases[c].Select(a => index.TryGetValue(a, out var i) ? i : -1).FirstOrDefault(i => i >= 0, -1);
            if (at[c] < 0 && c != 4) errors.Add(L.T("Kolonnen «{0}» mangler. Første linje må være: block;code;text;scale;roles;mandatory", columns[c]));
        }
        if (errors.Count > 0) return ([], errors);
        var line = 1;
        while (reader.Read())
        {
            line++;
            string Field(int c) => at[c] >= 0 && at[c] < reader.RowFieldCount ? reader.GetString(at[c]).Trim() : "";
            if (Enumerable.Range(0, columns.Length).All(c => Field(c).Length == 0)) continue;
            var scale = ParseScale(Field(3));
            var mandatory = ParseBool(Field(5));
            if (scale is null) errors.Add(L.T("Linje {0}: ukjent skala «{1}». Bruk trafikklys, likert5, likert6 eller tekst.", line, Field(3)));
            if (mandatory is null) errors.Add(L.T("Linje {0}: skriv ja eller nei i kolonnen mandatory.", line));
            if (scale is not null && mandatory is not null)
                items.Add(new BankItem(Field(0), Field(1), Field(2), scale.Value, NormaliseRoles(Field(4)), mandatory.Value));
            if (items.Count > MaxItems) { errors.Add(L.T("En bank kan ha høyst {0} påstander.", MaxItems)); break; }
        }
        return errors.Count > 0 ? ([], errors) : (items, Check(items));
    }

    private sealed record JsonItem(string? Block, string? Code, string? Text, string? Scale, JsonElement? Roles, JsonElement? Mandatory);

    /// <summary>Reads a JSON bank: an array of {block, code, text, scale, roles, mandatory}.</summary>
    public static (List<BankItem> Items, List<string> Errors) ReadJson(string text)
    {
        List<JsonItem>? raw;
        try { raw = JsonSerializer.Deserialize<List<JsonItem>>(text.TrimStart('\uFEFF'), new JsonSerializerOptions(JsonSerializerDefaults.Web)); }
        catch (JsonException) { return ([], [L.T("Filen er ikke gyldig JSON: den må være en liste med block, code, text, scale, roles og mandatory.")]); }
        var items = new List<BankItem>();
        var errors = new List<string>();
        var n = 0;
        foreach (var r in raw ?? [])
        {
            n++;
            var scale = ParseScale(r.Scale);
            if (scale is null) { errors.Add(L.T("Påstand {0}: ukjent skala «{1}». Bruk trafikklys, likert5, likert6 eller tekst.", n, r.Scale)); continue; }
            var roles = r.Roles is { ValueKind: JsonValueKind.Array } a ? string.Join(',', a.EnumerateArray().Select(e => e.ToString())) : r.Roles?.ToString();
            bool? mandatory = r.Mandatory switch
            {
                { ValueKind: JsonValueKind.True } => true,
                { ValueKind: JsonValueKind.False } or null => false,
                { ValueKind: JsonValueKind.String } s => ParseBool(s.GetString()),
                _ => null,
            };
            if (mandatory is null) { errors.Add(L.T("Påstand {0}: mandatory må være true eller false.", n)); continue; }
            items.Add(new BankItem(r.Block?.Trim() ?? "", r.Code?.Trim() ?? "", r.Text?.Trim() ?? "", scale.Value, NormaliseRoles(roles), mandatory.Value));
            if (items.Count > MaxItems) { errors.Add(L.T("En bank kan ha høyst {0} påstander.", MaxItems)); break; }
        }
        return errors.Count > 0 ? ([], errors) : (items, Check(items));
    }

    /// <summary>The rules of a bank, in Norwegian: codes unique, texts present and short, groups known, a block mandatory or not throughout, at least one mandatory block.</summary>
    public static List<string> Check(IReadOnlyList<BankItem> items)
    {
        var errors = new List<string>();
        if (items.Count == 0) { errors.Add(L.T("Banken har ingen påstander.")); return errors; }
        foreach (var dup in items.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(L.T("Koden «{0}» er brukt {1} ganger. Hver påstand må ha sin egen kode.", dup.Key, dup.Count()));
        foreach (var (item, n) in items.Select((i, n) => (i, n + 1)))
        {
            if (item.Code.Length is 0 or > 30) errors.Add(L.T("Påstand {0}: skriv en kode på høyst 30 tegn.", n));
            if (item.Text.Length is 0 or > 500) errors.Add(L.T("Påstand {0}: skriv en tekst på høyst 500 tegn.", n));
            if (item.Block.Length is 0 or > 100) errors.Add(L.T("Påstand {0}: skriv en blokk på høyst 100 tegn.", n));
            foreach (var role in SurveyGroups.Split(item.Roles).Where(r => !SurveyGroups.Known.Contains(r)))
                errors.Add(L.T("Påstand {0}: ukjent gruppe «{1}». Bruk {2}.", n, role, string.Join(", ", SurveyGroups.Known.Skip(1))));
        }
        foreach (var block in items.GroupBy(i => i.Block).Where(g => g.Select(i => i.Mandatory).Distinct().Count() > 1))
            errors.Add(L.T("Blokken «{0}» er obligatorisk for noen påstander og ikke for andre. En blokk er obligatorisk eller valgfri i sin helhet.", block.Key));
        if (!items.Any(i => i.Mandatory)) errors.Add(L.T("Banken har ingen obligatorisk blokk. Minst én blokk må være obligatorisk (mandatory = ja)."));
        return errors;
    }

    /// <summary>A bank as CSV (semicolon, UTF-8), for download and as an example to import.</summary>
    public static string ToCsv(IEnumerable<BankItem> items)
    {
        static string Q(string s) => s.Contains(';') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        var sb = new StringBuilder("block;code;text;scale;roles;mandatory\n");
        foreach (var i in items) sb.Append(Q(i.Block)).Append(';').Append(Q(i.Code)).Append(';').Append(Q(i.Text)).Append(';').Append(ScaleKey(i.Scale)).Append(';').Append(i.Roles).Append(';').Append(i.Mandatory ? "ja" : "nei").Append('\n');
        return sb.ToString();
    }

    /// <summary>Stillas' own default banks: written for Stillas, offered to every owner beside its own banks.</summary>
    public static readonly IReadOnlyList<DefaultBank> Defaults = [DefaultBanks.SelfAssessment, DefaultBanks.Staff, DefaultBanks.OwnerGroups];

    public static DefaultBank? DefaultFor(SurveyKind kind) => Defaults.FirstOrDefault(d => d.Kind == kind);
}

public sealed record DefaultBank(SurveyKind Kind, string Name, IReadOnlyList<BankItem> Items)
{
    public const string Author = "Stillas";
    public const string Licence = "CC BY 4.0";
}

/// <summary>The default banks' statements, written for Stillas (author Stillas, licence CC BY 4.0). Udir's texts are not copied.</summary>
public static class DefaultBanks
{
    private const string Core = "Kjerne";
    private static BankItem S(string block, string code, string text, ItemScale scale = ItemScale.TrafficLight, string roles = "", bool mandatory = false) =>
        new(block, code, text, scale, roles, mandatory);

    /// <summary>Ståstedsanalysen: a mandatory core of 10 on the traffic light, two optional blocks of 6 on a five-point scale.</summary>
    public static readonly DefaultBank SelfAssessment = new(SurveyKind.SelfAssessment, "Stillas: ståstedsanalyse",
    [
        S(Core, "K01", "Vi har en felles forståelse av hva god undervisning er ved vår skole.", mandatory: true),
        S(Core, "K02", "Vi bruker det vi vet om elevenes læring når vi planlegger undervisningen.", mandatory: true),
        S(Core, "K03", "Elevene opplever at de blir sett og tatt på alvor av de voksne.", mandatory: true),
        S(Core, "K04", "Vi følger opp elever som strever, tidlig og systematisk.", mandatory: true),
        S(Core, "K05", "Lærerne deler opplegg og erfaringer med hverandre i det daglige.", mandatory: true),
        S(Core, "K06", "Skoleledelsen gir retning og følger opp det vi har blitt enige om.", mandatory: true),
        S(Core, "K07", "Utviklingsarbeidet vårt henger sammen med det vi ser i resultatene.", mandatory: true),
        S(Core, "K08", "Vi har tid og faste møtepunkter til å lære sammen.", mandatory: true),
        S(Core, "K09", "Foreldrene vet hva skolen arbeider med, og hvordan de kan støtte barna.", mandatory: true),
        S(Core, "K10", "Elevrådet har reell innflytelse på saker som angår elevene.", mandatory: true),
        S("Læringsmiljø", "L01", "Klasserommene preges av ro og arbeidsglede.", ItemScale.Likert5),
        S("Læringsmiljø", "L02", "Vi griper raskt inn når en elev blir holdt utenfor.", ItemScale.Likert5),
        S("Læringsmiljø", "L03", "Elevene vet hva som forventes av dem i timene.", ItemScale.Likert5),
        S("Læringsmiljø", "L04", "Friminuttene er trygge for alle elever.", ItemScale.Likert5),
        S("Læringsmiljø", "L05", "De voksne reagerer likt på de samme hendelsene.", ItemScale.Likert5),
        S("Læringsmiljø", "L06", "Elevene får være med på å lage reglene for klassen.", ItemScale.Likert5),
        S("Vurdering", "V01", "Elevene får tilbakemeldinger de kan bruke til å bli bedre.", ItemScale.Likert5),
        S("Vurdering", "V02", "Elevene vurderer eget arbeid ut fra kjente kriterier.", ItemScale.Likert5),
        S("Vurdering", "V03", "Vi bruker prøveresultater til å justere undervisningen.", ItemScale.Likert5),
        S("Vurdering", "V04", "Vi vurderer elevarbeider sammen for å bli mer samstemte.", ItemScale.Likert5),
        S("Vurdering", "V05", "Foreldrene får god informasjon om elevenes faglige utvikling.", ItemScale.Likert5),
        S("Vurdering", "V06", "Elevene vet hvor de står faglig, og hva de skal jobbe med videre.", ItemScale.Likert5),
    ]);

    private const string Together = "Samarbeid og deling";
    private const string Leading = "Ledelse og retning";
    private const string Learning = "Læring i organisasjonen";

    /// <summary>Organisasjonsanalysen: 12 common statements in three areas, and 2 for each of leder, lærer and andre ansatte.</summary>
    public static readonly DefaultBank Staff = new(SurveyKind.Staff, "Stillas: organisasjonsanalyse",
    [
        S(Together, "O01", "Jeg får hjelp av kollegene mine når jeg står fast.", ItemScale.Likert5, mandatory: true),
        S(Together, "O02", "Vi snakker åpent om det som ikke fungerer.", ItemScale.Likert5, mandatory: true),
        S(Together, "O03", "Det er vanlig å observere hverandres arbeid og gi tilbakemelding.", ItemScale.Likert5, mandatory: true),
        S(Together, "O04", "Jeg vet hva kollegene mine arbeider med.", ItemScale.Likert5, mandatory: true),
        S(Leading, "O05", "Jeg vet hvilke mål skolen arbeider mot dette året.", ItemScale.Likert5, mandatory: true),
        S(Leading, "O06", "Ledelsen legger til rette for at vi kan gjøre jobben vår godt.", ItemScale.Likert5, mandatory: true),
        S(Leading, "O07", "Beslutninger blir forklart, og vi blir hørt før de tas.", ItemScale.Likert5, mandatory: true),
        S(Leading, "O08", "Det vi bestemmer, blir fulgt opp.", ItemScale.Likert5, mandatory: true),
        S(Learning, "O09", "Jeg lærer noe nytt i jobben min hver måned.", ItemScale.Likert5, mandatory: true),
        S(Learning, "O10", "Vi prøver ut nye måter å arbeide på og evaluerer dem.", ItemScale.Likert5, mandatory: true),
        S(Learning, "O11", "Erfaringer fra utviklingsarbeid blir tatt vare på og delt.", ItemScale.Likert5, mandatory: true),
        S(Learning, "O12", "Jeg har tid til å sette meg inn i ny kunnskap om faget mitt.", ItemScale.Likert5, mandatory: true),
        S("For ledere", "O13", "Jeg har tid til å lede det pedagogiske arbeidet, ikke bare drift.", ItemScale.Likert5, SurveyGroups.Leader),
        S("For ledere", "O14", "Lederteamet har en felles forståelse av hva vi skal prioritere.", ItemScale.Likert5, SurveyGroups.Leader),
        S("For lærere", "O15", "Teamet mitt planlegger undervisningen sammen.", ItemScale.Likert5, SurveyGroups.Teacher),
        S("For lærere", "O16", "Jeg får veiledning når jeg prøver noe nytt i klasserommet.", ItemScale.Likert5, SurveyGroups.Teacher),
        S("For andre ansatte", "O17", "Jeg blir tatt med i planleggingen av arbeidet rundt elevene.", ItemScale.Likert5, SurveyGroups.OtherStaff),
        S("For andre ansatte", "O18", "Jeg vet hvem jeg skal gå til når jeg er bekymret for en elev.", ItemScale.Likert5, SurveyGroups.OtherStaff),
    ]);

    private const string Goals = "Mål og forventninger";
    private const string FollowUp = "Oppfølging og dialog";
    private const string Resources = "Ressurser og kompetanse";

    /// <summary>Skoleeieranalysen: 12 statements answered by politicians and administration on the six-point scale.</summary>
    public static readonly DefaultBank OwnerGroups = new(SurveyKind.OwnerGroups, "Stillas: skoleeieranalyse",
    [
        S(Goals, "E01", "Kommunen har klare mål for hva elevene skal lære og oppleve i skolen.", ItemScale.Likert6, mandatory: true),
        S(Goals, "E02", "Skolene kjenner skoleeierens forventninger til dem.", ItemScale.Likert6, mandatory: true),
        S(Goals, "E03", "Målene for skolen bygger på kunnskap om elevenes resultater og læringsmiljø.", ItemScale.Likert6, mandatory: true),
        S(Goals, "E04", "Politikere og administrasjon har en felles forståelse av skolens viktigste utfordringer.", ItemScale.Likert6, mandatory: true),
        S(FollowUp, "E05", "Skoleeier følger opp skolenes resultater i jevnlige samtaler med rektorene.", ItemScale.Likert6, mandatory: true),
        S(FollowUp, "E06", "Kommunestyret får informasjon om læringsmiljø, resultater og gjennomføring som det kan bruke.", ItemScale.Likert6, mandatory: true),
        S(FollowUp, "E07", "Skoleeier reagerer når en skole over tid har svake resultater.", ItemScale.Likert6, mandatory: true),
        S(FollowUp, "E08", "Rektorene blir tatt med når skoleeier planlegger utviklingsarbeid.", ItemScale.Likert6, mandatory: true),
        S(Resources, "E09", "Skolene har ressurser som står i forhold til oppgavene de har fått.", ItemScale.Likert6, mandatory: true),
        S(Resources, "E10", "Skoleeier har en plan for kompetanseutvikling for lærere og ledere.", ItemScale.Likert6, mandatory: true),
        S(Resources, "E11", "Administrasjonen har nok skolefaglig kompetanse til å følge opp skolene.", ItemScale.Likert6, mandatory: true),
        S(Resources, "E12", "Skoleeier bruker veiledning og nettverk til å støtte skolene.", ItemScale.Likert6, mandatory: true),
    ]);
}

/// <summary>Saving a bank: a new bank with version 1, or a new version of an existing one when its items changed.</summary>
public static class ItemBankStore
{
    /// <summary>Adds the bank (when new) and a version with <paramref name="items"/>; returns false when the items equal the newest version's (nothing saved).</summary>
    public static async Task<bool> SaveAsync(Platform.Data.StillasDb db, ItemBank bank, IReadOnlyList<BankItem> items, string actorName, DateTimeOffset now, CancellationToken ct)
    {
        var json = ItemBanks.ToJson(items);
        if (bank.Id != 0)
        {
            var latest = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Set<ItemBankVersion>().Where(v => v.BankId == bank.Id && v.Number == bank.LatestNumber).Select(v => v.ItemsJson), ct);
            if (latest == json) return false;
        }
        else
        {
            bank.CreatedAt = now;
            db.Add(bank);
        }
        bank.LatestNumber++;
        bank.RightsConfirmedBy = actorName;
        bank.RightsConfirmedAt = now;
        db.Add(new ItemBankVersion { Bank = bank, OwnerId = bank.OwnerId, Number = bank.LatestNumber, ItemsJson = json, CreatedByName = actorName, CreatedAt = now });
        return true;
    }
}
