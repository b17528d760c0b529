using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection.Metadata;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// Compares the constants of the Jellyfin types the plugin references (enum members such as
/// <c>MetadataProvider.Tmdb</c>, const fields) between the 10.11.0 packages and a server. The compiler copies these
/// values into the plugin, so no reference is left for the runtime to miss: a renumbered enum member would silently
/// mean something else on that server. Members added on the server are fine; changed or removed ones are reported.
/// </summary>
internal static class InlinedConstantChecker
{
    public static CompatibilityReport Check(IEnumerable<JellyfinReference> references, AssemblyCatalog compiledAgainst, AssemblyCatalog server)
    {
        var misses = new List<CompatibilityMiss>();
        var compared = 0;
        foreach (var reference in references.Where(r => r.Kind == JellyfinReferenceKind.Type))
        {
            if (compiledAgainst.Find(reference.Assembly, null, reference.TypeName).Type is not { } original
                || server.Find(reference.Assembly, null, reference.TypeName).Type is not { } current)
            {
                continue; // A missing type is the reference check's report.
            }

            var now = Constants(current);
            foreach (var (name, value) in Constants(original))
            {
                compared++;
                var found = now.TryGetValue(name, out var serverValue);
                if (!found || serverValue != value)
                {
                    misses.Add(new CompatibilityMiss(
                        $"[{reference.Assembly}] {reference.TypeName}::{name} = {value}",
                        found ? $"is {serverValue} there" : "is gone there"));
                }
            }
        }

        return new CompatibilityReport($"constants of the Jellyfin types the plugin references (as in {compiledAgainst.Label})", server.Label, compared, misses);
    }

    private static Dictionary<string, string> Constants(ResolvedType type)
    {
        var reader = type.Assembly.Reader;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in type.Definition.GetFields().Select(reader.GetFieldDefinition))
        {
            if (!field.GetDefaultValue().IsNil)
            {
                var constant = reader.GetConstant(field.GetDefaultValue());
                var value = reader.GetBlobReader(constant.Value).ReadConstant(constant.TypeCode);
                result[reader.GetString(field.Name)] = constant.TypeCode + " " + Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        return result;
    }
}
