using Stillas.Web.Features.Surveys;

namespace Stillas.Web.Platform.Data.Seed;

/// <summary>
/// Issue 21's surveys: Nordvik ungdomsskole's organisasjonsanalyse (41 answers from leaders, teachers and other staff,
/// closed, surveyCounts stored), Nordvik's skoleeieranalyse (9 politicians and 12 from the administration, closed, with
/// clear gaps and the joint meeting's record), and Sentrum skole's ståstedsanalyse open with 4 answers (under the
/// minimum group size of 5: locked). Written for the demo's day (<see cref="ProgrammesAsOf"/>) and moved with it.
/// Answers are drawn from a fixed seed, so every demo has the same results.
/// </summary>
public sealed partial class DemoData
{
    private async Task SeedSurveysAsync(CancellationToken ct)
    {
        var nordvik = db.Owners.Local.Single(o => o.Name == "Nordvik kommune");
        var sentrum = db.Schools.Local.Single(s => s.Name == "Sentrum skole");
        var ungdom = db.Schools.Local.Single(s => s.Name == "Nordvik ungdomsskole");
        var day = ProgrammesAsOf;
        DateTimeOffset At(DateOnly d) => new DateTimeOffset(d.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1)).ToUniversalTime();

        var staff = SurveyEngine.Create(db, nordvik.Id, ungdom.Id, SurveyKind.Staff, "Organisasjonsanalyse høsten 2026", DefaultBanks.Staff.Items, DefaultBanks.Staff.Name, null, 1, day.AddDays(-42), day.AddDays(-28), At(day.AddDays(-45)));
        staff.Status = SurveyStatus.Closed;
        staff.ClosedAt = At(day.AddDays(-28));
        staff.ResultsPublished = true;
        var owner = SurveyEngine.Create(db, nordvik.Id, null, SurveyKind.OwnerGroups, "Skoleeieranalyse 2026", DefaultBanks.OwnerGroups.Items, DefaultBanks.OwnerGroups.Name, null, 1, day.AddDays(-35), day.AddDays(-21), At(day.AddDays(-38)));
        owner.Status = SurveyStatus.Closed;
        owner.ClosedAt = At(day.AddDays(-21));
        owner.MeetingRecord = "Fellesmøte i oppvekstutvalget. Største avstand gjelder oppfølgingen av skolene: administrasjonen mener den er svakere enn politikerne tror. Administrasjonen legger fram et forslag til faste resultatsamtaler med rektorene før jul.";
        var self = SurveyEngine.Create(db, nordvik.Id, sentrum.Id, SurveyKind.SelfAssessment, "Ståstedsanalyse høsten 2026 – Fase 2", DefaultBanks.SelfAssessment.Items, DefaultBanks.SelfAssessment.Name, null, 1, day.AddDays(-3), day.AddDays(11), At(day.AddDays(-6)));
        SurveyEngine.Open(self, day.AddDays(-3));
        await db.SaveChangesAsync(ct);

        var random = new Random(21);
        int Draw(double mean, int max) => Math.Clamp((int)Math.Round(mean + (random.NextDouble() - 0.5) * 2.2), 1, max);
        void Answer(Survey survey, string group, DateOnly on, Func<SurveyItem, double> mean, bool aggregate)
        {
            var response = new SurveyResponse { SurveyId = survey.Id, OwnerId = survey.OwnerId, SchoolId = survey.SchoolId, Group = group, AnsweredOn = on };
            foreach (var item in survey.Items.Where(i => i.For(group) && i.Scale != ItemScale.Text))
            {
                // Optional blocks: about half answer them.
                if (!item.Mandatory && random.Next(2) == 0) continue;
                response.Answers.Add(new SurveyAnswer { SurveyId = survey.Id, OwnerId = survey.OwnerId, SchoolId = survey.SchoolId, ItemId = item.Id, Group = group, Value = Draw(mean(item), SurveyScales.Max(item.Scale)) });
            }
            db.Add(response);
            if (!aggregate) return;
            surveyCounts.TryGetValue((survey, null, group, null), out var r);
            surveyCounts[(survey, null, group, null)] = r + 1;
            foreach (var a in response.Answers)
            {
                surveyCounts.TryGetValue((survey, a.ItemId, group, a.Value), out var c);
                surveyCounts[(survey, a.ItemId, group, a.Value)] = c + 1;
            }
        }

        // 41 staff: 5 leaders (positive about leadership), 28 teachers, 8 other staff (less included).
        foreach (var (group, n, lift) in new[] { (SurveyGroups.Leader, 5, 0.6), (SurveyGroups.Teacher, 28, 0.0), (SurveyGroups.OtherStaff, 8, -0.7) })
            for (var i = 0; i < n; i++)
                Answer(staff, group, day.AddDays(-42 + i % 14), item => 3.4 + lift + (item.Block == "Ledelse og retning" ? lift : 0) - (item.Code == "O03" ? 1.0 : 0), aggregate: true);
        // The owner: politicians think follow-up works; the administration does not, and asks for resources.
        foreach (var (group, n) in new[] { (SurveyGroups.Politicians, 9), (SurveyGroups.Administration, 12) })
            for (var i = 0; i < n; i++)
                Answer(owner, group, day.AddDays(-35 + i % 14), item => (group, item.Block) switch
                {
                    (SurveyGroups.Politicians, "Oppfølging og dialog") => 5.0,
                    (SurveyGroups.Administration, "Oppfølging og dialog") => 2.6,
                    (SurveyGroups.Politicians, "Ressurser og kompetanse") => 4.6,
                    (SurveyGroups.Administration, "Ressurser og kompetanse") => 2.9,
                    _ => 4.0,
                }, aggregate: true);
        // Sentrum's Fase 2: 4 so far, under the minimum group size.
        for (var i = 0; i < 4; i++) Answer(self, SurveyGroups.All, day.AddDays(-3 + i % 3), _ => 2.2, aggregate: false);

        db.AddRange(surveyCounts.Select(c => new SurveyAggregate
        {
            SurveyId = c.Key.Survey.Id, OwnerId = c.Key.Survey.OwnerId, SchoolId = c.Key.Survey.SchoolId, ItemId = c.Key.ItemId, Group = c.Key.Group, Value = c.Key.Value, Count = c.Value,
        }));
        await db.SaveChangesAsync(ct);
    }

    private readonly Dictionary<(Survey Survey, int? ItemId, string Group, int? Value), int> surveyCounts = [];
}
