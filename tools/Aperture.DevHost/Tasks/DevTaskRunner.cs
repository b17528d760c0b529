using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture;
using MediaBrowser.Model.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aperture.DevHost.Tasks;

/// <summary>
/// Finds the plugin's <see cref="IScheduledTask"/> implementations (as Jellyfin does, by type) and runs one on
/// demand, keeping its last state for <c>GET /dev/tasks</c>.
/// </summary>
public sealed class DevTaskRunner
{
    private readonly IServiceProvider _services;
    private readonly ILogger<DevTaskRunner> _logger;
    private readonly ConcurrentDictionary<string, TaskState> _states = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<IReadOnlyList<IScheduledTask>> _tasks;

    public DevTaskRunner(IServiceProvider services, ILogger<DevTaskRunner> logger)
    {
        _services = services;
        _logger = logger;
        _tasks = new Lazy<IReadOnlyList<IScheduledTask>>(Discover);
    }

    /// <summary>Gets every task with its last state.</summary>
    /// <returns>The tasks.</returns>
    public IReadOnlyList<TaskState> List() => _tasks.Value.Select(t => _states.GetValueOrDefault(t.Key) ?? TaskState.Idle(t)).ToList();

    /// <summary>Starts a task in the background.</summary>
    /// <param name="key">The task key.</param>
    /// <returns>Its state, or null when no task has that key.</returns>
    public TaskState? Start(string key)
    {
        var task = Find(key);
        if (task is null)
        {
            return null;
        }

        _running.GetOrAdd(task.Key, _ => Task.Run(() => ExecuteAsync(task, CancellationToken.None)));
        return _states.GetValueOrDefault(task.Key) ?? TaskState.Idle(task) with { Status = "Running" };
    }

    /// <summary>Starts the task of a given type in the background, unless it is already running.</summary>
    /// <param name="type">The <see cref="IScheduledTask"/> implementation.</param>
    /// <returns>Its state, or null when the plugin has no task of that type.</returns>
    public TaskState? Start(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var task = _tasks.Value.FirstOrDefault(t => t.GetType() == type);
        return task is null ? null : Start(task.Key);
    }

    /// <summary>Runs a task and waits for it.</summary>
    /// <param name="key">The task key.</param>
    /// <param name="cancellationToken">Cancels the wait and the task.</param>
    /// <returns>Its final state, or null when no task has that key.</returns>
    public async Task<TaskState?> RunAsync(string key, CancellationToken cancellationToken)
    {
        var task = Find(key);
        if (task is null)
        {
            return null;
        }

        var run = _running.GetOrAdd(task.Key, _ => ExecuteAsync(task, cancellationToken));
        await run.ConfigureAwait(false);
        return _states[task.Key];
    }

    private IScheduledTask? Find(string key) => _tasks.Value.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    private IReadOnlyList<IScheduledTask> Discover() =>
        typeof(Plugin).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IScheduledTask).IsAssignableFrom(t))
            .Select(t => (IScheduledTask)ActivatorUtilities.CreateInstance(_services, t))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private async Task ExecuteAsync(IScheduledTask task, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var state = TaskState.Idle(task) with { Status = "Running", LastStarted = started, Progress = 0 };
        _states[task.Key] = state;
        var progress = new Progress<double>(p => _states[task.Key] = _states[task.Key] with { Progress = p });
        try
        {
            await task.ExecuteAsync(progress, cancellationToken).ConfigureAwait(false);
            _states[task.Key] = _states[task.Key] with { Status = "Completed", Progress = 100, LastEnded = DateTimeOffset.UtcNow, Error = null };
        }
        catch (OperationCanceledException)
        {
            _states[task.Key] = _states[task.Key] with { Status = "Cancelled", LastEnded = DateTimeOffset.UtcNow };
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Scheduled task {Key} failed", task.Key);
            _states[task.Key] = _states[task.Key] with { Status = "Failed", LastEnded = DateTimeOffset.UtcNow, Error = ex.GetType().Name + ": " + ex.Message };
        }
        finally
        {
            _running.TryRemove(task.Key, out _);
        }
    }
}
