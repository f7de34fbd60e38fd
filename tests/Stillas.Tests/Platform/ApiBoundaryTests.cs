using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stillas.Tests.Access;
using Stillas.Tests.Support;

namespace Stillas.Tests.Platform;

/// <summary>
/// Every API operation in /openapi/v1.json, sent boundary values derived from its own schema (issue 18, part 8):
/// no body, an empty or wrong JSON value, huge strings and lists, 9999-12-31 and 0001-01-01 in every date, int.MaxValue
/// and -1 in every number and id, and wrong types, as the system administrator and as an owner administrator. Any 5xx
/// fails the test, which prints the operation and the payload. Deletes go last, so the other operations meet real rows.
/// </summary>
public sealed partial class ApiBoundaryTests(StillasApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<StillasApp>
{
    private enum Mode { Typical, DateMax, DateMin, Huge, IntMax, Minus, Wrong, ManyItems }

    private sealed record Operation(string Method, string Path, JsonObject Op);

    private JsonObject document = new();

    [Fact]
    public async Task Every_api_operation_answers_boundary_values_without_a_5xx()
    {
        document = JsonNode.Parse(await app.Client().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(m => new Operation(m.Key.ToUpperInvariant(), p.Key, m.Value!.AsObject())))
            .OrderBy(o => o.Method == "DELETE" ? 1 : 0).ToList();
        Assert.True(operations.Count >= 80, $"only {operations.Count} operations");
        var ids = await MatrixIds.ForAsync(app);

        var failures = new List<string>();
        var sent = 0;
        var statuses = new Dictionary<int, int>();
        foreach (var email in new[] { "admin@stillas.test", "skoleeier@nordvik.test" })
        {
            var client = await app.LoginAsync(email);
            foreach (var op in operations)
            {
                foreach (var (url, withBodies) in await UrlsAsync(op, ids))
                {
                    foreach (var (query, body) in Requests(op, withBodies))
                    {
                        var request = new HttpRequestMessage(new HttpMethod(op.Method), url + query) { Content = body?.Content() };
                        var response = await client.SendAsync(request);
                        sent++;
                        statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                        if ((int)response.StatusCode >= 500)
                        {
                            var text = await response.Content.ReadAsStringAsync();
                            failures.Add($"{email}: {op.Method} {url}{Cut(query)} body {body?.Describe() ?? "(none)"} → {(int)response.StatusCode} {Cut(text)}");
                        }
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures.Take(60)));
        Assert.True(sent > 2000, $"only {sent} requests");
        // Not only refusals: the boundary values reached the handlers' own checks, and plenty of requests went through.
        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        output.WriteLine($"{sent} requests over {operations.Count} operations: {summary}");
        Assert.True(statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value) > 150, summary);
        Assert.True(statuses.GetValueOrDefault(400) > 500, summary);
    }

    private static string Cut(string s) => s.Length > 200 ? s[..200] + $"…({s.Length})" : s;

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[^}]*)?\}")]
    private static partial Regex RouteValue();

    /// <summary>The operation's URL at the matrix's real record (with every body), and at ids that exist nowhere (a plain body only).</summary>
    private async Task<List<(string Url, bool WithBodies)>> UrlsAsync(Operation op, MatrixIds ids)
    {
        var urls = new List<(string, bool)>();
        var normal = Normalise(op.Path);
        var row = AccessMatrix.Rows.FirstOrDefault(r => r.Method == op.Method && Normalise(r.Route) == normal);
        string? real = null;
        if (row is not null)
        {
            try { real = (await ids.UrlAsync(app, row, row.Route)).Url; }
            catch (InvalidOperationException) { real = null; }
        }
        urls.Add((real ?? RouteValue().Replace(op.Path, m => IsInt(op, m.Groups[1].Value) ? "1" : "x"), true));
        if (RouteValue().IsMatch(op.Path))
        {
            foreach (var (number, text) in new[] { ("2147483647", new string('x', 3000)), ("-1", "%20"), ("0", "null") })
                urls.Add((RouteValue().Replace(op.Path, m => IsInt(op, m.Groups[1].Value) ? number : text), false));
        }
        return urls;
    }

    private static string Normalise(string route) => RouteValue().Replace(route.TrimEnd('/'), m => "{" + m.Groups[1].Value.ToLowerInvariant() + "}").ToLowerInvariant();

    private static IEnumerable<JsonObject> Parameters(Operation op, string where) =>
        (op.Op["parameters"] as JsonArray ?? []).OfType<JsonObject>().Where(p => (string?)p["in"] == where);

    private bool IsInt(Operation op, string name) =>
        Parameters(op, "path").FirstOrDefault(p => (string?)p["name"] == name) is { } p && Types(Resolve(p["schema"])).Contains("integer");

    private sealed record Body(string ContentType, string Text)
    {
        public HttpContent Content()
        {
            if (ContentType == "multipart/form-data")
            {
                var form = new MultipartFormDataContent();
                if (Text.Length > 0)
                {
                    var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Text));
                    file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    form.Add(file, "file", Text.Length > 100 ? new string('å', 300) + ".pdf" : "x.pdf");
                }
                return form;
            }
            return new StringContent(Text, Encoding.UTF8, ContentType);
        }

        public string Describe() => $"[{ContentType}] {Cut(Text)}";
    }

    /// <summary>(query string, body) pairs: plain first, then each boundary mode in the query and in the body.</summary>
    private IEnumerable<(string Query, Body? Body)> Requests(Operation op, bool all)
    {
        var bodySchema = op.Op["requestBody"]?["content"] is JsonObject content
            ? content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"] : null;
        var multipart = op.Op["requestBody"]?["content"]?["multipart/form-data"] is not null;
        var hasBody = op.Method is "POST" or "PUT" or "PATCH";
        var query = Parameters(op, "query").ToList();

        Body? Typical() => multipart ? new Body("multipart/form-data", "%PDF-1.4\n%%EOF\n")
            : bodySchema is not null ? new Body("application/json", Generate(bodySchema, Mode.Typical, 0)!.ToJsonString()) : hasBody ? new Body("application/json", "{}") : null;

        yield return ("", Typical());
        if (!all) yield break;
        foreach (var mode in Enum.GetValues<Mode>().Where(m => m != Mode.Typical))
            if (query.Count > 0) yield return (Query(query, mode), Typical());
        if (!hasBody) yield break;
        yield return ("", null);
        if (multipart)
        {
            yield return ("", new Body("multipart/form-data", ""));
            yield return ("", new Body("multipart/form-data", new string('x', 200_000)));
            yield return ("", new Body("application/json", "{}"));
            yield break;
        }
        foreach (var text in new[] { "", "null", "[]", "{}", "\"x\"", "{\"a\":", "12345678901234567890" })
            yield return ("", new Body("application/json", text));
        yield return ("", new Body("text/plain", "x"));
        if (bodySchema is null) yield break;
        foreach (var mode in Enum.GetValues<Mode>().Where(m => m != Mode.Typical))
            yield return ("", new Body("application/json", Generate(bodySchema, mode, 0)?.ToJsonString() ?? "null"));
    }

    private string Query(List<JsonObject> parameters, Mode mode)
    {
        var parts = new List<string>();
        foreach (var p in parameters)
        {
            var value = Generate(p["schema"], mode, 0);
            var text = value switch
            {
                null => "",
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                _ => value.ToJsonString(),
            };
            if (text.Length > 5000) text = text[..5000];
            parts.Add($"{Uri.EscapeDataString((string)p["name"]!)}={Uri.EscapeDataString(text)}");
        }
        return "?" + string.Join("&", parts);
    }

    private JsonNode? Resolve(JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema?["$ref"] is JsonValue r; i++)
            schema = document["components"]!["schemas"]![r.GetValue<string>().Split('/').Last()];
        return schema;
    }

    private static List<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => [v.GetValue<string>()],
        JsonArray a => a.Select(x => x!.GetValue<string>()).ToList(),
        _ => [],
    };

    private JsonNode? Generate(JsonNode? schema, Mode mode, int depth)
    {
        schema = Resolve(schema);
        if (schema is null || depth > 6) return null;
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[combinator] is JsonArray options)
                return Generate(options.FirstOrDefault(o => !Types(Resolve(o)).SequenceEqual(["null"])), mode, depth);
        var types = Types(schema).Where(t => t != "null").ToList();
        var format = (string?)schema["format"];
        if (schema["enum"] is JsonArray values && values.Count > 0 && mode != Mode.Wrong)
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        var type = types.FirstOrDefault() ?? (schema["properties"] is not null ? "object" : schema["items"] is not null ? "array" : "string");
        if (types.Contains("integer")) type = "integer";
        switch (type)
        {
            case "object":
                if (mode == Mode.Wrong) return JsonValue.Create("x");
                var obj = new JsonObject();
                foreach (var p in schema["properties"] as JsonObject ?? [])
                    obj[p.Key] = Generate(p.Value, mode, depth + 1);
                return obj;
            case "array":
                if (mode == Mode.Wrong) return new JsonObject { ["a"] = 1 };
                var items = new JsonArray();
                var count = mode == Mode.ManyItems ? 500 : 1;
                for (var i = 0; i < count; i++) items.Add(Generate(schema["items"], mode, depth + 1));
                return items;
            case "integer":
                if (Types(schema).Contains("string") && schema["pattern"] is not null && mode == Mode.Typical) return JsonValue.Create(1);
                return mode switch { Mode.IntMax => JsonValue.Create(int.MaxValue), Mode.Minus => JsonValue.Create(-1), Mode.Wrong => JsonValue.Create("abc"), _ => JsonValue.Create(1) };
            case "number":
                return mode switch { Mode.IntMax => JsonValue.Create(1e300), Mode.Minus => JsonValue.Create(-1), Mode.Wrong => JsonValue.Create("abc"), _ => JsonValue.Create(1.5) };
            case "boolean":
                return mode == Mode.Wrong ? JsonValue.Create("kanskje") : JsonValue.Create(true);
            default:
                if (mode == Mode.Wrong) return JsonValue.Create(12345);
                return format switch
                {
                    "date" => JsonValue.Create(mode switch { Mode.DateMax => "9999-12-31", Mode.DateMin => "0001-01-01", _ => "2026-10-01" }),
                    "date-time" => JsonValue.Create(mode switch { Mode.DateMax => "9999-12-31T23:59:59+00:00", Mode.DateMin => "0001-01-01T00:00:00+00:00", _ => "2026-10-01T10:00:00+02:00" }),
                    "time" => JsonValue.Create(mode == Mode.DateMax ? "23:59:59.9999999" : "10:00:00"),
                    _ => JsonValue.Create(mode == Mode.Huge ? new string('å', 100_000) : "Grensetest"),
                };
        }
    }
}
