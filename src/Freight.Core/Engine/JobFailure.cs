using Freight.Connectors;

namespace Freight.Core.Engine;

/// <summary>Which errors end a job as failed, and the reason it then shows: which side, and what to fix.</summary>
internal static class JobFailure
{
    /// <summary>The job's failure reason, or null for an error that must not end the job (it propagates).</summary>
    public static string? Describe(Exception error) => error switch
    {
        ConnectorException { StopsJob: true } stop => stop.Message,
        ConnectorException other => $"The job stopped after repeated errors: {other.Message}",
        ConnectorConfigException config => $"The job's connector configuration cannot be used: {config.Message}",
        KeyNotFoundException unknown => unknown.Message,
        System.Text.Json.JsonException json => $"A stored batch or config could not be read: {json.Message}",
        _ => null,
    };
}
