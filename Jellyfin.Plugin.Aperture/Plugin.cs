using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Configuration;
using MediaBrowser.Common.Configuration;
using MediaBrowser.Common.Plugins;
using MediaBrowser.Model.Plugins;
using MediaBrowser.Model.Serialization;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture;

/// <summary>
/// The Aperture plugin entry point: name, id, configuration and the embedded settings page.
/// </summary>
public class Plugin : BasePlugin<PluginConfiguration>, IHasWebPages
{
    /// <summary>The plugin's permanent id. Never change it: Jellyfin keys installs and settings on it.</summary>
    public const string PluginId = "7de23a20-0f35-46b0-b23c-1444503b2689";

    /// <summary>The name of the settings page (HTML), unique across every installed plugin.</summary>
    public const string ConfigPageName = "aperture";

    /// <summary>The name of the settings page controller (ES module), unique across every installed plugin.</summary>
    public const string ConfigScriptName = "aperturejs";

    /// <summary>
    /// Initializes a new instance of the <see cref="Plugin"/> class.
    /// </summary>
    /// <param name="applicationPaths">Jellyfin's application paths.</param>
    /// <param name="xmlSerializer">Jellyfin's XML serializer.</param>
    /// <param name="logger">The logger.</param>
    public Plugin(IApplicationPaths applicationPaths, IXmlSerializer xmlSerializer, ILogger<Plugin> logger)
        : base(applicationPaths, xmlSerializer)
    {
        ArgumentNullException.ThrowIfNull(logger);

        // Jellyfin resets the whole file to defaults when one value fails to parse; repair it first.
        ConfigurationFileRepair.Repair(ConfigurationFilePath, typeof(PluginConfiguration), logger);
        Instance = this;
    }

    /// <summary>Gets the current plugin instance, set once Jellyfin has created the plugin.</summary>
    public static Plugin? Instance { get; private set; }

    /// <inheritdoc />
    public override string Name => "Aperture";

    /// <inheritdoc />
    public override Guid Id => Guid.Parse(PluginId);

    /// <inheritdoc />
    public override string Description =>
        "Connects TMDb, OMDb, Trakt, MDBList, Jellyseerr and an AI provider to Jellyfin, with encrypted keys and a status dashboard.";

    /// <inheritdoc />
    public IEnumerable<PluginPageInfo> GetPages()
    {
        // The HTML page comes first: Jellyfin's Settings button opens the first page of a plugin.
        yield return new PluginPageInfo
        {
            Name = ConfigPageName,
            DisplayName = "Aperture",
            EmbeddedResourcePath = GetType().Namespace + ".Configuration.configPage.html",
            EnableInMainMenu = true,
            MenuIcon = "tune",
        };
        yield return new PluginPageInfo
        {
            Name = ConfigScriptName,
            EmbeddedResourcePath = GetType().Namespace + ".Configuration.configPage.js",
        };
    }
}
