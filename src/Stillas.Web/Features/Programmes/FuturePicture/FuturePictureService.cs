using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.FuturePicture;

/// <summary>One sign as typed: its key when it came from an earlier version (null for a new one).</summary>
public sealed record SignInput(Guid? Key, string? Text);

/// <summary>What the editor (page or API) sends to save a new version.</summary>
public sealed class FuturePictureInput
{
    public const int MaxSigns = 50;

    public string? DevelopmentArea { get; set; }
    public string? Text { get; set; }
    public string? ChangeNote { get; set; }
    public List<SignInput> Signs { get; set; } = [];
    /// <summary>The version the editor started from (0 for the first); a newer one saved since is a conflict.</summary>
    public int? ExpectedVersion { get; set; }

    /// <summary>Field errors in Norwegian; field names are the input's property names ("Signs[2]").</summary>
    public List<(string Field, string Message)> Check()
    {
        var errors = new List<(string, string)>();
        var area = DevelopmentArea?.Trim() ?? "";
        if (area.Length == 0) errors.Add((nameof(DevelopmentArea), L.T("Skriv hvilket utviklingsområde skolen har valgt.")));
        else if (area.Length > FuturePictureVersion.DevelopmentAreaMax) errors.Add((nameof(DevelopmentArea), L.T("Utviklingsområdet kan ha høyst {0} tegn (nå {1}).", FuturePictureVersion.DevelopmentAreaMax, area.Length)));
        var text = Text?.Trim() ?? "";
        if (text.Length > FuturePictureVersion.TextMax) errors.Add((nameof(Text), L.T("Fremtidsbildet kan ha høyst {0} tegn (nå {1}).", FuturePictureVersion.TextMax, text.Length)));
        if ((ChangeNote?.Trim().Length ?? 0) > 500) errors.Add((nameof(ChangeNote), L.T("Endringsnotatet kan ha høyst 500 tegn.")));
        if (Signs.Count(s => !string.IsNullOrWhiteSpace(s.Text)) > MaxSigns) errors.Add((nameof(Signs), L.T("Fremtidsbildet kan ha høyst {0} tegn på god praksis.", MaxSigns)));
        for (var i = 0; i < Signs.Count; i++)
            if ((Signs[i].Text?.Trim().Length ?? 0) > SignOfGoodPractice.TextMax)
                errors.Add(($"Signs[{i}]", L.T("Tegn {0} kan ha høyst {1} tegn.", i + 1, SignOfGoodPractice.TextMax)));
        if (ExpectedVersion is null or < 0) errors.Add((nameof(ExpectedVersion), L.T("Oppgi hvilken versjon du tok utgangspunkt i.")));
        return errors;
    }
}

public abstract record SaveOutcome
{
    public sealed record Saved(int Number) : SaveOutcome;
    /// <summary>Someone saved <paramref name="Current"/> after the editor opened version <paramref name="Expected"/>.</summary>
    public sealed record Conflict(int Expected, int Current) : SaveOutcome;
}

public sealed record SignView(Guid StableKey, int Order, string Text);
public sealed record VersionView(int Number, string DevelopmentArea, string Text, string AuthorName, DateTimeOffset CreatedAt, string? ChangeNote, IReadOnlyList<SignView> Signs);
public sealed record VersionSummary(int Number, string AuthorName, DateTimeOffset CreatedAt, string? ChangeNote);
public sealed record CommentView(int Id, int VersionNumber, string AuthorName, string Text, DateTimeOffset CreatedAt, bool Resolved);

public static class FuturePictureQueries
{
    /// <summary>The signs of good practice in the current version, for the assessment days; empty before the first version.</summary>
    public static async Task<IReadOnlyList<(Guid StableKey, int Order, string Text)>> CurrentSignsAsync(StillasDb db, int programmeId, CancellationToken ct = default)
    {
        var rows = await db.SignsOfGoodPractice.AsNoTracking()
            .Where(s => s.FuturePictureVersion!.FuturePicture!.ProgrammeId == programmeId
                        && s.FuturePictureVersion.Number == s.FuturePictureVersion.FuturePicture.CurrentVersion)
            .OrderBy(s => s.Order).Select(s => new { s.StableKey, s.Order, s.Text }).ToListAsync(ct);
        return rows.Select(r => (r.StableKey, r.Order, r.Text)).ToList();
    }

    public static Task<FuturePicture?> FindAsync(StillasDb db, int programmeId, CancellationToken ct) =>
        db.FuturePictures.AsNoTracking().SingleOrDefaultAsync(f => f.ProgrammeId == programmeId, ct);

    public static async Task<VersionView?> VersionAsync(StillasDb db, int programmeId, int number, CancellationToken ct)
    {
        var v = await db.FuturePictureVersions.AsNoTracking().Include(x => x.Signs)
            .SingleOrDefaultAsync(x => x.FuturePicture!.ProgrammeId == programmeId && x.Number == number, ct);
        return v is null ? null : new VersionView(v.Number, v.DevelopmentArea, v.Text, v.AuthorName, v.CreatedAt, v.ChangeNote,
            v.Signs.OrderBy(s => s.Order).Select(s => new SignView(s.StableKey, s.Order, s.Text)).ToList());
    }

    public static async Task<List<VersionSummary>> VersionsAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var rows = await db.FuturePictureVersions.AsNoTracking().Where(v => v.FuturePicture!.ProgrammeId == programmeId)
            .Select(v => new { v.Number, v.AuthorName, v.CreatedAt, v.ChangeNote }).ToListAsync(ct);
        return rows.OrderByDescending(v => v.Number).Select(v => new VersionSummary(v.Number, v.AuthorName, v.CreatedAt, v.ChangeNote)).ToList();
    }

    public static async Task<List<CommentView>> CommentsAsync(StillasDb db, int programmeId, CancellationToken ct)
    {
        var rows = await db.FuturePictureComments.AsNoTracking().Where(c => c.FuturePicture!.ProgrammeId == programmeId)
            .Select(c => new { c.Id, c.VersionNumber, c.AuthorName, c.Text, c.CreatedAt, c.Resolved }).ToListAsync(ct);
        return rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => new CommentView(c.Id, c.VersionNumber, c.AuthorName, c.Text, c.CreatedAt, c.Resolved)).ToList();
    }
}

public static class FuturePictureCommands
{
    /// <summary>
    /// Saves the input as a new version (never an overwrite). When a version newer than the one the
    /// editor started from exists, nothing is saved and the outcome is a conflict. Call after
    /// <see cref="FuturePictureInput.Check"/> and the permission check.
    /// </summary>
    public static async Task<SaveOutcome> SaveVersionAsync(StillasDb db, GuidanceProgramme programme, AccessScope scope, FuturePictureInput input, CancellationToken ct)
    {
        var expected = input.ExpectedVersion ?? 0;
        var picture = await db.FuturePictures.SingleOrDefaultAsync(f => f.ProgrammeId == programme.Id, ct);
        var current = picture?.CurrentVersion ?? 0;
        if (current != expected) return new SaveOutcome.Conflict(expected, current);

        var knownKeys = picture is null ? [] : (await db.SignsOfGoodPractice.Where(s => s.FuturePictureVersion!.FuturePictureId == picture.Id && s.FuturePictureVersion.Number == current)
            .Select(s => s.StableKey).ToListAsync(ct)).ToHashSet();
        if (picture is null)
        {
            picture = new FuturePicture { ProgrammeId = programme.Id }.PlaceIn(programme);
            db.FuturePictures.Add(picture);
        }
        var number = current + 1;
        picture.CurrentVersion = number;
        picture.Version++;
        var version = new FuturePictureVersion
        {
            FuturePicture = picture, Number = number,
            DevelopmentArea = input.DevelopmentArea?.Trim() ?? "", Text = input.Text?.Trim() ?? "",
            ChangeNote = string.IsNullOrWhiteSpace(input.ChangeNote) ? null : input.ChangeNote.Trim(),
            AuthorPersonId = scope.PersonId, AuthorName = scope.ActorName,
        }.PlaceIn(picture);
        var used = new HashSet<Guid>();
        var order = 0;
        foreach (var sign in input.Signs.Where(s => !string.IsNullOrWhiteSpace(s.Text)))
        {
            // A sign keeps its key only if it came from the version the editor started from.
            var key = sign.Key is Guid k && knownKeys.Contains(k) && used.Add(k) ? k : Guid.NewGuid();
            version.Signs.Add(new SignOfGoodPractice { Order = ++order, Text = sign.Text!.Trim(), StableKey = key }.PlaceIn(picture));
        }
        db.FuturePictureVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved in between (concurrency token or the unique programme/number indexes).
            db.ChangeTracker.Clear();
            var now = await db.FuturePictures.AsNoTracking().Where(f => f.ProgrammeId == programme.Id).Select(f => (int?)f.CurrentVersion).SingleOrDefaultAsync(ct);
            return new SaveOutcome.Conflict(expected, now ?? 0);
        }
        return new SaveOutcome.Saved(number);
    }

    /// <summary>Adds a comment on the current version; null when there is no version yet to comment on.</summary>
    public static async Task<FuturePictureComment?> CommentAsync(StillasDb db, int programmeId, AccessScope scope, string text, CancellationToken ct)
    {
        var picture = await db.FuturePictures.AsNoTracking().SingleOrDefaultAsync(f => f.ProgrammeId == programmeId, ct);
        if (picture is null || picture.CurrentVersion == 0) return null;
        var comment = new FuturePictureComment
        {
            FuturePictureId = picture.Id, VersionNumber = picture.CurrentVersion,
            AuthorPersonId = scope.PersonId, AuthorName = scope.ActorName, Text = text.Trim(),
        }.PlaceIn(picture);
        db.FuturePictureComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return comment;
    }

    public static List<(string Field, string Message)> CheckComment(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return [("Text", L.T("Skriv en kommentar."))];
        if (t.Length > FuturePictureComment.TextMax) return [("Text", L.T("Kommentaren kan ha høyst {0} tegn (nå {1}).", FuturePictureComment.TextMax, t.Length))];
        return [];
    }
}
