using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Stillas.Web.Platform.Files;

/// <summary>What an accepted upload became on disk.</summary>
public sealed record StoredContent(string FileName, string ContentType, long Size, string Sha256, string StoragePath);

/// <summary>Either the stored content or a Norwegian message saying why the file was refused.</summary>
public sealed record StoreResult(StoredContent? Content, string? Error)
{
    public static StoreResult Refused(string message) => new(null, message);
}

/// <summary>
/// Keeps uploaded files outside wwwroot, under <c>{Files:Root}/{owner}/{random}</c> (default
/// <c>{content root}/data/files</c>). A file is accepted only if it is no larger than <c>Files:MaxBytes</c>
/// (default 20 MB) and its first bytes show it is what its name says: PDF, Word/Excel/PowerPoint
/// (Office Open XML, or the older OLE formats .doc/.xls), PNG, JPEG, or plain UTF-8 text/CSV. The bytes
/// are hashed (SHA-256) while they are written to a temporary file, which is moved into place only
/// when every check has passed, so a refused or broken upload never leaves a half file behind.
/// </summary>
public sealed class FileStore
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    private const string TempFolder = ".tmp";

    public FileStore(IConfiguration config, IWebHostEnvironment env)
    {
        var root = config["Files:Root"];
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? Path.Combine(env.ContentRootPath, "data", "files") : root);
        MaxBytes = long.TryParse(config["Files:MaxBytes"], System.Globalization.CultureInfo.InvariantCulture, out var max) && max > 0 ? max : DefaultMaxBytes;
    }

    public string Root { get; }
    public long MaxBytes { get; }

    /// <summary>The limit as people say it: "20 MB".</summary>
    public string MaxSizeText => Size(MaxBytes);

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{(bytes / (1024.0 * 1024)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.#", System.Globalization.CultureInfo.GetCultureInfo("nb-NO"))} MB",
        >= 1024 => $"{Math.Max(1, bytes / 1024)} kB",
        _ => $"{bytes} byte",
    };

    private sealed record Kind(string Name, string ContentType, string[] Extensions);

    private static readonly Kind Pdf = new("en PDF", "application/pdf", [".pdf"]);
    private static readonly Kind Docx = new("et Word-dokument", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    private static readonly Kind Xlsx = new("et Excel-ark", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    private static readonly Kind Pptx = new("en PowerPoint-presentasjon", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    private static readonly Kind Doc = new("et Word-dokument", "application/msword", [".doc"]);
    private static readonly Kind Xls = new("et Excel-ark", "application/vnd.ms-excel", [".xls"]);
    private static readonly Kind Png = new("et PNG-bilde", "image/png", [".png"]);
    private static readonly Kind Jpeg = new("et JPEG-bilde", "image/jpeg", [".jpg", ".jpeg"]);
    private static readonly Kind Text = new("en tekstfil", "text/plain; charset=utf-8", [".txt"]);
    private static readonly Kind Csv = new("en CSV-fil", "text/csv; charset=utf-8", [".csv"]);
    private static readonly Kind[] Kinds = [Pdf, Docx, Xlsx, Pptx, Doc, Xls, Png, Jpeg, Text, Csv];

    public const string AllowedText = "PDF, Word, Excel, PowerPoint, PNG, JPEG, tekst (.txt) og CSV";
    /// <summary>For the file input's accept attribute (a hint only; the server checks the content).</summary>
    public static string Accept => string.Join(',', Kinds.SelectMany(k => k.Extensions));

    /// <summary>Checks and stores <paramref name="content"/> for <paramref name="ownerId"/>.</summary>
    public async Task<StoreResult> SaveAsync(Stream content, string? originalName, int ownerId, CancellationToken ct)
    {
        var name = SanitiseName(originalName);
        if (name is null) return StoreResult.Refused("Velg en fil.");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Extensions.Contains(extension));
        if (kind is null)
            return StoreResult.Refused(extension.Length == 0
                ? $"Filnavnet mangler filtype. Tillatte filtyper er {AllowedText}."
                : $"Filtypen {extension} er ikke tillatt. Tillatte filtyper er {AllowedText}.");

        var tempDir = Path.Combine(Root, TempFolder);
        Directory.CreateDirectory(tempDir);
        var temp = Path.Combine(tempDir, RandomName());
        try
        {
            long size = 0;
            string hash;
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes) return StoreResult.Refused($"Filen er for stor. Største tillatte størrelse er {MaxSizeText}.");
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (size == 0) return StoreResult.Refused("Filen er tom.");
            if (!await LooksLikeAsync(temp, kind, ct))
                return StoreResult.Refused($"Filen ser ikke ut til å være {kind.Name}, selv om navnet slutter på {extension}.");

            var relative = $"{ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{RandomName()}";
            var final = FullPath(relative) ?? throw new InvalidOperationException("Bad storage path.");
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(temp, final);
            return new StoreResult(new StoredContent(name, kind.ContentType, size, hash, relative), null);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Opens a stored file for reading; null if it is missing.</summary>
    public FileStream? OpenRead(string storagePath)
    {
        var path = FullPath(storagePath);
        return path is not null && File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Removes a stored file (when the row that points to it could not be saved).</summary>
    public void Delete(string storagePath)
    {
        var path = FullPath(storagePath);
        if (path is not null && File.Exists(path)) File.Delete(path);
    }

    /// <summary>The absolute path of a relative storage path, or null if it would leave the root.</summary>
    private string? FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The last segment of a browser-supplied name, without control or reserved characters; null if nothing is left.</summary>
    public static string? SanitiseName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
            clean.Append(char.IsControl(c) || "<>:\"|?*".Contains(c) ? '_' : c);
        var result = clean.ToString().Trim().Trim('.', ' ');
        if (result.Length == 0) return null;
        if (result.Length > 200)
        {
            var ext = Path.GetExtension(result);
            if (ext.Length > 10) ext = "";
            result = result[..(200 - ext.Length)] + ext;
        }
        return result;
    }

    private static async Task<bool> LooksLikeAsync(string path, Kind kind, CancellationToken ct)
    {
        var head = new byte[8];
        int got;
        await using (var f = File.OpenRead(path)) got = await f.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var h = head.AsSpan(0, got);
        if (kind == Pdf) return h.StartsWith("%PDF-"u8);
        if (kind == Png) return h.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        if (kind == Jpeg) return h.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF });
        if (kind == Doc || kind == Xls) return h.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
        if (kind == Docx || kind == Xlsx || kind == Pptx)
            return h.StartsWith("PK\x03\x04"u8) && IsOfficeZip(path, kind == Docx ? "word/" : kind == Xlsx ? "xl/" : "ppt/");
        return await IsUtf8TextAsync(path, ct);
    }

    /// <summary>An Office Open XML package: a ZIP with [Content_Types].xml and the part folder of its kind.</summary>
    private static bool IsOfficeZip(string path, string partFolder)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Any(e => e.FullName == "[Content_Types].xml")
                   && zip.Entries.Any(e => e.FullName.StartsWith(partFolder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Valid UTF-8 (a BOM is fine) without NUL bytes.</summary>
    private static async Task<bool> IsUtf8TextAsync(string path, CancellationToken ct)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[81920 + 4];
        await using var f = File.OpenRead(path);
        try
        {
            int read;
            while ((read = await f.ReadAsync(bytes, ct)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0)) return false;
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
