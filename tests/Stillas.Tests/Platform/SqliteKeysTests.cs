using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Platform.Data.Seed;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

/// <summary>
/// On SQLite the data-protection keys are files in keys/ beside the database (so that the login form
/// answers while the database is still being created): they must be written there, not in the table,
/// and a login must survive a restart of the app on the same data folder.
/// </summary>
public sealed class SqliteKeysTests
{
    /// <summary>A second app on the first one's data folder (its own temporary folder stays unused).</summary>
    private sealed class RestartedApp(string dataDirectory) : StillasApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "stillas.db")}");
        }
    }

    [Fact]
    public async Task Keys_are_files_beside_the_database_and_a_login_survives_a_restart()
    {
        using var first = new StillasApp();
        var folder = first.DataDirectory!;
        var login = await first.Client().PostFormAsync("/Account/Login", new() { ["Input.Email"] = "veileder@nordvik.test", ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml"));
        Assert.Equal(0, await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));

        // A restart on the same folder: the second app opens a copy of it (the first still holds the file).
        var kept = Path.Combine(Path.GetTempPath(), "stillas-tests", "restart-" + Guid.NewGuid().ToString("N"));
        await first.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
        CopyFolder(folder, kept);
        try
        {
            using var second = new RestartedApp(kept);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("Cookie", cookie);
            var start = await second.Client().SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
            Assert.Contains("Logg ut", await start.Content.ReadAsStringAsync());

            using var stranger = new HttpRequestMessage(HttpMethod.Get, "/");
            Assert.Equal(HttpStatusCode.Redirect, (await second.Client().SendAsync(stranger)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(kept, recursive: true); } catch (IOException) { }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
