using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Stillas.Web.Platform.Access;

/// <summary>Thrown when a write falls outside the request's scope; the app answers 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>One save of one row, as a write rule sees it.</summary>
public sealed class WriteContext(AccessScope scope, EntityEntry entry)
{
    public AccessScope Scope { get; } = scope;
    public EntityEntry Entry { get; } = entry;
    public EntityState State => Entry.State;
    public bool Added => Entry.State == EntityState.Added;
    public bool Modified => Entry.State == EntityState.Modified;
    public bool Deleted => Entry.State == EntityState.Deleted;

    /// <summary>The permission in the programme the row belongs to (its ids cannot have changed: the guard checked that first).</summary>
    public bool Can(Permission permission) => Scope.Can(permission, (IProgrammeScoped)Entry.Entity);

    /// <summary>Whether only <paramref name="fields"/> changed (a field-level rule: what a school leader may change).</summary>
    public bool OnlyChanged(IReadOnlySet<string> fields) => Entry.Properties.Where(p => p.IsModified && !(p.Metadata.IsConcurrencyToken && Entry.Entity is Data.IVersioned)).All(p => fields.Contains(p.Metadata.Name));

    public T Original<T>(string property) => (T)(Added ? Entry.Property(property).CurrentValue : Entry.Property(property).OriginalValue)!;
}

/// <summary>
/// Who may add, change or delete rows of <see cref="EntityType"/>: one class per entity (or a few), beside the
/// entity in its feature folder. The write guard finds them by type; a scoped type without one needs the
/// owner's administrator, any other type without one is refused.
/// </summary>
public interface IWriteRule
{
    IEnumerable<Type> EntityTypes { get; }
    bool MayWrite(WriteContext write);
}

/// <summary>A write rule for one entity type.</summary>
public abstract class WriteRule<T> : IWriteRule where T : class
{
    public IEnumerable<Type> EntityTypes => [typeof(T)];
    public bool MayWrite(WriteContext write) => MayWrite(write, (T)write.Entry.Entity);
    protected abstract bool MayWrite(WriteContext write, T row);
}

/// <summary>
/// The last line of defence: every save is checked against the scope, so a page that forgets a permission
/// check still cannot write into another owner's data or the team's notes. In order: a scoped row must be
/// placed and may never move (to another owner, school or team); a programme's rows are read-only while the
/// programme is not active; then the row's own rule, found by type (fail closed).
/// </summary>
public static class WriteGuard
{
    private static readonly string[] ProgrammeIds = [nameof(IProgrammeScoped.OwnerId), nameof(IProgrammeScoped.SchoolId), nameof(IProgrammeScoped.TeamId)];
    private static readonly string[] OwnerIds = [nameof(IOwnerScoped.OwnerId)];

    /// <summary>Every rule in the application, by entity type (found once, by reflection over this assembly).</summary>
    public static readonly FrozenDictionary<Type, IWriteRule> Rules = typeof(WriteGuard).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IWriteRule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IWriteRule)Activator.CreateInstance(t)!)
        .SelectMany(r => r.EntityTypes.Select(type => (type, r)))
        .ToFrozenDictionary(x => x.type, x => x.r);

    /// <param name="isActive">Whether the programme a programme-scoped row belongs to is active (null: no such programme).</param>
    private static readonly System.Collections.Frozen.FrozenSet<Type> NotEdited = typeof(WriteGuard).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes(typeof(Data.NotEditedAttribute), false).Length > 0).ToFrozenSet();

    public static void Check(AccessScope scope, EntityEntry entry, int? ownerId, Func<EntityEntry, bool?> isActive)
    {
        var type = entry.Metadata.ClrType;
        // Background jobs and seeding: the system itself, not a person.
        if (scope.Kind == ScopeKind.System) return;
        if (entry.Entity is IOwnerScoped scoped)
        {
            var ids = scoped is IProgrammeScoped ? ProgrammeIds : OwnerIds;
            if (entry.State == EntityState.Added && !Placement.IsPlaced(scoped))
                throw new InvalidOperationException($"A new {type.Name} was not placed under its parent (PlaceIn): owner {scoped.OwnerId}.");
            if (entry.State == EntityState.Modified && ids.Any(n => !Equals(entry.Property(n).OriginalValue, entry.Property(n).CurrentValue)))
                throw new AccessDeniedException($"{scope.ActorName} may not move {type.Name} {entry.Property("Id").CurrentValue} to another owner, school or team.");
            if (entry.State == EntityState.Added) CheckAgreesWithParents(entry, scoped);
            if (scoped is IProgrammeScoped && isActive(entry) == false)
                throw new ReadOnlyProgrammeException($"{scope.ActorName} may not {entry.State} {type.Name}: its programme is not active.");
        }
        // A record declared written-once is never edited by a person: that is why it needs no concurrency token.
        if (entry.State == EntityState.Modified && NotEdited.Contains(type))
            throw new AccessDeniedException($"{type.Name} is written once ([NotEdited]); {scope.ActorName} may not change it.");
        var allowed = Rules.TryGetValue(type, out var rule)
            ? rule.MayWrite(new WriteContext(scope, entry))
            : entry.Entity is IOwnerScoped && scope.IsAdminOf(ownerId);
        if (!allowed)
            throw new AccessDeniedException($"{scope.ActorName} may not {entry.State} {type.Name} of owner {ownerId}.");
    }

    /// <summary>A new row agrees with every tracked parent it points to: the same owner (and school and team, for a programme's rows).</summary>
    private static void CheckAgreesWithParents(EntityEntry entry, IOwnerScoped row)
    {
        foreach (var nav in entry.References)
        {
            if (nav.Metadata is not Microsoft.EntityFrameworkCore.Metadata.INavigation { IsOnDependent: true }) continue;
            var parent = nav.CurrentValue ?? FindTracked(entry, nav);
            var agrees = parent switch
            {
                IProgrammeScoped p when row is IProgrammeScoped r => p.OwnerId == r.OwnerId && p.SchoolId == r.SchoolId && p.TeamId == r.TeamId,
                IOwnerScoped p => p.OwnerId == row.OwnerId,
                _ => true,
            };
            if (!agrees)
                throw new AccessDeniedException($"A new {entry.Metadata.ClrType.Name} is placed elsewhere than its {nav.Metadata.Name}.");
        }
    }

    private static object? FindTracked(EntityEntry entry, ReferenceEntry nav)
    {
        var fk = ((Microsoft.EntityFrameworkCore.Metadata.INavigation)nav.Metadata).ForeignKey;
        if (fk.Properties.Count != 1 || entry.Property(fk.Properties[0].Name).CurrentValue is not { } key) return null;
        var principal = fk.PrincipalEntityType;
        return entry.Context.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == principal && Equals(e.Property(fk.PrincipalKey.Properties[0].Name).CurrentValue, key))?.Entity;
    }
}

/// <summary>
/// Rows the application's own code writes for anyone (no user decides their target), declared so that the
/// write guard can refuse every type nobody thought about: list the types in a subclass beside them.
/// </summary>
public abstract class OpenWrite(params Type[] types) : IWriteRule
{
    public IEnumerable<Type> EntityTypes => types;
    public bool MayWrite(WriteContext write) => true;
}

/// <summary>Rows no person writes through the application (seeded with the schema or by the system): declared, so the refusal is a decision.</summary>
public abstract class NoWrite(params Type[] types) : IWriteRule
{
    public IEnumerable<Type> EntityTypes => types;
    public bool MayWrite(WriteContext write) => false;
}
