namespace Aperture.Emulators;

/// <summary>An access/refresh token pair issued by the Trakt emulator.</summary>
/// <param name="AccessToken">The access token (Bearer).</param>
/// <param name="RefreshToken">The single-use refresh token.</param>
public sealed record TraktTokens(string AccessToken, string RefreshToken)
{
    /// <summary>Hides the token values so they never reach test output.</summary>
    /// <returns>A fixed description.</returns>
    public override string ToString() => "TraktTokens { *** }";
}
