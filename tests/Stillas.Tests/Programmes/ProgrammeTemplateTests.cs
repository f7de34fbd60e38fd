using Stillas.Web.Features.Programmes;

namespace Stillas.Tests.Programmes;

public class ProgrammeTemplateTests
{
    private static readonly ProgrammeTemplate Tromso = ProgrammeTemplates.TromsoV1;

    private static TemplateStep ExtraMeeting(string key, string phase = "fase4") => new()
    {
        Key = key,
        PhaseKey = phase,
        Title = "Nettverksmøte",
        Kind = StepKind.Meeting,
        Responsible = StepResponsible.Owner,
        Offset = OffsetRule.AfterPrevious(schoolWeeks: 1),
    };

    [Fact]
    public void Tromso_model_has_the_Forfase_and_six_phases_in_order()
    {
        Assert.Equal(["Forfase", "Fase 1", "Fase 2", "Fase 3", "Fase 4", "Fase 5", "Fase 6"], Tromso.Phases.Select(p => p.Name));
        Assert.All(Tromso.Phases, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
        Assert.Equal(1, Tromso.Version);
        Assert.True(Tromso.IsBuiltIn);
        Assert.Empty(Tromso.Problems());
        // Steps run phase by phase.
        var phaseOrder = Tromso.Phases.Select(p => p.Key).ToList();
        var stepPhases = Tromso.Steps.Select(s => phaseOrder.IndexOf(s.PhaseKey)).ToList();
        Assert.Equal(stepPhases.Order(), stepPhases);
    }

    [Fact]
    public void Tromso_model_steps_follow_the_seeds_progress_plan()
    {
        Assert.Equal(
        [
            "forfase.firsttalk", "forfase.agreement",
            "fase1.startup", "fase1.documents",
            "fase2.futurepicture",
            "fase3.assessmentdays",
            "fase4.session1", "fase4.session2", "fase4.session3", "fase4.session4", "fase4.feedback", "fase4.evaluationmeeting",
            "fase5.session5", "fase5.session6", "fase5.session7", "fase5.session8", "fase5.feedback", "fase5.evaluationmeeting",
            "fase6.followup",
        ], Tromso.Steps.Select(s => s.Key));

        Assert.Equal(new OffsetRule(OffsetAnchor.MonthBeforeStart, 0, 0, 0, 1, MonthPosition.Middle), Tromso.Step("forfase.firsttalk").Offset);
        Assert.Equal(OffsetRule.InMonthBeforeStart(2, MonthPosition.Last), Tromso.Step("forfase.agreement").Offset);
        Assert.Equal("Innen utgangen av februar", Tromso.Step("forfase.agreement").Offset.Describe());

        Assert.Equal(
        [
            "Brukerundersøkelser", "Ståstedsanalysen", "Kvalitetsutviklingsplan", "Lokale handlingsplaner", "Oversikt over klasser og personal",
            "Ukeplaner/arbeidsplaner", "Eksempler på timeplaner", "Lokale læreplaner", "Refleksjonsnotat fra rektor",
        ], Tromso.Step("fase1.documents").Checklist);
        Assert.Equal(StepResponsible.School, Tromso.Step("fase1.documents").Responsible);
        Assert.Equal(StepResponsible.School, Tromso.Step("fase2.futurepicture").Responsible);

        var assessment = Tromso.Step("fase3.assessmentdays");
        Assert.Equal((StepKind.AssessmentDays, 3, StepResponsible.Team), (assessment.Kind, assessment.Days, assessment.Responsible));

        var sessions = Tromso.Steps.Where(s => s.Kind == StepKind.Session).ToList();
        Assert.Equal(8, Tromso.SessionCount);
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"Veiledning {n}"), sessions.Select(s => s.Title));
        Assert.All(sessions, s => Assert.Equal((3, OffsetAnchor.SessionSlot), (s.Hours!.Value, s.Offset.Anchor)));
        Assert.Equal(["fase4", "fase4", "fase4", "fase4", "fase5", "fase5", "fase5", "fase5"], sessions.Select(s => s.PhaseKey));
        Assert.Equal(new ProgrammeCadence(2, 3, 2), Tromso.Cadence);

        Assert.Equal(StepKind.Evaluation, Tromso.Step("fase4.evaluationmeeting").Kind);
        Assert.Equal(StepKind.Evaluation, Tromso.Step("fase5.feedback").Kind);
        var followUp = Tromso.Step("fase6.followup");
        Assert.Equal((StepKind.FollowUp, OffsetRule.AfterLastSession(years: 1)), (followUp.Kind, followUp.Offset));
        Assert.Equal("ett år etter siste veiledning", followUp.Offset.Describe());
    }

    [Fact]
    public void Offset_rules_read_in_Norwegian()
    {
        Assert.Equal("Ved oppstart", OffsetRule.AtStart().Describe());
        Assert.Equal("2 skoleuker etter forrige steg", OffsetRule.AfterPrevious(schoolWeeks: 2).Describe());
        Assert.Equal("1 skoleuke og 3 skoledager etter oppstart", OffsetRule.AtStart(1, 3).Describe());
        Assert.Equal("Neste veiledningstidspunkt i halvåret, minst 2 skoleuker etter forrige steg", OffsetRule.NextSessionSlot(2).Describe());
        Assert.Equal("Midt i januar", OffsetRule.InMonthBeforeStart(1, MonthPosition.Middle).Describe());
        Assert.Equal("2 år og 1 skoleuke etter siste veiledning", OffsetRule.AfterLastSession(2, 1).Describe());
        Assert.Equal("Samme dag som siste veiledning", OffsetRule.AfterLastSession().Describe());
        Assert.Equal("Veiledning", ProgrammeText.Label(StepKind.Session));
        Assert.Equal("Veilederteamet", ProgrammeText.Label(StepResponsible.Team));
        Assert.Equal("Flyttet", ProgrammeText.Label(StepStatus.Moved));
    }

    [Fact]
    public void Built_in_versions_are_found_exactly()
    {
        Assert.Same(Tromso, ProgrammeTemplates.Find("tromso", 1));
        Assert.Null(ProgrammeTemplates.Find("tromso", 2));
        Assert.Same(Tromso, ProgrammeTemplates.Latest("tromso"));
        Assert.Equal(new TemplateReference("tromso", 1), Tromso.Reference);
    }

    [Fact]
    public void The_built_in_model_cannot_be_edited_only_copied()
    {
        Assert.Throws<InvalidOperationException>(() => Tromso.WithSessionsPerHalfYear(3));
        Assert.Throws<InvalidOperationException>(() => Tromso.RemoveStep("fase4.session4"));
        Assert.Throws<InvalidOperationException>(() => Tromso.AddStep(ExtraMeeting("fase4.network")));
        Assert.Throws<InvalidOperationException>(() => Tromso.EditStep("fase1.startup", s => s with { Title = "Oppstart" }));
    }

    [Fact]
    public void A_copy_is_the_owners_own_model_deep_and_remembering_where_it_came_from()
    {
        var own = Tromso.CopyAsOwnModel("nordvik-modellen", "Nordvik-modellen");
        Assert.False(own.IsBuiltIn);
        Assert.Equal((1, new TemplateReference("tromso", 1)), (own.Version, own.BasedOn));
        Assert.Equal(Tromso.Steps, own.Steps);
        Assert.NotSame(Tromso.Steps, own.Steps);
        Assert.NotSame(Tromso.Step("fase1.documents").Checklist, own.Step("fase1.documents").Checklist);

        var changed = own
            .EditStep("fase1.documents", s => s with { Checklist = [.. s.Checklist, "Elevundersøkelsen"], Responsible = StepResponsible.Owner })
            .EditPhase("fase2", p => p with { Title = "Fremtidsbilde og tegn på god praksis" })
            .WithSessionsPerHalfYear(3)
            .WithSessionHours(2);

        Assert.Equal(10, changed.Step("fase1.documents").Checklist.Count);
        Assert.Equal(9, Tromso.Step("fase1.documents").Checklist.Count);
        Assert.Equal(9, own.Step("fase1.documents").Checklist.Count);
        Assert.Equal(StepResponsible.School, own.Step("fase1.documents").Responsible);
        Assert.Equal("Fremtidsbilde og tegn på god praksis", changed.Phase("fase2").Title);
        Assert.Equal((3, 2), (changed.Cadence.SessionsPerHalfYear, changed.Cadence.SessionHours));
        Assert.All(changed.Steps.Where(s => s.Kind == StepKind.Session), s => Assert.Equal(2, s.Hours));
        Assert.Equal(2, own.Cadence.SessionsPerHalfYear);
        Assert.Equal(2, Tromso.Cadence.SessionsPerHalfYear);
    }

    [Fact]
    public void Owner_model_adds_and_removes_steps_where_asked()
    {
        var own = Tromso.CopyAsOwnModel("nordvik", "Nordvik");

        var afterSession2 = own.AddStep(ExtraMeeting("fase4.network"), afterKey: "fase4.session2");
        Assert.Equal("fase4.network", afterSession2.Steps[afterSession2.Steps.ToList().FindIndex(s => s.Key == "fase4.session2") + 1].Key);

        var lastInPhase = own.AddStep(ExtraMeeting("fase2.dialogue", "fase2"));
        Assert.Equal(["fase2.futurepicture", "fase2.dialogue"], lastInPhase.StepsIn("fase2").Select(s => s.Key));
        Assert.Equal("fase3.assessmentdays", lastInPhase.Steps[lastInPhase.Steps.ToList().FindIndex(s => s.Key == "fase2.dialogue") + 1].Key);

        var fewer = own.RemoveStep("fase5.session8").RemoveStep("fase5.session7");
        Assert.Equal(6, fewer.SessionCount);
        Assert.Equal(8, own.SessionCount);
    }

    [Fact]
    public void Edits_that_would_break_the_model_are_refused_with_Norwegian_messages()
    {
        var own = Tromso.CopyAsOwnModel("nordvik", "Nordvik");
        Assert.Equal("Nøkkelen «fase4.session1» er brukt av flere steg.", Assert.Throws<ArgumentException>(() => own.AddStep(ExtraMeeting("fase4.session1"))).Message);
        Assert.Contains("hører til en fase som ikke finnes", Assert.Throws<ArgumentException>(() => own.AddStep(ExtraMeeting("fase9.x", "fase9"))).Message);
        Assert.Equal("Steget «fase3.assessmentdays» kan vare fra 1 til 5 skoledager.",
            Assert.Throws<ArgumentException>(() => own.EditStep("fase3.assessmentdays", s => s with { Days = 6 })).Message);
        Assert.Equal("Antall veiledninger per halvår må være fra 1 til 6.", Assert.Throws<ArgumentException>(() => own.WithSessionsPerHalfYear(0)).Message);
        Assert.Contains("kan ikke endres", Assert.Throws<ArgumentException>(() => own.EditStep("fase1.startup", s => s with { Key = "fase1.start" })).Message);
        Assert.Contains("mangler tittel", Assert.Throws<ArgumentException>(() => own.EditStep("fase1.startup", s => s with { Title = " " })).Message);
        Assert.Contains("Fant ikke steget", Assert.Throws<ArgumentException>(() => own.RemoveStep("fase7.x")).Message);
        Assert.Contains("små bokstaver", Assert.Throws<ArgumentException>(() => own.AddStep(ExtraMeeting("Fase4 Ekstra"))).Message);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => own.EditStep("fase1.documents", s => s with { Offset = OffsetRule.AfterPrevious(-1) })).Message);
    }
}
