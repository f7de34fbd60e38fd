using Microsoft.Extensions.Caching.Memory;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Platform.Access;

/// <summary>
/// Keeps a person's computed scope for a few seconds, so a page does not pay three queries for it on
/// every request. Any saved change to people, memberships, teams or team members bumps a version
/// that is part of the key, so in this instance a change of access takes effect on the next request;
/// another instance sees it within <see cref="Lifetime"/>.
/// </summary>
public sealed class AccessScopeCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    // Per app, not per process: the tests run many apps in one process, and one app's seeding must not
    // empty another's cache (it made statement counts of pages flaky).
    private long version;

    public void Invalidate() => Interlocked.Increment(ref version);

    public async Task<AccessScope> GetAsync(StillasDb db, int personId, CancellationToken ct)
    {
        var key = (nameof(AccessScope), personId, Interlocked.Read(ref version));
        if (cache.TryGetValue(key, out AccessScope? scope) && scope is not null) return scope;
        scope = await AccessScopeLoader.LoadAsync(db, personId, ct);
        cache.Set(key, scope, Lifetime);
        return scope;
    }
}
