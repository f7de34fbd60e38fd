using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stillas.Web.Features.Account;
using Stillas.Web.Platform.Access;
using Stillas.Web.Platform.Data;
using Stillas.Web.Platform.Mail;
using Stillas.Web.Platform.Text;
using AccountEntity = Stillas.Web.Features.Account.Account;

namespace Stillas.Web.Features.People;

/// <summary>
/// A person and their login change together: inviting creates the person, the account (without a
/// password), the first role and the invitation mail in one transaction; changing the e-mail changes
/// the login too. Used by the pages and the API alike.
/// </summary>
public static class PersonAccounts
{
    public static string EmailInUse => L.T("E-postadressen er allerede i bruk.");

    /// <summary>Invites a person; returns the person, or the errors (field, message) with nothing saved.</summary>
    public static async Task<(Person? Person, List<(string Field, string Message)> Errors)> InviteAsync(
        StillasDb db, UserManager<AccountEntity> users, AccountLinks links, AccessScope scope, InviteInput input, CancellationToken ct)
    {
        var (errors, firstRole) = await input.CheckInviteAsync(db, scope, ct);
        if (errors.Count > 0) return (null, errors);

        var person = new Person { OwnerId = input.OwnerId, Name = "", Email = "" };
        input.Apply(person);
        db.People.Add(person);
        if (firstRole is not null) db.Memberships.Add(firstRole.ToMembership(person));
        var account = new AccountEntity { UserName = person.Email, Email = person.Email, Person = person };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Saves the person, the role and the account together (the store shares this context).
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return (null, created.Errors.Select(e => (nameof(PersonInput.Email), e.Description)).ToList());
            }
            // The invitation is written in the invited person's language, not the sender's.
            using (Languages.Use(person.Language))
                links.Issue(account, person.Name, invitation: true, invitedBy: scope.ActorName);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two invitations of the same address at the same moment: the unique index decides.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return (null, [(nameof(PersonInput.Email), EmailInUse)]);
        }
        return (person, []);
    }

    /// <summary>
    /// Sends a new invitation to a person who has not chosen a password yet (creating the login if the
    /// person has none); older unused invitation links stop working. Returns an error message, or null.
    /// </summary>
    public static async Task<string?> ResendAsync(StillasDb db, UserManager<AccountEntity> users, AccountLinks links, AccessScope scope, TimeProvider clock, Person person, CancellationToken ct)
    {
        if (!person.Active) return L.T("Personen er deaktivert. Aktiver personen før du sender en invitasjon.");
        var account = await db.Users.SingleOrDefaultAsync(a => a.PersonId == person.Id, ct);
        if (account?.PasswordHash is not null)
            return L.T("Personen har allerede valgt passord. Har personen glemt det, kan hen bruke «Glemt passord» på innloggingssiden.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (account is null)
        {
            account = new AccountEntity { UserName = person.Email, Email = person.Email, PersonId = person.Id };
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                return string.Join(" ", created.Errors.Select(e => e.Description));
            }
        }
        else
        {
            var now = clock.GetUtcNow();
            // A new invitation ends the older links.
            var unused = await db.InvitationTokens.Where(t => t.AccountId == account.Id && t.UsedAt == null && t.ExpiresAt > now).ToListAsync(ct);
            foreach (var t in unused) t.ExpiresAt = now;
        }
        using (Languages.Use(person.Language))
            links.Issue(account, person.Name, invitation: true, invitedBy: scope.ActorName);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Saves edits of a tracked person; a new e-mail becomes the login's e-mail and user name too, and the
    /// old address is told, so that a changed address (and a reset link sent to it) cannot go unnoticed.
    /// </summary>
    public static async Task<List<(string Field, string Message)>> UpdateAsync(StillasDb db, UserManager<AccountEntity> users, Outbox outbox, AccessScope scope, Person person, PersonInput input, CancellationToken ct)
    {
        var errors = await input.CheckAsync(db, person.Id, ct);
        if (errors.Count > 0) return errors;
        var oldEmail = person.Email;
        db.Expect(person, input.Version);
        input.Apply(person);
        if (person.Email != oldEmail && await db.Users.SingleOrDefaultAsync(a => a.PersonId == person.Id, ct) is { } account)
        {
            account.Email = person.Email;
            account.UserName = person.Email;
            account.NormalizedEmail = users.NormalizeEmail(person.Email);
            account.NormalizedUserName = users.NormalizeName(person.Email);
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            // Told in the person's language (saved with this edit), not the administrator's.
            using (Languages.Use(person.Language))
            {
                var by = string.IsNullOrEmpty(scope.ActorName) ? L.T("En administrator") : scope.ActorName;
                outbox.Enqueue(oldEmail, person.Name, L.T("E-postadressen din i Stillas er endret"),
                    L.T("Hei {0}!\n\n{1} har endret e-postadressen din i Stillas fra {2} til {3}. Du logger inn med den nye adressen.\n\nVar ikke dette avtalt, kontakt skoleeierens administrator.\n", person.Name, by, oldEmail, person.Email),
                    ownerId: person.OwnerId); // the old address no longer names the person: say whose it is
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // A stale version is no taken address: it reaches the caller as a conflict (409, both versions).
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [(nameof(PersonInput.Email), EmailInUse)];
        }
        return [];
    }
}
