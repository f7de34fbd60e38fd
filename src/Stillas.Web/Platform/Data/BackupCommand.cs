using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// <c>dotnet run --project src/Stillas.Web -- backup FILE [--force]</c> and <c>… -- restore FILE [--force]</c>
/// (README, "Sikkerhetskopi"). Settings as for the app (<c>--Database:ConnectionString=…</c>, <c>--Files:Root=…</c>).
/// <para>
/// backup: one zip with the SQLite database (SQLite's online backup API: a consistent copy while the app runs
/// and writes), then the file store and the data-protection keys folder. The database goes first: every file a
/// copied row names was already in place (uploads are moved into the store before their row is saved). The zip
/// is written under a temporary name in the same folder, flushed to disk, then renamed: a kill -9 or a power cut
/// leaves a <c>*.partial</c> file, never an archive that looks complete under the name asked for.
/// On PostgreSQL the archive holds the file store only: the database (with its key table) is pg_dump's.
/// </para>
/// <para>
/// restore: puts the archive back into the configured folders. Refuses a target that already holds a database,
/// files or keys unless <c>--force</c> (which replaces them). The app must not run meanwhile.
/// </para>
/// </summary>
public static class BackupCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    private const string DatabaseEntry = "database/stillas.db";
    private const string FilesPrefix = "files/";
    private const string KeysPrefix = "keys/";
    private const string ManifestEntry = "stillas-backup.json";

    /// <summary>Where the configured installation keeps what a backup holds.</summary>
    public sealed record Locations(string? SqliteFile, string FilesRoot, string? KeysFolder, string Provider);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var say = output ?? Console.Out;
        var rest = args.Skip(1).ToList();
        var force = rest.Remove("--force");
        var file = rest.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null)
        {
            await say.WriteLineAsync($"Bruk: {args[0]} FIL [--force]   (innstillinger som for appen, f.eks. --Database:ConnectionString=\"Data Source=…\")");
            return 2;
        }
        rest.Remove(file);
        var where = Resolve(rest.ToArray());
        try
        {
            if (args[0] == "backup")
            {
                var summary = await BackupAsync(where, Path.GetFullPath(file), force, progress: null, CancellationToken.None);
                await say.WriteLineAsync(summary);
            }
            else
            {
                var summary = await RestoreAsync(where, Path.GetFullPath(file), force, CancellationToken.None);
                await say.WriteLineAsync(summary);
            }
            return 0;
        }
        catch (BackupRefusedException e)
        {
            await say.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>The database file, file store and keys folder the app would use with these settings.</summary>
    public static Locations Resolve(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        var config = builder.Configuration;
        var database = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var files = new Files.FileStore(config, builder.Environment).Root;
        if (database.IsPostgres()) return new Locations(null, files, null, "Postgres");
        var cs = database.ConnectionString ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "data", "stillas.db")}";
        var db = Path.GetFullPath(new SqliteConnectionStringBuilder(cs).DataSource);
        return new Locations(db, files, Path.Combine(Path.GetDirectoryName(db)!, "keys"), "Sqlite");
    }

    /// <summary>Writes the archive; <paramref name="progress"/> hears each part as it is added (tests watch the file names then).</summary>
    public static async Task<string> BackupAsync(Locations where, string target, bool force, Action<string>? progress, CancellationToken ct)
    {
        if (File.Exists(target) && !force) throw new BackupRefusedException($"{target} finnes allerede. Velg et annet navn, eller legg til --force for å erstatte den.");
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        var snapshot = partial + ".db";
        var (files, keys) = (0, 0);
        try
        {
            using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    if (where.SqliteFile is { } db)
                    {
                        if (!File.Exists(db)) throw new BackupRefusedException($"Fant ingen database i {db}.");
                        // The online backup API copies a consistent snapshot page by page while the app keeps writing (WAL).
                        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
                        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = snapshot, Pooling = false }.ToString()))
                        {
                            source.Open();
                            copy.Open();
                            source.BackupDatabase(copy);
                            // One file, no -wal beside it: the copy stands alone in the archive.
                            using var journal = copy.CreateCommand();
                            journal.CommandText = "PRAGMA journal_mode=DELETE;";
                            journal.ExecuteNonQuery();
                        }
                        await AddFileAsync(zip, snapshot, DatabaseEntry, ct);
                        File.Delete(snapshot);
                        progress?.Invoke(DatabaseEntry);
                    }
                    files = await AddFolderAsync(zip, where.FilesRoot, FilesPrefix, skip: ".tmp", ct);
                    progress?.Invoke(FilesPrefix);
                    if (where.KeysFolder is { } k) keys = await AddFolderAsync(zip, k, KeysPrefix, skip: null, ct);
                    progress?.Invoke(KeysPrefix);
                    var manifest = zip.CreateEntry(ManifestEntry);
                    using (var m = manifest.Open())
                        JsonSerializer.Serialize(m, new { version = 1, provider = where.Provider, createdAt = TimeProvider.System.GetUtcNow(), files, keys });
                }
                stream.Flush(flushToDisk: true);
            }
            // Only a complete, flushed archive gets the name asked for.
            File.Move(partial, target, overwrite: force);
            progress?.Invoke("done");
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
            if (File.Exists(snapshot)) File.Delete(snapshot);
        }
        var size = new FileInfo(target).Length;
        return string.Create(CultureInfo.InvariantCulture,
            $"Sikkerhetskopi skrevet til {target} ({size / 1024.0 / 1024.0:F1} MB): {(where.SqliteFile is null ? "ingen database (PostgreSQL: bruk pg_dump)" : "databasen")}, {files} filer, {keys} nøkler.");
    }

    public static async Task<string> RestoreAsync(Locations where, string archive, bool force, CancellationToken ct)
    {
        if (!File.Exists(archive)) throw new BackupRefusedException($"Fant ikke {archive}.");
        using var zip = OpenArchive(archive);
        if (zip.GetEntry(ManifestEntry) is null) throw new BackupRefusedException($"{archive} er ikke en sikkerhetskopi fra Stillas (eller den er ufullstendig).");
        var hasDatabase = zip.GetEntry(DatabaseEntry) is not null;
        if (hasDatabase && where.SqliteFile is null)
            throw new BackupRefusedException("Sikkerhetskopien har en SQLite-database, men appen er satt opp med PostgreSQL. Gjenopprett med Database:Provider=Sqlite, eller flytt dataene selv.");

        var occupied = new List<string>();
        if (hasDatabase && where.SqliteFile is { } db && File.Exists(db)) occupied.Add(db);
        if (NotEmpty(where.FilesRoot)) occupied.Add(where.FilesRoot);
        if (where.KeysFolder is { } keysFolder && NotEmpty(keysFolder)) occupied.Add(keysFolder);
        if (occupied.Count > 0 && !force)
            throw new BackupRefusedException($"Gjenoppretter ikke over data som finnes: {string.Join(", ", occupied)}. Stopp appen og legg til --force for å erstatte dem.");

        if (hasDatabase && where.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            foreach (var stale in new[] { file, file + "-wal", file + "-shm" }) if (File.Exists(stale)) File.Delete(stale);
            var temp = file + ".restoring";
            zip.GetEntry(DatabaseEntry)!.ExtractToFile(temp, overwrite: true);
            File.Move(temp, file);
        }
        Replace(where.FilesRoot);
        if (where.KeysFolder is { } keys) Replace(keys);
        var (files, keyCount) = (0, 0);
        foreach (var entry in zip.Entries)
        {
            var (root, prefix) = entry.FullName.StartsWith(FilesPrefix, StringComparison.Ordinal) ? (where.FilesRoot, FilesPrefix)
                : entry.FullName.StartsWith(KeysPrefix, StringComparison.Ordinal) && where.KeysFolder is { } k ? (k, KeysPrefix) : (null, null);
            if (root is null || prefix is null || entry.FullName.EndsWith('/')) continue;
            var path = Path.GetFullPath(Path.Combine(root, entry.FullName[prefix.Length..]));
            if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue; // no ../ out of the folder
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            entry.ExtractToFile(path, overwrite: true);
            if (prefix == FilesPrefix) files++; else keyCount++;
        }
        return $"Gjenopprettet fra {archive}: {(hasDatabase ? $"databasen til {where.SqliteFile}, " : "")}{files} filer til {where.FilesRoot}, {keyCount} nøkler.";
    }

    private static ZipArchive OpenArchive(string archive)
    {
        try { return ZipFile.OpenRead(archive); }
        catch (InvalidDataException) { throw new BackupRefusedException($"{archive} er ikke en hel sikkerhetskopi (den kan være avbrutt mens den ble skrevet)."); }
    }

    private static bool NotEmpty(string folder) => Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any();

    private static void Replace(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
    }

    private static async Task AddFileAsync(ZipArchive zip, string path, string name, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
        using var output = entry.Open();
        await input.CopyToAsync(output, ct);
    }

    private static async Task<int> AddFolderAsync(ZipArchive zip, string folder, string prefix, string? skip, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return 0;
        var count = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (skip is not null && relative.StartsWith(skip + "/", StringComparison.Ordinal)) continue; // uploads still being checked
            try { await AddFileAsync(zip, path, prefix + relative, ct); }
            catch (FileNotFoundException) { continue; } // removed meanwhile (an upload whose row could not be saved)
            count++;
        }
        return count;
    }
}

/// <summary>The command will not do what was asked, and says why (in Norwegian, to the operator).</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
