using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace Stillas.Web.Platform.Text;

/// <summary>Registers the catalog and picks each request's language (docs/architecture.md, "Text and languages").</summary>
public static class TextSetup
{
    /// <summary>The cookie that carries the chosen language (set at login from the profile, and by the switcher).</summary>
    public const string CookieName = "stillas-lang";

    public static IServiceCollection AddStillasText(this IServiceCollection services, IConfiguration config)
    {
        TextCatalog.Pseudo = config.GetValue("Text:Pseudo", false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var catalog = TextCatalog.Shared;
        LoadTime = watch.Elapsed;
        services.AddSingleton(catalog);
        // Replaces what AddViewLocalization/AddDataAnnotationsLocalization registered (the .resx factory).
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(new CatalogLocalizerFactory(catalog)));
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(CatalogLocalizer<>)));
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(TextCatalog)));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Languages.BokmalCulture);
            o.SupportedCultures = [.. Languages.Cultures];
            o.SupportedUICultures = [.. Languages.Cultures];
            o.RequestCultureProviders = [new ChosenLanguageProvider(), new AcceptLanguageProvider()];
        });
        return services;
    }

    /// <summary>How long reading the catalog took at start-up (logged; docs/performance.md).</summary>
    public static TimeSpan LoadTime { get; private set; }

    public static WebApplication UseStillasText(this WebApplication app)
    {
        TextCatalog.Log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Stillas.Text");
        TextCatalog.Log.LogInformation("Text catalog: {Entries} texts in three languages read in {Milliseconds} ms{Pseudo}",
            TextCatalog.Shared.Entries.Count, (int)LoadTime.TotalMilliseconds, TextCatalog.Pseudo ? " (pseudo-localised)" : "");
        app.UseRequestLocalization();
        return app;
    }

    /// <summary>Writes (or, for null, removes) the language cookie: a year, readable by the server only.</summary>
    public static void SetLanguageCookie(HttpContext context, string? code)
    {
        if (Languages.Normalize(code) is not { } lang)
        {
            context.Response.Cookies.Delete(CookieName);
            return;
        }
        context.Response.Cookies.Append(CookieName, lang, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
    }

    /// <summary>The person's choice: the cookie the profile (at login) or the switcher wrote. Unknown values are ignored.</summary>
    private sealed class ChosenLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var lang = Languages.Normalize(httpContext.Request.Cookies[CookieName]);
            return Task.FromResult(lang is null ? null : Result(lang));
        }
    }

    /// <summary>The browser's languages in order of preference; the first Stillas speaks wins ("nn-NO", "no", "en-US" …).</summary>
    private sealed class AcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
            if (header is not { Count: > 0 }) return NullProviderCultureResult;
            foreach (var value in header.Where(h => (h.Quality ?? 1) > 0).OrderByDescending(h => h.Quality ?? 1))
            {
                if (Languages.Normalize(value.Value.Value) is { } lang) return Task.FromResult<ProviderCultureResult?>(Result(lang));
            }
            return NullProviderCultureResult;
        }
    }

    private static ProviderCultureResult Result(string lang)
    {
        var name = Languages.Culture(lang).Name;
        return new ProviderCultureResult(name, name);
    }
}
