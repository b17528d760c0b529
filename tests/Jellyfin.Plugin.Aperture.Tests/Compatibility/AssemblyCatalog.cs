using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// The assemblies of one Jellyfin installation (or of the compile-time packages), found by simple name in their
/// folders the way the runtime probes them, and resolved the way it binds a TypeReference: assembly name plus type
/// name, following type forwarders. Assemblies are opened on first use and read as metadata only.
/// </summary>
internal sealed class AssemblyCatalog : IDisposable
{
    private readonly IReadOnlyList<string> _folders;
    private readonly Dictionary<string, CatalogAssembly?> _opened = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Initializes a new instance of the <see cref="AssemblyCatalog"/> class.</summary>
    /// <param name="label">What the folders hold, for reports (e.g. <c>Jellyfin 10.11.11</c>).</param>
    /// <param name="folders">The folders, searched in order.</param>
    public AssemblyCatalog(string label, params string[] folders)
    {
        Label = label;
        _folders = folders;
    }

    public string Label { get; }

    /// <summary>Opens an assembly by simple name.</summary>
    /// <param name="name">The name, e.g. <c>MediaBrowser.Controller</c>.</param>
    /// <returns>The assembly, or null when no folder holds it.</returns>
    public CatalogAssembly? Open(string name)
    {
        if (!_opened.TryGetValue(name, out var assembly))
        {
            var path = _folders.Select(f => Path.Combine(f, name + ".dll")).FirstOrDefault(File.Exists);
            assembly = path is null ? null : CatalogAssembly.Open(path);
            _opened[name] = assembly;
        }

        return assembly;
    }

    /// <summary>Looks a type up as the runtime binds a TypeReference to it.</summary>
    /// <param name="assemblyName">The referenced assembly's simple name.</param>
    /// <param name="minimumVersion">The referenced version: the runtime does not bind a reference to an older assembly. Null to skip the check.</param>
    /// <param name="fullName">The type's rendered full name.</param>
    /// <returns>The type, or why it is not found.</returns>
    public TypeLookup Find(string assemblyName, Version? minimumVersion, string fullName)
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var name = assemblyName; visited.Add(name);)
        {
            if (Open(name) is not { } assembly)
            {
                return TypeLookup.Missing($"{Label} has no assembly {name}");
            }

            if (minimumVersion is not null && name == assemblyName && assembly.Version < minimumVersion)
            {
                return TypeLookup.Missing($"{Label} has {assembly}, older than the referenced {minimumVersion}: the runtime does not bind it");
            }

            if (assembly.TryGetType(fullName, out var handle))
            {
                return TypeLookup.Found(new ResolvedType(assembly, handle, null));
            }

            if (assembly.ForwardedTo(fullName) is not { } target)
            {
                var elsewhere = WhereElseIsJellyfinType(fullName, assembly.Name);
                return TypeLookup.Missing($"{Label}: {assembly.Name} has no type {fullName}" + (elsewhere is null
                    ? string.Empty
                    : $" ({fullName} is in {elsewhere} there, but a type reference binds by assembly name and type name)"));
            }

            name = target;
        }

        return TypeLookup.Missing($"{Label}: the type forwarders for {fullName} form a cycle");
    }

    /// <summary>Resolves a type handle met in an assembly's metadata (a base type, an interface, a member's parent).</summary>
    /// <param name="assembly">The assembly whose metadata holds the handle.</param>
    /// <param name="handle">A TypeDefinition, TypeReference or generic-instantiation TypeSpecification.</param>
    /// <param name="context">The type arguments of the type the handle was met on, to substitute for !0, !1, ….</param>
    /// <returns>The type, or null when it cannot be found in this catalog.</returns>
    public ResolvedType? Resolve(CatalogAssembly assembly, EntityHandle handle, IReadOnlyList<string>? context)
    {
        var reader = assembly.Reader;
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return new ResolvedType(assembly, (TypeDefinitionHandle)handle, null);

            case HandleKind.TypeReference:
                var scope = OutermostScope(reader, (TypeReferenceHandle)handle);
                var name = SignatureRenderer.TypeReferenceName(reader, (TypeReferenceHandle)handle);
                if (scope.Kind != HandleKind.AssemblyReference)
                {
                    return assembly.TryGetType(name, out var local) ? new ResolvedType(assembly, local, null) : null;
                }

                var assemblyName = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                return Find(assemblyName, null, name).Type;

            case HandleKind.TypeSpecification:
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                blob.ReadSignatureTypeCode(); // CLASS or VALUETYPE
                var generic = blob.ReadTypeHandle();
                var decoder = new SignatureDecoder<string, IReadOnlyList<string>?>(SignatureRenderer.Instance, reader, context);
                var arguments = Enumerable.Range(0, blob.ReadCompressedInteger()).Select(_ => decoder.DecodeType(ref blob)).ToList();
                return Resolve(assembly, generic, context) is { } open ? open with { Arguments = arguments } : null;

            default:
                return null;
        }
    }

    /// <summary>Walks a type's base types, across assemblies, as the runtime does when it looks a member reference up.</summary>
    /// <param name="type">The type to start from.</param>
    /// <returns>The type, its base type, and so on, as far as this catalog can resolve them.</returns>
    public IEnumerable<ResolvedType> SelfAndBaseTypes(ResolvedType type)
    {
        for (ResolvedType? current = type; current is not null;)
        {
            yield return current;
            var baseType = current.Definition.BaseType;
            current = baseType.IsNil ? null : Resolve(current.Assembly, baseType, current.Arguments);
        }
    }

    public void Dispose()
    {
        foreach (var assembly in _opened.Values)
        {
            assembly?.Dispose();
        }

        _opened.Clear();
    }

    private static EntityHandle OutermostScope(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope;
    }

    private string? WhereElseIsJellyfinType(string fullName, string except)
        => _folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*.dll"))
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n is not null && JellyfinReferenceReader.IsJellyfinAssemblyName(n) && !n.Equals(except, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(n => Open(n!)?.TryGetType(fullName, out _) == true);
}
