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
/// One ASP.NET Core data-protection key (the XML the key manager writes). On PostgreSQL the keys are kept
/// in the database so that every instance on the same database reads the same keys: a login cookie, an
/// antiforgery token or a protected import written by one instance opens on the other (issue 7, part 5).
/// SQLite serves one instance from one file; there the keys are files in a <c>keys</c> folder beside it.
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
    /// <summary>
    /// One application name whatever the install path. PostgreSQL: keys in the database, so instances share
    /// them. SQLite: keys in <c>keys/</c> beside the database file (back up the folder, not just the file),
    /// so that the login form needs nothing from a database that is still being created at first start.
    /// </summary>
    public static IServiceCollection AddStillasDataProtection(this IServiceCollection services, DatabaseOptions database, IConfiguration? config = null)
    {
        var protection = services.AddDataProtection().SetApplicationName("Stillas");
        // Encrypted at rest: with a certificate (PKCS#12 with its private key) every new key is written as
        // EncryptedXml, so a copy of the keys folder or table (a backup) does not open cookies on its own.
        if (KeyCertificate(config) is { } certificate) protection.ProtectKeysWithCertificate(certificate);
        if (!database.IsPostgres() && database.SqliteDirectory is { } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys")));
            return services;
        }
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<DatabaseReadiness>())));

        return services;
    }

    /// <summary>The key-encryption certificate from <c>DataProtection:CertificatePath</c> (+ <c>:CertificatePassword</c>), if configured.</summary>
    public static System.Security.Cryptography.X509Certificates.X509Certificate2? KeyCertificate(IConfiguration? config)
    {
        var path = config?["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"DataProtection:CertificatePath = '{path}': the file does not exist.");
        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, config?["DataProtection:CertificatePassword"]);
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"DataProtection:CertificatePath = '{path}': the certificate has no private key, so the keys could not be read again.");
        return certificate;
    }

    /// <summary>In Production, says at start that the key ring lies unencrypted (README, "Nøkler kryptert på disk").</summary>
    public static void WarnIfKeysUnencrypted(WebApplication app)
    {
        if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration["DataProtection:CertificatePath"]))
            app.Logger.LogWarning("The data-protection key ring is stored unencrypted: set DataProtection:CertificatePath (and :CertificatePassword) to a PKCS#12 certificate to encrypt it at rest.");
    }

    /// <summary>
    /// Data protection's hosted service only warms the key ring at start. With the keys in the database that
    /// would wait for the background migrations and hold Kestrel back by seconds; the key
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

/// <summary>Data protection writes its key ring itself (on first use, for any request).</summary>
public sealed class DataProtectionKeyWrites() : Access.OpenWrite(typeof(DataProtectionKeyRow));
