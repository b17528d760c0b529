namespace Aperture.DevHost;

/// <summary>Holds the demo environment once it has started (it starts after the web host).</summary>
public sealed class DemoSlot
{
    /// <summary>Gets or sets the demo environment, or null outside demo mode.</summary>
    public DemoEnvironment? Demo { get; set; }
}
