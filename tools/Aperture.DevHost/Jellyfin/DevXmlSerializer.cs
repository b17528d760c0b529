using System;
using System.Collections.Concurrent;
using System.IO;
using System.Xml;
using System.Xml.Serialization;
using MediaBrowser.Model.Serialization;

namespace Aperture.DevHost.Jellyfin;

/// <summary>
/// Stand-in for Jellyfin's XML serializer (System.Xml.Serialization, as Jellyfin uses), so the plugin's
/// configuration file is written and read the same way.
/// </summary>
public sealed class DevXmlSerializer : IXmlSerializer
{
    private static readonly ConcurrentDictionary<Type, XmlSerializer> _serializers = new();

    public object? DeserializeFromStream(Type type, Stream stream)
    {
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return Get(type).Deserialize(reader);
    }

    public void SerializeToStream(object obj, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(obj);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true });
        Get(obj.GetType()).Serialize(writer, obj);
    }

    public void SerializeToFile(object obj, string file)
    {
        // Write a sibling file and move it over, so a crash never leaves half a configuration.
        var temp = file + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            SerializeToStream(obj, stream);
        }

        File.Move(temp, file, overwrite: true);
    }

    public object? DeserializeFromFile(Type type, string file)
    {
        using var stream = File.OpenRead(file);
        return DeserializeFromStream(type, stream);
    }

    public object? DeserializeFromBytes(Type type, byte[] buffer)
    {
        using var stream = new MemoryStream(buffer, writable: false);
        return DeserializeFromStream(type, stream);
    }

    private static XmlSerializer Get(Type type) => _serializers.GetOrAdd(type, t => new XmlSerializer(t));
}
