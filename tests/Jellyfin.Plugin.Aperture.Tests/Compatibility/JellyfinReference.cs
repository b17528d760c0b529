using System;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// One reference the built plugin makes into a Jellyfin assembly, in the terms the runtime binds it by: the assembly's
/// name and version, the type's full name, and for members the name and the signature.
/// </summary>
/// <param name="Kind">Type, method or field.</param>
/// <param name="Assembly">The referenced assembly's simple name, e.g. <c>MediaBrowser.Controller</c>.</param>
/// <param name="AssemblyVersion">The referenced assembly version (the compile-time package's, 10.11.0.0).</param>
/// <param name="TypeName">The type's full name as <see cref="SignatureRenderer"/> renders it; for members the declaring type, open (<c>BasePlugin&lt;!0&gt;</c>).</param>
/// <param name="MemberName">The member's metadata name (<c>get_Users</c>, <c>.ctor</c>); empty for types.</param>
/// <param name="Shape">The rendered signature (<see cref="SignatureRenderer.MethodShape"/> or <see cref="SignatureRenderer.FieldShape"/>); empty for types.</param>
/// <param name="IsStatic">Whether the member is used as a static one; null when the reference does not say (a field no IL touches).</param>
internal sealed record JellyfinReference(
    JellyfinReferenceKind Kind,
    string Assembly,
    Version AssemblyVersion,
    string TypeName,
    string MemberName,
    string Shape,
    bool? IsStatic)
{
    /// <summary>Gets the version every compile-time Jellyfin package assembly has.</summary>
    public static Version CompileTimeVersion { get; } = new(10, 11, 0, 0);

    /// <summary>Creates a type reference as the plugin would make it when built against the 10.11.0 packages.</summary>
    /// <param name="assembly">The assembly the type is expected in.</param>
    /// <param name="typeName">The type's full name.</param>
    /// <returns>The reference.</returns>
    public static JellyfinReference ToType(string assembly, string typeName)
        => new(JellyfinReferenceKind.Type, assembly, CompileTimeVersion, typeName, string.Empty, string.Empty, null);

    /// <summary>Creates a method reference as the plugin would make it when built against the 10.11.0 packages.</summary>
    /// <param name="assembly">The assembly the declaring type is expected in.</param>
    /// <param name="typeName">The declaring type's full name.</param>
    /// <param name="name">The method's metadata name.</param>
    /// <param name="shape">The method's shape, e.g. <c>() : System.String</c>.</param>
    /// <param name="isStatic">Whether it is called as a static method.</param>
    /// <returns>The reference.</returns>
    public static JellyfinReference ToMethod(string assembly, string typeName, string name, string shape, bool isStatic = false)
        => new(JellyfinReferenceKind.Method, assembly, CompileTimeVersion, typeName, name, shape, isStatic);

    /// <summary>Gets the canonical text, e.g. <c>[MediaBrowser.Controller] MediaBrowser.Controller.Library.IUserManager::get_Users() : …</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == JellyfinReferenceKind.Type
        ? $"[{Assembly}] type {TypeName}"
        : $"[{Assembly}] {(IsStatic == true ? "static " : string.Empty)}{TypeName}::{MemberName}{Shape}";
}
