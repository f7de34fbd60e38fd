using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Stillas.Tests.Support;

namespace Stillas.Tests.Platform;

/// <summary>
/// A real OpenID Connect provider on a local port (discovery, keys, token endpoint; the authorisation step is the
/// person's answer, which the test gives by following the redirect), so Stillas's own code path is tested whole:
/// challenge, code exchange by the back channel, the signed id_token, the callback page and its server-side session.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    // A plain HttpListener, not a WebApplication: a second generic host built in the test process is seen by the
    // hosting diagnostics that WebApplicationFactory listens to, and with many factories starting in parallel one
    // of them could take the provider's host for its own.
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, (string Nonce, string Email, string Subject)> codes = new();
    public const string ClientId = "stillas-test";
    public string Authority { get; }
    private int tokensIssued;
    public int TokensIssued => tokensIssued;

    public FakeOidcProvider()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Authority = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(Authority + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) when (!listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var (status, body) = await RespondAsync(context.Request);
        var bytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(body));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task<(int Status, object Body)> RespondAsync(HttpListenerRequest request)
    {
        switch (request.HttpMethod, request.Url!.AbsolutePath)
        {
            case ("GET", "/.well-known/openid-configuration"):
                return (200, new Dictionary<string, object>
                {
                    ["issuer"] = Authority,
                    ["authorization_endpoint"] = Authority + "/authorize",
                    ["token_endpoint"] = Authority + "/token",
                    ["jwks_uri"] = Authority + "/jwks",
                    ["response_types_supported"] = new[] { "code" },
                    ["subject_types_supported"] = new[] { "public" },
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                    ["code_challenge_methods_supported"] = new[] { "S256" },
                });
            case ("GET", "/jwks"):
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
                return (200, new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
            case ("POST", "/token"):
                using (var reader = new StreamReader(request.InputStream))
                {
                    var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await reader.ReadToEndAsync());
                    string F(string name) => form.TryGetValue(name, out var v) ? v.ToString() : "";
                    if (F("grant_type") != "authorization_code" || F("client_id") != ClientId || F("code_verifier").Length == 0
                        || !codes.TryRemove(F("code"), out var grant))
                        return (400, new { error = "invalid_grant" });
                    Interlocked.Increment(ref tokensIssued);
                    var now = DateTime.UtcNow;
                    var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                    {
                        Issuer = Authority,
                        Audience = ClientId,
                        IssuedAt = now,
                        NotBefore = now.AddMinutes(-1),
                        Expires = now.AddMinutes(10),
                        Claims = new Dictionary<string, object> { ["sub"] = grant.Subject, ["email"] = grant.Email, ["nonce"] = grant.Nonce },
                        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
                    });
                    return (200, new { access_token = Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 600, id_token = idToken });
                }
            default:
                return (404, new { error = "not_found" });
        }
    }

    /// <summary>The person signs in at the provider: the answer to an authorisation request is a code for the redirect URI, with the request's state.</summary>
    public Uri Authorise(Uri authorisationRequest, string email, string subject)
    {
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorisationRequest.Query);
        Assert.Equal(ClientId, q["client_id"].ToString());
        Assert.Equal("S256", q["code_challenge_method"].ToString());
        var code = Guid.NewGuid().ToString("N");
        codes[code] = (q["nonce"].ToString(), email, subject);
        return new Uri($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try { await loop; } catch (Exception) { /* the listener is closed */ }
    }
}

public sealed class OidcSignInApp : StillasApp
{
    public FakeOidcProvider Oidc { get; } = new();
    public OidcSignInApp() : base(Support.Provider.Sqlite) { }
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:OpenIdConnect:Test:Authority", Oidc.Authority);
        builder.UseSetting("Authentication:OpenIdConnect:Test:ClientId", FakeOidcProvider.ClientId);
        builder.UseSetting("Authentication:OpenIdConnect:Test:DisplayName", "Testleverandør");
    }
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Oidc.DisposeAsync();
    }
}

/// <summary>Keeps cookies by name as a browser on https would, whatever their dates (the app's clock is pinned to another day).</summary>
public sealed class CookieJar : DelegatingHandler
{
    private readonly Dictionary<string, string> cookies = [];
    public string? this[string name] => cookies.GetValueOrDefault(name);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await base.SendAsync(request, ct);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
            else cookies[name] = value;
        }
        return response;
    }
}

public sealed partial class OidcSignInTests(OidcSignInApp app) : IClassFixture<OidcSignInApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRx();

    private (HttpClient Client, CookieJar Jar) Browser()
    {
        var jar = new CookieJar { InnerHandler = app.Server.CreateHandler() };
        return (new HttpClient(jar) { BaseAddress = new Uri("https://localhost") }, jar);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formPage, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(formPage);
        var token = WebUtility.HtmlDecode(TokenRx().Match(html).Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Login page → provider → callback: the redirects a browser follows, the provider's answer given for <paramref name="email"/>.</summary>
    private async Task<HttpResponseMessage> SignInAtProviderAsync(HttpClient client, string email)
    {
        var challenge = await PostAsync(client, "/Account/Login?handler=External&returnUrl=%2FProgrammes", "/Account/Login", new() { ["scheme"] = "oidc-test" });
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorise = challenge.Headers.Location!;
        Assert.StartsWith(app.Oidc.Authority + "/authorize", authorise.ToString());
        var back = app.Oidc.Authorise(authorise, email, "sub-" + email);
        Assert.Equal("/signin-test", back.AbsolutePath);
        var callback = await client.GetAsync(back.PathAndQuery);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"{(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        Assert.StartsWith("/Account/ExternalCallback", callback.Headers.Location!.ToString());
        return await client.GetAsync(callback.Headers.Location);
    }

    [Fact]
    public async Task Signing_in_with_the_provider_starts_a_server_session_that_logout_ends_for_a_copied_cookie_too()
    {
        const string email = "veileder@nordvik.test";
        var accountId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var sessionsBefore = await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.AccountId == accountId && s.EndedAt == null));
        var (client, jar) = Browser();
        var done = await SignInAtProviderAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Programmes", done.Headers.Location!.ToString());
        Assert.True(app.Oidc.TokensIssued > 0);
        // A new server-side session, and the page opens as the person.
        Assert.Equal(sessionsBefore + 1, await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.AccountId == accountId && s.EndedAt == null)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Programmes")).StatusCode);
        var copied = jar["stillas"];
        Assert.False(string.IsNullOrEmpty(copied));

        var logout = await PostAsync(client, "/Account/Logout", "/", []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(sessionsBefore, await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.AccountId == accountId && s.EndedAt == null)));
        // The cookie copied before logout no longer opens anything.
        var thief = app.Server.CreateClient();
        thief.BaseAddress = new Uri("https://localhost");
        thief.DefaultRequestHeaders.Add("Cookie", "stillas=" + copied);
        var stolen = await thief.GetAsync("/Programmes");
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
        Assert.Contains("/Account/Login", stolen.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_address_the_provider_vouches_for_that_nobody_invited_gets_a_clear_message_and_no_session()
    {
        var sessionsBefore = await app.WithDbAsync(db => db.UserSessions.CountAsync());
        var (client, jar) = Browser();
        var page = await SignInAtProviderAsync(client, "ukjent@example.test");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Vi fant ingen bruker i Stillas med denne e-postadressen", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Null(jar["stillas"]);
        Assert.Equal(sessionsBefore, await app.WithDbAsync(db => db.UserSessions.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Programmes")).StatusCode);
    }
}
