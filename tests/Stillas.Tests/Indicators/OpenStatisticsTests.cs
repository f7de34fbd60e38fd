using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stillas.Tests.Support;
using Stillas.Web.Features.Indicators;

namespace Stillas.Tests.Indicators;

/// <summary>
/// Issue 21, part 11: the open statistics API for Elevundersøkelsen, against a fake server (Kestrel on a local port)
/// with recorded answers, never the real API: a fault is retried, '*' stays '*', a changed filter stops and replaces nothing.
/// </summary>
public abstract class OpenStatisticsTests(StillasApp app)
{
    private sealed class FakeUdir : IAsyncDisposable
    {
        public string Filters = """{"filtre":[{"id":"Skoleaar"},{"id":"Trinn"},{"id":"Kjonn"}]}""";
        public string Data = "[]";
        public int FailNext;
        public int Calls;
        private readonly WebApplication web;
        public string Address { get; }

        public FakeUdir()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            web = builder.Build();
            web.Run(async context =>
            {
                Interlocked.Increment(ref Calls);
                if (FailNext > 0) { FailNext--; context.Response.StatusCode = 503; return; }
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(context.Request.Path.Value!.EndsWith("/filters", StringComparison.Ordinal) ? Filters : Data);
            });
            web.StartAsync().GetAwaiter().GetResult();
            Address = web.Urls.First();
        }

        public async ValueTask DisposeAsync() => await web.DisposeAsync();
    }

    [Fact]
    public async Task A_sync_is_retried_after_a_fault_imports_with_stars_kept_and_stops_without_replacing_when_the_filters_change()
    {
        await using var udir = new FakeUdir();
        var (nordvik, sentrumOrg) = await app.WithDbAsync(async db => (
            await db.Owners.Where(o => o.Name == "Nordvik kommune").Select(o => o.Id).SingleAsync(),
            await db.Schools.Where(s => s.Name == "Sentrum skole").Select(s => s.OrganisationNumber).SingleAsync()));
        var first = 2050 + (app.Provider == Provider.Postgres ? 10 : 0);
        udir.Data = $$"""
            [{"Nivaa":"Skole","Organisasjonsnummer":"{{sentrumOrg}}","Enhetsnavn":"Sentrum skole","Skoleaar":"{{first}}-{{(first + 1) % 100:00}}","Trinn":"7","Kjonn":"Alle","Verdi":"4,1","Antall":"48"},
             {"Nivaa":"Skole","Organisasjonsnummer":"{{sentrumOrg}}","Enhetsnavn":"Sentrum skole","Skoleaar":"{{first + 1}}-{{(first + 2) % 100:00}}","Trinn":"7","Kjonn":"Alle","Verdi":"*","Antall":null}]
            """;
        var options = new OpenStatisticsOptions { BaseAddress = udir.Address, Tables = { [IndicatorCatalogue.Wellbeing] = "152" }, Backoff = TimeSpan.Zero, MaxAttempts = 3 };
        using var http = new HttpClient { BaseAddress = new Uri(udir.Address.TrimEnd('/') + "/") };
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        async Task<IndicatorSync> QueueAsync() => await app.WithDbAsync(async db =>
        {
            var sync = new IndicatorSync { OwnerId = nordvik, RequestedAt = clock.GetUtcNow(), RequestedByName = "Test", FirstYear = first, LastYear = first + 4, NextAttemptAt = clock.GetUtcNow() };
            db.Add(sync);
            await db.SaveChangesAsync();
            return sync;
        });
        Task<IndicatorSync> StateAsync(int id) => app.WithDbAsync(db => db.Set<IndicatorSync>().AsNoTracking().SingleAsync(s => s.Id == id));
        Task<List<IndicatorValue>> ValuesAsync() => app.WithDbAsync(db => db.Set<IndicatorValue>().AsNoTracking().Where(v => v.OwnerId == nordvik && v.SchoolYear >= first && v.SchoolYear <= first + 4).ToListAsync());

        // The API is down once: the sync stays due (state in the database, so a restart takes it up) and says so.
        var sync = await QueueAsync();
        udir.FailNext = 1;
        await IndicatorSyncJob.RunOnceAsync(scopes, http, options, clock, CancellationToken.None);
        var afterFault = await StateAsync(sync.Id);
        Assert.Equal((SyncState.Running, 1), (afterFault.State, afterFault.Attempts));
        Assert.Contains("forsøk 1 av 3", afterFault.Message);
        Assert.Empty(await ValuesAsync());

        // The next run imports: '*' stays skjermet, never a number.
        await IndicatorSyncJob.RunOnceAsync(scopes, http, options, clock, CancellationToken.None);
        var done = await StateAsync(sync.Id);
        Assert.Equal(SyncState.Done, done.State);
        var values = await ValuesAsync();
        Assert.Equal(2, values.Count);
        Assert.Contains(values, v => v.SchoolYear == first && v.Status == ValueStatus.Value && v.Value == 4.1m && v.Denominator == 48);
        Assert.Contains(values, v => v.SchoolYear == first + 1 && v.Status == ValueStatus.Suppressed && v.Value == null);

        // Udir changes the filter specification: the next sync stops, and nothing is replaced.
        udir.Filters = """{"filtre":[{"id":"Skoleaar"},{"id":"Trinn"},{"id":"Kjonn"},{"id":"Eierform"}]}""";
        udir.Data = "[]";
        var changed = await QueueAsync();
        await IndicatorSyncJob.RunOnceAsync(scopes, http, options, clock, CancellationToken.None);
        var stopped = await StateAsync(changed.Id);
        Assert.Equal(SyncState.Stopped, stopped.State);
        Assert.Contains("Udir har endret filtrene", stopped.Message);
        Assert.Equal(2, (await ValuesAsync()).Count(v => v.Current));

        // The administrator sees why on the import page.
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var page = WebUtility.HtmlDecode(await (await admin.GetAsync($"/Indicators/Import?owner={nordvik}")).Content.ReadAsStringAsync());
        Assert.Contains("Udir har endret filtrene", page);
    }
}

public sealed class OpenStatisticsTestsOnSqlite(StillasApp app) : OpenStatisticsTests(app), IClassFixture<StillasApp>;

public sealed class OpenStatisticsTestsOnPostgres(PostgresApp app) : OpenStatisticsTests(app), IClassFixture<PostgresApp>;
