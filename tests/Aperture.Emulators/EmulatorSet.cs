using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Aperture.Emulators;

/// <summary>All six emulators, started together (tests, benchmarks, the real-Jellyfin suite).</summary>
public sealed class EmulatorSet : IAsyncDisposable
{
    private EmulatorSet(TmdbEmulator tmdb, OmdbEmulator omdb, TraktEmulator trakt, MdbListEmulator mdbList, SeerrEmulator seerr, AiEmulator ai)
    {
        Tmdb = tmdb;
        Omdb = omdb;
        Trakt = trakt;
        MdbList = mdbList;
        Seerr = seerr;
        Ai = ai;
    }

    /// <summary>Gets the TMDb emulator.</summary>
    public TmdbEmulator Tmdb { get; }

    /// <summary>Gets the OMDb emulator.</summary>
    public OmdbEmulator Omdb { get; }

    /// <summary>Gets the Trakt emulator.</summary>
    public TraktEmulator Trakt { get; }

    /// <summary>Gets the MDBList emulator.</summary>
    public MdbListEmulator MdbList { get; }

    /// <summary>Gets the Seerr emulator.</summary>
    public SeerrEmulator Seerr { get; }

    /// <summary>Gets the AI provider emulator.</summary>
    public AiEmulator Ai { get; }

    /// <summary>Gets all six emulators.</summary>
    public IEnumerable<ServiceEmulator> All => [Tmdb, Omdb, Trakt, MdbList, Seerr, Ai];

    /// <summary>Starts all six emulators in parallel.</summary>
    /// <param name="firstPort">
    /// 0 (the default): each emulator gets a free ephemeral port. Otherwise the six listen on fixed consecutive ports
    /// from this one, in the order TMDb, OMDb, Trakt, MDBList, Seerr, AI provider.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running set.</returns>
    public static async Task<EmulatorSet> StartAsync(int firstPort = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstPort, System.Net.IPEndPoint.MaxPort - 5);
        int Port(int offset) => firstPort == 0 ? 0 : firstPort + offset;
        var tmdb = TmdbEmulator.StartAsync(Port(0), cancellationToken);
        var omdb = OmdbEmulator.StartAsync(Port(1), cancellationToken);
        var trakt = TraktEmulator.StartAsync(Port(2), cancellationToken);
        var mdbList = MdbListEmulator.StartAsync(Port(3), cancellationToken);
        var seerr = SeerrEmulator.StartAsync(Port(4), cancellationToken);
        var ai = AiEmulator.StartAsync(Port(5), cancellationToken);
        try
        {
            await Task.WhenAll(tmdb, omdb, trakt, mdbList, seerr, ai).ConfigureAwait(false);
        }
        catch
        {
            foreach (var task in new Task<ServiceEmulator>[] { Up(tmdb), Up(omdb), Up(trakt), Up(mdbList), Up(seerr), Up(ai) })
            {
                if (task.IsCompletedSuccessfully)
                {
                    await task.Result.DisposeAsync().ConfigureAwait(false);
                }
            }

            throw;
        }

        return new EmulatorSet(tmdb.Result, omdb.Result, trakt.Result, mdbList.Result, seerr.Result, ai.Result);
    }

    /// <summary>Resets every emulator (mode None, counters and logs cleared).</summary>
    public void Reset()
    {
        foreach (var emulator in All)
        {
            emulator.Reset();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var emulator in All)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Task<ServiceEmulator> Up<T>(Task<T> task)
        where T : ServiceEmulator
        => task.IsCompletedSuccessfully ? Task.FromResult<ServiceEmulator>(task.Result) : Task.FromException<ServiceEmulator>(new InvalidOperationException("not started"));
}
