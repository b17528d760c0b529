using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.Tests.TraktWatchlist;
using Jellyfin.Plugin.Aperture.TraktWatchlist;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.AiPicks;

/// <summary>
/// AI picks wired as the plugin wires them (real pipeline, real database, the runner the task calls) against the AI
/// emulator, with the library, users' data and playlists in memory.
/// </summary>
public sealed class PicksHost : IAsyncLifetime
{
    private readonly ClockPump _pump = new();
    private AiEmulator? _ai;
    private TestHost? _host;

    public FakePicksLibrary Library { get; } = new();

    /// <summary>Gets when each upstream request left, on the pipeline's (fake) clock.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> Sent { get; } = new();

    public FakePlaylists Playlists { get; } = new();

    public AiEmulator Ai => _ai ?? throw new InvalidOperationException("Not started.");

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _ai = await AiEmulator.StartAsync();
        _ai.Models = [.. _ai.Models, AiEmulator.SentenceModel];
        _host = new TestHost(configure: services =>
        {
            services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
            _pump.Watch(services);
            services.AddHttpClient(UpstreamPipeline.HttpClientName).AddHttpMessageHandler(() => new StampHandler(this));
            services.AddSingleton<IPicksLibrary>(Library);
            services.AddSingleton<IUserPlaylists>(Playlists);
            services.AddSingleton<MoodTagger>();
            services.AddSingleton<PicksRunner>();
        });
        SetOptions((AiOptions.EmbeddingModel, AiEmulator.SentenceModel));
        Host.Get<CredentialStore>().Set(IntegrationIds.Ai, new IntegrationCredentials(new Dictionary<string, string> { ["apiKey"] = _ai.ValidKey }));
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_ai is not null)
        {
            await _ai.DisposeAsync();
        }
    }

    public void SetOptions(params (string Name, string Value)[] options)
    {
        var settings = new IntegrationSettings { Id = IntegrationIds.Ai, BaseUrl = Ai.BaseUrl.AbsoluteUri };
        foreach (var (name, value) in options)
        {
            settings.Options.Add(new IntegrationOption { Name = name, Value = value });
        }

        Assert.Null(Host.Get<IntegrationSettingsService>().Update(settings));
    }

    public void RemoveAiKey() => Host.Get<CredentialStore>().Clear(IntegrationIds.Ai);

    /// <summary>Runs the task's work, as the scheduled task does.</summary>
    public Task<string> RunAsync() => _pump.RunAsync(Host.Time, Host.Get<PicksRunner>().RunAllAsync(null, CancellationToken.None));

    public IReadOnlyList<Pick> Picks(Guid userId) => Host.Get<PicksStore>().Picks(userId);

    public PicksState? State(Guid userId) => Host.Get<PicksStore>().State(userId);

    /// <summary>Gets the names on the user's picks playlist, in order.</summary>
    public IReadOnlyList<string> PlaylistNames(Guid userId) =>
        State(userId)?.PlaylistId is { } id ? Playlists.Titles(id).Select(Library.Name).ToList() : [];

    private sealed class StampHandler(PicksHost host) : System.Net.Http.DelegatingHandler
    {
        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
        {
            host.Sent.Enqueue(host.Host.Time.GetUtcNow());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
