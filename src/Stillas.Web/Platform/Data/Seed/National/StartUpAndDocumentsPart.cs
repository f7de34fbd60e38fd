using Stillas.Web.Features.Programmes.StartUp;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>Each programme's start-up meeting with the default agenda (minutes once held) and the Fase 1 document requests (delivered and approved once due).</summary>
public sealed class StartUpAndDocumentsPart : IDatasetPart
{
    public string Name => "start-up meetings, documents";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var meetings = new List<StartUpMeeting>();
        var items = new List<AgendaItem>();
        var requests = new List<DocumentRequest>();
        foreach (var p in set.Programmes)
        {
            var startUp = p.Steps.FirstOrDefault(s => s.Key == StartUpApi.StartUpStepKey);
            var m = StartUpMeeting.For(p, startUp?.Date);
            m.Id = set.NextId<StartUpMeeting>();
            m.CreatedAt = p.CreatedAt;
            m.Version = 1;
            var held = startUp is not null && startUp.Date < set.AsOf;
            if (held)
            {
                m.Minutes = "Veilederteamet presenterte seg og metoden. Skolen valgte utviklingsområde etter drøfting i SKUT. Dokumentene sendes innen fristen.";
                m.DevelopmentArea = set.Pick(FuturePicturesPart.Areas);
                m.DocumentsNote = "Skolen sender dokumentene digitalt.";
                m.Version = 3;
            }
            foreach (var i in m.Items)
            {
                i.Id = set.NextId<AgendaItem>();
                i.MeetingId = m.Id;
                i.Done = held;
            }
            meetings.Add(m);
            items.AddRange(m.Items);

            var due = p.Steps.FirstOrDefault(s => s.Key == Documents.DocumentsStepKey)?.Date;
            foreach (var r in DocumentRequest.DefaultsFor(p, due))
            {
                r.Id = set.NextId<DocumentRequest>();
                r.CreatedAt = p.CreatedAt;
                if (r.DueDate < set.AsOf)
                {
                    var roll = set.Random.NextDouble();
                    r.Status = roll < 0.6 ? DocumentStatus.Approved : roll < 0.85 ? DocumentStatus.Delivered : roll < 0.95 ? DocumentStatus.NotRelevant : DocumentStatus.Requested;
                }
                requests.Add(r);
            }
        }
        await set.Writer.WriteAsync(meetings, ct);
        await set.Writer.WriteAsync(items, ct);
        await set.Writer.WriteAsync(requests, ct);
    }
}
