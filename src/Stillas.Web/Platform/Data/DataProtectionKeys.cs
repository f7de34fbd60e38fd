using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// One ASP.NET Core data-protection key (the XML the key manager writes). Kept in the database so that
/// every instance on the same database reads the same keys: a login cookie, an antiforgery token or a
/// protected import written by one instance opens on the other (issue 7, part 5).
/// </summary>
public class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

public sealed class DataProtectionKeyRowConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>The key manager's store: the DataProtectionKeys table, read and written with the system's scope.</summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, DatabaseReadiness readiness) : IXmlRepository
{
    // The table exists once migrations ran (they run in the background at start): wait for them.
    private void WaitForSchema() => readiness.Migrated.Wait(TimeSpan.FromMinutes(2));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        WaitForSchema();
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        return db.Set<DataProtectionKeyRow>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        WaitForSchema();
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        db.Set<DataProtectionKeyRow>().Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionSetup
{
    /// <summary>Keys in the database, one application name whatever the install path, so instances share them.</summary>
    public static IServiceCollection AddStillasDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Stillas");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<DatabaseReadiness>())));

        return services;
    }

    /// <summary>
    /// Data protection's hosted service only warms the key ring at start. Here that would wait for the
    /// background migrations (the keys live in the database) and hold Kestrel back by seconds; the key
    /// ring loads on first use instead (the login form's antiforgery token). Call after every other
    /// registration: antiforgery, authentication and Identity each add the service again.
    /// </summary>
    public static IServiceCollection RemoveDataProtectionWarmUp(this IServiceCollection services)
    {
        var warmUp = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        foreach (var d in warmUp) services.Remove(d);
        return services;
    }
}
