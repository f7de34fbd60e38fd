using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// What the OpenAPI document says about every operation without each endpoint repeating it (issue 18, part 9):
/// the two ways to authenticate (the login cookie, a personal API token as bearer) and the problem-details answers
/// an operation can give, derived from its method and route: 401 and 403 always; 404 with a route id; 400
/// (validation) and 409 (a stale or read-only target) for writes; 413 for a body over the limit (uploads included).
/// </summary>
public static class OpenApiAnswers
{
    public const string CookieScheme = "cookie";
    public const string BearerScheme = "bearer";
    private const string Problem = "ProblemDetails";
    private const string ValidationProblem = "HttpValidationProblemDetails";

    public static OpenApiOptions AddStillasAnswers(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, ct) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "stillas",
                Description = "Innloggingen i nettleseren. Skriving (POST, PUT, PATCH, DELETE) må komme fra Stillas' egne sider (samme opphav).",
            };
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "En personlig API-nøkkel (lages på /Account/Tokens) med nøyaktig innehaverens tilgang; en nøkkel med bare lesetilgang får 403 på skriving.",
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
            ];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var description = context.Description;
            var method = description.HttpMethod ?? "GET";
            var anonymous = description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            var problem = await SchemaAsync(context, typeof(ProblemDetails), Problem, ct);
            var validation = await SchemaAsync(context, typeof(HttpValidationProblemDetails), ValidationProblem, ct);
            operation.Responses ??= new OpenApiResponses();

            void Add(int status, string text, IOpenApiSchema schema)
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (operation.Responses.ContainsKey(key)) return;
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = text,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
                };
            }

            if (anonymous) operation.Security = [];
            else
            {
                Add(401, "Ikke innlogget, eller API-nøkkelen er ukjent, utløpt eller trukket tilbake.", problem);
                Add(403, "Ingen tilgang: rollen tillater det ikke, nøkkelen gir bare lesetilgang, eller skrivingen kom fra et annet nettsted.", problem);
            }
            if (description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path))
                Add(404, "Fant ikke ressursen, eller du har ikke tilgang til den.", problem);
            var write = method is not ("GET" or "HEAD" or "OPTIONS");
            if (write || description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query))
                Add(400, "Ugyldig innhold: feltene med feil og hva som er galt.", validation);
            if (write) Add(409, "Konflikt: noen andre har endret dette, det finnes allerede, eller forløpet er satt på pause, stoppet eller fullført.", problem);
            // Every write's body is bounded (ApiRequestGuard): uploads by the file store's limit, JSON by a few MB.
            if (write) Add(413, "Forespørselen er for stor.", problem);
        });
        return options;
    }

    private static async Task<IOpenApiSchema> SchemaAsync(OpenApiOperationTransformerContext context, Type type, string id, CancellationToken ct)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(id))
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, ct));
        return new OpenApiSchemaReference(id, document);
    }
}
