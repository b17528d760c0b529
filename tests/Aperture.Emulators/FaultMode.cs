namespace Aperture.Emulators;

/// <summary>A failure an emulator can be switched into; every request then fails this way.</summary>
public enum FaultMode
{
    /// <summary>Normal behaviour.</summary>
    None = 0,

    /// <summary>Every request is rejected as a wrong key, in the service's own shape.</summary>
    BadKey,

    /// <summary>Every request gets 429 with <c>Retry-After</c>, in the service's own shape.</summary>
    RateLimited,

    /// <summary>Every request gets the service's own quota or account-limit answer.</summary>
    QuotaExhausted,

    /// <summary>Every request gets 503 (TMDb: a <c>status_code</c> 9 body).</summary>
    Outage,

    /// <summary>Requests hang until the client gives up; bounded by <see cref="ServiceEmulator.TimeoutHang"/> (max 30 s), then 504.</summary>
    Timeout,

    /// <summary>502 <c>text/html</c>, like a reverse proxy or Cloudflare error page.</summary>
    HtmlErrorPage,

    /// <summary>200 <c>application/json</c> with a truncated, invalid JSON body.</summary>
    MalformedBody,
}
