using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Owners;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Calendar;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Indicators;

/// <summary>Where Udir's open statistics API answers and which export tables hold Elevundersøkelsen (configured, never guessed).</summary>
public sealed class OpenStatisticsOptions
{
    public const string Section = "Indicators:OpenStatistics";
    /// <summary>Base address of the open export API; empty: the sync is not offered.</summary>
    public string? BaseAddress { get; set; }
    /// <summary>Table id per indicator code, e.g. EU_TRIVSEL=152.</summary>
    public Dictionary<string, string> Tables { get; set; } = [];
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Backoff { get; set; } = TimeSpan.FromMinutes(1);
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    public bool Enabled => !string.IsNullOrWhiteSpace(BaseAddress) && Tables.Count > 0;
}

public enum SyncState { Queued = 1, Running = 2, Done = 3, Stopped = 4, Failed = 5 }

/// <summary>
/// One fetch of the owner's Elevundersøkelsen figures from the open API for five school years, queued by its
/// administrator and run by <see cref="IndicatorSyncJob"/>. Its state is in the database, so a restart resumes it.
/// </summary>
[Audited("Henting fra Udirs åpne API")]
[NotEdited("written by the background job (the system) after an administrator queues it; no person edits it")]
public class IndicatorSync : IOwnerScoped
{
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public SyncState State { get; set; } = SyncState.Queued;
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedByName { get; set; } = "";
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>SHA-256 of the tables' filter specifications as this run found them.</summary>
    public string? FilterSignature { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int? ImportId { get; set; }
}

public sealed class IndicatorSyncConfiguration : IEntityTypeConfiguration<IndicatorSync>
{
    public void Configure(EntityTypeBuilder<IndicatorSync> b)
    {
        b.ToTable("IndicatorSyncs");
        b.Property(s => s.RequestedByName).HasMaxLength(200);
        b.Property(s => s.FilterSignature).HasMaxLength(64);
        b.Property(s => s.Message).HasMaxLength(1000);
        b.HasOne<SchoolOwner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.State, s.NextAttemptAt });
    }
}

/// <summary>Thrown when the API answers something that is not a transient fault (a changed or unreadable answer).</summary>
public sealed class OpenStatisticsChangedException(string message) : Exception(message);

/// <summary>
/// Runs queued syncs: for each table it fetches the filter specification first; if it differs from the one the last
/// completed sync saw, it stops and replaces nothing (the administrator sees why on the import page). Then it fetches
/// the owner's units for the five school years, turns the answer into the same rows a CSV import reads ('*' stays
/// '*'), and imports them all or nothing. Network faults and 5xx are retried with exponential backoff; after the last
/// attempt the sync is marked failed. A sync left running by a stopped instance is taken up again.
/// </summary>
public sealed class IndicatorSyncJob(IServiceScopeFactory scopes, TimeProvider clock, IHttpClientFactory http,
    Microsoft.Extensions.Options.IOptions<OpenStatisticsOptions> options, ILogger<IndicatorSyncJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        if (!await DatabaseReadiness.WaitAsync(scopes, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunOnceAsync(scopes, http.CreateClient(nameof(IndicatorSyncJob)), o, clock, stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "The indicator sync failed; trying again."); }
            try { await Task.Delay(o.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs every due sync once (the tests call this with a fake server).</summary>
    public static async Task<int> RunOnceAsync(IServiceScopeFactory scopes, HttpClient client, OpenStatisticsOptions o, TimeProvider clock, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentScope>().Scope = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<StillasDb>();
        var now = clock.GetUtcNow();
        var due = (await db.Set<IndicatorSync>().Where(s => s.State == SyncState.Queued || s.State == SyncState.Running).ToListAsync(ct))
            .Where(s => s.NextAttemptAt <= now).OrderBy(s => s.Id).ToList();
        foreach (var sync in due)
        {
            sync.State = SyncState.Running;
            sync.Attempts++;
            await db.SaveChangesAsync(ct);
            try
            {
                await RunAsync(db, client, o, sync, clock, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                if (sync.Attempts >= o.MaxAttempts)
                {
                    sync.State = SyncState.Failed;
                    sync.FinishedAt = clock.GetUtcNow();
                    sync.Message = L.T("Udirs åpne API svarte ikke etter {0} forsøk. Ingenting er erstattet.", sync.Attempts);
                }
                else
                {
                    sync.NextAttemptAt = clock.GetUtcNow() + o.Backoff * Math.Pow(2, sync.Attempts - 1);
                    sync.Message = L.T("Udirs åpne API svarte ikke (forsøk {0} av {1}). Prøver igjen senere.", sync.Attempts, o.MaxAttempts);
                }
            }
            catch (OpenStatisticsChangedException e)
            {
                sync.State = SyncState.Stopped;
                sync.FinishedAt = clock.GetUtcNow();
                sync.Message = e.Message;
            }
            db.ChangeTracker.Clear();
            db.Attach(sync).State = EntityState.Modified;
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }

    private static async Task RunAsync(StillasDb db, HttpClient client, OpenStatisticsOptions o, IndicatorSync sync, TimeProvider clock, CancellationToken ct)
    {
        // 1. The filter specifications, compared with what the last completed sync saw.
        var specs = new StringBuilder();
        foreach (var (code, table) in o.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            using var response = await client.GetAsync($"tables/{Uri.EscapeDataString(table)}/filters", ct);
            if ((int)response.StatusCode >= 500) throw new HttpRequestException($"{(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode) throw new OpenStatisticsChangedException(L.T("Udirs åpne API kjenner ikke tabellen {0} lenger. Ingenting er erstattet.", table));
            var spec = await response.Content.ReadAsStringAsync(ct);
            try { specs.Append(code).Append('=').Append(JsonSerializer.Serialize(JsonDocument.Parse(spec).RootElement)).Append('\n'); }
            catch (JsonException) { throw new OpenStatisticsChangedException(L.T("Udirs åpne API svarte med noe Stillas ikke kan lese. Ingenting er erstattet.")); }
        }
        var signature = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(specs.ToString())));
        var previous = await db.Set<IndicatorSync>().AsNoTracking().Where(s => s.OwnerId == sync.OwnerId && s.State == SyncState.Done && s.Id != sync.Id)
            .OrderByDescending(s => s.Id).Select(s => s.FilterSignature).FirstOrDefaultAsync(ct);
        sync.FilterSignature = signature;
        if (previous is not null && previous != signature)
            throw new OpenStatisticsChangedException(L.T("Udir har endret filtrene i det åpne API-et siden forrige henting. Henting er stoppet og ingenting er erstattet; be systemansvarlig kontrollere oppsettet."));

        // 2. The owner's units for the school years, as CSV rows the import reads.
        var orgs = await db.Schools.AsNoTracking().Where(s => s.OwnerId == sync.OwnerId).Select(s => s.OrganisationNumber).ToListAsync(ct);
        orgs.Add(await db.Owners.Where(w => w.Id == sync.OwnerId).Select(w => w.OrganisationNumber).SingleAsync(ct));
        var years = string.Join(',', Enumerable.Range(sync.FirstYear, sync.LastYear - sync.FirstYear + 1).Select(IndicatorImporter.YearText));
        var csv = new StringBuilder("Nivå;Organisasjonsnummer;Enhetsnavn;Skoleår;Indikator;Trinn;Kjønn;Verdi;Antall\n");
        foreach (var (code, table) in o.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            using var response = await client.GetAsync($"tables/{Uri.EscapeDataString(table)}/data?orgnr={Uri.EscapeDataString(string.Join(',', orgs))}&skoleaar={Uri.EscapeDataString(years)}", ct);
            if ((int)response.StatusCode >= 500) throw new HttpRequestException($"{(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode) throw new OpenStatisticsChangedException(L.T("Udirs åpne API kjenner ikke tabellen {0} lenger. Ingenting er erstattet.", table));
            JsonDocument doc;
            try { doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)); }
            catch (JsonException) { throw new OpenStatisticsChangedException(L.T("Udirs åpne API svarte med noe Stillas ikke kan lese. Ingenting er erstattet.")); }
            using (doc)
                foreach (var row in doc.RootElement.EnumerateArray())
                {
                    string F(string name) => row.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ValueKind == JsonValueKind.Null ? "" : v.GetRawText()).Replace(";", ",", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) : "";
                    csv.Append(F("Nivaa")).Append(';').Append(F("Organisasjonsnummer")).Append(';').Append(F("Enhetsnavn")).Append(';').Append(F("Skoleaar")).Append(';')
                       .Append(code).Append(';').Append(F("Trinn")).Append(';').Append(F("Kjonn")).Append(';').Append(F("Verdi")).Append(';').Append(F("Antall")).Append('\n');
                }
        }
        var text = csv.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var preview = await IndicatorImporter.PreviewAsync(db, sync.OwnerId, ExportKind.PupilSurvey, text, hash, new Dictionary<IndicatorColumn, string?>(), ct);
        if (!preview.CanImport && !(preview.SameFile is not null))
        {
            var reason = preview.Parsed.FileErrors.Concat(preview.Parsed.Errors.Take(3).Select(e => L.T("linje {0}: {1}", e.Line, e.Message))).ToList();
            throw new OpenStatisticsChangedException(L.T("Svaret fra Udirs åpne API kunne ikke importeres ({0}). Ingenting er erstattet.", reason.Count > 0 ? string.Join("; ", reason) : L.T("ukjente organisasjonsnumre")));
        }
        var import = preview.SameFile is null ? await IndicatorImporter.ApplyAsync(db, AccessScope.System, sync.OwnerId, ExportKind.PupilSurvey, "udir-apent-api.csv", null, preview, clock, ct) : null;
        sync.State = SyncState.Done;
        sync.FinishedAt = clock.GetUtcNow();
        sync.ImportId = import?.Id ?? preview.SameFile?.Id;
        sync.Message = import is null ? L.T("Ingen endringer siden forrige henting.") : L.T("{0} tall er importert for {1}.", preview.Resolved.Count.ToString("N0", CultureInfo.CurrentCulture), IndicatorImporter.YearsText(preview.Years));
    }

    /// <summary>Queues a sync for the owner's last five school years (the school year before today's and four before it).</summary>
    public static IndicatorSync Queue(int ownerId, string by, DateOnly today, DateTimeOffset now)
    {
        var last = SchoolYear.Of(today).StartYear - 1;
        return new IndicatorSync { OwnerId = ownerId, RequestedAt = now, RequestedByName = by, FirstYear = last - 4, LastYear = last, NextAttemptAt = now };
    }
}

public static class IndicatorServices
{
    public static IServiceCollection AddIndicators(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OpenStatisticsOptions>(config.GetSection(OpenStatisticsOptions.Section));
        services.AddHttpClient(nameof(IndicatorSyncJob), (sp, c) =>
        {
            var o = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenStatisticsOptions>>().Value;
            if (o.Enabled) c.BaseAddress = new Uri(o.BaseAddress!.TrimEnd('/') + "/");
            c.Timeout = o.Timeout;
        });
        services.AddHostedService<IndicatorSyncJob>();
        return services;
    }
}
