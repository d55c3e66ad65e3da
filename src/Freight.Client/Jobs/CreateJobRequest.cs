using System.Text.Json.Nodes;

namespace Freight.Client;

/// <summary>
/// The body of a job creation. The configs hold credentials: the server encrypts them at rest and never shows them
/// back. Optional settings left <see langword="null"/> are not sent, so the server's defaults apply.
/// </summary>
/// <param name="SourceSystem">The connector to read from, such as <c>affinity</c> (see <see cref="ConnectorsClient"/>).</param>
/// <param name="TargetSystem">The connector to write to, such as <c>attio</c>.</param>
/// <param name="SourceConfig">The source connector's settings, such as <c>api_key</c> and <c>base_url</c>.</param>
/// <param name="TargetConfig">The target connector's settings.</param>
public sealed record CreateJobRequest(string SourceSystem, string TargetSystem, JsonObject SourceConfig, JsonObject TargetConfig)
{
    /// <summary>Records per batch, 100 to 10000.</summary>
    /// <value>Server default: 1000.</value>
    public int? BatchSize { get; init; }

    /// <summary>How the job retries batches whose records failed transiently.</summary>
    public RetryPolicyRequest? RetryPolicy { get; init; }

    /// <summary>The phases to run.</summary>
    /// <value>Server default: all of them.</value>
    public IReadOnlyList<Phase>? Entities { get; init; }

    /// <summary>Read and map records without writing them.</summary>
    /// <value>Server default: <see langword="false"/>.</value>
    public bool? DryRun { get; init; }

    /// <summary>Check both sides' credentials before accepting the job (a failure is 400 <c>invalid_credentials</c>).</summary>
    /// <value>Server default: <see langword="true"/>.</value>
    public bool? VerifyCredentials { get; init; }
}

/// <summary>How a job retries a batch whose records failed transiently; a <see langword="null"/> field keeps its default.</summary>
/// <param name="MaxAttempts">Attempts per batch.</param>
/// <param name="InitialBackoffSeconds">The wait before the first retry.</param>
/// <param name="MaxBackoffSeconds">The longest wait between retries.</param>
public sealed record RetryPolicyRequest(int? MaxAttempts = null, double? InitialBackoffSeconds = null, double? MaxBackoffSeconds = null);
