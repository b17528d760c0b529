using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>
/// Resolves the pipeline on the first call instead of at construction. The pipeline reads each integration's
/// classifier through the registry while each integration sends through the pipeline; injecting both directly
/// is a dependency cycle the container refuses.
/// </summary>
internal sealed class DeferredPipeline : IUpstreamPipeline
{
    private readonly Lazy<IUpstreamPipeline> _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="DeferredPipeline"/> class.
    /// </summary>
    /// <param name="services">The container the pipeline is resolved from.</param>
    public DeferredPipeline(IServiceProvider services)
    {
        _pipeline = new Lazy<IUpstreamPipeline>(services.GetRequiredService<IUpstreamPipeline>);
    }

    /// <inheritdoc />
    public Task<UpstreamResponse> SendAsync(UpstreamRequest request, CancellationToken cancellationToken) =>
        _pipeline.Value.SendAsync(request, cancellationToken);
}
