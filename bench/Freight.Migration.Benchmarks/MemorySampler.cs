using System.Diagnostics;

namespace Freight.Migration.Benchmarks;

/// <summary>
/// Samples this process's working set and managed heap every <see cref="Interval"/> while a run lasts, keeping the
/// highest of each; the OS's own peak (<see cref="Process.PeakWorkingSet64"/>, VmHWM on Linux) is read at the end.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _maxWorkingSet;
    private long _maxHeap;
    private int _samples;

    public MemorySampler()
    {
        StartWorkingSet = Environment.WorkingSet;
        StartAllocated = GC.GetTotalAllocatedBytes();
        _sampling = SampleAsync(_stop.Token);
    }

    public long StartWorkingSet { get; }

    public long StartAllocated { get; }

    public async Task<MemoryReport> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Sample();
        using var self = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        return new MemoryReport(
            StartWorkingSet, _maxWorkingSet, self.PeakWorkingSet64, _maxHeap, info.HeapSizeBytes,
            GC.GetTotalAllocatedBytes() - StartAllocated, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), _samples);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Sample();
        }
    }

    private void Sample()
    {
        _maxWorkingSet = Math.Max(_maxWorkingSet, Environment.WorkingSet);
        _maxHeap = Math.Max(_maxHeap, GC.GetTotalMemory(forceFullCollection: false));
        _samples++;
    }
}

/// <summary>Memory of the engine process over a run (bytes).</summary>
internal sealed record MemoryReport(
    long StartWorkingSet,
    long MaxSampledWorkingSet,
    long PeakWorkingSet,
    long MaxSampledHeap,
    long HeapAtEnd,
    long Allocated,
    int Gen0,
    int Gen1,
    int Gen2,
    int Samples);
