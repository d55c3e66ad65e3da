using System.Collections.Concurrent;
using System.Diagnostics;

namespace Freight.Http.Tests.Observability;

/// <summary>
/// Starts a root activity and records the Freight.Http activities of its trace only, so activities of tests
/// running in parallel are ignored. Calls must be made while the root is current.
/// </summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly Activity _root;

    public ActivityRecorder()
    {
        _root = new Activity("Freight.Http.Tests").Start();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HttpMetrics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _root.TraceId)
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }
}
