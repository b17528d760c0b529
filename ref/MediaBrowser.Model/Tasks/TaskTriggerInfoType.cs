namespace MediaBrowser.Model.Tasks;

/// <summary>Declaration of Jellyfin's TaskTriggerInfoType (10.11+: TaskTriggerInfo.Type is this enum, not a string).</summary>
public enum TaskTriggerInfoType
{
    DailyTrigger = 0,
    WeeklyTrigger = 1,
    IntervalTrigger = 2,
    StartupTrigger = 3,
}
