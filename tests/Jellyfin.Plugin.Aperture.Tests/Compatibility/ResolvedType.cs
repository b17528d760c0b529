using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>A type definition found in a <see cref="CatalogAssembly"/>, possibly instantiated with type arguments.</summary>
/// <param name="Assembly">The assembly that defines it.</param>
/// <param name="Handle">The definition.</param>
/// <param name="Arguments">The rendered type arguments of a generic instantiation, or null for the open definition.</param>
internal sealed record ResolvedType(CatalogAssembly Assembly, TypeDefinitionHandle Handle, IReadOnlyList<string>? Arguments)
{
    public TypeDefinition Definition => Assembly.Reader.GetTypeDefinition(Handle);

    /// <summary>Gets the name as <see cref="SignatureRenderer"/> renders it, with the type arguments when instantiated.</summary>
    public string Name
    {
        get
        {
            var open = SignatureRenderer.TypeDefinitionName(Assembly.Reader, Handle);
            return Arguments is null ? open : SignatureRenderer.Instance.GetGenericInstantiation(open, Arguments.ToImmutableArray());
        }
    }

    public bool IsInterface => (Definition.Attributes & TypeAttributes.ClassSemanticsMask) == TypeAttributes.Interface;

    /// <summary>Gets a value indicating whether code in another assembly may name the type (public, or public/protected nested in such a type).</summary>
    public bool IsVisibleOutside
    {
        get
        {
            var reader = Assembly.Reader;
            for (var handle = Handle; ; handle = reader.GetTypeDefinition(handle).GetDeclaringType())
            {
                var definition = reader.GetTypeDefinition(handle);
                var visibility = definition.Attributes & TypeAttributes.VisibilityMask;
                if (!definition.IsNested)
                {
                    return visibility == TypeAttributes.Public;
                }

                if (visibility is not (TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem))
                {
                    return false;
                }
            }
        }
    }

    /// <summary>Gets the methods, their signatures rendered with this type's arguments.</summary>
    public IEnumerable<TypeMember> Methods => Definition.GetMethods().Select(h => TypeMember.Of(this, h));

    /// <summary>Gets the fields, their types rendered with this type's arguments.</summary>
    public IEnumerable<TypeMember> Fields => Definition.GetFields().Select(h => TypeMember.Of(this, h));

    public override string ToString() => $"[{Assembly.Name}] {Name}";
}
