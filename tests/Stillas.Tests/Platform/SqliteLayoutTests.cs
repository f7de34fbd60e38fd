using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;

namespace Stillas.Tests.Platform;

/// <summary>
/// SQLite reads a row's columns in order and keeps what does not fit in a page in overflow pages: a large
/// column in the middle of a row makes every later column cost its overflow pages. The programme's model
/// snapshot (≈ 14 KB of JSON) must stay the last column of Programmes, after the migrations of a new database.
/// </summary>
public sealed class SqliteLayoutTests
{
    [Fact]
    public async Task The_programme_model_snapshot_is_the_last_column()
    {
        using var app = new StillasApp();
        var columns = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('Programmes') ORDER BY cid").ToListAsync());
        Assert.True(columns.Count > 10, string.Join(",", columns));
        Assert.Equal("TemplateJson", columns[^1]);
        Assert.Contains("Status", columns);
    }
}
