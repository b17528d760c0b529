using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace MediaBrowser.Model.Entities;

/// <summary>
/// Declaration of Jellyfin's ProviderIdsExtensions. The bodies read and write the item's (case-insensitive)
/// ProviderIds dictionary; an empty value counts as absent.
/// </summary>
public static class ProviderIdsExtensions
{
    public static bool HasProviderId(this IHasProviderIds instance, string name)
        => instance.TryGetProviderId(name, out _);

    public static bool HasProviderId(this IHasProviderIds instance, MetadataProvider provider)
        => instance.HasProviderId(provider.ToString());

    public static bool TryGetProviderId(this IHasProviderIds instance, string name, [NotNullWhen(true)] out string? id)
    {
        ArgumentNullException.ThrowIfNull(instance);
        id = null;
        if (instance.ProviderIds is null || !instance.ProviderIds.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        id = value;
        return true;
    }

    public static bool TryGetProviderId(this IHasProviderIds instance, MetadataProvider provider, [NotNullWhen(true)] out string? id)
        => instance.TryGetProviderId(provider.ToString(), out id);

    public static string? GetProviderId(this IHasProviderIds instance, string name)
        => instance.TryGetProviderId(name, out var id) ? id : null;

    public static string? GetProviderId(this IHasProviderIds instance, MetadataProvider provider)
        => instance.GetProviderId(provider.ToString());

    public static bool TrySetProviderId(this IHasProviderIds instance, string? name, string? value)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        instance.ProviderIds ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        instance.ProviderIds[name] = value.Trim();
        return true;
    }

    public static bool TrySetProviderId(this IHasProviderIds instance, MetadataProvider provider, string? value)
        => instance.TrySetProviderId(provider.ToString(), value);

    public static void SetProviderId(this IHasProviderIds instance, string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        instance.TrySetProviderId(name, value);
    }

    public static void SetProviderId(this IHasProviderIds instance, MetadataProvider provider, string value)
        => instance.SetProviderId(provider.ToString(), value);

    public static void RemoveProviderId(this IHasProviderIds instance, string name)
    {
        ArgumentNullException.ThrowIfNull(instance);
        instance.ProviderIds?.Remove(name);
    }

    public static void RemoveProviderId(this IHasProviderIds instance, MetadataProvider provider)
        => instance.RemoveProviderId(provider.ToString());
}
