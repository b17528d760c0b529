using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// Renders metadata signatures as canonical strings: full type names (nested types as <c>Outer/Inner</c>), generic
/// arguments in angle brackets, type parameters as !0 (type) and !!0 (method), and required/optional modifiers (e.g.
/// init accessors) kept. Types are named without their assembly, so the plugin's references (compiled against
/// reference assemblies) and the server's definitions render alike; which assembly a Jellyfin type lives in is
/// checked separately, when the plugin's type references are resolved.
/// </summary>
/// <remarks>
/// The generic context is the list of rendered type arguments of the type whose members are rendered. With it,
/// <c>!0</c> becomes the argument, so a base type's or interface's members can be compared with the plugin's view of
/// them (<c>ICustomMetadataProvider&lt;Movie&gt;.FetchAsync(Movie, …)</c>); without it, they stay open.
/// </remarks>
internal sealed class SignatureRenderer : ISignatureTypeProvider<string, IReadOnlyList<string>?>
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
        => TypeDefinitionName(reader, handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        => TypeReferenceName(reader, handle);

    public string GetTypeFromSpecification(MetadataReader reader, IReadOnlyList<string>? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        => StripArity(genericType) + "<" + string.Join(", ", typeArguments) + ">";

    public string GetGenericTypeParameter(IReadOnlyList<string>? genericContext, int index)
        => genericContext is not null && index < genericContext.Count ? genericContext[index] : "!" + index;

    public string GetGenericMethodParameter(IReadOnlyList<string>? genericContext, int index) => "!!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature)
        => "method " + signature.ReturnType + " *(" + string.Join(", ", signature.ParameterTypes) + ")";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired)
        => unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

    /// <summary>Renders a method's shape: generic arity, parameters and return type, e.g. <c>&lt;!!0&gt;(System.String) : System.Void</c>.</summary>
    /// <param name="signature">The decoded signature.</param>
    /// <returns>The shape; whether the method is static is kept apart.</returns>
    public static string MethodShape(MethodSignature<string> signature)
    {
        var arity = signature.GenericParameterCount == 0
            ? string.Empty
            : "<" + string.Join(", ", Enumerable.Range(0, signature.GenericParameterCount).Select(i => "!!" + i)) + ">";
        return $"{arity}({string.Join(", ", signature.ParameterTypes)}) : {signature.ReturnType}";
    }

    /// <summary>Renders a field's shape, e.g. <c> : System.String</c>.</summary>
    /// <param name="fieldType">The decoded field type.</param>
    /// <returns>The shape.</returns>
    public static string FieldShape(string fieldType) => " : " + fieldType;

    /// <summary>Gets a type reference's full name; a generic type definition shows its parameters as !0, !1, ….</summary>
    /// <param name="reader">The metadata that holds the reference.</param>
    /// <param name="handle">The reference.</param>
    /// <returns>The name.</returns>
    public static string TypeReferenceName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var tr = reader.GetTypeReference(handle);
        if (tr.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeReferenceName(reader, (TypeReferenceHandle)tr.ResolutionScope) + "/" + OpenGenericName(reader.GetString(tr.Name));
        }

        return FullName(reader.GetString(tr.Namespace), reader.GetString(tr.Name));
    }

    /// <summary>Gets a type definition's full name, in the same form as <see cref="TypeReferenceName"/>.</summary>
    /// <param name="reader">The metadata that holds the definition.</param>
    /// <param name="handle">The definition.</param>
    /// <returns>The name.</returns>
    public static string TypeDefinitionName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var def = reader.GetTypeDefinition(handle);
        if (def.IsNested)
        {
            return TypeDefinitionName(reader, def.GetDeclaringType()) + "/" + OpenGenericName(reader.GetString(def.Name));
        }

        return FullName(reader.GetString(def.Namespace), reader.GetString(def.Name));
    }

    /// <summary>Gets an exported type's (forwarder's) full name, in the same form as <see cref="TypeReferenceName"/>.</summary>
    /// <param name="reader">The metadata that holds the exported type.</param>
    /// <param name="handle">The exported type.</param>
    /// <returns>The name.</returns>
    public static string ExportedTypeName(MetadataReader reader, ExportedTypeHandle handle)
    {
        var exported = reader.GetExportedType(handle);
        if (exported.Implementation.Kind == HandleKind.ExportedType)
        {
            return ExportedTypeName(reader, (ExportedTypeHandle)exported.Implementation) + "/" + OpenGenericName(reader.GetString(exported.Name));
        }

        return FullName(reader.GetString(exported.Namespace), reader.GetString(exported.Name));
    }

    private static string FullName(string ns, string name)
        => ns.Length == 0 ? OpenGenericName(name) : ns + "." + OpenGenericName(name);

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
