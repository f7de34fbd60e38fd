using System.Diagnostics;
using System.Globalization;

namespace Stillas.Web.Platform.Web;

/// <summary>
/// A clock that starts at a configured instant and then runs at real speed (<c>Clock:Start</c>,
/// ISO 8601 with offset). The demo data is written for one school year; tests, screenshots and
/// demonstrations pin the day they were written for, so that "next session", "overdue" and
/// "due in two days" mean the same whenever they run. Unset (production), the system clock is used.
/// </summary>
public sealed class StartingClock(DateTimeOffset start) : TimeProvider
{
    private readonly long startedAt = Stopwatch.GetTimestamp();

    public DateTimeOffset Start { get; } = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => Start + Stopwatch.GetElapsedTime(startedAt);

    /// <summary>The clock the configuration asks for; a start that cannot be read stops the app with a clear message.</summary>
    public static TimeProvider FromConfiguration(IConfiguration config)
    {
        var value = config["Clock:Start"];
        if (string.IsNullOrWhiteSpace(value)) return TimeProvider.System;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
            throw new InvalidOperationException($"Clock:Start = '{value}' is not a date and time (write it as 2026-11-27T08:00:00+01:00).");
        return new StartingClock(start);
    }
}
