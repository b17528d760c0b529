using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// One assembly file read as metadata only (nothing is loaded into the test process), with its types indexed by the
/// names <see cref="SignatureRenderer"/> gives them and its type forwarders by the assembly they point to.
/// </summary>
internal sealed class CatalogAssembly : IDisposable
{
    private readonly PEReader _pe;
    private readonly Dictionary<string, TypeDefinitionHandle> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _forwarders = new(StringComparer.Ordinal);

    private CatalogAssembly(string path, PEReader pe)
    {
        Path = path;
        _pe = pe;
        Reader = pe.GetMetadataReader();
        var definition = Reader.GetAssemblyDefinition();
        Name = Reader.GetString(definition.Name);
        Version = definition.Version;

        foreach (var handle in Reader.TypeDefinitions)
        {
            _types.TryAdd(SignatureRenderer.TypeDefinitionName(Reader, handle), handle);
        }

        foreach (var handle in Reader.ExportedTypes)
        {
            var exported = Reader.GetExportedType(handle);
            if (exported.IsForwarder && exported.Implementation.Kind == HandleKind.AssemblyReference)
            {
                var target = Reader.GetAssemblyReference((AssemblyReferenceHandle)exported.Implementation);
                _forwarders[SignatureRenderer.ExportedTypeName(Reader, handle)] = Reader.GetString(target.Name);
            }
        }
    }

    public string Path { get; }

    public string Name { get; }

    public Version Version { get; }

    public MetadataReader Reader { get; }

    /// <summary>Opens an assembly file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The assembly, or null when the file is not a .NET assembly (a native library beside the server's DLLs).</returns>
    public static CatalogAssembly? Open(string path)
    {
        var pe = new PEReader(File.OpenRead(path));
        if (!pe.HasMetadata || !pe.GetMetadataReader().IsAssembly)
        {
            pe.Dispose();
            return null;
        }

        return new CatalogAssembly(path, pe);
    }

    /// <summary>Finds a type defined in this assembly (top-level or nested, e.g. <c>Outer/Inner</c>).</summary>
    /// <param name="fullName">The rendered full name.</param>
    /// <param name="handle">The definition.</param>
    /// <returns>Whether it is defined here.</returns>
    public bool TryGetType(string fullName, out TypeDefinitionHandle handle) => _types.TryGetValue(fullName, out handle);

    /// <summary>Finds where this assembly forwards a type to; a nested type goes wherever its outermost type goes.</summary>
    /// <param name="fullName">The rendered full name.</param>
    /// <returns>The target assembly's name, or null.</returns>
    public string? ForwardedTo(string fullName)
        => _forwarders.TryGetValue(fullName.Split('/')[0], out var target) ? target : null;

    public void Dispose() => _pe.Dispose();

    public override string ToString() => Name + " " + Version;
}
