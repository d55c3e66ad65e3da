using System.Text.Json;

namespace Freight.Connectors.Affinity;

/// <summary>The Affinity source's config: <c>api_key</c> (required), <c>base_url</c>, <c>requests_per_minute</c>.</summary>
internal sealed record AffinityConfig(string ApiKey, Uri BaseUrl, int RequestsPerMinute)
{
    public const string OfficialHost = "api.affinity.co";
    public const string DefaultBaseUrl = "https://" + OfficialHost;

    /// <summary>Affinity's per-user budget (CRM_APIS.md A2).</summary>
    public const int DefaultRequestsPerMinute = 900;

    public const int MaxRequestsPerMinute = 100_000;

    public static readonly IReadOnlyList<ConfigField> Fields =
    [
        new("api_key", "An Affinity API key (Settings > API); sent as a Bearer token to the v2 API.", Required: true, Secret: true),
        new("base_url", $"The Affinity API's address; {DefaultBaseUrl} unless the operator allowlisted another host.", Required: false, Secret: false),
        new("requests_per_minute", $"Requests per minute this source allows itself (1-{MaxRequestsPerMinute}); {DefaultRequestsPerMinute}, Affinity's per-user limit, by default.", Required: false, Secret: false),
    ];

    /// <summary>The config, or <see cref="ConnectorConfigException"/> with one problem per unusable field.</summary>
    public static AffinityConfig Parse(JsonElement config, OutboundPolicy outbound)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new ConnectorConfigException([new("config", "must be a JSON object.")]);
        }

        var problems = new List<ConfigProblem>();
        string? apiKey = null;
        var baseUrl = DefaultBaseUrl;
        var perMinute = DefaultRequestsPerMinute;
        foreach (var property in config.EnumerateObject())
        {
            switch (property.Name)
            {
                case "api_key":
                    apiKey = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    break;
                case "base_url" when property.Value.ValueKind == JsonValueKind.String:
                    baseUrl = property.Value.GetString()!;
                    break;
                case "base_url":
                    problems.Add(new("base_url", "must be a string."));
                    break;
                case "requests_per_minute" when property.Value.TryGetInt32(out var value) && value is >= 1 and <= MaxRequestsPerMinute:
                    perMinute = value;
                    break;
                case "requests_per_minute":
                    problems.Add(new("requests_per_minute", $"must be a whole number from 1 to {MaxRequestsPerMinute}."));
                    break;
                default:
                    problems.Add(new(property.Name, "is not a setting of the Affinity source."));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            problems.Add(new("api_key", "is required: an Affinity API key."));
        }

        if (outbound.Check(baseUrl, OfficialHost) is { } refusal)
        {
            problems.Add(new("base_url", refusal));
        }

        if (problems.Count > 0)
        {
            throw new ConnectorConfigException(problems);
        }

        var url = new Uri(baseUrl, UriKind.Absolute);
        return new(apiKey!.Trim(), url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"), perMinute);
    }
}
