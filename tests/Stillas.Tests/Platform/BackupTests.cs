using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Access;
using Stillas.Tests.Support;
using Stillas.Web.Features.Schools;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

/// <summary>The app started on a restored folder: its database file and file store instead of fresh ones.</summary>
public sealed class RestoredApp(string database, string files) : StillasApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:ConnectionString", $"Data Source={database}");
        builder.UseSetting("Files:Root", files);
    }
}

/// <summary>Issue 18, part 11: `backup` under write load, `restore` into a fresh folder, and the app on it.</summary>
public sealed class BackupTests(StillasApp app) : IClassFixture<StillasApp>, IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "stillas-tests", "backup-" + Guid.NewGuid().ToString("N"));

    /// <summary>The fixture app's database file (the app is started first: the file exists from then on).</summary>
    private string Database => app.Services is not null ? Path.Combine(app.DataDirectory!, "stillas.db") : throw new InvalidOperationException();
    private string[] Settings(string database, string files) => [$"--Database:ConnectionString=Data Source={database}", $"--Files:Root={files}"];

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_restores_into_a_fresh_folder_where_the_app_starts_and_shows_the_data()
    {
        var nordvik = await app.WithDbAsync(db => db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync());
        // A stored file and a login made before the backup (its cookie must open the restored app: the keys came along).
        Directory.CreateDirectory(Path.Combine(app.FilesRoot, "1"));
        var stored = Path.Combine(app.FilesRoot, "1", "sikkerhetskopi-test");
        await File.WriteAllBytesAsync(stored, [1, 2, 3, 4, 5]);
        var before = app.Client();
        var login = await before.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "skoleeier@nordvik.test", ["Input.Password"] = Stillas.Web.Platform.Data.Seed.DemoData.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("stillas=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/Schools")).StatusCode);

        // Write load: schools saved one after another through the app's own context until told to stop.
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var n = 1; !stop.IsCancellationRequested; n++)
            {
                await app.WithDbAsync(async db =>
                {
                    db.Schools.Add(new School { OwnerId = nordvik, Name = $"Kopiskole {n:D5}", OrganisationNumber = MatrixIds.NewOrganisationNumber(), Level = SchoolLevel.Barneskole, FirstGrade = 1, LastGrade = 7, Pupils = 10 });
                    await db.SaveChangesAsync();
                });
                Volatile.Write(ref acknowledged, n);
            }
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref acknowledged) < 20 && DateTime.UtcNow < deadline) await Task.Delay(10);
        var ackedBefore = Volatile.Read(ref acknowledged);
        Assert.True(ackedBefore >= 20, "the writer did not get going");

        var archive = Path.Combine(work, "stillas-backup.zip");
        var output = new StringWriter();
        Assert.Equal(0, await BackupCommand.RunAsync(["backup", archive, .. Settings(Database, app.FilesRoot)], output));
        var ackedAfter = Volatile.Read(ref acknowledged);
        await stop.CancelAsync();
        await writer;
        Assert.True(ackedAfter > ackedBefore, "nothing was written while the backup ran: the test proves nothing");
        Assert.DoesNotContain(Directory.GetFiles(work), f => f.EndsWith(".partial", StringComparison.Ordinal));

        // A second backup to the same name is refused without --force.
        Assert.Equal(1, await BackupCommand.RunAsync(["backup", archive, .. Settings(Database, app.FilesRoot)], output));
        Assert.Contains("--force", output.ToString(), StringComparison.Ordinal);

        // Restore into a fresh folder.
        var fresh = Path.Combine(work, "restored");
        var (db2, files2) = (Path.Combine(fresh, "stillas.db"), Path.Combine(fresh, "files"));
        Assert.Equal(0, await BackupCommand.RunAsync(["restore", archive, .. Settings(db2, files2)], output));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, await File.ReadAllBytesAsync(Path.Combine(files2, "1", "sikkerhetskopi-test")));
        Assert.Equal(Directory.GetFiles(Path.Combine(app.DataDirectory!, "keys")).Length, Directory.GetFiles(Path.Combine(fresh, "keys")).Length);
        // Restoring over it again is refused: it is no longer empty.
        var refused = new StringWriter();
        Assert.Equal(1, await BackupCommand.RunAsync(["restore", archive, .. Settings(db2, files2)], refused));
        Assert.Contains("--force", refused.ToString(), StringComparison.Ordinal);

        // One consistent moment: the schools acknowledged before the backup began, then an unbroken run of later ones.
        List<string> copied;
        await using (var conn = new SqliteConnection($"Data Source={db2};Mode=ReadOnly;Pooling=False"))
        {
            await conn.OpenAsync();
            await using var check = conn.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
            check.CommandText = "SELECT Name FROM Schools WHERE Name LIKE 'Kopiskole %' ORDER BY Name";
            copied = [];
            await using var reader = await check.ExecuteReaderAsync();
            while (await reader.ReadAsync()) copied.Add(reader.GetString(0));
        }
        Assert.InRange(copied.Count, ackedBefore, ackedAfter);
        Assert.Equal(Enumerable.Range(1, copied.Count).Select(n => $"Kopiskole {n:D5}"), copied);

        // The app on the restored folder: a fresh login sees the data; the login from before the backup still opens it.
        using var restored = new RestoredApp(db2, files2);
        var admin = await restored.LoginAsync("skoleeier@nordvik.test");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Schools?Q=Kopiskole%2000001"));
        Assert.Contains("Kopiskole 00001", page);
        var reuse = restored.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        reuse.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await reuse.GetAsync("/Schools")).StatusCode);
    }

    [Fact]
    public async Task A_backup_is_never_under_its_final_name_until_it_is_complete()
    {
        var archive = Path.Combine(work, "komplett.zip");
        var seen = new List<string>();
        var where = new BackupCommand.Locations(Database, app.FilesRoot, Path.Combine(app.DataDirectory!, "keys"), "Sqlite");
        string? cut = null;
        await BackupCommand.BackupAsync(where, archive, force: false, part =>
        {
            var partial = Directory.GetFiles(work, "*.partial");
            seen.Add($"{part}: final={File.Exists(archive)} partial={partial.Length}");
            // What a kill -9 at this moment would leave behind.
            if (part == "database/stillas.db" && partial.Length == 1)
            {
                cut = Path.Combine(work, "avbrutt.zip");
                File.Copy(partial[0], cut);
            }
        }, CancellationToken.None);
        Assert.Equal(new[] { "database/stillas.db: final=False partial=1", "files/: final=False partial=1", "keys/: final=False partial=1", "done: final=True partial=0" }, seen);
        using (var zip = ZipFile.OpenRead(archive)) Assert.NotNull(zip.GetEntry("database/stillas.db"));

        // The cut-off copy is not taken for a backup.
        Assert.NotNull(cut);
        var output = new StringWriter();
        Assert.Equal(1, await BackupCommand.RunAsync(["restore", cut!, .. Settings(Path.Combine(work, "x", "stillas.db"), Path.Combine(work, "x", "files"))], output));
        Assert.Contains("ikke en hel sikkerhetskopi", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(work, "x", "stillas.db")));
    }

    [Fact]
    public async Task A_backup_killed_mid_way_leaves_no_file_under_its_final_name()
    {
        // A FIFO in the file store that nobody writes to: the backup blocks opening it, so when it is killed it is
        // provably mid-way (the database already in the archive, files still to come), whatever the machine's speed.
        var files = Path.Combine(work, "files-with-fifo");
        Directory.CreateDirectory(Path.Combine(files, "1"));
        await File.WriteAllBytesAsync(Path.Combine(files, "1", "a-file"), new byte[1000]);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(files, "1", "z-fifo")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var target = Path.Combine(work, "drept.zip");
        var dll = AppDll();
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "backup", target, $"--Database:ConnectionString=Data Source={Database}", $"--Files:Root={files}" }) info.ArgumentList.Add(a);
        using var backup = System.Diagnostics.Process.Start(info)!;
        try
        {
            string[] Partial() => Directory.Exists(work) ? Directory.GetFiles(work, ".drept.zip.*.partial") : [];
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!(Partial() is [var p] && new FileInfo(p).Length > 100_000))
            {
                if (backup.HasExited) Assert.Fail("the backup ended before it reached the files: " + await backup.StandardOutput.ReadToEndAsync() + await backup.StandardError.ReadToEndAsync());
                Assert.True(DateTime.UtcNow < deadline, "the backup did not get to the file store in time");
                await Task.Delay(20);
            }
            backup.Kill(); // SIGKILL: no finally, no clean-up
            await backup.WaitForExitAsync();

            Assert.False(File.Exists(target), "a killed backup left a file under its final name");
            var left = Assert.Single(Partial()); // what the kill left is named for what it is
            var output = new StringWriter();
            Assert.Equal(1, await BackupCommand.RunAsync(["restore", left, .. Settings(Path.Combine(work, "y", "stillas.db"), Path.Combine(work, "y", "files"))], output));
            Assert.Contains("ikke en hel sikkerhetskopi", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!backup.HasExited) backup.Kill();
        }
    }

    /// <summary>The built app (the tests build it with the solution), as KillDuringDispatchTests finds it.</summary>
    private static string AppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Stillas.slnx"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "Stillas.Web", "bin", configuration, "net10.0", "Stillas.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the app first ({dll}).");
        }
        throw new DirectoryNotFoundException("Stillas.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { if (Directory.Exists(work)) Directory.Delete(work, recursive: true); } catch (IOException) { }
    }
}
