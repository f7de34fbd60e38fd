using System.Threading.RateLimiting;

namespace Stillas.Web.Features.Surveys;

/// <summary>Limits on guessing answer links (<c>SurveyLimits:*</c>): unknown tokens per client address in a fixed window.</summary>
public sealed class SurveyLimits
{
    public int GuessesPerAddress { get; set; } = 20;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Guessed answer links (part 6): every unknown token costs a permit of ASP.NET Core's rate limiter, per client address;
/// an address without permits gets 429 for its next unknown token. A known link (used, or its survey closed) costs
/// nothing: the person who answered and tries again is no guesser. Per instance, in memory, as the login limits.
/// </summary>
public sealed class SurveyGuessLimiter(SurveyLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.GuessesPerAddress, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Counts a guess from <paramref name="context"/>'s address; false when the address has guessed too often.</summary>
    public bool TryGuess(HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "?");
        if (lease.IsAcquired) return true;
        context.Response.Headers.RetryAfter = ((int)limits.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return false;
    }

    public void Dispose() => limiter.Dispose();
}

public static class SurveySetup
{
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection("SurveyLimits").Get<SurveyLimits>() ?? new SurveyLimits());
        services.AddSingleton<SurveyGuessLimiter>();
        return services;
    }
}
