using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// Stillas behind a TLS-terminating proxy (README, "Bak en TLS-proxy"):
/// <list type="bullet">
/// <item>Outside Development every cookie (login, external login, antiforgery) is <c>Secure</c> and HSTS is sent
/// (one year) on https responses. <c>Security:SecureCookies=false</c> turns both off for a plain-http loopback
/// run (bench/serve.sh); never in a real installation.</item>
/// <item>X-Forwarded-For/-Proto are honoured only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>
/// (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8). None configured: none honoured,
/// not even from loopback (ASP.NET Core's default trusts 127.0.0.1), so a client cannot claim to be https or
/// another address.</item>
/// <item>Outside Development a request that is not https (after the trusted proxy's word) gets 400 with a message
/// that says why, except the health checks.</item>
/// </list>
/// </summary>
public static class TransportSecurity
{
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static bool SecureCookies(IConfiguration config, IHostEnvironment env) =>
        !env.IsDevelopment() && config.GetValue("Security:SecureCookies", true);

    public static void AddStillasTransport(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        if (SecureCookies(config, builder.Environment))
        {
            services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.AddHsts(o => o.MaxAge = HstsMaxAge);
        }

        var proxies = Addresses(config, "ForwardedHeaders:KnownProxies").Select(a => IPAddress.Parse(a)).ToList();
        var networks = Addresses(config, "ForwardedHeaders:KnownNetworks").Select(n => System.Net.IPNetwork.Parse(n)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });
    }

    /// <summary>First in the pipeline: the proxy's scheme and client address, then HSTS over https.</summary>
    public static void UseStillasTransport(this WebApplication app)
    {
        var config = app.Configuration;
        if (Addresses(config, "ForwardedHeaders:KnownProxies").Any() || Addresses(config, "ForwardedHeaders:KnownNetworks").Any())
            app.UseForwardedHeaders();
        if (!SecureCookies(config, app.Environment)) return;
        app.UseHsts();
        // Secure-only cookies cannot be set over plain http (antiforgery would throw on every form): say so instead,
        // so that a proxy whose forwarded headers are not trusted yet is found at once. Health checks stay open.
        app.Use((context, next) => context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health")
            ? next(context)
            : Results.Text(Stillas.Web.Platform.Text.L.T(PlainHttpText), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context));
    }

    public const string PlainHttpText = "Stillas må nås over https. Står Stillas bak en proxy som tar imot https, må proxyens adresse stå i "
        + "ForwardedHeaders:KnownProxies eller ForwardedHeaders:KnownNetworks (se README, «Bak en TLS-proxy»).";

    /// <summary>A list setting as an array section (<c>KnownProxies:0</c>, …) or one comma-separated value.</summary>
    private static IEnumerable<string> Addresses(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
