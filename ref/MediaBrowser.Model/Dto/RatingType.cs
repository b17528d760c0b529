namespace MediaBrowser.Model.Dto;

/// <summary>Declaration of Jellyfin's RatingType.</summary>
public enum RatingType
{
    Score = 0,
    Likes = 1,
}
