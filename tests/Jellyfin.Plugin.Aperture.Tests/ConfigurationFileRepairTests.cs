using System;
using System.IO;
using System.Xml.Serialization;
using Jellyfin.Plugin.Aperture.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests;

public sealed class ConfigurationFileRepairTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aperture-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void UnreadableValueIsDroppedAndEveryOtherSettingSurvives()
    {
        var path = Path.Combine(_dir, "Jellyfin.Plugin.Aperture.xml");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <PluginConfiguration xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <Integrations>
                <IntegrationSettings>
                  <Id>tmdb</Id>
                  <BaseUrl>http://127.0.0.1:9999/3</BaseUrl>
                  <RequestsPerWindow>forty</RequestsPerWindow>
                  <WindowSeconds>10</WindowSeconds>
                </IntegrationSettings>
              </Integrations>
            </PluginConfiguration>
            """);

        var dropped = ConfigurationFileRepair.Repair(path, typeof(PluginConfiguration), NullLogger.Instance);

        Assert.Equal(1, dropped);
        using var stream = File.OpenRead(path);
        var config = (PluginConfiguration)new XmlSerializer(typeof(PluginConfiguration)).Deserialize(stream)!;
        var tmdb = Assert.Single(config.Integrations);
        Assert.Equal("http://127.0.0.1:9999/3", tmdb.BaseUrl);
        Assert.Equal(10, tmdb.WindowSeconds);
        Assert.Null(tmdb.RequestsPerWindow);
        Assert.Single(Directory.GetFiles(_dir, "*.unreadable-*"));
    }

    [Fact]
    public void ReadableFileIsLeftUntouched()
    {
        var path = Path.Combine(_dir, "Jellyfin.Plugin.Aperture.xml");
        var config = new PluginConfiguration();
        config.Integrations.Add(new IntegrationSettings { Id = "omdb", DailyQuota = 1000 });
        using (var stream = File.Create(path))
        {
            new XmlSerializer(typeof(PluginConfiguration)).Serialize(stream, config);
        }

        var before = File.ReadAllText(path);

        Assert.Equal(0, ConfigurationFileRepair.Repair(path, typeof(PluginConfiguration), NullLogger.Instance));
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(_dir, "*.unreadable-*"));
    }

    [Fact]
    public void FileThatIsNotXmlIsBackedUpBeforeJellyfinOverwritesIt()
    {
        var path = Path.Combine(_dir, "Jellyfin.Plugin.Aperture.xml");
        File.WriteAllText(path, "<PluginConfiguration><Integrations>");

        ConfigurationFileRepair.Repair(path, typeof(PluginConfiguration), NullLogger.Instance);

        var backup = Assert.Single(Directory.GetFiles(_dir, "*.unreadable-*"));
        Assert.Equal("<PluginConfiguration><Integrations>", File.ReadAllText(backup));
    }
}
