using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;

namespace Stillas.Tests.Platform;

/// <summary>Each provider's migrations describe the whole model: nobody forgot to add one.</summary>
public abstract class MigrationTests(StillasApp app)
{
    [Fact]
    public async Task Migrations_cover_the_model()
    {
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, "The model has changes without a migration: run dotnet ef migrations add for this provider.");
        var applied = await app.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(applied);
    }
}

public sealed class MigrationsOnSqlite(StillasApp app) : MigrationTests(app), IClassFixture<StillasApp>;

public sealed class MigrationsOnPostgres(PostgresApp app) : MigrationTests(app), IClassFixture<PostgresApp>;
