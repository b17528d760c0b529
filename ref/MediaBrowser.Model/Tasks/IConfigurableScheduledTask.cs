namespace MediaBrowser.Model.Tasks;

/// <summary>Declaration of Jellyfin's IConfigurableScheduledTask (complete: the plugin implements it).</summary>
public interface IConfigurableScheduledTask
{
    bool IsHidden { get; }

    bool IsEnabled { get; }

    bool IsLogged { get; }
}
