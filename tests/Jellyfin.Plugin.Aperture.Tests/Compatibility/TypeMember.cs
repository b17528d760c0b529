using System.Reflection;
using System.Reflection.Metadata;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>A method or field defined on a <see cref="ResolvedType"/>, rendered for comparison with a reference.</summary>
/// <param name="DeclaringType">The type that defines it.</param>
/// <param name="Handle">Its MethodDefinition or FieldDefinition.</param>
/// <param name="Name">Its metadata name.</param>
/// <param name="Shape">Its rendered signature, with the declaring type's arguments substituted.</param>
/// <param name="IsStatic">Whether it is static.</param>
/// <param name="IsAccessibleOutside">Whether another assembly may use it (public, or protected from a derived type).</param>
/// <param name="MethodAttributes">A method's attributes (virtual, abstract, new slot); zero for a field.</param>
internal sealed record TypeMember(
    ResolvedType DeclaringType,
    EntityHandle Handle,
    string Name,
    string Shape,
    bool IsStatic,
    bool IsAccessibleOutside,
    MethodAttributes MethodAttributes)
{
    public bool IsVirtual => (MethodAttributes & MethodAttributes.Virtual) != 0;

    public bool IsAbstract => (MethodAttributes & MethodAttributes.Abstract) != 0;

    /// <summary>Gets a value indicating whether a virtual method starts a new slot instead of overriding its base's.</summary>
    public bool IsNewSlot => (MethodAttributes & MethodAttributes.VtableLayoutMask) == MethodAttributes.NewSlot;

    public static TypeMember Of(ResolvedType type, MethodDefinitionHandle handle)
    {
        var method = type.Assembly.Reader.GetMethodDefinition(handle);
        var signature = method.DecodeSignature(SignatureRenderer.Instance, type.Arguments);
        var access = method.Attributes & MethodAttributes.MemberAccessMask;
        return new TypeMember(
            type,
            handle,
            type.Assembly.Reader.GetString(method.Name),
            SignatureRenderer.MethodShape(signature),
            !signature.Header.IsInstance,
            access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem,
            method.Attributes);
    }

    public static TypeMember Of(ResolvedType type, FieldDefinitionHandle handle)
    {
        var field = type.Assembly.Reader.GetFieldDefinition(handle);
        var access = field.Attributes & FieldAttributes.FieldAccessMask;
        return new TypeMember(
            type,
            handle,
            type.Assembly.Reader.GetString(field.Name),
            SignatureRenderer.FieldShape(field.DecodeSignature(SignatureRenderer.Instance, type.Arguments)),
            (field.Attributes & FieldAttributes.Static) != 0,
            access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem,
            0);
    }

    public override string ToString() => $"{DeclaringType}::{Name}{Shape}";
}
