using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>Runs one of the server's scheduled tasks as Dashboard → Scheduled Tasks → Run does, and waits for its end.</summary>
public static class JellyfinTasks
{
    /// <summary>Starts a task by its key and waits until a new run of it completed.</summary>
    /// <param name="server">The server, with the admin signed in.</param>
    /// <param name="key">The task's key, e.g. "ApertureSyncTraktRatings"; it must be listed under Aperture.</param>
    /// <param name="timeout">How long the run may take; two minutes when null.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(JellyfinServer server, string key, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        async Task<JsonElement> Read() =>
            (await server.GetJsonAsync("ScheduledTasks")).EnumerateArray().Single(t => t.GetProperty("Key").GetString() == key);
        static string? End(JsonElement task) =>
            task.TryGetProperty("LastExecutionResult", out var last) && last.ValueKind == JsonValueKind.Object ? last.GetProperty("EndTimeUtc").GetString() : null;

        var before = await Read();
        Assert.Equal("Aperture", before.GetProperty("Category").GetString());
        using (var response = await server.Api.PostAsync("ScheduledTasks/Running/" + before.GetProperty("Id").GetString(), null))
        {
            response.EnsureSuccessStatusCode();
        }

        JsonElement done = default;
        await JellyfinServer.WaitUntilAsync(
            "the task " + key,
            async () =>
            {
                done = await Read();
                return done.GetProperty("State").GetString() == "Idle" && End(done) is { } end && end != End(before);
            },
            timeout ?? TimeSpan.FromMinutes(2));
        Assert.True(
            done.GetProperty("LastExecutionResult").GetProperty("Status").GetString() == "Completed",
            "The task " + key + " did not complete: " + done.GetProperty("LastExecutionResult") + "\n" + server.Tail(80));
    }
}
