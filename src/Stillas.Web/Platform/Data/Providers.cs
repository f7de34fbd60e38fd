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

public sealed class PostgresStillasDb(DbContextOptions<PostgresStillasDb> options) : StillasDb(options)
{
    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // A DateTime in the model is a wall-clock time in Europe/Oslo (a meeting's start as a calendar shows it), not an
        // instant (those are DateTimeOffset, stored in UTC): PostgreSQL keeps it as it is, without a time zone.
        foreach (var property in b.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
            property.SetColumnType("timestamp without time zone");
    }
}

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
