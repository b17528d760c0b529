using System;
using Jellyfin.Data.Events;
using Jellyfin.Database.Implementations.Entities;

namespace MediaBrowser.Controller.Library;

/// <summary>
/// Declaration of Jellyfin's IUserManager (subset). The list of users is deliberately NOT declared: it is a
/// property <c>Users</c> in 10.11.0–10.11.8 and a method <c>GetUsers()</c> from 10.11.9. Reach it only
/// through Jellyfin.Plugin.Aperture.Library.UserManagerCompat.
/// </summary>
public interface IUserManager
{
    event EventHandler<GenericEventArgs<User>>? OnUserUpdated;

    User? GetUserById(Guid id);

    User? GetUserByName(string name);
}
