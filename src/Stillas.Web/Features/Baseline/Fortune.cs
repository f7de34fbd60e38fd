using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stillas.Web.Features.Baseline;

/// <summary>
/// One row of the benchmark baseline (TechEmpower's "Fortunes"): a fixed 100-row table that
/// <c>/Baseline/Fortunes</c> renders without authorisation, so every page's throughput can be read as
/// a ratio of what this app does with one query and a small Razor table on the same machine.
/// Not owner data: no access filter, nothing secret.
/// </summary>
[NotEdited("read-only baseline data for the benchmark")]
public class Fortune
{
    public int Id { get; set; }
    public required string Message { get; set; }

    public const int Count = 100;

    /// <summary>The fixed rows, seeded by the migration. Some need HTML encoding, some are Norwegian.</summary>
    public static IEnumerable<Fortune> Seed()
    {
        string[] words = ["skole", "veileder", "fremtidsbilde", "vurdering", "mellomarbeid", "kommune", "elev", "lærer", "SKUT", "rektor"];
        for (var i = 1; i <= Count; i++)
        {
            var message = (i % 10) switch
            {
                0 => $"<script>alert(\"{i}\")</script> skal vises som tekst",
                3 => $"Æ, ø og å: {words[i % words.Length]} nr. {i} & co.",
                _ => $"Setning {i}: en {words[i % words.Length]} lærer av en {words[(i * 7) % words.Length]}.",
            };
            yield return new Fortune { Id = i, Message = message };
        }
    }
}

public sealed class FortuneConfiguration : IEntityTypeConfiguration<Fortune>
{
    public void Configure(EntityTypeBuilder<Fortune> b)
    {
        b.ToTable("Fortunes");
        b.Property(f => f.Message).HasMaxLength(200);
        b.HasData(Fortune.Seed());
    }
}

/// <summary>The baseline's rows come with the schema; nobody changes them.</summary>
public sealed class FortuneWrites() : Platform.Access.NoWrite(typeof(Fortune));
