using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Audit;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Text;

namespace Stillas.Web.Features.Surveys;

/// <summary>What a survey is for: the analysis tool that runs it (DOMAIN.md § 2).</summary>
public enum SurveyKind
{
    /// <summary>Ståstedsanalysen, Fase 2: a mandatory core block and optional blocks, traffic light or Likert.</summary>
    SelfAssessment = 1,
    /// <summary>Organisasjonsanalysen: all staff, a common core plus items for leder, lærer and andre ansatte.</summary>
    Staff = 2,
    /// <summary>Skoleeieranalysen: politicians and administration answer the same statements as two groups.</summary>
    OwnerGroups = 3,
    /// <summary>The Veilederkorps evaluation (a later issue).</summary>
    Evaluation = 4,
}

public enum SurveyStatus { Draft = 1, Open = 2, Closed = 3 }

/// <summary>How a statement is answered. Higher values are better on every scale (grønn = 3).</summary>
public enum ItemScale
{
    /// <summary>Rød (1), gul (2), grønn (3).</summary>
    TrafficLight = 1,
    /// <summary>Helt uenig (1) … helt enig (5).</summary>
    Likert5 = 2,
    /// <summary>I svært liten grad (1) … i svært stor grad (6), the Veilederkorps' six-point scale.</summary>
    Likert6 = 3,
    /// <summary>Free text (never broken down by group).</summary>
    Text = 4,
}

public enum InvitationKind { Personal = 1, Open = 2 }

/// <summary>
/// An owner's bank of statements for one kind of survey (part 13): written or imported by the owner's administrator,
/// with the confirmation that the owner may use the texts. Its items live in immutable versions
/// (<see cref="ItemBankVersion"/>): every change is a new version, so a survey keeps the version it was made from.
/// </summary>
[Audited("Spørsmålsbank")]
[OwnerAudience(OwnerAudience.Everyone)]
public class ItemBank : IOwnerScoped, IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public required string Name { get; set; }
    public SurveyKind Kind { get; set; }
    public required string Author { get; set; }
    public required string Licence { get; set; }
    /// <summary>The number of the newest version (1, 2, …).</summary>
    public int LatestNumber { get; set; }
    /// <summary>Who confirmed the right to use the texts, and when.</summary>
    public required string RightsConfirmedBy { get; set; }
    public DateTimeOffset RightsConfirmedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int NameMax = 200;
}

/// <summary>One immutable version of a bank: its items as JSON (<see cref="BankItem"/>).</summary>
[Audited("Versjon av spørsmålsbank")]
[OwnerAudience(OwnerAudience.Everyone)]
[NotEdited("a bank version is immutable: a change is a new version")]
public class ItemBankVersion : IOwnerScoped
{
    public int Id { get; set; }
    public int BankId { get; set; }
    public ItemBank? Bank { get; set; }
    public int OwnerId { get; set; }
    public int Number { get; set; }
    public required string ItemsJson { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A survey (parts 3, 5, 6): an owner's (skoleeieranalyse) or a school's (ståstedsanalyse, organisasjonsanalyse),
/// with the items of one bank version copied in (<see cref="SurveyItem"/>), its respondent groups, its status and
/// dates. Run by the school's leaders, or for an owner survey by the owner's administrator (<see cref="SurveyAccess"/>).
/// </summary>
[Audited("Undersøkelse")]
public class Survey : IOwnerScoped, IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public int? SchoolId { get; set; }
    /// <summary>The analysis the survey belongs to (analyses come in a later issue).</summary>
    public int? AnalysisId { get; set; }
    public SurveyKind Kind { get; set; }
    public required string Title { get; set; }
    public SurveyStatus Status { get; set; } = SurveyStatus.Draft;
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    /// <summary>The owner's bank it was made from (null: Stillas' own default bank), its name and version number.</summary>
    public int? BankId { get; set; }
    public required string BankName { get; set; }
    public int BankVersionNumber { get; set; }
    /// <summary>The respondent groups' keys, comma-separated (<see cref="SurveyGroups"/>).</summary>
    public required string Groups { get; set; }
    /// <summary>The open link's token for a meeting (shown as a link and QR code while the survey is open); null when none.</summary>
    /// <summary>The open link's token: whoever has it may answer, so the audit log does not show it.</summary>
    [Platform.Audit.Redacted]
    public string? OpenToken { get; set; }
    /// <summary>The school's staff see the results (published by the principal).</summary>
    public bool ResultsPublished { get; set; }
    /// <summary>Skoleeieranalysen: the record of the joint meeting.</summary>
    [Redacted]
    public string? MeetingRecord { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public const int TitleMax = 200;
    public const int RecordMax = 8000;

    public List<SurveyItem> Items { get; set; } = [];

    public IReadOnlyList<string> GroupKeys => SurveyGroups.Split(Groups);
}

/// <summary>One statement of a survey, copied from its bank version when the survey was made (never edited).</summary>
[NotEdited("a survey keeps the items of the bank version it was made from")]
public class SurveyItem : IOwnerScoped
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int OwnerId { get; set; }
    public int? SchoolId { get; set; }
    public int Order { get; set; }
    public required string Block { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public ItemScale Scale { get; set; }
    /// <summary>The groups that answer it, comma-separated; empty: everyone.</summary>
    public required string Roles { get; set; }
    public bool Mandatory { get; set; }

    public bool For(string group) => Roles.Length == 0 || SurveyGroups.Split(Roles).Contains(group);
}

/// <summary>
/// A link to answer (part 6): personal (one e-mail, works once) or open (a meeting's link and QR code). Only the
/// token's SHA-256 is stored. "Has answered" (<see cref="AnsweredOn"/>) is kept here, apart from the answer, for
/// reminders only: no page lists who answered.
/// </summary>
[Audited("Svarlenke")]
public class SurveyInvitation : IOwnerScoped, IVersioned
{
    public int Version { get; set; }
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey? Survey { get; set; }
    public int OwnerId { get; set; }
    public int? SchoolId { get; set; }
    public InvitationKind Kind { get; set; }
    public required string TokenHash { get; set; }
    public string? Email { get; set; }
    /// <summary>The respondent group the link answers for (null: chosen on the answer page).</summary>
    public string? Group { get; set; }
    [NotAudited]
    public DateOnly? AnsweredOn { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One respondent's answer sheet: no person, no link, only the group and the day (part 6). Not audited: its time would say who.</summary>
[NotEdited("an answer is final when sent")]
public class SurveyResponse : IOwnerScoped
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public int OwnerId { get; set; }
    public int? SchoolId { get; set; }
    public required string Group { get; set; }
    public DateOnly AnsweredOn { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>One value (or free text) in a response. The group is repeated so results group in SQL without a join.</summary>
[NotEdited("an answer is final when sent")]
public class SurveyAnswer : IOwnerScoped
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public int SurveyId { get; set; }
    public int OwnerId { get; set; }
    public int? SchoolId { get; set; }
    public int ItemId { get; set; }
    public required string Group { get; set; }
    public int? Value { get; set; }
    [Redacted]
    public string? Text { get; set; }

    public const int TextMax = 2000;
}

/// <summary>
/// A closed survey's counts, stored when it closes so its results page reads a few hundred rows: per item, group and
/// value (<see cref="ItemId"/> null: the respondents per group). Suppression is applied when read (the owner's N may change).
/// </summary>
[NotEdited("computed once when the survey closes")]
public class SurveyAggregate : IOwnerScoped
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public int OwnerId { get; set; }
    public int? SchoolId { get; set; }
    public int? ItemId { get; set; }
    public required string Group { get; set; }
    public int? Value { get; set; }
    public int Count { get; set; }
}

/// <summary>The respondent groups by key, with their names.</summary>
public static class SurveyGroups
{
    public const string All = "alle";
    public const string Leader = "leder";
    public const string Teacher = "laerer";
    public const string OtherStaff = "andre";
    public const string Politicians = "politikere";
    public const string Administration = "administrasjon";

    public static readonly string[] Known = [All, Leader, Teacher, OtherStaff, Politicians, Administration];

    public static string[] For(SurveyKind kind) => kind switch
    {
        SurveyKind.Staff => [Leader, Teacher, OtherStaff],
        SurveyKind.OwnerGroups => [Politicians, Administration],
        _ => [All],
    };

    public static IReadOnlyList<string> Split(string? csv) =>
        string.IsNullOrWhiteSpace(csv) ? [] : [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Name(string key) => key switch
    {
        All => L.T("Alle"),
        Leader => L.T("Ledere"),
        Teacher => L.T("Lærere"),
        OtherStaff => L.T("Andre ansatte"),
        Politicians => L.T("Politikere"),
        Administration => L.T("Administrasjonen"),
        _ => key,
    };

    public static string KindName(SurveyKind kind) => kind switch
    {
        SurveyKind.SelfAssessment => L.T("Ståstedsanalyse"),
        SurveyKind.Staff => L.T("Organisasjonsanalyse"),
        SurveyKind.OwnerGroups => L.T("Skoleeieranalyse"),
        SurveyKind.Evaluation => L.T("Evaluering"),
        _ => kind.ToString(),
    };

    public static string StatusName(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => L.T("Utkast"),
        SurveyStatus.Open => L.T("Åpen"),
        SurveyStatus.Closed => L.T("Lukket"),
        _ => status.ToString(),
    };
}

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>, IEntityTypeConfiguration<SurveyItem>, IEntityTypeConfiguration<SurveyInvitation>,
    IEntityTypeConfiguration<SurveyResponse>, IEntityTypeConfiguration<SurveyAnswer>, IEntityTypeConfiguration<SurveyAggregate>,
    IEntityTypeConfiguration<ItemBank>, IEntityTypeConfiguration<ItemBankVersion>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.Title).HasMaxLength(Survey.TitleMax);
        b.Property(s => s.BankName).HasMaxLength(ItemBank.NameMax);
        b.Property(s => s.Groups).HasMaxLength(200);
        b.Property(s => s.OpenToken).HasMaxLength(64);
        b.Property(s => s.MeetingRecord).HasMaxLength(Survey.RecordMax);
        b.HasOne<Owners.SchoolOwner>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Schools.School>().WithMany().HasForeignKey(s => s.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.OwnerId, s.SchoolId, s.Status });
        b.HasIndex(s => s.OpenToken).IsUnique();
        b.Ignore(s => s.GroupKeys);
    }

    public void Configure(EntityTypeBuilder<SurveyItem> b)
    {
        b.ToTable("SurveyItems");
        b.Property(i => i.Block).HasMaxLength(100);
        b.Property(i => i.Code).HasMaxLength(30);
        b.Property(i => i.Text).HasMaxLength(500);
        b.Property(i => i.Roles).HasMaxLength(200);
        b.HasOne<Survey>().WithMany(s => s.Items).HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.SurveyId, i.Order });
    }

    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.ToTable("SurveyInvitations");
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.Property(i => i.Email).HasMaxLength(254);
        b.Property(i => i.Group).HasMaxLength(30);
        b.HasOne(i => i.Survey).WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => new { i.SurveyId, i.AnsweredOn });
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.ToTable("SurveyResponses");
        b.Property(r => r.Group).HasMaxLength(30);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.SurveyId, r.Group });
    }

    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.Property(a => a.Group).HasMaxLength(30);
        b.Property(a => a.Text).HasMaxLength(SurveyAnswer.TextMax);
        b.HasOne<SurveyResponse>().WithMany(r => r.Answers).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        // Results group by item, group and value in SQL: this index covers the grouping.
        b.HasIndex(a => new { a.SurveyId, a.ItemId, a.Group, a.Value });
    }

    public void Configure(EntityTypeBuilder<SurveyAggregate> b)
    {
        b.ToTable("SurveyAggregates");
        b.Property(a => a.Group).HasMaxLength(30);
        b.HasOne<Survey>().WithMany().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.SurveyId, a.ItemId });
    }

    public void Configure(EntityTypeBuilder<ItemBank> b)
    {
        b.ToTable("ItemBanks");
        b.Property(x => x.Name).HasMaxLength(ItemBank.NameMax);
        b.Property(x => x.Author).HasMaxLength(200);
        b.Property(x => x.Licence).HasMaxLength(200);
        b.Property(x => x.RightsConfirmedBy).HasMaxLength(200);
        b.HasOne<Owners.SchoolOwner>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OwnerId, x.Kind });
    }

    public void Configure(EntityTypeBuilder<ItemBankVersion> b)
    {
        b.ToTable("ItemBankVersions");
        b.Property(x => x.CreatedByName).HasMaxLength(200);
        b.HasOne(x => x.Bank).WithMany().HasForeignKey(x => x.BankId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BankId, x.Number }).IsUnique();
    }
}

/// <summary>Who writes a survey's rows: those who run it (<see cref="SurveyAccess"/>). Answers are written by the system for the respondent.</summary>
public sealed class SurveyWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes => [typeof(Survey), typeof(SurveyItem), typeof(SurveyInvitation), typeof(SurveyAggregate)];

    public bool MayWrite(WriteContext write)
    {
        var ownerId = write.Original<int>("OwnerId");
        var schoolId = write.Original<int?>("SchoolId");
        return write.Scope.MayRunSurvey(ownerId, schoolId);
    }
}

/// <summary>Answers are written only by the answer page, in the system's name for the anonymous respondent.</summary>
public sealed class SurveyAnswerWrites() : NoWrite(typeof(SurveyResponse), typeof(SurveyAnswer));
