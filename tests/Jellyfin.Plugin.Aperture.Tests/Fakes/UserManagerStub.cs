using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Jellyfin.Data.Events;
using Jellyfin.Database.Implementations.Entities;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Configuration;
using MediaBrowser.Model.Dto;
using MediaBrowser.Model.Users;

namespace Jellyfin.Plugin.Aperture.Tests.Fakes;

/// <summary>
/// Jellyfin's real <see cref="IUserManager"/> (10.11.0 package) with every member the plugin never calls refusing to
/// run, so a test that reaches one fails loudly. Subclasses add the user list in the shape of a Jellyfin release.
/// </summary>
public abstract class UserManagerStub : IUserManager
{
    public event EventHandler<GenericEventArgs<User>>? OnUserUpdated;

    /// <summary>Gets the users through the 10.11.0–10.11.8 property; subclasses shaped like 10.11.9+ leave it refusing.</summary>
    public virtual IEnumerable<User> Users => throw new MissingMethodException(nameof(IUserManager), nameof(Users));

    public IEnumerable<Guid> UsersIds => throw Unused();

    public User? GetUserById(Guid id) => null;

    public User? GetUserByName(string name) => null;

    public void RaiseUpdated(User user) => OnUserUpdated?.Invoke(this, new GenericEventArgs<User>(user));

    public Task InitializeAsync() => throw Unused();

    public Task RenameUser(User user, string newName) => throw Unused();

    public Task UpdateUserAsync(User user) => throw Unused();

    public Task<User> CreateUserAsync(string name) => throw Unused();

    public Task DeleteUserAsync(Guid userId) => throw Unused();

    public Task ResetPassword(User user) => throw Unused();

    public Task ChangePassword(User user, string newPassword) => throw Unused();

    public UserDto GetUserDto(User user, string? remoteEndPoint = null) => throw Unused();

    public Task<User?> AuthenticateUser(string username, string password, string remoteEndPoint, bool isUserSession) => throw Unused();

    public Task<ForgotPasswordResult> StartForgotPasswordProcess(string enteredUsername, bool isInNetwork) => throw Unused();

    public Task<PinRedeemResult> RedeemPasswordResetPin(string pin) => throw Unused();

    public NameIdPair[] GetAuthenticationProviders() => throw Unused();

    public NameIdPair[] GetPasswordResetProviders() => throw Unused();

    public Task UpdateConfigurationAsync(Guid userId, UserConfiguration config) => throw Unused();

    public Task UpdatePolicyAsync(Guid userId, UserPolicy policy) => throw Unused();

    public Task ClearProfileImageAsync(User user) => throw Unused();

    private static NotSupportedException Unused() => new("The plugin does not call this IUserManager member.");
}
