using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// Jellyfin replaces the whole plugin configuration with defaults when any one value fails to deserialize. This
/// repair runs before Jellyfin loads the file: it drops only the values that cannot be read (so those fall back to
/// their defaults), keeps everything else, and saves a copy of the original next to it.
/// </summary>
public static class ConfigurationFileRepair
{
    /// <summary>
    /// Repairs the configuration file in place when needed.
    /// </summary>
    /// <param name="path">The configuration XML file.</param>
    /// <param name="configurationType">The configuration class the file holds.</param>
    /// <param name="logger">Where repairs are reported (element names only, never values).</param>
    /// <returns>The number of values that were dropped.</returns>
    public static int Repair(string path, Type configurationType, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configurationType);
        ArgumentNullException.ThrowIfNull(logger);
        if (!File.Exists(path))
        {
            return 0;
        }

        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException ex)
        {
            var backup = Backup(path);
            logger.LogError("Aperture settings file {Path} is not valid XML (line {Line}); it was saved as {Backup} and defaults are used", path, ex.LineNumber, backup);
            return 1;
        }

        if (document.Root is null)
        {
            return 0;
        }

        var dropped = RepairElement(document.Root, configurationType, logger);
        if (dropped > 0)
        {
            var backup = Backup(path);
            document.Save(path);
            logger.LogWarning("Aperture repaired {Count} unreadable setting(s) in {Path}; the original is saved as {Backup}", dropped, path, backup);
        }

        return dropped;
    }

    private static int RepairElement(XElement element, Type type, ILogger logger)
    {
        var dropped = 0;
        foreach (var child in element.Elements().ToList())
        {
            var property = type.GetProperty(child.Name.LocalName, BindingFlags.Public | BindingFlags.Instance);
            if (property is null || property.GetCustomAttribute<XmlIgnoreAttribute>() is not null)
            {
                continue;
            }

            var propertyType = property.PropertyType;
            var itemType = GetListItemType(propertyType);
            if (itemType is not null)
            {
                foreach (var item in child.Elements().ToList())
                {
                    dropped += RepairValue(item, itemType, $"{child.Name.LocalName}/{item.Name.LocalName}", logger);
                }
            }
            else
            {
                dropped += RepairValue(child, propertyType, child.Name.LocalName, logger);
            }
        }

        return dropped;
    }

    private static int RepairValue(XElement element, Type type, string name, ILogger logger)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(underlying))
        {
            if (IsNil(element) || CanParse(element.Value, underlying))
            {
                return 0;
            }

            element.Remove();
            logger.LogWarning("Aperture setting {Name} could not be read and was reset to its default", name);
            return 1;
        }

        return underlying.IsClass && underlying != typeof(string) ? RepairElement(element, underlying, logger) : 0;
    }

    private static bool IsNil(XElement element) =>
        element.Attributes().Any(a => a.Name.LocalName == "nil" && a.Value == "true");

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid)
        || type == typeof(DateTime) || type == typeof(TimeSpan);

    private static Type? GetListItemType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
    }

    private static bool CanParse(string text, Type type)
    {
        try
        {
            if (type.IsEnum)
            {
                // XmlSerializer reads enums by member name only.
                return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(part => Enum.GetNames(type).Contains(part, StringComparer.Ordinal));
            }

            _ = Type.GetTypeCode(type) switch
            {
                TypeCode.Boolean => (object)XmlConvert.ToBoolean(text),
                TypeCode.Byte => XmlConvert.ToByte(text),
                TypeCode.SByte => XmlConvert.ToSByte(text),
                TypeCode.Int16 => XmlConvert.ToInt16(text),
                TypeCode.UInt16 => XmlConvert.ToUInt16(text),
                TypeCode.Int32 => XmlConvert.ToInt32(text),
                TypeCode.UInt32 => XmlConvert.ToUInt32(text),
                TypeCode.Int64 => XmlConvert.ToInt64(text),
                TypeCode.UInt64 => XmlConvert.ToUInt64(text),
                TypeCode.Single => XmlConvert.ToSingle(text),
                TypeCode.Double => XmlConvert.ToDouble(text),
                TypeCode.Decimal => XmlConvert.ToDecimal(text),
                TypeCode.Char => XmlConvert.ToChar(text),
                TypeCode.DateTime => XmlConvert.ToDateTime(text, XmlDateTimeSerializationMode.RoundtripKind),
                _ when type == typeof(Guid) => XmlConvert.ToGuid(text),
                _ when type == typeof(TimeSpan) => XmlConvert.ToTimeSpan(text),
                _ => text,
            };
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Backup(string path)
    {
        var backup = path + ".unreadable-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        File.Copy(path, backup, overwrite: true);
        return backup;
    }
}
