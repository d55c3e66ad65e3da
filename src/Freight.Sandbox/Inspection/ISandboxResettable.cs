namespace Freight.Sandbox.Inspection;

/// <summary>
/// State a simulator can put back as it was at start: written records, request logs, fault
/// counters. <c>POST /_sandbox/reset</c> calls every registered implementation.
/// </summary>
public interface ISandboxResettable
{
    void Reset();
}
