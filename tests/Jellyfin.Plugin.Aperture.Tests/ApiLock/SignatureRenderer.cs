using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace Jellyfin.Plugin.Aperture.Tests.ApiLock;

/// <summary>
/// Renders metadata signatures as canonical strings: full type names, generic arguments in angle brackets,
/// type parameters as !0 (type) and !!0 (method), and required/optional modifiers (e.g. init accessors) kept.
/// </summary>
internal sealed class SignatureRenderer : ISignatureTypeProvider<string, object?>
{
    public static readonly SignatureRenderer Instance = new();

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        PrimitiveTypeCode.Void => "System.Void",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var def = reader.GetTypeDefinition(handle);
        var name = reader.GetString(def.Name);
        if (def.IsNested)
        {
            return GetTypeFromDefinition(reader, def.GetDeclaringType(), rawTypeKind) + "/" + name;
        }

        var ns = reader.GetString(def.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        => TypeReferenceName(reader, handle);

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        => StripArity(genericType) + "<" + string.Join(", ", typeArguments) + ">";

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature)
        => "method " + signature.ReturnType + " *(" + string.Join(", ", signature.ParameterTypes) + ")";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired)
        => unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

    /// <summary>Gets a type reference's full name; a generic type definition shows its parameters as !0, !1, ….</summary>
    public static string TypeReferenceName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var tr = reader.GetTypeReference(handle);
        var name = OpenGenericName(reader.GetString(tr.Name));
        if (tr.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeReferenceName(reader, (TypeReferenceHandle)tr.ResolutionScope) + "/" + name;
        }

        var ns = reader.GetString(tr.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string OpenGenericName(string name)
    {
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick < 0 || !int.TryParse(name.AsSpan(tick + 1), out var arity))
        {
            return name;
        }

        return name[..tick] + "<" + string.Join(", ", Enumerable.Range(0, arity).Select(i => "!" + i)) + ">";
    }

    private static string StripArity(string name)
    {
        var lt = name.LastIndexOf('<');
        return lt > 0 && name.EndsWith('>') && name[(lt + 1)..^1].Split(", ").All(p => p.StartsWith('!')) ? name[..lt] : name;
    }
}
