using System.Security.Claims;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Platform.Access;

public static class StillasClaims
{
    public const string PersonId = "stillas:person";
}

/// <summary>The person a login belongs to.</summary>
public static class PersonClaim
{
    public static int? PersonIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(StillasClaims.PersonId), out var id) ? id : null;
}

/// <summary>Fills the request's <see cref="CurrentScope"/> after authentication, before any page or endpoint runs.</summary>
public sealed class AccessScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CurrentScope current, StillasDb db, AccessScopeCache cache)
    {
        if (context.User.Identity?.IsAuthenticated == true && PersonClaim.PersonIdOf(context.User) is int personId)
            current.Scope = await cache.GetAsync(db, personId, context.RequestAborted);
        await next(context);
    }
}
