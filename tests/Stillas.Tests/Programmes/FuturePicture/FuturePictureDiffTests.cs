using Stillas.Web.Features.Programmes.FuturePicture;

namespace Stillas.Tests.Programmes.FuturePicture;

public sealed class FuturePictureDiffTests
{
    [Fact]
    public void Words_shows_removed_and_added_words_and_keeps_the_rest()
    {
        var parts = FuturePictureDiff.Words("Elevene leser hver dag.\nLærerne veileder.", "Elevene leser høyt hver dag.\nLærerne veileder.");
        Assert.Equal([new DiffPart(DiffKind.Same, "Elevene leser "), new DiffPart(DiffKind.Added, "høyt "), new DiffPart(DiffKind.Same, "hver dag.\nLærerne veileder.")], parts);
        Assert.Equal("Elevene leser hver dag.\nLærerne veileder.", string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text)));
    }

    [Fact]
    public void Identical_texts_have_no_changes_and_empty_to_text_is_all_added()
    {
        Assert.False(FuturePictureDiff.HasChanges(FuturePictureDiff.Words("Samme tekst", "Samme tekst")));
        Assert.Equal([new DiffPart(DiffKind.Added, "Ny tekst")], FuturePictureDiff.Words("", "Ny tekst"));
    }

    [Fact]
    public void Signs_are_matched_by_stable_key_not_by_position()
    {
        Guid k1 = Guid.NewGuid(), k2 = Guid.NewGuid(), k3 = Guid.NewGuid(), k4 = Guid.NewGuid();
        var a = new[] { new SignView(k1, 1, "En"), new SignView(k2, 2, "To"), new SignView(k3, 3, "Tre") };
        var b = new[] { new SignView(k2, 1, "To endret"), new SignView(k1, 2, "En"), new SignView(k4, 3, "Fire") };
        var changes = FuturePictureDiff.Signs(a, b);
        Assert.Equal([SignChangeKind.Changed, SignChangeKind.Unchanged, SignChangeKind.Added, SignChangeKind.Removed], changes.Select(c => c.Kind));
        Assert.Equal([k2, k1, k4, k3], changes.Select(c => c.StableKey));
        Assert.Equal(2, changes[0].OldOrder);
    }

    [Fact]
    public void Html_encodes_text_and_labels_changes_for_screen_readers()
    {
        var html = FuturePictureDiff.Html([new DiffPart(DiffKind.Removed, "<b>"), new DiffPart(DiffKind.Added, "ny")]).ToString();
        Assert.Equal("<del class=\"diff-del\"><span class=\"visually-hidden\">[Fjernet: </span>&lt;b&gt;<span class=\"visually-hidden\">]</span></del>"
                     + "<ins class=\"diff-ins\"><span class=\"visually-hidden\">[Lagt til: </span>ny<span class=\"visually-hidden\">]</span></ins>", html);
    }

    [Fact]
    public void Very_long_texts_fall_back_to_a_whole_block_diff_quickly()
    {
        var a = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"a{i}"));
        var b = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"b{i}"));
        var parts = FuturePictureDiff.Words(a, b);
        Assert.Equal([DiffKind.Removed, DiffKind.Added], parts.Select(p => p.Kind));
    }
}
