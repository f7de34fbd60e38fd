using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Platform.Web;

/// <summary>Small helpers so that every API endpoint answers bad input the same way (RFC 9457 problem details).</summary>
public static partial class ApiSupport
{
    /// <summary>Runs the data annotations of an input model; null when valid. The messages are in the request's language.</summary>
    public static Dictionary<string, string[]>? Validate(object input)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true)) return null;
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: ToCamel(m), Translate(input.GetType(), m, r.ErrorMessage))))
            .GroupBy(x => x.Member).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray());
    }

    /// <summary>
    /// A validation message in the current language. Outside MVC the attributes format their bokmål
    /// <c>ErrorMessage</c> themselves; a message with placeholders ("Navnet kan ha høyst {1} tegn.") is matched
    /// against its attribute's key to recover the values, and the translation filled with them.
    /// </summary>
    internal static string Translate(Type type, string member, string? message)
    {
        if (message is null) return L.T("Ugyldig verdi.");
        if (TextCatalog.Shared.Contains(message)) return L.T(message);
        var attributes = type.GetProperty(member)?.GetCustomAttributes<ValidationAttribute>() ?? [];
        foreach (var key in attributes.Select(a => a.ErrorMessage).OfType<string>().Where(k => k.Contains('{') && TextCatalog.Shared.Contains(k)))
        {
            var slots = Placeholder().Matches(key);
            if (slots.Count == 0) continue;
            var pattern = new StringBuilder("^");
            var at = 0;
            foreach (Match slot in slots)
            {
                pattern.Append(Regex.Escape(key[at..slot.Index])).Append("(.*?)");
                at = slot.Index + slot.Length;
            }
            pattern.Append(Regex.Escape(key[at..])).Append('$');
            var found = Regex.Match(message, pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            if (!found.Success) continue;
            var args = new object?[slots.Max(s => int.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) + 1];
            for (var i = 0; i < slots.Count; i++)
                args[int.Parse(slots[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] ??= found.Groups[i + 1].Value;
            return L.T(key, args);
        }
        return message;
    }

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    public static Dictionary<string, string[]> Errors(IEnumerable<(string Field, string Message)> errors) =>
        errors.GroupBy(e => ToCamel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    public static string ToCamel(string s) => string.IsNullOrEmpty(s) ? s : char.ToLowerInvariant(s[0]) + s[1..];

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: L.T("Du har ikke tilgang til dette."));

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFoundProblem() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: L.T("Fant ikke ressursen, eller du har ikke tilgang til den."));
}

/// <summary>
/// A page of results with the total count. When <paramref name="TotalCapped"/> is true the list counted no further
/// than <paramref name="Total"/> (there are more): an exact count over a large table costs more than the page itself.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool TotalCapped = false);

public static class Counting
{
    /// <summary>Counts at most <paramref name="cap"/> rows: (count, true) when there are more.</summary>
    public static async Task<(int Count, bool Capped)> CountCappedAsync<T>(this IQueryable<T> query, int cap, CancellationToken ct)
    {
        var n = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query.Take(cap + 1), ct);
        return n > cap ? (cap, true) : (n, false);
    }
}
