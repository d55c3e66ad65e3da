using System.Text.Json;

namespace Freight.Connectors.Attio;

/// <summary>The <c>attio</c> target's config: <c>api_key</c>, <c>base_url</c>, rate limits and write parallelism.</summary>
internal sealed record AttioConfig(string ApiKey, Uri BaseUrl, int WritesPerSecond, int ReadsPerSecond, int MaxParallelWrites)
{
    public const string OfficialHost = "api.attio.com";
    public const int DefaultWritesPerSecond = 25;
    public const int DefaultReadsPerSecond = 100;
    public const int DefaultMaxParallelWrites = 10;

    public static IReadOnlyList<ConfigField> Fields { get; } =
    [
        new("api_key", "An Attio API key or access token with record, list, note and object-configuration read-write scopes.", true, true),
        new("base_url", "Attio's API address; default https://api.attio.com (other hosts only when the operator allowlists them).", false, false),
        new("writes_per_second", $"Client-side write budget; default {DefaultWritesPerSecond} (Attio's published limit).", false, false),
        new("reads_per_second", $"Client-side read budget (GETs and queries); default {DefaultReadsPerSecond}.", false, false),
        new("max_parallel_writes", $"Records written at once; default {DefaultMaxParallelWrites}.", false, false),
    ];

    /// <summary>Reads a config; <see cref="ConnectorConfigException"/> lists every problem.</summary>
    public static AttioConfig Parse(JsonElement config, OutboundPolicy outbound)
    {
        var problems = new List<ConfigProblem>();
        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new ConnectorConfigException([new("config", "must be a JSON object.")]);
        }

        var apiKey = config.TryGetProperty("api_key", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString()!.Trim() : "";
        if (apiKey.Length == 0)
        {
            problems.Add(new("api_key", "is required: an Attio API key."));
        }

        var baseUrl = $"https://{OfficialHost}";
        if (config.TryGetProperty("base_url", out var url) && url.ValueKind != JsonValueKind.Null)
        {
            if (url.ValueKind == JsonValueKind.String)
            {
                baseUrl = url.GetString()!;
                if (outbound.Check(baseUrl, OfficialHost) is { } refusal)
                {
                    problems.Add(new("base_url", refusal));
                }
            }
            else
            {
                problems.Add(new("base_url", "must be a string."));
            }
        }

        var writes = PositiveInt(config, "writes_per_second", DefaultWritesPerSecond, problems);
        var reads = PositiveInt(config, "reads_per_second", DefaultReadsPerSecond, problems);
        var parallel = PositiveInt(config, "max_parallel_writes", DefaultMaxParallelWrites, problems);
        if (problems.Count > 0)
        {
            throw new ConnectorConfigException(problems);
        }

        return new AttioConfig(apiKey, new Uri(baseUrl.TrimEnd('/') + "/"), writes, reads, parallel);
    }

    private static int PositiveInt(JsonElement config, string name, int fallback, List<ConfigProblem> problems)
    {
        if (!config.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number is >= 1 and <= 100_000)
        {
            return number;
        }

        problems.Add(new(name, "must be a whole number from 1 to 100000."));
        return fallback;
    }
}
