using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Data.Events;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.Library;
using Jellyfin.Plugin.Aperture.Tests.Fakes;
using MediaBrowser.Controller.Library;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests;

public class UserManagerCompatTests
{
    private static readonly User Alice = new("alice", "Default", "Default");
    private static readonly User Bob = new("bob", "Default", "Default");

    [Fact]
    public void ListsUsersThroughGetUsersOn10119AndLater()
    {
        var users = UserManagerCompat.GetUsers(new UserManagerWithMethod(Alice, Bob), new ListLogger());

        Assert.Equal(new[] { "alice", "bob" }, users.Select(u => u.Username));
    }

    [Fact]
    public void ListsUsersThroughUsersPropertyUpTo10118()
    {
        var users = UserManagerCompat.GetUsers(new UserManagerWithProperty(Bob), new ListLogger());

        Assert.Equal("bob", Assert.Single(users).Username);
    }

    /// <summary>Shaped like 10.11.9+: a parameterless GetUsers() method.</summary>
    private sealed class UserManagerWithMethod(params User[] users) : UserManagerStub
    {
        public IEnumerable<User> GetUsers() => users;
    }

    /// <summary>Shaped like 10.11.0–10.11.8: a Users property.</summary>
    private sealed class UserManagerWithProperty(params User[] users) : UserManagerStub
    {
        public override IEnumerable<User> Users => users;
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Entries.Add((logLevel, formatter(state, exception)));
    }
}
