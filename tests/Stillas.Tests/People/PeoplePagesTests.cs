using System.Net;
using Microsoft.EntityFrameworkCore;
using Stillas.Tests.Support;
using Stillas.Web.Features.Account;
using Stillas.Web.Features.People;
using static Stillas.Tests.People.PeopleTestSupport;

using Stillas.Web.Platform.Access;

namespace Stillas.Tests.People;

/// <summary>People, roles and invitations through the real pages, on both database providers.</summary>
public abstract class PeoplePagesTests(StillasApp app)
{
    [Fact]
    public async Task Admin_invites_a_person_who_chooses_a_password_from_the_mail_and_logs_in()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var sentrum = await app.SchoolIdAsync("Sentrum skole");
        var id = await app.InviteAsync(admin, "Tone Testesen", "tone.testesen@nordvik.test", Role.Teacher, sentrum);

        var details = await admin.GetStringAsync($"/People/Details/{id}");
        Assert.Contains("Tone Testesen", details);
        Assert.Contains("Lærer", details);
        Assert.Contains("Invitert", details);

        var mail = await app.MailToAsync("tone.testesen@nordvik.test");
        Assert.Equal("Invitasjon til Stillas", mail.Subject);
        Assert.Contains("Kari Nordmann har invitert deg", mail.TextBody);
        var link = LinkIn(mail);

        var anonymous = app.Client();
        var form = await anonymous.GetStringAsync(link);
        Assert.Contains("tone.testesen@nordvik.test", form);
        var set = await app.SetPasswordAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/Account/Login", set.Headers.Location!.ToString());

        var tone = await app.LoginAsync("tone.testesen@nordvik.test", NewPassword);
        var home = await tone.GetStringAsync("/");
        Assert.Contains("Hei, Tone Testesen", home);
        Assert.Contains("Sentrum skole", home);
    }

    [Fact]
    public async Task An_expired_invitation_link_is_refused_in_Norwegian()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        await app.InviteAsync(admin, "Utløpt Invitasjon", "utlopt@nordvik.test");
        var link = LinkIn(await app.MailToAsync("utlopt@nordvik.test"));
        var hash = AccountLinks.Hash(TokenOf(link));
        await app.WithDbAsync(async db =>
        {
            var token = await db.InvitationTokens.SingleAsync(t => t.TokenHash == hash);
            token.ExpiresAt = app.Now.AddMinutes(-1);
            await db.SaveChangesAsync();
        });

        var page = await app.Client().GetStringAsync(link);
        Assert.Contains("Lenken er ugyldig, brukt eller utløpt.", Html.Alert(page));
        Assert.DoesNotContain("name=\"Password\"", page);

        var post = await app.SetPasswordAsync(link);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Lenken er ugyldig, brukt eller utløpt.", Html.Alert(await post.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(a => a.Email == "utlopt@nordvik.test" && a.PasswordHash != null)));
    }

    [Fact]
    public async Task A_used_link_cannot_be_used_again()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        await app.InviteAsync(admin, "Brukt Lenke", "brukt.lenke@nordvik.test");
        var link = LinkIn(await app.MailToAsync("brukt.lenke@nordvik.test"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.SetPasswordAsync(link)).StatusCode);

        Assert.Contains("Lenken er ugyldig, brukt eller utløpt.", Html.Alert(await app.Client().GetStringAsync(link)));
        // A second try with the same link must not change the password.
        var again = await app.SetPasswordAsync(link, "Annet-passord-99");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Lenken er ugyldig, brukt eller utløpt.", Html.Alert(await again.Content.ReadAsStringAsync()));
        await app.LoginAsync("brukt.lenke@nordvik.test", NewPassword);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoginAsync("brukt.lenke@nordvik.test", "Annet-passord-99"));
    }

    [Fact]
    public async Task Resending_an_invitation_sends_a_new_link_and_the_old_one_stops_working()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var id = await app.InviteAsync(admin, "Ny Sjanse", "ny.sjanse@nordvik.test");
        var first = LinkIn(await app.MailToAsync("ny.sjanse@nordvik.test"));

        var resend = await admin.PostFormAsync($"/People/Details/{id}?handler=Invite", [], $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Contains("Invitasjonen er sendt til ny.sjanse@nordvik.test", Html.Alert(await admin.GetStringAsync(resend.Headers.Location!.ToString())));
        var second = LinkIn(await app.MailToAsync("ny.sjanse@nordvik.test", 2));
        Assert.NotEqual(first, second);

        Assert.Contains("Lenken er ugyldig, brukt eller utløpt.", Html.Alert(await app.Client().GetStringAsync(first)));
        Assert.Equal(HttpStatusCode.Redirect, (await app.SetPasswordAsync(second)).StatusCode);
        await app.LoginAsync("ny.sjanse@nordvik.test", NewPassword);
    }

    [Fact]
    public async Task A_person_without_a_login_can_be_sent_an_invitation()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var hanne = await app.PersonIdAsync("hanne.inspektor@nordvik.test");
        var details = await admin.GetStringAsync($"/People/Details/{hanne}");
        Assert.Contains("har ikke fått invitasjon", details);
        var send = await admin.PostFormAsync($"/People/Details/{hanne}?handler=Invite", [], $"/People/Details/{hanne}");
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var link = LinkIn(await app.MailToAsync("hanne.inspektor@nordvik.test"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.SetPasswordAsync(link)).StatusCode);
        await app.LoginAsync("hanne.inspektor@nordvik.test", NewPassword);
    }

    [Fact]
    public async Task A_taken_email_is_refused_at_the_field_and_the_form_keeps_what_was_typed()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await app.OwnerIdAsync("Nordvik kommune");
        var response = await admin.PostFormAsync("/People/Create", InviteForm("Dobbel Adresse", "Lise.Laerer@nordvik.test", nordvik, phone: "+47 900 00 000", title: "Lektor"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("E-postadressen er allerede i bruk.", Html.FieldErrors(html));
        Assert.Contains("value=\"Dobbel Adresse\"", html);
        Assert.Contains("value=\"Lise.Laerer@nordvik.test\"", html);
        Assert.Contains("47 900 00 000\"", html);
        Assert.Contains("value=\"Lektor\"", html);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "Dobbel Adresse")));

        // Unique across owners too: Fjordland cannot register a Nordvik address.
        var fjordland = await app.LoginAsync("skoleeier@fjordland.test");
        var other = await fjordland.PostFormAsync("/People/Create", InviteForm("Fjord Dobbel", "skoleeier@nordvik.test", await app.OwnerIdAsync("Fjordland fylkeskommune")));
        Assert.Contains("E-postadressen er allerede i bruk.", Html.FieldErrors(await other.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_invalid_email_and_an_empty_name_are_refused_in_Norwegian()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var nordvik = await app.OwnerIdAsync("Nordvik kommune");
        var response = await admin.PostFormAsync("/People/Create", InviteForm("", "ikke-en-epost", nordvik));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Html.FieldErrors(await response.Content.ReadAsStringAsync());
        Assert.Contains("Skriv inn navnet.", errors);
        Assert.Contains(errors, e => e.StartsWith("Skriv inn en gyldig e-postadresse", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "ikke-en-epost")));

        var huge = await admin.PostFormAsync("/People/Create", InviteForm(new string('x', 10_000), "lang@nordvik.test", nordvik));
        Assert.Contains("Navnet kan ha høyst 200 tegn.", Html.FieldErrors(await huge.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Html_in_a_name_is_shown_as_text()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var id = await app.InviteAsync(admin, "<script>alert(1)</script> Skript", "skript@nordvik.test");
        var details = await admin.GetStringAsync($"/People/Details/{id}");
        Assert.DoesNotContain("<script>alert(1)</script>", details);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Skript", details);
        var list = await admin.GetStringAsync("/People?q=skript");
        Assert.DoesNotContain("<script>alert(1)</script>", list);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Skript", list);
        var mail = await app.MailToAsync("skript@nordvik.test");
        Assert.DoesNotContain("<script>", mail.HtmlBody);
    }

    [Fact]
    public async Task Fjordland_admin_cannot_see_or_edit_Nordvik_people()
    {
        var client = await app.LoginAsync("skoleeier@fjordland.test");
        var per = await app.PersonIdAsync("rektor.sentrum@nordvik.test");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/Details/{per}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/Edit/{per}")).StatusCode);
        var own = await app.PersonIdAsync("skoleeier@fjordland.test");
        var post = await client.PostFormAsync($"/People/Edit/{per}", new() { ["Input.Name"] = "Kapret", ["Input.Email"] = "kapret@fjordland.test" }, $"/People/Edit/{own}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var deactivate = await client.PostFormAsync($"/People/Details/{per}?handler=Deactivate", [], $"/People/Details/{own}");
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Id == per && p.Name == "Per Rektorsen" && p.Active)));

        var list = await client.GetStringAsync("/People?status=all");
        Assert.DoesNotContain("Per Rektorsen", list);
        Assert.DoesNotContain("Kari Nordmann", list);
        Assert.Contains("Rune Rektor", list);
        Assert.DoesNotContain("Per Rektorsen", await client.GetStringAsync("/People?q=rektor"));
    }

    [Fact]
    public async Task Principal_sees_colleagues_at_Sentrum_but_not_other_schools_people_and_cannot_invite_or_manage()
    {
        var client = await app.LoginAsync("rektor.sentrum@nordvik.test");
        var list = await client.GetStringAsync("/People");
        Assert.Contains("Lise Lærer", list);
        Assert.Contains("Hanne Inspektør", list);
        Assert.DoesNotContain("Anne Lederstad", list);
        Assert.DoesNotContain("Kari Nordmann", list);
        Assert.DoesNotContain("Inviter person", list);

        var fjellheim = await app.SchoolIdAsync("Fjellheim skole");
        Assert.DoesNotContain("Anne Lederstad", await client.GetStringAsync($"/People?school={fjellheim}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/People/Details/{await app.PersonIdAsync("anne.lederstad@nordvik.test")}")).StatusCode);

        var lise = await app.PersonIdAsync("lise.laerer@nordvik.test");
        var details = await client.GetStringAsync($"/People/Details/{lise}");
        Assert.Contains("Lise Lærer", details);
        Assert.DoesNotContain("Rediger", details);
        Assert.DoesNotContain("Gi en rolle", details);

        Refused.Assert(await client.GetAsync("/People/Create"), "principal opening the invitation form");
        Refused.Assert(await client.GetAsync($"/People/Edit/{lise}"), "principal editing a colleague");
        var sentrum = await app.SchoolIdAsync("Sentrum skole");
        var invite = await client.PostFormAsync("/People/Create", InviteForm("Snik Inn", "snik@nordvik.test", await app.OwnerIdAsync("Nordvik kommune"), Role.Teacher, sentrum), "/Account/Logout");
        Refused.Assert(invite, "principal posting an invitation");
        var grant = await client.PostFormAsync($"/People/Details/{lise}?handler=AddMembership", new() { ["Grant.Role"] = "Principal", ["Grant.SchoolId"] = PeopleTestSupport.Id(sentrum) }, "/Account/Logout");
        Refused.Assert(grant, "principal giving a colleague a role");
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Email == "snik@nordvik.test")));
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.PersonId == lise && m.Role == Role.Principal)));
    }

    [Fact]
    public async Task Development_advisor_sees_the_owners_people_but_cannot_manage_them()
    {
        var client = await app.LoginAsync("veileder@nordvik.test");
        var list = await client.GetStringAsync("/People");
        Assert.Contains("Kari Nordmann", list);
        Assert.Contains("Anne Lederstad", list);
        Assert.DoesNotContain("Rune Rektor", list);
        Assert.DoesNotContain("Inviter person", list);
        var anne = await app.PersonIdAsync("anne.lederstad@nordvik.test");
        var details = await client.GetStringAsync($"/People/Details/{anne}");
        Assert.Contains("Veilederteam 1", details);
        Assert.DoesNotContain("Gi en rolle", details);
        Refused.Assert(await client.GetAsync($"/People/Edit/{anne}"), "advisor editing a person");
        Refused.Assert(await client.PostFormAsync($"/People/Details/{anne}?handler=Deactivate", [], "/Account/Logout"), "advisor deactivating a person");
    }

    [Fact]
    public async Task A_new_role_takes_effect_at_once_and_removing_it_takes_it_away()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var id = await app.InviteAsync(admin, "Rolle Bytter", "rolle.bytter@nordvik.test");
        Assert.Equal(HttpStatusCode.Redirect, (await app.SetPasswordAsync(LinkIn(await app.MailToAsync("rolle.bytter@nordvik.test")))).StatusCode);
        var person = await app.LoginAsync("rolle.bytter@nordvik.test", NewPassword);
        var sentrum = await app.SchoolIdAsync("Sentrum skole");
        Assert.DoesNotContain("Sentrum skole", await person.GetStringAsync("/Schools"));
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/Schools/Details/{sentrum}")).StatusCode);

        var grant = await admin.PostFormAsync($"/People/Details/{id}?handler=AddMembership", new() { ["Grant.Role"] = "Teacher", ["Grant.SchoolId"] = PeopleTestSupport.Id(sentrum) }, $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);
        Assert.Contains("har fått rollen lærer", Html.Alert(await admin.GetStringAsync(grant.Headers.Location!.ToString())));

        Assert.Contains("Sentrum skole", await person.GetStringAsync("/Schools"));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync($"/Schools/Details/{sentrum}")).StatusCode);

        var membership = await app.WithDbAsync(db => db.Memberships.Where(m => m.PersonId == id && m.Role == Role.Teacher).Select(m => m.Id).SingleAsync());
        var remove = await admin.PostFormAsync($"/People/Details/{id}?handler=RemoveMembership&membershipId={membership}", [], $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync($"/Schools/Details/{sentrum}")).StatusCode);
        Assert.Contains("Tidligere roller", await admin.GetStringAsync($"/People/Details/{id}"));
    }

    [Fact]
    public async Task Role_rules_are_enforced_at_the_fields()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var lise = await app.PersonIdAsync("lise.laerer@nordvik.test");
        var sentrum = await app.SchoolIdAsync("Sentrum skole");
        async Task<List<string>> Grant(Dictionary<string, string> form)
        {
            var response = await admin.PostFormAsync($"/People/Details/{lise}?handler=AddMembership", form, $"/People/Details/{lise}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Html.FieldErrors(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("Personen har allerede denne rollen her.", await Grant(new() { ["Grant.Role"] = "Teacher", ["Grant.SchoolId"] = PeopleTestSupport.Id(sentrum) }));
        Assert.Contains(await Grant(new() { ["Grant.Role"] = "Principal" }), e => e.StartsWith("Velg skole.", StringComparison.Ordinal));
        Assert.Contains("Bare en systemadministrator kan gi rollen systemadministrator.", await Grant(new() { ["Grant.Role"] = "SystemAdmin" }));
        Assert.Contains("Velg rolle.", await Grant(new() { ["Grant.Role"] = "" }));
        var fjordSchool = await app.SchoolIdAsync("Breivik videregående skole");
        Assert.Contains("Du kan ikke gi roller ved denne skolen.", await Grant(new() { ["Grant.Role"] = "Teacher", ["Grant.SchoolId"] = PeopleTestSupport.Id(fjordSchool) }));
        Assert.Contains("Velg universitet eller høgskole for veileder fra UH.", await Grant(new() { ["Grant.Role"] = "UniversityGuide" }));
        Assert.False(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.PersonId == lise && (m.Role == Role.SystemAdmin || m.Role == Role.Principal || m.SchoolId == fjordSchool))));
        Assert.Equal(1, await app.WithDbAsync(db => db.Memberships.CountAsync(m => m.PersonId == lise && m.Role == Role.Teacher && m.Active)));
    }

    [Fact]
    public async Task Changing_the_email_changes_the_login_and_a_taken_email_is_refused()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var id = await app.InviteAsync(admin, "Epost Bytter", "epost.gammel@nordvik.test");
        Assert.Equal(HttpStatusCode.Redirect, (await app.SetPasswordAsync(LinkIn(await app.MailToAsync("epost.gammel@nordvik.test")))).StatusCode);

        var taken = await admin.PostFormAsync($"/People/Edit/{id}", new() { ["Input.Name"] = "Epost Bytter", ["Input.Email"] = "veileder@nordvik.test" });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var html = await taken.Content.ReadAsStringAsync();
        Assert.Contains("E-postadressen er allerede i bruk.", Html.FieldErrors(html));
        Assert.Contains("value=\"veileder@nordvik.test\"", html);

        var saved = await admin.PostFormAsync($"/People/Edit/{id}", new() { ["Input.Name"] = "Epost Bytter", ["Input.Email"] = "epost.ny@nordvik.test", ["Input.Title"] = "Lærer" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await admin.GetStringAsync(saved.Headers.Location!.ToString());
        Assert.Contains("epost.ny@nordvik.test", details);
        await app.LoginAsync("epost.ny@nordvik.test", NewPassword);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoginAsync("epost.gammel@nordvik.test", NewPassword));
        // The old address is told (mail 1 there was the invitation).
        var notice = await app.MailToAsync("epost.gammel@nordvik.test", 2);
        Assert.Equal("E-postadressen din i Stillas er endret", notice.Subject);
        Assert.Contains("Kari Nordmann har endret e-postadressen din i Stillas fra epost.gammel@nordvik.test til epost.ny@nordvik.test", notice.TextBody);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_log_in_until_activated_again()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        await app.CreateLoginAsync("Pause Personsen", "pause@nordvik.test", NewPassword);
        var id = await app.PersonIdAsync("pause@nordvik.test");
        var off = await admin.PostFormAsync($"/People/Details/{id}?handler=Deactivate", [], $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("er deaktivert", Html.Alert(await admin.GetStringAsync(off.Headers.Location!.ToString())));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.LoginAsync("pause@nordvik.test", NewPassword));
        Assert.DoesNotContain("Pause Personsen", await admin.GetStringAsync("/People?q=pause"));
        Assert.Contains("Pause Personsen", await admin.GetStringAsync("/People?q=pause&status=inactive"));

        var on = await admin.PostFormAsync($"/People/Details/{id}?handler=Activate", [], $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        await app.LoginAsync("pause@nordvik.test", NewPassword);
    }

    [Fact]
    public async Task List_filters_by_role_and_school_and_pages()
    {
        var admin = await app.LoginAsync("skoleeier@nordvik.test");
        var sentrum = await app.SchoolIdAsync("Sentrum skole");
        var principals = await admin.GetStringAsync("/People?role=Principal");
        Assert.Contains("Per Rektorsen", principals);
        Assert.Contains("Anne Lederstad", principals);
        Assert.DoesNotContain("Lise Lærer", principals);
        var atSentrum = await admin.GetStringAsync($"/People?school={sentrum}");
        Assert.Contains("Lise Lærer", atSentrum);
        Assert.DoesNotContain("Anne Lederstad", atSentrum);
        Assert.Contains("Ingen personer passer søket.", await admin.GetStringAsync("/People?q=finnesikke"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/People?p=999")).StatusCode);
    }
}

public sealed class PeoplePagesOnSqlite(StillasApp app) : PeoplePagesTests(app), IClassFixture<StillasApp>;

public sealed class PeoplePagesOnPostgres(PostgresApp app) : PeoplePagesTests(app), IClassFixture<PostgresApp>;
