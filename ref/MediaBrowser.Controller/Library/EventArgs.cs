using System;
using System.Collections.Generic;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Library;

/// <summary>Declaration of Jellyfin's ItemChangeEventArgs.</summary>
public class ItemChangeEventArgs
{
    public BaseItem Item { get; set; } = null!;

    public BaseItem? Parent { get; set; }

    public ItemUpdateType UpdateReason { get; set; }
}

/// <summary>Declaration of Jellyfin's UserDataSaveEventArgs.</summary>
public class UserDataSaveEventArgs : EventArgs
{
    public List<string> Keys { get; set; } = new();

    public UserItemData UserData { get; set; } = null!;

    public Guid UserId { get; set; }

    public UserDataSaveReason SaveReason { get; set; }

    public BaseItem Item { get; set; } = null!;
}
