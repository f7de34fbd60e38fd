using Microsoft.Extensions.Configuration;
using Stillas.Web.Platform.Web;

namespace Stillas.Tests.Platform;

public class StartingClockTests
{
    private static IConfiguration Config(string? start) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Clock:Start"] = start }).Build();

    [Fact]
    public async Task Starts_at_the_configured_moment_and_runs_at_real_speed()
    {
        var clock = StartingClock.FromConfiguration(Config("2026-11-27T08:00:00+01:00"));
        var first = clock.GetUtcNow();
        Assert.InRange(first, new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 27, 7, 0, 5, TimeSpan.Zero));
        // It moves on with real time: poll (no fixed sleep) until it has, within a generous deadline.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (clock.GetUtcNow() - first < TimeSpan.FromMilliseconds(40) && DateTime.UtcNow < deadline) await Task.Yield();
        Assert.InRange(clock.GetUtcNow() - first, TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Unset_is_the_system_clock() => Assert.Same(TimeProvider.System, StartingClock.FromConfiguration(Config(null)));

    [Fact]
    public void A_start_that_is_not_a_date_stops_with_a_message_that_says_how_to_write_it()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StartingClock.FromConfiguration(Config("i morgen")));
        Assert.Contains("2026-11-27T08:00:00+01:00", ex.Message);
    }
}
