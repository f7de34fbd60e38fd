using Stillas.Web.Platform.Access;

namespace Stillas.Web.Features.Programmes.Agreement;

/// <summary>
/// Who may write a programme's agreement. Those who run the programme write the drafts; the owner side
/// approves through an owner administrator, the school side through its principal or a school leader
/// (seed 000 § 2: the owner enters the agreement with the school), whose approval changes these fields only.
/// </summary>
public sealed class AgreementWrites : IWriteRule
{
    public IEnumerable<Type> EntityTypes => [typeof(GuidanceAgreement), typeof(AgreementVersion), typeof(AgreementLine)];

    private static readonly HashSet<string> SchoolApprovalFields =
    [
        nameof(AgreementVersion.PrincipalApprovedBy), nameof(AgreementVersion.PrincipalApprovedById), nameof(AgreementVersion.PrincipalApprovedAt),
        nameof(AgreementVersion.Status), nameof(AgreementVersion.Version), nameof(AgreementVersion.UpdatedBy), nameof(AgreementVersion.UpdatedAt),
    ];

    // The approval that puts a version in force moves the agreement's current version on.
    private static readonly HashSet<string> CurrentVersionField = [nameof(GuidanceAgreement.CurrentVersion)];

    public bool MayWrite(WriteContext w) =>
        w.Can(Permission.RunProgramme)
        || (w.Modified && w.Can(Permission.ActForSchool) && w.Entry.Entity switch
        {
            GuidanceAgreement => w.OnlyChanged(CurrentVersionField),
            AgreementVersion => w.OnlyChanged(SchoolApprovalFields),
            _ => false,
        });
}
