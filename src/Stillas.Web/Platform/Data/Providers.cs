using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Stillas.Web.Platform.Data;

// One subclass per provider so that each keeps its own migrations (Platform/Data/Migrations/<Provider>).

public sealed class SqliteStillasDb(DbContextOptions<SqliteStillasDb> options) : StillasDb(options)
{
    protected override bool TextListFilters => true;

    /// <summary>
    /// SQLite has no instant type and EF Core cannot compare or order DateTimeOffset stored as text;
    /// stored as a binary long (all our instants are UTC) they compare, order and index in SQL.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

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
