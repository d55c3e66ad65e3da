using Microsoft.Extensions.Logging;

namespace Freight.Core.Engine;

/// <summary>The engine's log events (process logs; a job's own log is in the database).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Worker {WorkerId} started.")]
    public static partial void WorkerStarted(ILogger logger, string workerId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Worker {WorkerId} runs job {JobId}.")]
    public static partial void RunningJob(ILogger logger, string workerId, Guid jobId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Worker {WorkerId} failed to run a job; trying again.")]
    public static partial void WorkerFailed(ILogger logger, Exception error, string workerId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Lease on job {JobId} lost; another worker resumes it.")]
    public static partial void LeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Heartbeat for job {JobId} failed; stopping work on it.")]
    public static partial void HeartbeatFailed(ILogger logger, Exception error, Guid jobId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Job {JobId} ended as {Status}, but its lease was already lost.")]
    public static partial void FinishedAfterLeaseLost(ILogger logger, Guid jobId, string status);
}
