using Stillas.Web.Features.Programmes.Agreement;
using Stillas.Web.Features.Programmes;
using Stillas.Web.Features.Teams;

namespace Stillas.Web.Platform.Data.Seed.National;

/// <summary>
/// Each programme's guidance agreement (seed 000 § 2) from the real first draft: approved by the owner's
/// administrator and the principal in February; one in seven was changed later (a second version, the
/// first superseded; for running programmes sometimes still awaiting approval); Forfase ones are drafts.
/// </summary>
public sealed class AgreementsPart : IDatasetPart
{
    public string Name => "agreements, versions, lines";

    public async Task WriteAsync(NationalDataset set, CancellationToken ct)
    {
        var agreements = new List<GuidanceAgreement>();
        var versions = new List<AgreementVersion>();
        var lines = new List<AgreementLine>();
        var teamNames = set.Teams.ToDictionary(t => t.Id, t => t.Name);
        var people = set.People.ToDictionary(p => p.Id);
        var owners = set.Owners.ToDictionary(o => o.Id);
        var schools = set.Schools.ToDictionary(s => s.Id);
        foreach (var p in set.Programmes)
        {
            var members = set.MembersByTeam[p.TeamId].Select(m => (people[m.PersonId].Name, TeamMember.RoleName(m.Role))).ToList();
            var parties = AgreementRules.DefaultParties(new AgreementRules.PartyNames(owners[p.OwnerId].Name, schools[p.SchoolId].Name, teamNames[p.TeamId], members));
            var a = AgreementRules.CreateDraft(p, parties);
            a.Id = set.NextId<GuidanceAgreement>();
            a.CreatedAt = p.CreatedAt.AddDays(-10);
            var v1 = a.Versions[0];
            Stamp(set, a, v1);
            var signedOn = NationalDataset.At(new DateOnly(p.CreatedAt.Year, 2, 20));
            if (p.StartDate <= set.AsOf.AddDays(120) && signedOn.Date < set.Now.Date)
            {
                Approve(set, v1, p, signedOn);
                a.CurrentVersion = 1;
                if (set.Chance(1.0 / 7))
                {
                    var v2 = new AgreementVersion
                    {
                        OwnerId = p.OwnerId, SchoolId = p.SchoolId, TeamId = p.TeamId, Number = 2, PeriodFrom = v1.PeriodFrom, PeriodTo = v1.PeriodTo.AddYears(1),
                        DevelopmentArea = set.Pick(FuturePicturesPart.Areas), Parties = v1.Parties, Version = 1, UpdatedBy = people[set.OwnerAdmins[p.OwnerId][0].Id].Name,
                        UpdatedAt = signedOn.AddMonths(8), CreatedAt = signedOn.AddMonths(8),
                    };
                    foreach (var l in v1.Lines)
                        v2.Lines.Add(new AgreementLine { OwnerId = l.OwnerId, SchoolId = l.SchoolId, TeamId = l.TeamId, Key = l.Key, Section = l.Section, Text = l.Text, Checked = true, Order = l.Order });
                    a.Versions.Add(v2);
                    Stamp(set, a, v2);
                    if (p.Status == ProgrammeStatus.Active && set.Chance(0.3)) v2.Status = AgreementStatus.AwaitingApproval;
                    else
                    {
                        Approve(set, v2, p, v2.CreatedAt.AddDays(14));
                        v1.Status = AgreementStatus.Superseded;
                        a.CurrentVersion = 2;
                    }
                }
            }
            agreements.Add(a);
            versions.AddRange(a.Versions);
            lines.AddRange(a.Versions.SelectMany(v => v.Lines));
        }
        await set.Writer.WriteAsync(agreements, ct);
        await set.Writer.WriteAsync(versions, ct);
        await set.Writer.WriteAsync(lines, ct);
    }

    private static void Stamp(NationalDataset set, GuidanceAgreement a, AgreementVersion v)
    {
        v.Id = set.NextId<AgreementVersion>();
        v.AgreementId = a.Id;
        if (v.CreatedAt == default) v.CreatedAt = a.CreatedAt;
        var n = 0;
        foreach (var l in v.Lines)
        {
            l.Id = set.NextId<AgreementLine>();
            l.VersionId = v.Id;
            // AgreementRules.NewKey is random; a line keeps the same key across versions, so derive it.
            if (v.Number == 1) l.Key = $"l{a.Id:x}{++n:x2}";
        }
    }

    private static void Approve(NationalDataset set, AgreementVersion v, GuidanceProgramme p, DateTimeOffset at)
    {
        var admin = set.OwnerAdmins[p.OwnerId][0];
        var principal = set.Principals[p.SchoolId];
        v.Status = AgreementStatus.Approved;
        v.OwnerApprovedBy = admin.Name; v.OwnerApprovedById = admin.Id; v.OwnerApprovedAt = at;
        v.PrincipalApprovedBy = principal.Name; v.PrincipalApprovedById = principal.Id; v.PrincipalApprovedAt = at.AddDays(1);
        v.Version += 2;
        foreach (var l in v.Lines) l.Checked = true;
    }
}
