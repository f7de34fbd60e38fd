using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Programmes.Objectives;

/// <summary>
/// A goal within the school's development area (utviklingsområde), e.g. "Alle lærere bruker lesestrategier i
/// alle fag". The team and the school's leaders keep the list; progress is rated per objective
/// (<see cref="ObjectiveRating"/>). An objective with ratings is never deleted: it is closed with a reason.
/// </summary>
[Audited("Mål i utviklingsområdet")]
public class DevelopmentObjective : IInProgramme, IVersioned
{
    /// <summary>Concurrency token (IVersioned): stepped by every save, checked against the version a form read.</summary>
    public int Version { get; set; }

    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Position in the list (1, 2, …).</summary>
    public int Order { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? CloseReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsClosed => ClosedAt is not null;

    public const int TitleMax = 200;
    public const int TextMax = 2000;
}

/// <summary>Grønn / gul / rød: on track, needs attention, not moving.</summary>
public enum ObjectiveColour { Green = 1, Yellow = 2, Red = 3 }

/// <summary>Where a rating was given.</summary>
public enum RatingOccasion { Session = 1, EvaluationMeeting = 2, FollowUpMeeting = 3 }

/// <summary>
/// One rating of one objective, at a session or an evaluation meeting: the colour and a required comment. Ratings
/// are history (who, when, where): a new rating follows an old one, none is edited. The comment is the team's and
/// the school's conversation: the owner's staff who are not in the team see the colour and the date, not the comment.
/// </summary>
[Audited("Vurdering av mål")]
[NotEdited("a rating is history: the next rating follows it, none is changed")]
public class ObjectiveRating : IInProgramme
{
    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public DevelopmentObjective? Objective { get; set; }
    public int ProgrammeId { get; set; }
    public int OwnerId { get; set; }
    public int SchoolId { get; set; }
    public int TeamId { get; set; }
    public ObjectiveColour Colour { get; set; }
    [Redacted]
    public required string Comment { get; set; }
    public RatingOccasion Occasion { get; set; }
    /// <summary>The session it was given at (Occasion = Session).</summary>
    public int? SessionId { get; set; }
    public int? SessionNumber { get; set; }
    public int? RatedByPersonId { get; set; }
    public required string RatedByName { get; set; }
    public DateTimeOffset RatedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int CommentMax = 2000;

    public static string ColourName(ObjectiveColour c) => c switch
    {
        ObjectiveColour.Green => L.T("Grønn"),
        ObjectiveColour.Yellow => L.T("Gul"),
        ObjectiveColour.Red => L.T("Rød"),
        _ => c.ToString(),
    };

    /// <summary>The Designsystemet tag colour for a rating.</summary>
    public static string TagColour(ObjectiveColour c) => c switch
    {
        ObjectiveColour.Green => "success",
        ObjectiveColour.Yellow => "warning",
        _ => "danger",
    };

    public static string OccasionName(RatingOccasion o, int? sessionNumber) => o switch
    {
        RatingOccasion.Session when sessionNumber is int n => L.T("Veiledning {0}", n),
        RatingOccasion.Session => L.T("Veiledning"),
        RatingOccasion.EvaluationMeeting => L.T("Evalueringsmøte"),
        _ => L.T("Oppfølgingsmøte"),
    };
}

public sealed class ObjectiveConfiguration : IEntityTypeConfiguration<DevelopmentObjective>, IEntityTypeConfiguration<ObjectiveRating>
{
    public void Configure(EntityTypeBuilder<DevelopmentObjective> b)
    {
        b.ToTable("DevelopmentObjectives");
        b.Property(o => o.Title).HasMaxLength(DevelopmentObjective.TitleMax);
        b.Property(o => o.Description).HasMaxLength(DevelopmentObjective.TextMax);
        b.Property(o => o.CloseReason).HasMaxLength(DevelopmentObjective.TextMax);
        b.HasOne<GuidanceProgramme>().WithMany().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.ProgrammeId, o.Order, o.Id });
        // The owner's overview: its schools' objectives.
        b.HasIndex(o => new { o.OwnerId, o.ProgrammeId });
        b.Ignore(o => o.IsClosed);
    }

    public void Configure(EntityTypeBuilder<ObjectiveRating> b)
    {
        b.ToTable("ObjectiveRatings");
        b.Property(r => r.Comment).HasMaxLength(ObjectiveRating.CommentMax);
        b.Property(r => r.RatedByName).HasMaxLength(200);
        // An objective with ratings is closed, never deleted (the page refuses it; the database too). NO ACTION, not
        // RESTRICT: a programme's deletion removes its objectives and their ratings in one statement.
        b.HasOne(r => r.Objective).WithMany().HasForeignKey(r => r.ObjectiveId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<GuidanceProgramme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Sessions.GuidanceSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.ObjectiveId, r.RatedAt, r.Id });
        b.HasIndex(r => new { r.ProgrammeId, r.RatedAt });
    }
}

/// <summary>
/// Who writes objectives and ratings. The team and the school's leaders keep the objectives (the owner's staff who
/// run the programme too); ratings are given by the team's members and the school's leaders only — the ones who
/// talk about the coaching content, so only they write and read the comment.
/// </summary>
public sealed class ObjectiveWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes => [typeof(DevelopmentObjective), typeof(ObjectiveRating)];

    public bool MayWrite(WriteContext w) => w.Entry.Entity switch
    {
        DevelopmentObjective => w.Can(Permission.RunProgramme) || w.Can(Permission.ActForSchool),
        ObjectiveRating r => w.Added && Objectives.MayRate(w.Scope, r),
        _ => false,
    };
}
