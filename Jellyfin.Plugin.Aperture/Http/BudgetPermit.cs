using System;
using System.Threading;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The right to send one attempt. Disposing it ends the attempt: its slot frees and starts counting out of the
/// window, and the next waiter may go.
/// </summary>
internal sealed class BudgetPermit : IDisposable
{
    private readonly ServiceBudget _budget;
    private int _released;

    /// <summary>
    /// Initializes a new instance of the <see cref="BudgetPermit"/> class.
    /// </summary>
    /// <param name="budget">The budget that granted it.</param>
    /// <param name="isWrite">Whether it holds a write slot.</param>
    public BudgetPermit(ServiceBudget budget, bool isWrite)
    {
        _budget = budget;
        IsWrite = isWrite;
    }

    /// <summary>Gets a value indicating whether the permit holds a write slot.</summary>
    public bool IsWrite { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _budget.Release(this);
        }
    }
}
