using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// Checks that each concrete class of the plugin provides every method a Jellyfin installation requires of it: the
/// abstract methods of the Jellyfin interfaces it implements (with their base interfaces as that installation
/// declares them, since a new base interface is a new requirement) and of the Jellyfin classes it derives from.
/// The runtime checks this when it loads the type, and one type that fails to load marks the whole plugin
/// NotSupported in a real server.
/// </summary>
internal static class ImplementationChecker
{
    public static CompatibilityReport Check(string pluginPath, AssemblyCatalog catalog)
    {
        using var plugin = CatalogAssembly.Open(pluginPath) ?? throw new InvalidOperationException(pluginPath + " is not an assembly");
        var misses = new List<CompatibilityMiss>();
        var required = 0;
        foreach (var handle in plugin.Reader.TypeDefinitions)
        {
            var type = new ResolvedType(plugin, handle, null);
            if (type.IsInterface || (type.Definition.Attributes & TypeAttributes.Abstract) != 0)
            {
                continue;
            }

            var chain = catalog.SelfAndBaseTypes(type).ToList();
            var interfaces = JellyfinInterfaces(chain, catalog);
            // Static abstract interface members would need static implementations; Jellyfin's interfaces declare none.
            foreach (var method in interfaces.SelectMany(i => i.Methods).Where(m => m.IsAbstract && !m.IsStatic))
            {
                required++;
                if (Implementation(method, chain, interfaces, catalog) is { } problem)
                {
                    misses.Add(new CompatibilityMiss($"{type.Name} must implement {method}", problem));
                }
            }

            for (var level = 1; level < chain.Count; level++)
            {
                if (!JellyfinReferenceReader.IsJellyfinAssemblyName(chain[level].Assembly.Name))
                {
                    continue;
                }

                foreach (var method in chain[level].Methods.Where(m => m.IsAbstract))
                {
                    required++;
                    if (Override(method, chain.Take(level), catalog) is { } problem)
                    {
                        misses.Add(new CompatibilityMiss($"{type.Name} must override {method}", problem));
                    }
                }
            }
        }

        return new CompatibilityReport("methods that Jellyfin's interfaces and abstract classes require of the plugin's classes", catalog.Label, required, misses);
    }

    /// <summary>Collects the Jellyfin interfaces of a class and of its base classes, with the installation's base interfaces.</summary>
    private static List<ResolvedType> JellyfinInterfaces(IEnumerable<ResolvedType> chain, AssemblyCatalog catalog)
    {
        var found = new Dictionary<string, ResolvedType>(StringComparer.Ordinal);
        var pending = new Queue<ResolvedType?>(chain.SelectMany(t => DeclaredInterfaces(t, catalog)));
        while (pending.TryDequeue(out var candidate))
        {
            if (candidate is not null && found.TryAdd(candidate.Name, candidate))
            {
                foreach (var baseInterface in DeclaredInterfaces(candidate, catalog))
                {
                    pending.Enqueue(baseInterface);
                }
            }
        }

        return found.Values.Where(i => JellyfinReferenceReader.IsJellyfinAssemblyName(i.Assembly.Name)).ToList();
    }

    private static IEnumerable<ResolvedType?> DeclaredInterfaces(ResolvedType type, AssemblyCatalog catalog)
        => type.Definition.GetInterfaceImplementations()
            .Select(h => catalog.Resolve(type.Assembly, type.Assembly.Reader.GetInterfaceImplementation(h).Interface, type.Arguments));

    /// <summary>Finds what implements an interface method: an explicit implementation, else the most derived public virtual method of that name and signature.</summary>
    private static string? Implementation(TypeMember method, IReadOnlyList<ResolvedType> chain, IReadOnlyList<ResolvedType> interfaces, AssemblyCatalog catalog)
    {
        // Explicit implementations (C#'s IFoo.Bar()) and default-method overrides in interfaces, as MethodImpl rows.
        if (chain.Concat(interfaces).Any(t => ExplicitlyImplements(t, method, catalog)))
        {
            return null;
        }

        var candidate = chain.SelectMany(t => t.Methods)
            .FirstOrDefault(m => m.Name == method.Name && m.Shape == method.Shape && m.IsVirtual && !m.IsStatic && m.IsAccessibleOutside);
        return candidate switch
        {
            null => "no public virtual method with this name and signature, and no explicit implementation",
            { IsAbstract: true } => $"only the abstract {candidate}",
            _ => null,
        };
    }

    /// <summary>Finds the override of an abstract method in the classes derived from its declaring class.</summary>
    private static string? Override(TypeMember method, IEnumerable<ResolvedType> derived, AssemblyCatalog catalog)
    {
        var derivedList = derived.ToList();
        if (derivedList.Any(t => ExplicitlyImplements(t, method, catalog)))
        {
            return null;
        }

        var candidate = derivedList.SelectMany(t => t.Methods)
            .FirstOrDefault(m => m.Name == method.Name && m.Shape == method.Shape && m.IsVirtual && !m.IsNewSlot);
        return candidate switch
        {
            null => "no override with this name and signature",
            { IsAbstract: true } => $"only the abstract {candidate}",
            _ => null,
        };
    }

    private static bool ExplicitlyImplements(ResolvedType type, TypeMember method, AssemblyCatalog catalog)
    {
        var reader = type.Assembly.Reader;
        foreach (var handle in type.Definition.GetMethodImplementations())
        {
            var impl = reader.GetMethodImplementation(handle);
            if (impl.MethodBody.Kind == HandleKind.MethodDefinition
                && (reader.GetMethodDefinition((MethodDefinitionHandle)impl.MethodBody).Attributes & MethodAttributes.Abstract) != 0)
            {
                continue;
            }

            if (Declaration(type, impl.MethodDeclaration, catalog) is { } declared
                && declared.Type == method.DeclaringType.Name && declared.Name == method.Name && declared.Shape == method.Shape)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Renders what a MethodImpl row implements or overrides: the declaring type (with its type arguments), name and signature.</summary>
    private static (string Type, string Name, string Shape)? Declaration(ResolvedType type, EntityHandle declaration, AssemblyCatalog catalog)
    {
        var reader = type.Assembly.Reader;
        if (declaration.Kind == HandleKind.MethodDefinition)
        {
            var owner = new ResolvedType(type.Assembly, reader.GetMethodDefinition((MethodDefinitionHandle)declaration).GetDeclaringType(), null);
            var member = TypeMember.Of(owner, (MethodDefinitionHandle)declaration);
            return (owner.Name, member.Name, member.Shape);
        }

        if (declaration.Kind != HandleKind.MemberReference)
        {
            return null;
        }

        var reference = reader.GetMemberReference((MemberReferenceHandle)declaration);
        if (catalog.Resolve(type.Assembly, reference.Parent, type.Arguments) is not { } parent)
        {
            return null;
        }

        var shape = SignatureRenderer.MethodShape(reference.DecodeMethodSignature(SignatureRenderer.Instance, parent.Arguments));
        return (parent.Name, reader.GetString(reference.Name), shape);
    }
}
