using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// Reads a built assembly's metadata (without loading it) and lists every reference it makes into a Jellyfin assembly
/// (an AssemblyReference named MediaBrowser.* or Jellyfin.*): every TypeReference, and every MemberReference whose
/// parent is such a type. Properties and events appear through their accessors (get_X, set_X, add_X, remove_X);
/// members of generic instantiations (a TypeSpec parent, <c>BasePlugin&lt;PluginConfiguration&gt;</c>) are listed on
/// the open type with the open signature, which is what the runtime compares with the definition; generic method
/// instantiations (MethodSpecs) are listed through the MemberReference they instantiate.
/// </summary>
internal static class JellyfinReferenceReader
{
    /// <summary>Tells Jellyfin's own assemblies (MediaBrowser.*, Jellyfin.*) from plugins, which are named Jellyfin.Plugin.*.</summary>
    /// <param name="name">An assembly's simple name or file name.</param>
    /// <returns>Whether it is one of Jellyfin's.</returns>
    public static bool IsJellyfinAssemblyName(string name)
        => name.StartsWith("MediaBrowser.", StringComparison.Ordinal)
            || (name.StartsWith("Jellyfin.", StringComparison.Ordinal) && !name.StartsWith("Jellyfin.Plugin.", StringComparison.Ordinal));

    public static IReadOnlyList<(string Name, Version Version)> ReadJellyfinAssemblyReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(a => (reader.GetString(a.Name), a.Version))
            .Where(a => IsJellyfinAssemblyName(a.Item1))
            .ToList();
    }

    public static IReadOnlyList<JellyfinReference> ReadReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new List<JellyfinReference>();

        foreach (var handle in reader.TypeReferences)
        {
            if (JellyfinAssemblyOf(reader, handle) is { } asm)
            {
                result.Add(new JellyfinReference(
                    JellyfinReferenceKind.Type, asm.Name, asm.Version, SignatureRenderer.TypeReferenceName(reader, handle), string.Empty, string.Empty, null));
            }
        }

        // A generic method instantiation (MethodSpec, e.g. QueueIfNotRunning<EnrichLibraryTask>) points at a row of
        // this table, so the open method it instantiates is listed here too.
        var fieldUse = FieldAccessScanner.Scan(pe, reader);
        foreach (var handle in reader.MemberReferences)
        {
            if (ReadMemberReference(reader, handle, fieldUse) is { } reference)
            {
                result.Add(reference);
            }
        }

        return result.Distinct().OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
    }

    private static JellyfinReference? ReadMemberReference(MetadataReader reader, MemberReferenceHandle handle, Dictionary<EntityHandle, bool> fieldUse)
    {
        var member = reader.GetMemberReference(handle);
        TypeReferenceHandle parentRef;
        if (member.Parent.Kind == HandleKind.TypeReference)
        {
            parentRef = (TypeReferenceHandle)member.Parent;
        }
        else if (member.Parent.Kind == HandleKind.TypeSpecification && TryGetGenericDefinition(reader, (TypeSpecificationHandle)member.Parent, out var generic))
        {
            parentRef = generic;
        }
        else
        {
            // Array methods (a TypeSpec of BaseItem[]) are provided by the runtime; the element type is a TypeReference, checked as such.
            return null;
        }

        if (JellyfinAssemblyOf(reader, parentRef) is not { } asm)
        {
            return null;
        }

        var parent = SignatureRenderer.TypeReferenceName(reader, parentRef);
        var name = reader.GetString(member.Name);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            var shape = SignatureRenderer.FieldShape(member.DecodeFieldSignature(SignatureRenderer.Instance, null));
            bool? isStatic = fieldUse.TryGetValue(handle, out var s) ? s : null;
            return new JellyfinReference(JellyfinReferenceKind.Field, asm.Name, asm.Version, parent, name, shape, isStatic);
        }

        var signature = member.DecodeMethodSignature(SignatureRenderer.Instance, null);
        return new JellyfinReference(
            JellyfinReferenceKind.Method, asm.Name, asm.Version, parent, name, SignatureRenderer.MethodShape(signature), !signature.Header.IsInstance);
    }

    private static bool TryGetGenericDefinition(MetadataReader reader, TypeSpecificationHandle handle, out TypeReferenceHandle definition)
    {
        definition = default;
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return false;
        }

        blob.ReadSignatureTypeCode(); // CLASS or VALUETYPE
        var type = blob.ReadTypeHandle();
        if (type.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        definition = (TypeReferenceHandle)type;
        return true;
    }

    private static (string Name, Version Version)? JellyfinAssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        if (scope.Kind != HandleKind.AssemblyReference)
        {
            return null;
        }

        var assembly = reader.GetAssemblyReference((AssemblyReferenceHandle)scope);
        var name = reader.GetString(assembly.Name);
        return IsJellyfinAssemblyName(name) ? (name, assembly.Version) : null;
    }
}
