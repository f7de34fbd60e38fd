namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>Fictional Norwegian-sounding names: places made of two common parts, people of common first and last names.</summary>
public static class Names
{
    public static readonly string[] PlacePrefixes =
    [
        "Nord", "Sør", "Aust", "Vest", "Fjell", "Fjord", "Elve", "Berg", "Strand", "Sand", "Dal", "Li", "Ås", "Haug", "Mo", "Vik",
        "Nes", "Øy", "Holm", "Bakke", "Furu", "Bjørk", "Lyng", "Stein", "Kvit", "Svart", "Rød", "Grøn", "Blå", "Lang", "Brei", "Høy",
        "Kalv", "Ørn", "Rav", "Hjort", "Ulv", "Bjørne", "Laks", "Sel", "Myr", "Tind", "Skog", "Eng", "Å", "Gran", "Ospe", "Hegg",
    ];

    public static readonly string[] PlaceSuffixes =
    [
        "vik", "dal", "nes", "fjord", "berg", "øy", "stad", "heim", "bygd", "sund", "vang", "land", "strand", "å", "li", "mo",
        "set", "eid", "haug", "vær", "ås", "bø", "rud", "voll",
    ];

    public static readonly string[] SchoolStems =
    [
        "Sentrum", "Solbakken", "Fjellheim", "Havnå", "Bjørkly", "Elvebakken", "Lyngstad", "Åsen", "Kvitberg", "Øyvågen", "Strandå",
        "Granli", "Furuly", "Bakkehaug", "Sandvika", "Tollefsbøl", "Lia", "Haugen", "Skogly", "Heggeli", "Ospelia", "Mosvika",
        "Eikrem", "Rosenvang", "Nyheim", "Kirkebakken", "Engelia", "Steinsland", "Vestly", "Nordby", "Sørbø", "Austad", "Myrvang",
        "Tjernet", "Bekkestua", "Fossum", "Breivik", "Vollen", "Lund", "Berg", "Hov", "Holt", "Tangen", "Kleiva", "Rudshøgda",
    ];

    public static readonly string[] FirstNames =
    [
        "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg", "Hilde", "Anna", "Solveig", "Marianne",
        "Randi", "Ida", "Nina", "Maria", "Elisabeth", "Kristin", "Tone", "Silje", "Ingeborg", "Hanne", "Camilla", "Heidi", "Nora",
        "Emma", "Sara", "Thea", "Ragnhild", "Siri", "Guro", "Åse", "Tove", "Mette", "Linn", "Ingunn", "Sigrid", "Mari",
        "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Hans", "Geir", "Thomas", "Tor", "Morten", "Terje",
        "Odd", "Erik", "Martin", "Andreas", "John", "Anders", "Rune", "Trond", "Tore", "Jon", "Kristian", "Harald", "Olav", "Øystein",
        "Magnus", "Jonas", "Henrik", "Sindre", "Espen", "Håkon", "Eirik", "Stian", "Ivar", "Nils", "Sverre", "Åge", "Gunnar",
    ];

    public static readonly string[] LastNames =
    [
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen",
        "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen",
        "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide",
        "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali",
        "Lunde", "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge", "Christensen",
        "Andresen", "Nielsen", "Knudsen", "Evensen", "Sæther", "Aas", "Myhre", "Hanssen", "Ahmed", "Haugland", "Thomassen", "Sivertsen",
        "Simonsen", "Danielsen", "Berntsen", "Sandvik", "Rønning", "Arnesen", "Antonsen", "Næss", "Vik", "Haug", "Ellingsen", "Thorsen",
        "Edvardsen", "Birkeland", "Isaksen", "Gulbrandsen", "Ruud", "Aasen", "Strøm", "Myklebust", "Tangen", "Ødegård", "Eliassen",
    ];

    /// <summary>For addresses: æ → ae, ø → o, å → a, lower case, letters and digits only.</summary>
    public static string Slug(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s.ToLowerInvariant())
        {
            switch (c)
            {
                case 'æ': sb.Append("ae"); break;
                case 'ø': sb.Append('o'); break;
                case 'å': sb.Append('a'); break;
                case >= 'a' and <= 'z' or >= '0' and <= '9': sb.Append(c); break;
                case ' ' or '-' or '.': if (sb.Length > 0 && sb[^1] != '-') sb.Append('-'); break;
            }
        }
        return sb.ToString().Trim('-');
    }

    /// <summary>A place name: "Fjellvik", "Øyheim"; never the same twice within one list.</summary>
    public static List<string> Places(Random random, int count)
    {
        var all = PlacePrefixes.SelectMany(p => PlaceSuffixes.Select(s => Join(p, s))).Distinct().ToList();
        // Fisher–Yates with the seeded random: deterministic order.
        for (var i = all.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (all[i], all[j]) = (all[j], all[i]);
        }
        if (count > all.Count) throw new InvalidOperationException("Not enough fictional place names.");
        return all.Take(count).ToList();
    }

    private static string Join(string prefix, string suffix) =>
        prefix.EndsWith(suffix[0]) ? prefix + suffix[1..] : prefix + suffix;
}
