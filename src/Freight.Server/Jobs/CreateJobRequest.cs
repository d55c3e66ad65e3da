using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Freight.Core;
using Freight.Core.Domain;
using Freight.Server.Hosting;
using Freight.Server.Shared;

namespace Freight.Server.Jobs;

/// <summary>How a job retries a batch whose records failed transiently; absent fields keep their defaults.</summary>
public sealed record RetryPolicyRequest(int? MaxAttempts, double? InitialBackoffSeconds, double? MaxBackoffSeconds);

/// <summary>The body of <c>POST /api/v1/jobs</c>. The configs hold credentials: they are encrypted at rest and never shown back.</summary>
public sealed record CreateJobRequest(
    string? SourceSystem,
    string? TargetSystem,
    JsonElement? SourceConfig,
    JsonElement? TargetConfig,
    int? BatchSize,
    RetryPolicyRequest? RetryPolicy,
    IReadOnlyList<string>? Entities,
    bool? DryRun,
    bool? VerifyCredentials)
{
    private const int MaxSystemNameLength = 100;
    private const double MaxBackoffSeconds = 3600;

    [JsonIgnore]
    public bool ShouldVerifyCredentials => VerifyCredentials ?? true;

    /// <summary>
    /// SHA-256 of the request as bound (names, values and order; not whitespace), to tell a replay of an
    /// <c>Idempotency-Key</c> from a reuse with another body. A hash of high-entropy keys reveals nothing of them.
    /// </summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this, ServerJson.Options)));

    /// <summary>The fields other than the configs (which the connectors check), or null with one detail per bad field.</summary>
    public ValidatedJob? Validate(Validation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var source = validation.RequiredText("source_system", SourceSystem, MaxSystemNameLength);
        var target = validation.RequiredText("target_system", TargetSystem, MaxSystemNameLength);
        var sourceConfig = Config("source_config", SourceConfig, validation);
        var targetConfig = Config("target_config", TargetConfig, validation);
        var batchSize = BatchSize ?? Job.DefaultBatchSize;
        if (batchSize is < Job.MinBatchSize or > Job.MaxBatchSize)
        {
            validation.Add("batch_size", "out_of_range", $"batch_size must be a whole number from {Job.MinBatchSize} to {Job.MaxBatchSize}.");
        }

        var retry = Retry(validation);
        var entities = EntityList(validation);
        if (!validation.IsValid)
        {
            return null;
        }

        return new ValidatedJob(source!, target!, sourceConfig!.Value, targetConfig!.Value, batchSize, retry!, entities!, DryRun ?? false);
    }

    private static JsonElement? Config(string field, JsonElement? config, Validation validation)
    {
        if (config is not { ValueKind: not JsonValueKind.Null } value)
        {
            validation.Add(field, "missing", $"{field} is required: a JSON object with the system's settings (see GET /api/v1/connectors).");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            validation.Add(field, "invalid", $"{field} must be a JSON object.");
            return null;
        }

        return value;
    }

    private Core.Domain.RetryPolicy? Retry(Validation validation)
    {
        var defaults = Core.Domain.RetryPolicy.Default;
        var attempts = RetryPolicy?.MaxAttempts ?? defaults.MaxAttempts;
        var initial = RetryPolicy?.InitialBackoffSeconds ?? defaults.InitialBackoff.TotalSeconds;
        var longest = RetryPolicy?.MaxBackoffSeconds ?? Math.Max(defaults.MaxBackoff.TotalSeconds, initial);
        var valid = true;
        if (attempts is < 1 or > Core.Domain.RetryPolicy.MaxAllowedAttempts)
        {
            validation.Add("retry_policy.max_attempts", "out_of_range", $"retry_policy.max_attempts must be a whole number from 1 to {Core.Domain.RetryPolicy.MaxAllowedAttempts}.");
            valid = false;
        }

        if (initial is < 0 or > MaxBackoffSeconds)
        {
            validation.Add("retry_policy.initial_backoff_seconds", "out_of_range", $"retry_policy.initial_backoff_seconds must be from 0 to {MaxBackoffSeconds}.");
            valid = false;
        }
        else if (longest < initial || longest > MaxBackoffSeconds)
        {
            validation.Add("retry_policy.max_backoff_seconds", "out_of_range", $"retry_policy.max_backoff_seconds must be from initial_backoff_seconds ({initial}) to {MaxBackoffSeconds}.");
            valid = false;
        }

        return valid ? new Core.Domain.RetryPolicy(attempts, TimeSpan.FromSeconds(initial), TimeSpan.FromSeconds(longest)) : null;
    }

    private List<Phase>? EntityList(Validation validation)
    {
        var selected = new List<Phase>();
        foreach (var name in Entities ?? [])
        {
            if (name is null || !SnakeCase.TryParse<Phase>(name, out var phase) || phase == Phase.Schema)
            {
                validation.Add("entities", "invalid", $"entities must list some of {string.Join(", ", Phases.Entities.Select(SnakeCase.Name))}; {ClientText.Quote(name)} is not one.");
                return null;
            }

            selected.Add(phase);
        }

        if (Entities is { Count: 0 })
        {
            validation.Add("entities", "invalid", "entities must not be empty; leave it out to migrate every entity.");
            return null;
        }

        return selected;
    }
}

/// <summary>A create request whose fields are valid; the configs are yet to pass their connectors' checks.</summary>
public sealed record ValidatedJob(
    string SourceSystem,
    string TargetSystem,
    JsonElement SourceConfig,
    JsonElement TargetConfig,
    int BatchSize,
    Core.Domain.RetryPolicy RetryPolicy,
    IReadOnlyList<Phase> Entities,
    bool DryRun);
