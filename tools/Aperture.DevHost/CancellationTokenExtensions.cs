using System.Threading;
using System.Threading.Tasks;

namespace Aperture.DevHost;

/// <summary>Helpers for waiting on a cancellation token.</summary>
internal static class CancellationTokenExtensions
{
    /// <summary>Gets a task that completes when the token is cancelled.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The task.</returns>
    public static Task WhenCanceled(this CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
