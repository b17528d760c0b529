using System;
using System.Threading;
using System.Threading.Tasks;

namespace MediaBrowser.Controller.Library;

/// <summary>Declaration of Jellyfin's ILibraryPostScanTask (complete: the plugin implements it).</summary>
public interface ILibraryPostScanTask
{
    Task Run(IProgress<double> progress, CancellationToken cancellationToken);
}
