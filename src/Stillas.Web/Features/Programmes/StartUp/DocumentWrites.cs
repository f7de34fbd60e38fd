using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Programmes.StartUp;

/// <summary>
/// Who may write a programme's start-up meeting and document requests. Those who run the programme keep the
/// meeting and the list of requests; the school's leaders upload files to their school's requests, which
/// marks them delivered.
/// </summary>
public sealed class DocumentWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes => [typeof(StartUpMeeting), typeof(AgendaItem), typeof(DocumentRequest), typeof(StoredFile)];

    private static readonly HashSet<string> StatusField = [nameof(DocumentRequest.Status)];

    public bool MayWrite(WriteContext w) =>
        w.Can(Permission.RunProgramme)
        || (w.Can(Permission.ActForSchool) && w.Entry.Entity switch
        {
            // A school leader adds files, and marks a request delivered by doing so.
            StoredFile => w.Added,
            DocumentRequest r => w.Modified && w.OnlyChanged(StatusField) && r.Status == DocumentStatus.Delivered
                                 && w.Original<DocumentStatus>(nameof(DocumentRequest.Status)) is DocumentStatus.Requested or DocumentStatus.Delivered,
            _ => false,
        });
}
