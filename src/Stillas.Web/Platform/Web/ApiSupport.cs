using System.ComponentModel.DataAnnotations;

namespace Stillas.Web.Platform.Web;

/// <summary>Small helpers so that every API endpoint answers bad input the same way (RFC 9457 problem details).</summary>
public static class ApiSupport
{
    /// <summary>Runs the data annotations of an input model; null when valid.</summary>
    public static Dictionary<string, string[]>? Validate(object input)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true)) return null;
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: ToCamel(m), r.ErrorMessage ?? "Ugyldig verdi.")))
            .GroupBy(x => x.Member).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray());
    }

    public static Dictionary<string, string[]> Errors(IEnumerable<(string Field, string Message)> errors) =>
        errors.GroupBy(e => ToCamel(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    public static string ToCamel(string s) => string.IsNullOrEmpty(s) ? s : char.ToLowerInvariant(s[0]) + s[1..];

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Du har ikke tilgang til dette.");

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFoundProblem() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Fant ikke ressursen, eller du har ikke tilgang til den.");
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
