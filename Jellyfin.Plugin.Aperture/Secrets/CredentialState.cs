namespace Jellyfin.Plugin.Aperture.Secrets;

/// <summary>
/// The write-only view of stored credentials: whether they are set and a short mask per field.
/// </summary>
/// <param name="Status">Whether credentials are stored and readable.</param>
/// <param name="Masks">A short mask per stored field, e.g. "••••1a2b".</param>
public sealed record CredentialState(CredentialStatus Status, System.Collections.Generic.IReadOnlyDictionary<string, string> Masks);
