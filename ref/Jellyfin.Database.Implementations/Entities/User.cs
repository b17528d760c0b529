using System;
using System.Collections.Generic;
using Jellyfin.Database.Implementations.Interfaces;

namespace Jellyfin.Database.Implementations.Entities;

/// <summary>Declaration of Jellyfin's User entity (10.11: moved from Jellyfin.Data.Entities; subset).</summary>
public class User : IHasPermissions
{
    public User(string username, string authenticationProviderId, string passwordResetProviderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        Username = username;
        AuthenticationProviderId = authenticationProviderId;
        PasswordResetProviderId = passwordResetProviderId;
        Id = Guid.NewGuid();
        Permissions = new HashSet<Permission>();
    }

    public Guid Id { get; set; }

    public string Username { get; set; }

    public string AuthenticationProviderId { get; set; }

    public string PasswordResetProviderId { get; set; }

    public long InternalId { get; set; }

    public int? MaxParentalRatingScore { get; set; }

    public virtual ICollection<Permission> Permissions { get; private set; }
}
