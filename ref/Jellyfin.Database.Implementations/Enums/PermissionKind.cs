namespace Jellyfin.Database.Implementations.Enums;

/// <summary>Declaration of Jellyfin's PermissionKind (explicit values, 10.11.0). Values are inlined by the compiler.</summary>
public enum PermissionKind
{
    IsAdministrator = 0,
    IsHidden = 1,
    IsDisabled = 2,
    EnableSharedDeviceControl = 3,
    EnableRemoteAccess = 4,
    EnableLiveTvManagement = 5,
    EnableLiveTvAccess = 6,
    EnableMediaPlayback = 7,
    EnableAudioPlaybackTranscoding = 8,
    EnableVideoPlaybackTranscoding = 9,
    EnableContentDeletion = 10,
    EnableContentDownloading = 11,
    EnableSyncTranscoding = 12,
    EnableMediaConversion = 13,
    EnableAllDevices = 14,
    EnableAllChannels = 15,
    EnableAllFolders = 16,
    EnablePublicSharing = 17,
    EnableRemoteControlOfOtherUsers = 18,
    EnablePlaybackRemuxing = 19,
    ForceRemoteSourceTranscoding = 20,
    EnableCollectionManagement = 21,
    EnableSubtitleManagement = 22,
    EnableLyricManagement = 23,
}
