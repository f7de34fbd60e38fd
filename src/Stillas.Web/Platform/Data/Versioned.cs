using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Text;
using Stillas.Web.Platform.Web;

namespace Stillas.Web.Platform.Data;

/// <summary>
/// A record people edit: it carries a concurrency token (an <c>int</c>, <c>Version</c> unless
/// <see cref="VersionedByAttribute"/> names another property), made a concurrency token for every
/// implementing type by one loop in <see cref="StillasDb"/> and incremented by every save that changes the
/// row. A form or API call that edits the row sends the version it read; <see cref="Versioned.Expect"/>
/// makes the save check it, so a stale save is refused (<see cref="DbUpdateConcurrencyException"/> →
/// <see cref="EditConflicts"/>: 409 with both versions) instead of overwriting someone else's change.
/// </summary>
public interface IVersioned;

/// <summary>The concurrency token's property when <c>Version</c> already means something else (a model's or an agreement's version number).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VersionedByAttribute(string property) : Attribute
{
    public string Property { get; } = property;
}

/// <summary>A child row edited only through its parent's form, whose version guards it (the parent is written with every change to it).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VersionedWithAttribute(Type parent) : Attribute
{
    public Type Parent { get; } = parent;
}

/// <summary>
/// A record that is written once and never edited by a person (a log row, a stored version, a token): it
/// needs no concurrency token. The write guard refuses an update of it outside background jobs, so the
/// claim cannot silently stop being true.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotEditedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

public static class Versioned
{
    public const string DefaultProperty = "Version";
    private static readonly ConcurrentDictionary<Type, string> Tokens = new();

    /// <summary>The name of a versioned type's concurrency token.</summary>
    public static string TokenOf(Type type) =>
        Tokens.GetOrAdd(type, t => t.GetCustomAttribute<VersionedByAttribute>()?.Property ?? DefaultProperty);

    /// <summary>The version a versioned row has now.</summary>
    public static int Of(object entity) => (int)entity.GetType().GetProperty(TokenOf(entity.GetType()))!.GetValue(entity)!;

    /// <summary>
    /// The save of this (tracked) row must find it at <paramref name="version"/>, the version the form or API
    /// caller read; otherwise it fails with <see cref="DbUpdateConcurrencyException"/>. Without a version (an
    /// API client that sends none) the save is still checked against the row as it was loaded.
    /// </summary>
    public static void Expect<T>(this StillasDb db, T entity, int? version) where T : class, IVersioned =>
        db.Expectations[entity] = version;

    /// <summary>
    /// At save: a row with an expected version that this save changes (or whose <see cref="VersionedWithAttribute"/>
    /// child rows it changes) is written with <c>WHERE Version = expected</c> and the next version. A save that
    /// changes nothing is no conflict: a retried save of the same text (a page closed mid-save and its draft sent
    /// again) finds the row as it would have made it, and succeeds without writing.
    /// </summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> Bookkeeping =
        new[] { "UpdatedAt", "UpdatedByName", "UpdatedBy" }.ToFrozenSet();

    internal static void ApplyExpectations(StillasDb db)
    {
        if (db.Expectations.Count == 0) return;
        try
        {
            foreach (var (entity, version) in db.Expectations)
            {
                var entry = db.Entry(entity);
                if (entry.State is EntityState.Detached or EntityState.Added or EntityState.Deleted) continue;
                var token = entry.Property(TokenOf(entry.Metadata.ClrType));
                // Who and when saved last is bookkeeping of a change, not a change: alone, it writes nothing.
                var changed = entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != token.Metadata.Name
                    && !Bookkeeping.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue));
                var parent = entry.Metadata.ClrType;
                var children = !changed && db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                    && e.Metadata.ClrType.GetCustomAttribute<VersionedWithAttribute>()?.Parent == parent);
                if (!changed && !children)
                {
                    // The same content again (a retried save): nothing to write, so no conflict; the row keeps its version.
                    if (entry.State == EntityState.Modified) entry.State = EntityState.Unchanged;
                    continue;
                }
                if (version is int v) token.OriginalValue = v;
                token.CurrentValue = (int)token.OriginalValue! + 1;
            }
        }
        finally
        {
            db.Expectations.Clear();
        }
    }

    /// <summary>Called by SaveChanges: a changed versioned row gets the next version (the one it was read at + 1).</summary>
    internal static void Bump(EntityEntry entry)
    {
        if (entry.Entity is not IVersioned) return;
        var token = entry.Property(TokenOf(entry.Metadata.ClrType));
        if (entry.State != EntityState.Modified) return;
        if (token.IsModified || entry.Properties.Any(p => p.IsModified && p.Metadata.Name != token.Metadata.Name))
            token.CurrentValue = (int)token.OriginalValue! + 1;
    }
}

/// <summary>One field of a conflicting save: what is stored now (theirs) and what this save tried (yours).</summary>
public sealed record ConflictField(string Name, string Label, string? Theirs, string? Yours);

/// <summary>A save refused because someone else saved the same record first.</summary>
public sealed record EditConflict(string Entity, string EntityName, int? TheirVersion, string? TheirAuthor, DateTimeOffset? TheirTime, bool Deleted, IReadOnlyList<ConflictField> Fields)
{
    public const string Title = "Noen andre har endret dette i mellomtiden.";
}

/// <summary>Turns a refused save into both versions, for the page (<see cref="TrySaveAsync"/>) and the API (problem details).</summary>
public static class EditConflicts
{
    public const string ViewDataKey = "EditConflict";

    private static readonly FrozenSet<string> Hidden = new[] { "Id", "CreatedAt", "UpdatedAt", "OwnerId", "SchoolId", "TeamId", "ProgrammeId" }.ToFrozenSet();
    private static readonly string[] AuthorProperties = ["UpdatedByName", "UpdatedBy", "AuthorName", "SentByName", "SubmittedByName"];

    /// <summary>Both versions of the first row the save found changed: only the fields where they differ.</summary>
    public static async Task<EditConflict> DescribeAsync(DbUpdateConcurrencyException ex, CancellationToken ct)
    {
        var entry = ex.Entries.FirstOrDefault(e => e.Entity is IVersioned) ?? ex.Entries[0];
        var type = entry.Metadata.ClrType;
        var stored = await entry.GetDatabaseValuesAsync(ct);
        var token = entry.Entity is IVersioned ? Versioned.TokenOf(type) : null;
        var fields = new List<ConflictField>();
        foreach (var p in entry.Metadata.GetProperties())
        {
            if (p.IsShadowProperty() || p.IsKey() || p.IsForeignKey() || p.Name == token || Hidden.Contains(p.Name)) continue;
            if (p.ClrType == typeof(byte[]) || type.GetProperty(p.Name)?.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
            var theirs = stored?[p];
            var yours = entry.Property(p.Name).CurrentValue;
            if (Same(theirs, yours)) continue;
            fields.Add(new ConflictField(p.Name, Label(type, p.Name), Show(theirs), Show(yours)));
        }
        string? author = null;
        foreach (var name in AuthorProperties)
            if (stored is not null && entry.Metadata.FindProperty(name) is { } ap && stored[ap] is string s && s.Length > 0) { author = s; break; }
        DateTimeOffset? at = stored is not null && entry.Metadata.FindProperty("UpdatedAt") is { } up ? stored[up] as DateTimeOffset? : null;
        int? theirVersion = stored is not null && token is not null ? (int?)stored[token] : null;
        return new EditConflict(type.Name, AuditEntry.EntityName(type.Name), theirVersion, author, at, stored is null, fields);
    }

    /// <summary>
    /// Saves a page's changes; when someone else saved first, nothing is saved and the page shows both
    /// versions (the error summary), keeps what the person typed (the form's posted values) and carries the
    /// stored version in the form's hidden <c>Version</c> field, so saving again deliberately replaces theirs.
    /// Returns false then: the page reloads what it shows and returns <c>Page()</c> (status 409).
    /// </summary>
    public static async Task<bool> TrySaveAsync(this StillasDb db, PageModel page, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            await ShowAsync(db, page, ex, ct);
            return false;
        }
    }

    /// <summary>What <see cref="TrySaveAsync"/> does with a refused save, for a page that saves through a service.</summary>
    public static async Task<EditConflict> ShowAsync(StillasDb db, PageModel page, DbUpdateConcurrencyException ex, CancellationToken ct)
    {
        {
            var conflict = await DescribeAsync(ex, ct);
            page.ViewData[ViewDataKey] = conflict;
            page.ModelState.AddModelError("", conflict.Deleted
                ? L.T("Noen andre har slettet dette mens du skrev. Det du skrev er ikke lagret.")
                : L.T("Noen andre har endret dette mens du skrev. Det du skrev er ikke lagret ennå: se begge versjonene under, og lagre på nytt hvis din skal gjelde."));
            if (conflict.TheirVersion is int v)
                foreach (var key in page.ModelState.Keys.Where(k => k == "Version" || k.EndsWith(".Version", StringComparison.Ordinal)).Append("Input.Version").Distinct().ToList())
                    page.ModelState.SetModelValue(key, v, v.ToString(CultureInfo.InvariantCulture));
            page.HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            // The page reloads what it shows from the database, not from the refused changes.
            foreach (var e in db.ChangeTracker.Entries().ToList()) e.State = EntityState.Detached;
            return conflict;
        }
    }

    /// <summary>The API's answer to a refused save: 409 with both versions (RFC 9457 extensions <c>theirs</c> and <c>yours</c>).</summary>
    public static async Task<IResult> ProblemAsync(DbUpdateConcurrencyException ex, string traceId, CancellationToken ct)
    {
        var c = await DescribeAsync(ex, ct);
        var detail = c.Deleted
            ? L.T("Noen andre har slettet dette. Endringen din er ikke lagret.")
            : c.TheirAuthor is null
                ? L.T("Endringen din bygger på en eldre versjon; den lagrede er versjon {0}. Ingenting er lagret: hent den nye versjonen, slå sammen og send på nytt med \"version\": {0}.", c.TheirVersion)
                : L.T("Endringen din bygger på en eldre versjon; {1} sin er versjon {0}. Ingenting er lagret: hent den nye versjonen, slå sammen og send på nytt med \"version\": {0}.", c.TheirVersion, c.TheirAuthor);
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: L.T(EditConflict.Title), detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["traceId"] = traceId,
                ["entity"] = c.Entity,
                ["currentVersion"] = c.TheirVersion,
                ["theirs"] = c.Fields.ToDictionary(f => Camel(f.Name), f => f.Theirs),
                ["yours"] = c.Fields.ToDictionary(f => Camel(f.Name), f => f.Yours),
                ["updatedBy"] = c.TheirAuthor,
            });
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (System.Collections.IEnumerable x, System.Collections.IEnumerable y) when a is not string => Show(x) == Show(y),
        _ => Equals(a, b),
    };

    // A [Display(Name = "…")] is a bokmål catalog key like any other text.
    private static string Label(Type type, string property) =>
        type.GetProperty(property)?.GetCustomAttribute<DisplayAttribute>()?.GetName() is { } name ? L.Data(name) : Labels(type, property);

    // The fields people meet in a conflict, in the words of the forms (in the reader's language).
    private static string Labels(Type type, string property) => property switch
    {
        "Text" => L.T("Tekst"), "Name" => L.T("Navn"), "Points" => L.T("Punkter"), "Status" => L.T("Status"), "Date" => L.T("Dato"),
        "StartTime" => L.T("Starttid"), "EndTime" => L.T("Sluttid"), "Minutes" => L.T("Varighet (minutter)"), "Place" => L.T("Sted"),
        "VideoLink" => L.T("Videolenke"), "Participants" => L.T("Deltakere"), "Title" => L.T("Tittel"), "Description" => L.T("Beskrivelse"),
        "FeedbackDeadline" => L.T("Frist for tilbakemelding"), "ReadingAssignment" => L.T("Lesestoff"), "NextTopic" => L.T("Tema for neste veiledning"),
        "NextSessionDate" => L.T("Dato for neste veiledning"), "NextSessionTime" => L.T("Tid for neste veiledning"), "PointStatus" => L.T("Status per punkt"),
        "WishedTopic" => L.T("Ønsket tema"), "Email" => L.T("E-post"), "Phone" => L.T("Telefon"), "OrganisationNumber" => L.T("Organisasjonsnummer"),
        "Pupils" => L.T("Elever"), "Level" => L.T("Skoleslag"), "FirstGrade" => L.T("Fra trinn"), "LastGrade" => L.T("Til trinn"), "Active" => L.T("Aktiv"),
        "Capacity" => L.T("Kapasitet"), "DueDate" => L.T("Frist"), "Notes" => L.T("Notater"), "Comment" => L.T("Kommentar"), "Kind" => L.T("Type"),
        "Location" => L.T("Sted"), "Room" => L.T("Rom"), "Topic" => L.T("Tema"), "Summary" => L.T("Sammendrag"), "CycleStep" => L.T("Steg i læringssirkelen"),
        "CycleNote" => L.T("Notat om læringssirkelen"), "StartDate" => L.T("Startdato"), "EndDate" => L.T("Sluttdato"),
        // Any other field in the words of the audit log, which names every audited field (not the C# name).
        _ => Features.Audit.AuditFormat.FieldName(type.Name, property),
    };

    // Values as the reader's culture writes them (NorwegianTime: Europe/Oslo, 24.11.2026 or 24/11/2026); both
    // versions are shown (and compared) in the same culture.
    private static string? Show(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? L.T("Ja") : L.T("Nei"),
        DateOnly d => NorwegianTime.Date(d),
        TimeOnly t => NorwegianTime.Time(t),
        DateTimeOffset o => NorwegianTime.DateTime(o),
        DateTime dt => NorwegianTime.Date(DateOnly.FromDateTime(dt)) + " " + dt.ToString("HH:mm", CultureInfo.CurrentCulture),
        System.Collections.IEnumerable list => string.Join("\n", list.Cast<object?>().Select(Show)),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString(),
    };
}
