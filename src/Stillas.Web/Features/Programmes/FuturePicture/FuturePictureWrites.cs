using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Programmes.FuturePicture;

/// <summary>
/// Who may write a future picture. The school owns the text (seed 000 § 1, Fase 2: "the school writes its
/// future picture, in dialogue with the team"), so only those who act for the school save versions. Those
/// who run the programme and the school's leaders comment, and may mark a comment resolved.
/// </summary>
public sealed class FuturePictureWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes => [typeof(FuturePicture), typeof(FuturePictureVersion), typeof(SignOfGoodPractice), typeof(FuturePictureComment)];

    private static readonly HashSet<string> ResolvedField = [nameof(FuturePictureComment.Resolved)];

    public bool MayWrite(WriteContext w) => w.Entry.Entity switch
    {
        FuturePicture => !w.Deleted && w.Can(Permission.ActForSchool),
        // Versions and their signs are history: added, never changed or removed.
        FuturePictureVersion or SignOfGoodPractice => w.Added && w.Can(Permission.ActForSchool),
        FuturePictureComment => w.Can(Permission.TakePart) && (w.Added || (w.Modified && w.OnlyChanged(ResolvedField))),
        _ => false,
    };
}
