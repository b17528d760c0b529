using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// Resolves references against a Jellyfin installation the way the runtime binds them: the type by assembly name and
/// full name (following forwarders), then a member by name and signature on that type or one of its base types, used
/// as static or instance as the plugin's IL uses it, and visible to another assembly. A reference that does not
/// resolve throws TypeLoadException, MissingMethodException or MissingFieldException in the real server, but only
/// when the calling method runs: the plugin still loads "Active".
/// </summary>
internal static class ReferenceResolver
{
    public static CompatibilityReport Check(IReadOnlyCollection<JellyfinReference> references, AssemblyCatalog catalog, string what)
    {
        var misses = references
            .Select(r => (Reference: r, Problem: Problem(r, catalog)))
            .Where(r => r.Problem is not null)
            .Select(r => new CompatibilityMiss(r.Reference.ToString(), r.Problem!))
            .ToList();
        return new CompatibilityReport(what, catalog.Label, references.Count, misses);
    }

    private static string? Problem(JellyfinReference reference, AssemblyCatalog catalog)
    {
        var lookup = catalog.Find(reference.Assembly, reference.AssemblyVersion, reference.TypeName);
        if (lookup.Type is not { } type)
        {
            return lookup.Problem;
        }

        if (!type.IsVisibleOutside)
        {
            return $"{type} is not public";
        }

        if (reference.Kind == JellyfinReferenceKind.Type)
        {
            return null;
        }

        var sameName = catalog.SelfAndBaseTypes(type)
            .SelectMany(t => reference.Kind == JellyfinReferenceKind.Field ? t.Fields : t.Methods)
            .Where(m => m.Name == reference.MemberName)
            .ToList();
        var match = sameName.FirstOrDefault(m => m.Shape == reference.Shape);
        if (match is null)
        {
            return sameName.Count == 0
                ? $"{type} and its base types have no member {reference.MemberName}"
                : "no member with this signature; there is: " + string.Join("; ", sameName.Select(m => m.ToString()));
        }

        if (reference.IsStatic is { } isStatic && match.IsStatic != isStatic)
        {
            return $"{match} is {(match.IsStatic ? "static" : "an instance member")} there";
        }

        return match.IsAccessibleOutside ? null : $"{match} is not public there";
    }
}
