using System;
using System.Threading;
using Jellyfin.Database.Implementations.Entities;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Library;

/// <summary>Declaration of Jellyfin's IUserDataManager (subset: the plugin only consumes it).</summary>
public interface IUserDataManager
{
    event EventHandler<UserDataSaveEventArgs>? UserDataSaved;

    void SaveUserData(User user, BaseItem item, UserItemData userData, UserDataSaveReason reason, CancellationToken cancellationToken);

    UserItemData? GetUserData(User user, BaseItem item);
}
