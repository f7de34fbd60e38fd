using Stillas.Web.Platform.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;

namespace Stillas.Web.Features.Models;

/// <summary>
/// An owner's own guidance model: a copy of a built-in model (the Tromsø model) with its own steps and
/// cadence, stored as the <see cref="ProgrammeTemplate"/> in JSON. The built-in models stay in code.
/// One row per model; <see cref="Version"/> goes up when a version that programmes use is changed.
/// </summary>
[Audited("Forløpsmodell")]
[OwnerAudience(OwnerAudience.Guides)]
[VersionedBy(nameof(Revision))]
public class ProgrammeModel : IOwnerScoped, IVersioned
{
    /// <summary>Concurrency token (IVersioned; Version is the model's own version number): stepped by every save.</summary>
    public int Revision { get; set; }

    public int Id { get; set; }
    public int OwnerId { get; set; }
    public SchoolOwner? Owner { get; set; }
    /// <summary>Unique per owner, never a built-in key.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; } = 1;
    public string? BasedOnKey { get; set; }
    public int? BasedOnVersion { get; set; }
    [NotAudited]
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public ProgrammeTemplate Template() => ProgrammeModelJson.Read(Json);

    /// <summary>Stores an edited model: same version when no programme uses the current one, otherwise the next version.</summary>
    public void Store(ProgrammeTemplate template, bool currentVersionInUse)
    {
        if (currentVersionInUse) Version++;
        var stored = template with { Key = Key, Version = Version, IsBuiltIn = false };
        Name = stored.Name;
        Json = ProgrammeModelJson.Write(stored);
    }
}

/// <summary>The model records as JSON: enums by name, computed properties left out.</summary>
public static class ProgrammeModelJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        IgnoreReadOnlyProperties = true,
    };

    public static string Write(ProgrammeTemplate template) => JsonSerializer.Serialize(template, Options);

    /// <summary>
    /// The model in <paramref name="json"/>. Parsed once per distinct text: a programme page read its programme's
    /// model three times a request (≈ 0.7 ms CPU and most of the page's garbage). A template is immutable (every
    /// edit returns a new one), so sharing one instance is safe; the cache is small and starts over when full.
    /// </summary>
    public static ProgrammeTemplate Read(string json)
    {
        if (Parsed.TryGetValue(json, out var template)) return template;
        template = JsonSerializer.Deserialize<ProgrammeTemplate>(json, Options) ?? throw new JsonException("The stored model is empty.");
        if (Parsed.Count >= MaxCached) Parsed.Clear();
        Parsed[json] = template;
        return template;
    }

    private const int MaxCached = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ProgrammeTemplate> Parsed = new(StringComparer.Ordinal);
}

public sealed class ProgrammeModelConfiguration : IEntityTypeConfiguration<ProgrammeModel>
{
    public void Configure(EntityTypeBuilder<ProgrammeModel> b)
    {
        b.Property(m => m.Key).HasMaxLength(64);
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.BasedOnKey).HasMaxLength(64);
        b.HasOne(m => m.Owner).WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.OwnerId, m.Key }).IsUnique();
    }
}
