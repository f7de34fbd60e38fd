using System.Collections.Concurrent;
using System.Globalization;

namespace Stillas.Web.Features.Programmes.Invitations;

/// <summary>
/// The UID of each calendar event (RFC 5545 § 3.8.4.7): the kind of record, its id and the public host, so that
/// the feed and an invitation name the same meeting the same way, and a moved meeting replaces itself in the
/// subscriber's calendar instead of appearing twice. The host is the configured public address (Mail:BaseUrl),
/// not the request's, so a feed fetched through another name still has the same UIDs.
/// </summary>
public static class CalendarUids
{
    private static readonly ConcurrentDictionary<string, string> Hosts = new();

    public static string Host(string baseUrl) => Hosts.GetOrAdd(baseUrl, b => Uri.TryCreate(b, UriKind.Absolute, out var u) ? u.Host : "stillas");

    public static string Session(int sessionId, string host) => Uid("session", sessionId, host);
    public static string StartUp(int programmeId, string host) => Uid("startup", programmeId, host);
    public static string Step(int stepId, string host) => Uid("step", stepId, host);
    public static string AssessmentSlot(int slotId, string host) => Uid("assessment-slot", slotId, host);
    public static string FeedbackDeadline(int sessionId, string host) => Uid("interimwork-deadline", sessionId, host);
    public static string FirstTalk(int candidateId, string host) => Uid("firsttalk", candidateId, host);

    public static string DocumentDeadline(int programmeId, DateOnly due, string host) =>
        string.Create(CultureInfo.InvariantCulture, $"stillas-documents-{programmeId}-{due:yyyyMMdd}@{host}");

    private static string Uid(string kind, int id, string host) => string.Create(CultureInfo.InvariantCulture, $"stillas-{kind}-{id}@{host}");
}
