using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.MdbList;

/// <summary>
/// What the MDBList account may do, from <c>GET user</c>, read at most once an hour: batch lookups need a
/// supporter account, and the daily allowance and today's use go to the pipeline's quota ledger so it parks
/// MDBList before MDBList refuses.
/// </summary>
internal sealed class MdbListAccount
{
    /// <summary>The items one batch request holds for a supporter (MDBList's own clients send 100).</summary>
    public const int SupporterBatchSize = 100;

    private static readonly TimeSpan _lifetime = TimeSpan.FromHours(1);
    private readonly IUpstreamPipeline _pipeline;
    private readonly IUpstreamQuotaReporter _quota;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private (Uri BaseUrl, int BatchSize, DateTimeOffset ReadAt)? _cached;

    /// <summary>
    /// Initializes a new instance of the <see cref="MdbListAccount"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="quota">Receives the account's daily allowance and use.</param>
    /// <param name="time">The clock.</param>
    public MdbListAccount(IUpstreamPipeline pipeline, IUpstreamQuotaReporter quota, TimeProvider time)
    {
        _pipeline = pipeline;
        _quota = quota;
        _time = time;
    }

    /// <summary>
    /// Gets how many items one batch may hold for this account (0 for a free account, or when MDBList cannot say).
    /// </summary>
    /// <param name="target">The saved endpoint and credentials.</param>
    /// <param name="key">The API key.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The batch size.</returns>
    public async Task<int> GetBatchSizeAsync(IntegrationTarget target, string key, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_cached is { } cached && cached.BaseUrl == target.BaseUrl && now - cached.ReadAt < _lifetime)
            {
                return cached.BatchSize;
            }
        }

        // Not cached when MDBList cannot say: single lookups work without knowing the tier, and the next run asks again.
        return await ReadAsync(target, key, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <summary>
    /// Reads the account now, whatever is cached: one <c>GET user</c> whose daily allowance and use go to the quota
    /// ledger (Top Picks reads it once per run, before it spends pages).
    /// </summary>
    /// <param name="target">The saved endpoint and credentials.</param>
    /// <param name="key">The API key.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The batch size (0 for a free account), or null when MDBList did not answer with an account.</returns>
    public async Task<int?> ReadAsync(IntegrationTarget target, string key, CancellationToken cancellationToken)
    {
        var request = SourceCall.Create(IntegrationIds.MdbList, target, "user?apikey=" + Uri.EscapeDataString(key), RequestPriority.Background);
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess || JsonBody.TryParseObject(response.Body) is not { } user)
        {
            return null;
        }

        if (user.GetInt64("api_requests") is { } limit and > 0 and <= int.MaxValue && user.GetInt64("api_requests_count") is { } used and >= 0)
        {
            _quota.ReportQuota(IntegrationIds.MdbList, (int)limit, (int)Math.Min(used, int.MaxValue));
        }

        var batchSize = IsSupporter(user.GetBoolean("is_supporter"), user.GetText("patron_status")) ? SupporterBatchSize : 0;
        lock (_lock)
        {
            _cached = (target.BaseUrl, batchSize, _time.GetUtcNow());
        }

        return batchSize;
    }

    private static bool IsSupporter(bool? isSupporter, string? patronStatus) =>
        isSupporter ?? (patronStatus?.StartsWith("active", StringComparison.OrdinalIgnoreCase) ?? false);
}
