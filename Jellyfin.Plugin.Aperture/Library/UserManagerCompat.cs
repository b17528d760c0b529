using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Jellyfin.Database.Implementations.Entities;
using MediaBrowser.Controller.Library;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Lists Jellyfin's users on every 10.11 release. The list changed shape inside 10.11: a property
/// <c>IUserManager.Users</c> up to 10.11.8, a method <c>IUserManager.GetUsers()</c> from 10.11.9 (and in 12.0).
/// Calling either directly would throw MissingMethodException on the other half of the line, so this is the only
/// place that reaches the list, and it does so through reflection.
/// </summary>
public static class UserManagerCompat
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance;

    /// <summary>
    /// Gets every user: via the parameterless method <c>GetUsers</c> when present, otherwise the <c>Users</c> property.
    /// </summary>
    /// <param name="userManager">Jellyfin's user manager.</param>
    /// <param name="logger">Where a missing member is reported.</param>
    /// <returns>The users; empty (with a logged error) when neither member exists.</returns>
    public static IReadOnlyList<User> GetUsers(IUserManager userManager, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(userManager);
        ArgumentNullException.ThrowIfNull(logger);

        // Look on the interface first (the real server declares the member there), then on the object itself.
        Type[] candidates = [typeof(IUserManager), userManager.GetType()];
        foreach (var type in candidates)
        {
            var method = type.GetMethod("GetUsers", Public, Type.EmptyTypes);
            if (method is not null && typeof(IEnumerable<User>).IsAssignableFrom(method.ReturnType))
            {
                return Materialize(method.Invoke(userManager, null));
            }
        }

        foreach (var type in candidates)
        {
            var property = type.GetProperty("Users", Public);
            if (property is not null && property.GetIndexParameters().Length == 0 && typeof(IEnumerable<User>).IsAssignableFrom(property.PropertyType))
            {
                return Materialize(property.GetValue(userManager));
            }
        }

        logger.LogError(
            "Cannot list Jellyfin users: {Type} has neither a GetUsers() method nor a Users property. This Jellyfin version is not supported by Aperture's user features.",
            userManager.GetType().FullName);
        return Array.Empty<User>();
    }

    private static List<User> Materialize(object? value)
        => value is IEnumerable<User> users ? users.Where(u => u is not null).ToList() : new List<User>();
}
