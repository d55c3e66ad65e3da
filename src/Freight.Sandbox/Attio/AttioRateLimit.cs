using Freight.Sandbox.Inspection;

namespace Freight.Sandbox.Attio;

/// <summary>
/// Attio's per-second budgets of reads and writes (CRM_APIS.md B2), as windows of one calendar second of
/// the options' clock: a request over budget is refused until the next second starts. A sandbox reset
/// gives both back in full.
/// </summary>
internal sealed class AttioRateLimit(int readsPerSecond, int writesPerSecond, TimeProvider time) : ISandboxResettable
{
    private readonly Lock _gate = new();
    private long _second = long.MinValue;
    private int _reads;
    private int _writes;

    /// <summary>Counts the request if its budget allows; otherwise gives the moment the budget frees.</summary>
    public bool TryAcquire(bool write, out DateTimeOffset retryAt)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        retryAt = DateTimeOffset.FromUnixTimeSeconds(second + 1);
        lock (_gate)
        {
            if (second != _second)
            {
                _second = second;
                _reads = 0;
                _writes = 0;
            }

            ref var used = ref write ? ref _writes : ref _reads;
            if (used >= (write ? writesPerSecond : readsPerSecond))
            {
                return false;
            }

            used++;
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _reads = 0;
            _writes = 0;
        }
    }
}
