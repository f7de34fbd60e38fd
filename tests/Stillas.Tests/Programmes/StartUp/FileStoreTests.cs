using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Stillas.Web.Platform.Files;

namespace Stillas.Tests.Programmes.StartUp;

/// <summary>The file store on its own: content sniffing, size limit, names, no half files.</summary>
public sealed class FileStoreTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "stillas-tests", "filestore-" + Guid.NewGuid().ToString("N"));
    private readonly FileStore store;

    public FileStoreTests()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Files:Root"] = root, ["Files:MaxBytes"] = "4096" }).Build();
        store = new FileStore(config, new Env());
    }

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private sealed class Env : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ApplicationName { get; set; } = "test";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public string EnvironmentName { get; set; } = "Test";
    }

    private Task<StoreResult> Save(byte[] bytes, string name) => store.SaveAsync(new MemoryStream(bytes), name, 7, CancellationToken.None);

    private static byte[] Zip(params string[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(e).Open());
                w.Write("<x/>");
            }
        return ms.ToArray();
    }

    private int StoredFiles() => Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task Office_documents_are_ZIP_packages_with_the_part_folder_of_their_kind()
    {
        var docx = Zip("[Content_Types].xml", "word/document.xml");
        var ok = await Save(docx, "plan.docx");
        Assert.Null(ok.Error);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ok.Content!.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(docx)), ok.Content.Sha256);
        Assert.StartsWith("7/", ok.Content.StoragePath, StringComparison.Ordinal);

        Assert.Equal("Filen ser ikke ut til å være et Excel-ark, selv om navnet slutter på .xlsx.", (await Save(docx, "tall.xlsx")).Error);
        Assert.Equal("Filen ser ikke ut til å være et Word-dokument, selv om navnet slutter på .docx.", (await Save(Zip("a.txt"), "plan.docx")).Error);
        Assert.Equal(1, StoredFiles());
    }

    [Fact]
    public async Task Text_must_be_UTF8_without_NUL_bytes()
    {
        Assert.Null((await Save("Elevrådet møtes\n"u8.ToArray(), "notat.txt")).Error);
        Assert.NotNull((await Save([0x41, 0x00, 0x42], "notat.txt")).Error);
        Assert.NotNull((await Save([0x41, 0xC3, 0x28], "data.csv")).Error);
        Assert.Equal(1, StoredFiles());
    }

    [Fact]
    public async Task Size_limit_empty_files_legacy_Office_and_images()
    {
        Assert.Equal("Filen er for stor. Største tillatte størrelse er 4 kB.", (await Save(new byte[4097], "stor.txt")).Error);
        Assert.Equal("Filen er tom.", (await Save([], "tom.pdf")).Error);
        Assert.Null((await Save([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "gammel.doc")).Error);
        Assert.Null((await Save([0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "bilde.jpeg")).Error);
        Assert.NotNull((await Save([0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "bilde.png")).Error);
        Assert.Equal("Filtypen .html er ikke tillatt. Tillatte filtyper er PDF, Word, Excel, PowerPoint, PNG, JPEG, tekst (.txt) og CSV.", (await Save("<html>"u8.ToArray(), "side.html")).Error);
        Assert.Equal(2, StoredFiles());
    }

    [Theory]
    [InlineData("C:\\Users\\per\\rapport.pdf", "rapport.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("a<b>c:d\"e|f?g*.pdf", "a_b_c_d_e_f_g_.pdf")]
    [InlineData("   ", null)]
    [InlineData("..", null)]
    public void File_names_keep_only_the_last_segment_without_reserved_characters(string name, string? expected) =>
        Assert.Equal(expected, FileStore.SanitiseName(name));

    [Fact]
    public void Stored_paths_outside_the_root_are_never_opened() =>
        Assert.Null(store.OpenRead("../../etc/passwd"));
}
