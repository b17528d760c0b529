using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Jellyfin.Plugin.Aperture.Tests.ApiLock;

/// <summary>
/// Reads a built assembly's metadata and lists every reference it makes into a Jellyfin assembly
/// (an AssemblyReference named MediaBrowser.* or Jellyfin.*) as canonical strings:
/// <c>[Assembly] type Full.Name</c>, <c>[Assembly] Declaring.Type::Method(Params) : Return</c> (prefixed
/// <c>static</c> when not an instance member; generic methods as <c>Name&lt;!!0&gt;</c>), or
/// <c>[Assembly] Declaring.Type::Field : Type</c>. Properties and events appear through their accessors
/// (get_X, set_X, add_X, remove_X); members of generic instantiations are listed on the open type (<c>BasePlugin&lt;!0&gt;</c>),
/// so the entry does not depend on the plugin's own type arguments. MethodSpecs resolve to the MemberRef they instantiate.
/// </summary>
internal static class JellyfinReferenceReader
{
    public static bool IsJellyfinAssemblyName(string name)
        => name.StartsWith("MediaBrowser.", StringComparison.Ordinal) || name.StartsWith("Jellyfin.", StringComparison.Ordinal);

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

    public static SortedSet<string> ReadReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var handle in reader.TypeReferences)
        {
            var asm = JellyfinAssemblyOf(reader, handle);
            if (asm is not null)
            {
                result.Add($"[{asm}] type {SignatureRenderer.TypeReferenceName(reader, handle)}");
            }
        }

        var memberRefs = reader.MemberReferences.ToHashSet();
        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            var spec = reader.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
            if (spec.Method.Kind == HandleKind.MemberReference)
            {
                memberRefs.Add((MemberReferenceHandle)spec.Method);
            }
        }

        foreach (var handle in memberRefs)
        {
            var rendered = RenderMemberReference(reader, handle);
            if (rendered is not null)
            {
                result.Add(rendered);
            }
        }

        return result;
    }

    private static string? RenderMemberReference(MetadataReader reader, MemberReferenceHandle handle)
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
            return null;
        }

        var asm = JellyfinAssemblyOf(reader, parentRef);
        if (asm is null)
        {
            return null;
        }

        var parent = SignatureRenderer.TypeReferenceName(reader, parentRef);
        var name = reader.GetString(member.Name);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            var fieldType = member.DecodeFieldSignature(SignatureRenderer.Instance, null);
            return $"[{asm}] {parent}::{name} : {fieldType}";
        }

        var sig = member.DecodeMethodSignature(SignatureRenderer.Instance, null);
        var arity = sig.GenericParameterCount == 0
            ? string.Empty
            : "<" + string.Join(", ", Enumerable.Range(0, sig.GenericParameterCount).Select(i => "!!" + i)) + ">";
        var prefix = sig.Header.IsInstance ? string.Empty : "static ";
        return $"[{asm}] {prefix}{parent}::{name}{arity}({string.Join(", ", sig.ParameterTypes)}) : {sig.ReturnType}";
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

    private static string? JellyfinAssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
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

        var name = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
        return IsJellyfinAssemblyName(name) ? name : null;
    }
}
