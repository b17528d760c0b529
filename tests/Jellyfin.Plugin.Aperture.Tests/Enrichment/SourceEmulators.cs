using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>The three enrichment services' loopback emulators, shared by a test class and reset per test.</summary>
public sealed class SourceEmulators : IAsyncLifetime
{
    private TmdbEmulator? _tmdb;
    private OmdbEmulator? _omdb;
    private MdbListEmulator? _mdbList;

    public TmdbEmulator Tmdb => _tmdb ?? throw new InvalidOperationException("Not started.");

    public OmdbEmulator Omdb => _omdb ?? throw new InvalidOperationException("Not started.");

    public MdbListEmulator MdbList => _mdbList ?? throw new InvalidOperationException("Not started.");

    /// <summary>Gets how many requests the three emulators received together.</summary>
    public int TotalRequests => new ServiceEmulator[] { Tmdb, Omdb, MdbList }.Sum(e => e.RequestCount);

    public async Task InitializeAsync()
    {
        _tmdb = await TmdbEmulator.StartAsync();
        _omdb = await OmdbEmulator.StartAsync();
        _mdbList = await MdbListEmulator.StartAsync();
    }

    /// <summary>Puts every emulator back to a fresh day: no fault, no quota, no recorded requests, fixtures and synthetic ids known.</summary>
    public void Reset()
    {
        foreach (var emulator in new ServiceEmulator[] { Tmdb, Omdb, MdbList })
        {
            emulator.Reset();
            emulator.DailyQuota = null;
            emulator.UnknownIdsAreNotFound = false;
            emulator.TimeoutHang = TimeSpan.FromMilliseconds(200);
        }

        MdbList.IsSupporter = false;
        MdbList.QuotaShape = MdbListQuotaShape.Http429;
    }

    public async Task DisposeAsync()
    {
        foreach (var emulator in new ServiceEmulator?[] { _tmdb, _omdb, _mdbList })
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }
}
