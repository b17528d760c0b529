using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Jellyfin.Plugin.Aperture.Integrations.MdbList;
using Jellyfin.Plugin.Aperture.Integrations.Omdb;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Jellyfin.Plugin.Aperture.Integrations.Tmdb;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

/// <summary>
/// TEST DOUBLE for <see cref="IUpstreamPipeline"/>, used until the real pipeline lands: sends one HTTP request
/// (no budget, retries, circuit breaker or health), applies the service's classifier, and turns a success that is
/// not JSON into <see cref="UpstreamOutcome.BadResponse"/>. It adds no headers of its own (no User-Agent), so what
/// reaches the emulator is exactly what the integration asked for.
/// </summary>
internal sealed class DirectPipeline : IUpstreamPipeline, IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Dictionary<string, IUpstreamClassifier> _classifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        [IntegrationIds.Tmdb] = new TmdbClassifier(),
        [IntegrationIds.Omdb] = new OmdbClassifier(),
        [IntegrationIds.Trakt] = new TraktClassifier(),
        [IntegrationIds.MdbList] = new MdbListClassifier(),
        [IntegrationIds.Seerr] = new SeerrClassifier(),
        [IntegrationIds.Ai] = new AiClassifier(),
    };

    /// <summary>Gets every request sent, in order.</summary>
    public ConcurrentQueue<UpstreamRequest> Sent { get; } = new();

    public async Task<UpstreamResponse> SendAsync(UpstreamRequest request, CancellationToken cancellationToken)
    {
        Sent.Enqueue(request);
        using var message = new HttpRequestMessage(request.Method, request.BuildUri());
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.JsonBody is not null)
        {
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage answer;
        try
        {
            answer = await _http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return new UpstreamResponse { Outcome = UpstreamOutcome.Outage, Message = "The service could not be reached." };
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new UpstreamResponse { Outcome = UpstreamOutcome.Outage, Message = "The service did not answer in time." };
        }

        using (answer)
        {
            var body = await answer.Content.ReadAsStringAsync(cancellationToken);
            var contentType = answer.Content.Headers.ContentType?.MediaType;
            var verdict = _classifiers[request.Service].Classify((int)answer.StatusCode, contentType, body, answer.Headers, DateTimeOffset.UtcNow);
            if (verdict.Outcome == UpstreamOutcome.Success && request.ExpectJson && !IsJson(body))
            {
                verdict = new UpstreamClassification(UpstreamOutcome.BadResponse, "The service answered with something that is not JSON.");
            }

            return new UpstreamResponse
            {
                Outcome = verdict.Outcome,
                StatusCode = (int)answer.StatusCode,
                Body = body,
                Headers = answer.Headers,
                Message = verdict.Message,
                RetryAfter = verdict.RetryAfter,
                ResetAt = verdict.ResetAt,
            };
        }
    }

    public void Dispose() => _http.Dispose();

    private static bool IsJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
