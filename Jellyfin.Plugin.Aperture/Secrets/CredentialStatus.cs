namespace Jellyfin.Plugin.Aperture.Secrets;

/// <summary>What is known about an integration's stored credentials, without revealing them.</summary>
public enum CredentialStatus
{
    /// <summary>No credentials are stored.</summary>
    NotSet,

    /// <summary>Credentials are stored and can be decrypted.</summary>
    Set,

    /// <summary>Credentials are stored but cannot be decrypted (the key file was lost or replaced).</summary>
    Unreadable,
}
