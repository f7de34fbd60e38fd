using System.Text;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Programmes.Sessions;
using Stillas.Web.Platform.Access;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// The school's own process loop (seed 000 § 5.3) in the demo: after session 1 Sentrum skole went once round
/// SKUT → staff → documentation (with a process document), and after session 4 SKUT has met and the staff
/// meeting is planned, so the guide sees the loop's state at session 5's opening. Dates follow the sessions'.
/// </summary>
public sealed partial class DemoData
{
    private async Task SeedLoopAsync(CancellationToken ct)
    {
        // The programme DemoSessions gave its sessions.
        var programme = await db.Programmes.Where(p => p.School!.Name == "Sentrum skole" && p.Steps.Any(s => s.Key == "fase4.session1")).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var byNumber = await db.Sessions.Include(s => s.PlanStep).Where(s => s.ProgrammeId == programme && (s.Number == 1 || s.Number == 4)).ToDictionaryAsync(s => s.Number, ct);
        if (byNumber.Count < 2 || await db.Set<SchoolLoopRound>().AnyAsync(r => r.SessionId == byNumber[1].Id, ct)) return;
        var principal = await db.People.Where(p => p.Email == "rektor.sentrum@nordvik.test").Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "Rektor";
        var points = await db.InterimWorkAgreements.Where(a => a.SessionId == byNumber[1].Id || a.SessionId == byNumber[4].Id)
            .ToDictionaryAsync(a => a.SessionId, a => a.Points, ct);
        if (points.Count < 2) return;
        static DateTimeOffset At(DateOnly d) => new(d.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
        string Agenda(GuidanceSession s) => $"Mellomarbeid etter veiledning {s.Number}:\n" + string.Join('\n', points[s.Id].Select((p, i) => $"{i + 1}. {p}"))
            + "\n\nHvordan tar vi dette videre i personalet, og hvordan dokumenterer vi det?";

        var first = byNumber[1];
        var d1 = first.PlanStep!.Date;
        var body = $"Sentrum skole – prosessdokument etter veiledning 1, runde 1\n\nPersonalet arbeidet i team med fremtidsbildet: hva ser vi allerede av god lesing i fagene?\nHvert team leverte tre eksempler, som SKUT samlet.\n\n(Demodokument. Innholdet er fiktivt.)\n";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var stored = await files.SaveAsync(content, "prosessdokument-runde-1.txt", first.OwnerId, ct);
        if (stored.Content is not { } c) throw new InvalidOperationException("Demo file refused: " + stored.Error);
        db.Add(new SchoolLoopRound
        {
            SessionId = first.Id, ProgrammeId = first.ProgrammeId, LoopRound = 1, SkutAgenda = Agenda(first),
            SkutDate = d1.AddDays(6), SkutParticipants = "Per Rektorsen, Hanne Inspektør, Erik Tillitsvalgt og to lærerrepresentanter",
            SkutDecisions = "Fremtidsbildet presenteres på planleggingsdagen; hvert team finner tre eksempler på god lesing i fagene.",
            StaffDate = d1.AddDays(13), StaffWork = "Gruppearbeid i team om fremtidsbildet; SKUT-medlemmene ledet hver sin gruppe.",
            Documentation = "Eksemplene er samlet i prosessdokumentet. SKUT tar med seg at lærerne ønsker mer tid til å prøve ut.",
            FileName = c.FileName, ContentType = c.ContentType, Size = c.Size, Sha256 = c.Sha256, StoragePath = c.StoragePath,
            CreatedAt = At(d1.AddDays(2)), UpdatedAt = At(d1.AddDays(14)), UpdatedByName = principal, Version = 1,
        }.PlaceIn(first));

        var fourth = byNumber[4];
        var d4 = fourth.PlanStep!.Date;
        db.Add(new SchoolLoopRound
        {
            SessionId = fourth.Id, ProgrammeId = fourth.ProgrammeId, LoopRound = 1, SkutAgenda = Agenda(fourth),
            SkutDate = d4.AddDays(8), SkutParticipants = "Per Rektorsen, Hanne Inspektør, Erik Tillitsvalgt",
            SkutDecisions = "7. trinn prøver ut lesestrategiene i to uker; lesepedagogen er med i teamtiden.",
            StaffDate = d4.AddDays(30),
            CreatedAt = At(d4.AddDays(5)), UpdatedAt = At(d4.AddDays(8)), UpdatedByName = principal, Version = 1,
        }.PlaceIn(fourth));
        await db.SaveChangesAsync(ct);
    }
}
