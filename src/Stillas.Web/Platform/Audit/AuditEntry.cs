using Stillas.Web.Platform.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Collections.Frozen;
using System.Reflection;

namespace Stillas.Web.Platform.Audit;

public enum AuditAction { Created = 1, Updated = 2, Deleted = 3, Read = 4 }

/// <summary>Who did what to which record, when, with changed fields old → new (JSON).</summary>
[NotEdited("the audit log is written once")]
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? ActorPersonId { get; set; }
    public required string ActorName { get; set; }
    public int? OwnerId { get; set; }
    /// <summary>The school the row belongs to (a programme's row, a school), so the log can name it; null for confidential rows and rows of no school.</summary>
    public int? SchoolId { get; set; }
    /// <summary>The programme the row belongs to, when it names one (or is one).</summary>
    public int? ProgrammeId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }
    public required string Changes { get; set; }

    public static string ActionName(AuditAction a) => a switch
    {
        AuditAction.Created => Text.L.T("Opprettet"),
        AuditAction.Updated => Text.L.T("Endret"),
        AuditAction.Deleted => Text.L.T("Slettet"),
        AuditAction.Read => Text.L.T("Lest"),
        _ => a.ToString(),
    };

    /// <summary>
    /// The name of an audited entity type (<see cref="AuditedAttribute"/>), or of a recorded read of its rows, in the
    /// current language: the attribute's bokmål name is a catalog key (audit.texts.json). A type written by hand
    /// under a bokmål name ("E-post") is translated when the catalog has it.
    /// </summary>
    public static string EntityName(string type) => AuditPolicy.Names.TryGetValue(type, out var name) ? Text.L.T(name) : Text.L.Data(type);

    public Dictionary<string, string?[]> ParsedChanges()
    {
        try { return JsonSerializer.Deserialize<Dictionary<string, string?[]>>(Changes) ?? []; }
        catch (JsonException) { return []; }
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(40);
        // Paged by key, newest first, per owner.
        b.HasIndex(a => new { a.OwnerId, a.Id });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

/// <summary>
/// Changes to this entity are written to the audit log under <paramref name="name"/> (bokmål, a catalog key: the log
/// shows it in the reader's language). <see cref="ReadName"/>: reads of its rows are recorded too (confidential content, <c>ConfidentialReads</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAttribute(string name) : Attribute
{
    public string Name { get; } = name;
    public string? ReadName { get; init; }
}

/// <summary>The log says that this field changed, not what it says (a note may name pupils, parents and staff).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RedactedAttribute : Attribute;

/// <summary>The field is left out of the log: long and unreadable as a change (a model's JSON; its version and name say what changed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;

public static class AuditPolicy
{
    private static readonly FrozenDictionary<Type, AuditedAttribute> Audited = typeof(AuditPolicy).Assembly.GetTypes()
        .Select(t => (t, a: t.GetCustomAttribute<AuditedAttribute>(false))).Where(x => x.a is not null).ToFrozenDictionary(x => x.t, x => x.a!);

    /// <summary>Entity type name → Norwegian name; for recorded reads, <c>ConfidentialReads.EntityType</c> → its read name.</summary>
    public static readonly FrozenDictionary<string, string> Names = Audited
        .SelectMany(x => x.Value.ReadName is { } read ? [(x.Key.Name, x.Value.Name), (ReadEntityType(x.Key), read)] : new[] { (x.Key.Name, x.Value.Name) })
        .ToFrozenDictionary(x => x.Item1, x => x.Item2);

    /// <summary>The audit log's entity type of a read of <paramref name="type"/>'s rows ("AssessmentNotes").</summary>
    public static string ReadEntityType(Type type) => type.Name + "s";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), int> Fields = new();

    // 1: redacted, 2: left out, 0: as it is; from the property's attributes, once per field.
    private static int FieldKind(Type type, string name) => Fields.GetOrAdd((type, name), static k =>
    {
        var p = k.Item1.GetProperty(k.Item2);
        return p?.GetCustomAttribute<RedactedAttribute>() is not null ? 1 : p?.GetCustomAttribute<NotAuditedAttribute>() is not null ? 2 : 0;
    });

    public const string RedactedValue = "(skjult)";

    public static bool IsAudited(Type type) => Audited.ContainsKey(type);

    /// <summary>Changed scalar properties as name → [old, new], stringified.</summary>
    public static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var result = new Dictionary<string, object?[]>();
        var type = entry.Metadata.ClrType;
        foreach (var p in entry.Properties)
        {
            if (p.Metadata.IsPrimaryKey() && entry.State != EntityState.Deleted) continue;
            // A concurrency token's step is bookkeeping, not a change anyone made.
            if (p.Metadata.IsConcurrencyToken && entry.State == EntityState.Modified && entry.Entity is Data.IVersioned) continue;
            var kind = FieldKind(type, p.Metadata.Name);
            if (kind == 2) continue;
            if (kind == 1)
            {
                var changed = entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue));
                if (changed) result[p.Metadata.Name] = [entry.State == EntityState.Added ? null : RedactedValue, entry.State == EntityState.Deleted ? null : RedactedValue];
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    if (p.CurrentValue is not null) result[p.Metadata.Name] = [null, Str(p.CurrentValue)];
                    break;
                case EntityState.Deleted:
                    result[p.Metadata.Name] = [Str(p.OriginalValue), null];
                    break;
                case EntityState.Modified:
                    if (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                        result[p.Metadata.Name] = [Str(p.OriginalValue), Str(p.CurrentValue)];
                    break;
            }
        }
        return result;
    }

    private static string? Str(object? v) => v switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O"),
        // A list of texts (the points of an interim-work agreement) reads as its items.
        IEnumerable<string> items => string.Join(" | ", items),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
