using Stillas.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;

namespace Stillas.Web.Features.Programmes.StartUp;

/// <summary>
/// Oppstartsmøtet of a programme (seed 000 § 3.1, Fase 1): the agenda as a checklist, the minutes, and
/// what was decided (development area, documents, assessment-day dates, special considerations).
/// One per programme. <see cref="Version"/> guards against two people saving over each other.
/// </summary>
[Audited("Oppstartsmøte")]
public class StartUpMeeting : IInProgramme, IVersioned
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public GuidanceProgramme? Programme { get; set; }
    // Stamped from the programme so the access filters need no join.
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public DateOnly? Date { get; set; }
    /// <summary>When the meeting starts (Europe/Oslo): with it the invitation and the calendar hold the hour, without it the day.</summary>
    public TimeOnly? StartTime { get; set; }
    public string? Place { get; set; }
    public List<AgendaItem> Items { get; set; } = [];
    public string? Minutes { get; set; }
    public string? DevelopmentArea { get; set; }
    public string? DocumentsNote { get; set; }
    public DateOnly? AssessmentDaysFrom { get; set; }
    public DateOnly? AssessmentDaysTo { get; set; }
    public string? SpecialConsiderations { get; set; }
    /// <summary>Goes up by one on every save; a save based on an older version is refused.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The start-up agenda of seed 000 § 3.1.</summary>
    public static readonly string[] DefaultAgenda =
    [
        "Om veilederteamet",
        "Metoden: skolebasert vurdering og veiledning",
        "Valg av utviklingsområde",
        "Hvilke dokumenter skolen sender til veilederteamet",
        "Hva skolen gjør før vurderingsdagene (informere ansatte, elevråd og FAU)",
        "Timeplan for vurderingsdagene",
        "Særlige hensyn",
    ];

    /// <summary>A new meeting for <paramref name="programme"/> with the default agenda, not yet saved.</summary>
    public static StartUpMeeting For(GuidanceProgramme programme, DateOnly? date) => new StartUpMeeting
    {
        ProgrammeId = programme.Id,
        Date = date,
        Items = DefaultAgenda.Select((text, i) => new AgendaItem
        {
            Text = text, Order = i + 1,
            }.PlaceIn(programme)).ToList(),
    }.PlaceIn(programme);
}

/// <summary>One point on the start-up meeting's agenda.</summary>
[Audited("Punkt på dagsorden for oppstartsmøtet")]
[VersionedWith(typeof(StartUpMeeting))]
public class AgendaItem : IProgrammeScoped
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public StartUpMeeting? Meeting { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public required string Text { get; set; }
    public bool Done { get; set; }
    public int Order { get; set; }
}

public sealed class StartUpMeetingConfiguration : IEntityTypeConfiguration<StartUpMeeting>, IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<StartUpMeeting> b)
    {
        b.ToTable("StartUpMeetings");
        b.HasOne(m => m.Programme).WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.ProgrammeId).IsUnique();
        b.Property(m => m.Minutes).HasMaxLength(20000);
        b.Property(m => m.Place).HasMaxLength(200);
        b.Property(m => m.DevelopmentArea).HasMaxLength(2000);
        b.Property(m => m.DocumentsNote).HasMaxLength(2000);
        b.Property(m => m.SpecialConsiderations).HasMaxLength(2000);
        b.Property(m => m.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("AgendaItems");
        b.Property(i => i.Text).HasMaxLength(300);
        b.HasOne(i => i.Meeting).WithMany(m => m.Items).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.MeetingId, i.Order });
    }
}
