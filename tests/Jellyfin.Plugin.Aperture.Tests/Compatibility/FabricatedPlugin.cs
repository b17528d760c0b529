using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Common.Net;
using MediaBrowser.Common.Plugins;
using MediaBrowser.Controller.Providers;
using MediaBrowser.Model.Plugins;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// A small assembly written to a temporary file, built against the 10.11.0 packages like the plugin, that uses each
/// form of Jellyfin reference the reader must see and breaks each rule the implementation check enforces. C# would
/// not compile the broken types; Reflection.Emit writes them without loading them.
/// </summary>
internal sealed class FabricatedPlugin : IDisposable
{
    public const string OrderlessProvider = "Fabricated.OrderlessProvider";
    public const string NamelessPlugin = "Fabricated.NamelessPlugin";

    public FabricatedPlugin()
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName("Fabricated.Plugin"), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule("Fabricated.Plugin");

        // Claims IHasOrder without an Order getter: a real server cannot load this type.
        module.DefineType(OrderlessProvider, TypeAttributes.Public | TypeAttributes.Class, typeof(object), [typeof(IHasOrder)]).CreateType();

        // Derives from BasePlugin<T> without overriding its abstract Name and Id.
        // (Its constructor is never run; it only stops Reflection.Emit from adding one that needs a parameterless base constructor.)
        var nameless = module.DefineType(NamelessPlugin, TypeAttributes.Public | TypeAttributes.Class, typeof(BasePlugin<BasePluginConfiguration>));
        nameless.DefineConstructor(MethodAttributes.Private, CallingConventions.Standard, Type.EmptyTypes).GetILGenerator().Emit(OpCodes.Ret);
        nameless.CreateType();

        // One method body with a generic method instantiation (a MethodSpec), a member of a generic instantiation
        // (a TypeSpec parent) and a static field load.
        var user = module.DefineType("Fabricated.User", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Abstract | TypeAttributes.Sealed);
        var use = user.DefineMethod(
            "Use", MethodAttributes.Public | MethodAttributes.Static, typeof(void), [typeof(ITaskManager), typeof(BasePlugin<BasePluginConfiguration>)]);
        var il = use.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Callvirt, typeof(ITaskManager).GetMethod(nameof(ITaskManager.QueueIfNotRunning))!.MakeGenericMethod(typeof(EnrichLibraryTask)));
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Callvirt, typeof(BasePlugin<BasePluginConfiguration>).GetProperty(nameof(BasePlugin<BasePluginConfiguration>.Configuration))!.GetMethod!);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ldsfld, typeof(NetworkConstants).GetField(nameof(NetworkConstants.IPv4Any))!);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ret);
        user.CreateType();

        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aperture-fabricated-" + Guid.NewGuid().ToString("N") + ".dll");
        assembly.Save(Path);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
