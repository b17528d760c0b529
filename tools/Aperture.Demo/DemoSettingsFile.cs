using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Serialization;
using Jellyfin.Plugin.Aperture.Configuration;

namespace Aperture.Demo;

/// <summary>
/// Aperture's settings file as Jellyfin keeps it (<c>&lt;datadir&gt;/plugins/configurations/Jellyfin.Plugin.Aperture.xml</c>),
/// read and written with the plugin's own <see cref="PluginConfiguration"/> type, so Jellyfin reads what the demo writes.
/// </summary>
public static class DemoSettingsFile
{
    private static readonly XmlSerializer Serializer = new(typeof(PluginConfiguration));

    /// <summary>Points each service at its base URL, keeping every other setting in the file (or creates the file).</summary>
    /// <param name="path">The settings file.</param>
    /// <param name="baseUrls">Base URL by Aperture service id (tmdb, omdb, trakt, mdblist, seerr, ai).</param>
    public static void SetBaseUrls(string path, IReadOnlyDictionary<string, Uri> baseUrls)
    {
        ArgumentNullException.ThrowIfNull(baseUrls);
        var configuration = File.Exists(path) ? Read(path) : new PluginConfiguration();
        foreach (var (id, url) in baseUrls)
        {
            var settings = configuration.Integrations.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));
            if (settings is null)
            {
                settings = new IntegrationSettings { Id = id };
                configuration.Integrations.Add(settings);
            }

            settings.BaseUrl = url.AbsoluteUri;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".demo-tmp";
        using (var writer = XmlWriter.Create(temporary, new XmlWriterSettings { Indent = true }))
        {
            Serializer.Serialize(writer, configuration);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static PluginConfiguration Read(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path);
            return Serializer.Deserialize(reader) as PluginConfiguration
                ?? throw new InvalidDataException(path + " holds no Aperture settings.");
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidDataException(path + " cannot be read as Aperture settings (" + ex.InnerException?.Message + "). Delete it to start from defaults.", ex);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException(path + " is not valid XML (" + ex.Message + "). Delete it to start from defaults.", ex);
        }
    }
}
