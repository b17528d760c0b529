using System;
using System.IO;
using MediaBrowser.Common.Configuration;
using MediaBrowser.Model.Plugins;
using MediaBrowser.Model.Serialization;

namespace MediaBrowser.Common.Plugins;

/// <summary>
/// Declaration of Jellyfin's BasePlugin&lt;T&gt;. Like Jellyfin, it loads the configuration lazily from
/// <see cref="ConfigurationFilePath"/> and, when the XML cannot be read, falls back to defaults.
/// </summary>
/// <typeparam name="TConfigurationType">The configuration type.</typeparam>
public abstract class BasePlugin<TConfigurationType> : BasePlugin, IHasPluginConfiguration
    where TConfigurationType : BasePluginConfiguration
{
    private readonly object _configurationSaveLock = new();
    private TConfigurationType? _configuration;

    protected BasePlugin(IApplicationPaths applicationPaths, IXmlSerializer xmlSerializer)
    {
        ApplicationPaths = applicationPaths;
        XmlSerializer = xmlSerializer;
        var assembly = GetType().Assembly;
        SetAttributes(assembly.Location, Path.Combine(applicationPaths.PluginsPath, Path.GetFileNameWithoutExtension(assembly.Location)), assembly.GetName().Version ?? new Version(0, 0, 0, 0));
    }

    public EventHandler<BasePluginConfiguration>? ConfigurationChanged { get; set; }

    public Type ConfigurationType => typeof(TConfigurationType);

    public TConfigurationType Configuration
    {
        get => _configuration ??= LoadConfiguration();
        protected set => _configuration = value;
    }

    public virtual string ConfigurationFileName => Path.ChangeExtension(AssemblyFileName, ".xml");

    public string ConfigurationFilePath => Path.Combine(ApplicationPaths.PluginConfigurationsPath, ConfigurationFileName);

    BasePluginConfiguration IHasPluginConfiguration.Configuration => Configuration;

    protected IApplicationPaths ApplicationPaths { get; private set; }

    protected IXmlSerializer XmlSerializer { get; private set; }

    protected string AssemblyFileName => Path.GetFileName(AssemblyFilePath);

    public virtual void SaveConfiguration()
    {
        SaveConfiguration(Configuration);
    }

    public virtual void SaveConfiguration(TConfigurationType config)
    {
        lock (_configurationSaveLock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ConfigurationFilePath)!);
            XmlSerializer.SerializeToFile(config, ConfigurationFilePath);
        }
    }

    public virtual void UpdateConfiguration(BasePluginConfiguration configuration)
    {
        Configuration = (TConfigurationType)configuration;
        SaveConfiguration(Configuration);
        ConfigurationChanged?.Invoke(this, configuration);
    }

    private TConfigurationType LoadConfiguration()
    {
        try
        {
            return (TConfigurationType)XmlSerializer.DeserializeFromFile(typeof(TConfigurationType), ConfigurationFilePath)!;
        }
        catch (Exception)
        {
            // Jellyfin replaces unreadable configuration with defaults and overwrites the file.
            var config = Activator.CreateInstance<TConfigurationType>();
            SaveConfiguration(config);
            return config;
        }
    }
}
