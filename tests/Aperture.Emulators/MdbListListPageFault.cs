namespace Aperture.Emulators;

/// <summary>How one page of a list's items goes wrong (set per page with <see cref="MdbListEmulator.FailListPage"/>).</summary>
public enum MdbListListPageFault
{
    /// <summary>503, as in an outage.</summary>
    Outage,

    /// <summary>200 with a truncated JSON body.</summary>
    Malformed,

    /// <summary>200 with half the page and <c>X-Has-More: true</c>, as a cut-off answer.</summary>
    Partial,

    /// <summary>200 with no items at all and no headers, as a list that suddenly answers empty.</summary>
    Empty,

    /// <summary>200 with a changed shape: <c>{"data": …}</c> instead of <c>{movies, shows}</c>.</summary>
    ChangedShape,
}
