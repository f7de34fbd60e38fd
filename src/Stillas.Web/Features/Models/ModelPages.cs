using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Data;

namespace Stillas.Web.Features.Models;

/// <summary>What the model pages share: the view of a model, keys for copies, and how many programmes use a version.</summary>
/// <param name="Revision">The owner's model's concurrency token the page read, carried by its forms (null: a built-in model).</param>
public sealed record ModelView(ProgrammeTemplate Template, int? ModelId, bool CanEdit, int? Revision = null);

public static class ModelPages
{
    /// <summary>A key for an owner's copy from its name ("Nordvik-modellen" → "nordvik-modellen"), unique for the owner and never a built-in key.</summary>
    public static async Task<string> NewKeyAsync(StillasDb db, int ownerId, string name, CancellationToken ct)
    {
        var slug = Slug(name);
        var taken = await db.ProgrammeModels.TakenAsync(m => m.OwnerId == ownerId, m => m.Key, ct);
        var reserved = taken.Concat(ProgrammeTemplates.BuiltIn.Select(t => t.Key)).ToHashSet(StringComparer.Ordinal);
        var key = slug;
        for (var n = 2; reserved.Contains(key); n++) key = $"{slug}-{n}";
        return key;
    }

    /// <summary>A step key inside the model from the phase and title ("fase4.nettverksmote").</summary>
    public static string NewStepKey(ProgrammeTemplate template, string phaseKey, string title)
    {
        var slug = Slug(title).Replace("-", "", StringComparison.Ordinal);
        if (slug.Length > 40) slug = slug[..40];
        var key = $"{phaseKey}.{slug}";
        for (var n = 2; template.Steps.Any(s => s.Key == key); n++) key = $"{phaseKey}.{slug}{n}";
        return key;
    }

    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            var mapped = c switch { 'æ' => "ae", 'ø' => "o", 'å' => "a", _ => char.IsAsciiLetterOrDigit(c) ? c.ToString() : "-" };
            if (mapped == "-" && (sb.Length == 0 || sb[^1] == '-')) continue;
            sb.Append(mapped);
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 40) slug = slug[..40].Trim('-');
        return slug.Length == 0 ? "modell" : slug;
    }

    /// <summary>
    /// A refused save of a model: its steps are stored as JSON, which the conflict does not list, so the page
    /// names the fields it edits itself, theirs (as stored now) beside what the person sent.
    /// </summary>
    public static void ShowBoth(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, EditConflict conflict, IEnumerable<ConflictField> fields) =>
        page.ViewData[EditConflicts.ViewDataKey] = conflict with { Fields = [.. fields.Where(f => f.Theirs != f.Yours), .. conflict.Fields] };

    /// <summary>Programmes that started with this version of the owner's model (the owner's administrator sees them all).</summary>
    public static Task<int> ProgrammesUsingAsync(StillasDb db, ProgrammeModel model, CancellationToken ct) =>
        db.Programmes.CountAsync(p => p.OwnerId == model.OwnerId && p.TemplateKey == model.Key && p.TemplateVersion == model.Version, ct);
}
