namespace Aperture.Emulators;

/// <summary>How the MDBList emulator says the daily quota is used up.</summary>
public enum MdbListQuotaShape
{
    /// <summary>HTTP 429 with <c>Retry-After</c> = seconds to the next UTC midnight.</summary>
    Http429 = 0,

    /// <summary>HTTP 200 with <c>{"response":false,"error":"API Limit Reached!"}</c> (the legacy shape).</summary>
    Http200Body = 1,
}
