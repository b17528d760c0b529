using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Ai;

/// <summary>
/// Reads OpenAI-compatible answers. A 429 means two different things: a short rate limit (retry) or an account out
/// of credits (<c>insufficient_quota</c>: retrying only burns time). The provider's own error message is never
/// repeated, because OpenAI echoes part of a wrong key in it.
/// </summary>
public sealed class AiClassifier : UpstreamClassifierBase
{
    /// <summary>Initializes a new instance of the <see cref="AiClassifier"/> class.</summary>
    public AiClassifier()
        : base("The AI provider")
    {
    }

    /// <inheritdoc />
    protected override string AuthenticationMessage =>
        "The AI provider refused the API key: check the key (for Ollama or LM Studio any text works) and that the base URL belongs to that provider.";

    /// <inheritdoc />
    protected override UpstreamClassification? ClassifyService(UpstreamAnswer answer) => answer.StatusCode switch
    {
        403 => new UpstreamClassification(UpstreamOutcome.Authentication, "The AI provider refused access: the key lacks permission for this project or model, or the provider does not serve this region."),
        429 when IsOutOfCredit(answer) => new UpstreamClassification(UpstreamOutcome.QuotaExhausted, "The AI provider account is out of credits or over its spending limit: add credits or raise the limit with the provider. AI features pause until then."),
        429 => RateLimited(answer, "The AI provider asked Aperture to slow down; requests wait and continue."),
        _ => null,
    };

    private static bool IsOutOfCredit(UpstreamAnswer answer)
    {
        if (JsonBody.TryParseObject(answer.Body)?.GetObject("error") is not { } error)
        {
            return false;
        }

        return error.GetText("type") is "insufficient_quota"
            || error.GetText("code") is "insufficient_quota" or "credit_balance_exhausted" or "project_spend_limit_exceeded" or "billing_hard_limit_reached";
    }
}
