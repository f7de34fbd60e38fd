using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Stillas.Web.Platform.Data;

// One subclass per provider so that each keeps its own migrations (Platform/Data/Migrations/<Provider>).

public sealed class SqliteStillasDb(DbContextOptions<SqliteStillasDb> options) : StillasDb(options);

public sealed class PostgresStillasDb(DbContextOptions<PostgresStillasDb> options) : StillasDb(options);

/// <summary>Used by `dotnet ef migrations add … --context SqliteStillasDb`.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteStillasDb>
{
    public SqliteStillasDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStillasDb>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by `dotnet ef migrations add … --context PostgresStillasDb`.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresStillasDb>
{
    public PostgresStillasDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStillasDb>().UseNpgsql("Host=localhost;Database=stillas_design").Options);
}
