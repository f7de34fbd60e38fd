using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;

namespace Stillas.Tests.Platform;

/// <summary>An OpenID Connect provider configured in settings becomes a login option.</summary>
public sealed class OidcApp : StillasApp
{
    public OidcApp() : base(Provider.Sqlite) { }
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Authentication:OpenIdConnect:Feide:Authority", "https://auth.feide.test");
        builder.UseSetting("Authentication:OpenIdConnect:Feide:ClientId", "stillas-test");
        builder.UseSetting("Authentication:OpenIdConnect:Feide:DisplayName", "Feide");
        // A section without ClientId is ignored rather than breaking start-up.
        builder.UseSetting("Authentication:OpenIdConnect:IdPorten:Authority", "https://idporten.test");
    }
}

public sealed class OpenIdConnectTests(OidcApp app) : IClassFixture<OidcApp>
{
    [Fact]
    public async Task A_configured_provider_is_a_scheme_and_a_button_on_the_login_page()
    {
        var schemes = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        Assert.Contains(schemes, s => s.Name == "oidc-feide");
        Assert.DoesNotContain(schemes, s => s.Name == "oidc-idporten");
        var html = await app.Client().GetStringAsync("/Account/Login");
        Assert.Contains("value=\"oidc-feide\"", html);
        Assert.Contains(">Feide</button>", html);
    }
}
