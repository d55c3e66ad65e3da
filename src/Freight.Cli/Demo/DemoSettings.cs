using System.Globalization;

namespace Freight.Cli.Demo;

/// <summary>
/// What <c>freight demo</c> runs: the dataset's size and seed, the share of requests both simulators fail, and the
/// speed that multiplies the simulated APIs' rate limits and, with them, the job's own budgets.
/// </summary>
internal sealed record DemoSettings(long Records, double FaultRate, double Speed, int Seed, bool KeepRunning)
{
    /// <summary>About a minute on two cores, measured with the defaults below.</summary>
    public const long DefaultRecords = 10_000;

    /// <summary>Small but not zero, so the run shows Freight riding out 5xx, 429s and dropped connections.</summary>
    public const double DefaultFaultRate = 0.02;

    /// <summary>Attio's real 25 writes/s would make a minute-long demo a tiny one.</summary>
    public const double DefaultSpeed = 10;

    public const int DefaultSeed = 42;

    /// <summary>Attio's write budget in the simulator (its real 25/s times the speed); the job paces itself to it.</summary>
    public int AttioWritesPerSecond => Budget(25);

    /// <summary>Attio's read budget (its real 100/s times the speed).</summary>
    public int AttioReadsPerSecond => Budget(100);

    /// <summary>
    /// Records written at once: the connector's default 10 times the speed, so a write waiting out a Retry-After or a
    /// backoff leaves the same headroom as at Attio's real budget.
    /// </summary>
    public int MaxParallelWrites => Budget(10);

    /// <summary>Affinity's per-minute budget in the simulator (its real 900/min times the speed).</summary>
    public int AffinityRequestsPerMinute => Budget(900);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}, faults {FaultRate:0.##} of requests on both APIs, speed {Speed:0.##} (Attio {AttioWritesPerSecond} writes/s, Affinity {AffinityRequestsPerMinute} requests/min)");

    private int Budget(int real) => (int)Math.Clamp(Math.Round(real * Speed), 1, 100_000);
}
