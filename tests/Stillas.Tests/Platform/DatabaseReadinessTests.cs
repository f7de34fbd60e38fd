using Microsoft.AspNetCore.Http;
using Stillas.Web.Platform.Data;

namespace Stillas.Tests.Platform;

/// <summary>The gate that lets the app answer while the database is prepared in the background.</summary>
public sealed class DatabaseReadinessTests
{
    private static (DatabaseReadinessGate Gate, List<string> Passed) Gate(DatabaseReadiness readiness)
    {
        var passed = new List<string>();
        return (new DatabaseReadinessGate(c => { passed.Add(c.Request.Path); return Task.CompletedTask; }, readiness), passed);
    }

    private static DefaultHttpContext Request(string path, string method = "GET")
    {
        var c = new DefaultHttpContext();
        c.Request.Path = path;
        c.Request.Method = method;
        c.Response.Body = new MemoryStream();
        return c;
    }

    [Fact]
    public async Task Pages_wait_until_the_database_is_ready_and_then_go_through()
    {
        var readiness = new DatabaseReadiness();
        var (gate, passed) = Gate(readiness);
        var schools = gate.InvokeAsync(Request("/Schools"));
        var login = gate.InvokeAsync(Request("/Account/Login"));
        var post = gate.InvokeAsync(Request("/Account/Login", "POST"));
        // A request the gate let through would have passed synchronously, before InvokeAsync returned.
        Assert.Empty(passed);

        readiness.MarkMigrated();
        await login.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["/Account/Login"], passed);
        Assert.False(schools.IsCompleted);
        Assert.False(post.IsCompleted);

        readiness.MarkReady();
        await Task.WhenAll(schools, post).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, passed.Count);
    }

    [Fact]
    public async Task On_SQLite_the_login_form_answers_at_once_and_everything_else_still_waits()
    {
        // SQLite keeps the data-protection keys in files, so the form's antiforgery token needs no schema.
        var readiness = new DatabaseReadiness { LoginFormNeedsSchema = false };
        var (gate, passed) = Gate(readiness);
        await gate.InvokeAsync(Request("/Account/Login")).WaitAsync(TimeSpan.FromSeconds(5));
        var post = gate.InvokeAsync(Request("/Account/Login", "POST"));
        var schools = gate.InvokeAsync(Request("/Schools"));
        Assert.Equal(["/Account/Login"], passed);
        Assert.False(post.IsCompleted);

        readiness.MarkReady();
        await Task.WhenAll(schools, post).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, passed.Count);
    }

    [Fact]
    public async Task Liveness_and_static_files_pass_at_once_readiness_says_503()
    {
        var readiness = new DatabaseReadiness();
        var (gate, passed) = Gate(readiness);
        await gate.InvokeAsync(Request("/health/live")).WaitAsync(TimeSpan.FromSeconds(5));
        await gate.InvokeAsync(Request("/lib/designsystemet.css")).WaitAsync(TimeSpan.FromSeconds(5));
        var ready = Request("/health/ready");
        await gate.InvokeAsync(ready).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["/health/live", "/lib/designsystemet.css"], passed);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ready.Response.StatusCode);
    }

    [Fact]
    public async Task A_failed_preparation_answers_503_in_Norwegian_instead_of_hanging()
    {
        var readiness = new DatabaseReadiness();
        var (gate, passed) = Gate(readiness);
        var context = Request("/Schools");
        var waiting = gate.InvokeAsync(context);
        readiness.Fail(new InvalidOperationException("migration failed"));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(passed);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("databasen ikke kunne klargjøres", await new StreamReader(context.Response.Body).ReadToEndAsync());
    }
}
