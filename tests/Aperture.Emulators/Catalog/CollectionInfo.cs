using System.Collections.Generic;

namespace Aperture.Emulators.Catalog;

/// <summary>A TMDb collection (franchise).</summary>
/// <param name="Id">The TMDb collection id.</param>
/// <param name="Name">The collection name.</param>
/// <param name="Parts">The movies in it.</param>
public sealed record CollectionInfo(int Id, string Name, IReadOnlyList<CollectionPart> Parts)
{
    /// <summary>Gets the poster path (TMDb style, leading slash).</summary>
    public string PosterPath => "/collection-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-poster.jpg";

    /// <summary>Gets the backdrop path (TMDb style, leading slash).</summary>
    public string BackdropPath => "/collection-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-backdrop.jpg";
}
