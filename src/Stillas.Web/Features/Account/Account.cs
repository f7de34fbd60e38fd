using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stillas.Web.Features.People;

namespace Stillas.Web.Features.Account;

/// <summary>The login of a <see cref="Person"/> (ASP.NET Core Identity). Not filtered by scope: Identity must find it.</summary>
public class Account : IdentityUser<int>
{
    public int PersonId { get; set; }
    public Person? Person { get; set; }
}

/// <summary>A one-time link to set a password: sent on invitation and on "glemt passord". Only the SHA-256 of the token is stored.</summary>
public class InvitationToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public bool IsInvitation { get; set; }
}

public sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<InvitationToken>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.PersonId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<InvitationToken> b)
    {
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Logins are Identity's: the login, password and invitation pages decide who may change which (a person
/// their own, an owner's administrator their people's invitations and sessions), so the write guard lets them through.
/// </summary>
public sealed class AccountWrites() : Platform.Access.OpenWrite(typeof(Account), typeof(InvitationToken), typeof(UserSession),
    typeof(IdentityUserClaim<int>), typeof(IdentityUserLogin<int>), typeof(IdentityUserToken<int>));
