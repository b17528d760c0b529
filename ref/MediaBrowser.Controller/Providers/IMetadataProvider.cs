using MediaBrowser.Controller.Entities;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's IMetadataProvider.</summary>
public interface IMetadataProvider
{
    string Name { get; }
}

/// <summary>Declaration of Jellyfin's IMetadataProvider&lt;TItemType&gt; (marker).</summary>
/// <typeparam name="TItemType">The item type.</typeparam>
public interface IMetadataProvider<TItemType> : IMetadataProvider
    where TItemType : BaseItem
{
}
