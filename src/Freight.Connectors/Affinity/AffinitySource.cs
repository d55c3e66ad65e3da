using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Freight.Http;
using Microsoft.Extensions.Logging;

namespace Freight.Connectors.Affinity;

/// <summary>
/// Reads an Affinity workspace through its v2 API (CRM_APIS.md A6): companies, persons, opportunities (through
/// their lists' entries), notes and list entries, one Affinity page per <see cref="ReadPageAsync"/>.
/// </summary>
public sealed partial class AffinitySource : ISourceConnector
{
    /// <summary>Affinity's largest page (<c>limit</c> 1-100 on every v2 route the source reads).</summary>
    internal const int MaxPageSize = 100;

    private readonly ApiClient _client;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, string?> _emails = new();
    private IReadOnlyList<WireList>? _lists;

    /// <summary>Items asked for per Affinity page; smaller only in tests that want many pages.</summary>
    internal int PageSize { get; set; } = MaxPageSize;

    internal AffinitySource(AffinityConfig config, ConnectorContext context, Action<ApiClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(context);
        var options = new ApiClientOptions
        {
            BaseAddress = config.BaseUrl,
            Auth = ApiAuth.Bearer(config.ApiKey),
            TimeProvider = context.TimeProvider,
            Retry = { MaxAttempts = 6 },
            RateLimit = RateLimitFor(config),

            // Every connection is checked where it goes (redirects are not followed either): see OutboundPolicy.
            Transport = { ConnectPolicy = context.Outbound.ConnectPolicy(AffinityConfig.OfficialHost) },
        };
        configureClient?.Invoke(options);
        _client = ApiClient.Create(options, context.LoggerFactory, "affinity");
        _logger = context.LoggerFactory.CreateLogger<AffinitySource>();
    }

    /// <summary>The registry's entry for this source.</summary>
    public static ConnectorDescriptor Descriptor { get; } = new(
        "affinity",
        ConnectorRole.Source,
        "Reads companies, persons, opportunities, notes and list entries from Affinity's v2 API.",
        AffinityConfig.Fields,
        $"{AffinityConfig.DefaultRequestsPerMinute} requests per minute per API key (Affinity's per-user limit; requests_per_minute changes it)",
        CreateSource: Create);

    /// <summary>A source for a config (<see cref="ConnectorConfigException"/> when it cannot be used).</summary>
    public static AffinitySource Create(JsonElement config, ConnectorContext context) => Create(config, context, null);

    internal static AffinitySource Create(JsonElement config, ConnectorContext context, Action<ApiClientOptions>? configureClient)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AffinitySource(AffinityConfig.Parse(config, context.Outbound), context, configureClient);
    }

    public async Task<CredentialCheck> VerifyCredentialsAsync(CancellationToken cancellationToken)
    {
        var result = await _client.SendAsync<WireWhoAmI>(ApiRequest.Get("v2/auth/whoami"), cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            return CredentialCheck.Ok;
        }

        return result.Error.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new CredentialCheck(false, $"Affinity refused the API key: {ErrorMessage(result.Error)}")
            : throw Failure(result.Error, "the key's identity");
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A token bucket that never exceeds Affinity's sliding minute: a burst of one second's share, and the rest of
    /// the minute's budget returned evenly. Keyed by host and key, since Affinity counts per user.
    /// </summary>
    internal static RateLimitOptions RateLimitFor(AffinityConfig config)
    {
        var burst = Math.Max(1, config.RequestsPerMinute / 60);
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(config.ApiKey)), 0, 8);
        return new RateLimitOptions
        {
            PermitLimit = Math.Max(1, config.RequestsPerMinute - burst),
            Period = TimeSpan.FromMinutes(1),
            Burst = burst,
            Key = $"affinity:{config.BaseUrl.Authority}:{fingerprint}",
        };
    }

    /// <summary>One page of a v2 collection route, from Affinity's <paramref name="cursor"/> (null: the first page).</summary>
    private async Task<(IReadOnlyList<T> Items, string? NextCursor)> GetPageAsync<T>(
        string path, IEnumerable<(string Name, string Value)> query, string? cursor, string what, CancellationToken cancellationToken)
    {
        var request = ApiRequest.Get(path).WithQuery("limit", PageSize);
        foreach (var (name, value) in query)
        {
            request.WithQuery(name, value);
        }

        request.WithQuery("cursor", cursor);
        var result = await _client.SendAsync<WirePage<T>>(request, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw Failure(result.Error, what);
        }

        var page = result.Value;
        return (page.Data ?? [], AffinityCursor.FromNextUrl(page.Pagination?.NextUrl));
    }

    /// <summary>Every item of a v2 collection route.</summary>
    private async Task<List<T>> GetAllAsync<T>(
        string path, IEnumerable<(string Name, string Value)> query, string what, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var (page, next) = await GetPageAsync<T>(path, query, cursor, what, cancellationToken).ConfigureAwait(false);
            items.AddRange(page);
            cursor = next;
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>A person's email, from <c>/v2/persons/{id}</c> once per person; null when Affinity has none or no such person.</summary>
    private async ValueTask<string?> EmailOfAsync(long personId, CancellationToken cancellationToken)
    {
        if (_emails.TryGetValue(personId, out var known))
        {
            return known;
        }

        var result = await _client.SendAsync<WirePerson>(ApiRequest.Get($"v2/persons/{personId}"), cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess && result.Error.StatusCode != HttpStatusCode.NotFound)
        {
            throw Failure(result.Error, $"person {personId}");
        }

        var email = result.IsSuccess ? result.Value.PrimaryEmailAddress ?? (result.Value.EmailAddresses is { Count: > 0 } all ? all[0] : null) : null;
        return _emails[personId] = email;
    }

    private static ConnectorException Failure(ApiError error, string what) => error switch
    {
        _ when Unreachable.From(error, "Affinity", "source", $" to read {what}", $" {what}") is { } unreachable => unreachable,
        { StatusCode: HttpStatusCode.Unauthorized } => new ConnectorException(
            $"Affinity refused the API key while reading {what} (401: {ErrorMessage(error)}); fix the Affinity API key in the job's source config.",
            stopsJob: true, error.ToException()),
        { StatusCode: HttpStatusCode.Forbidden } => new ConnectorException(
            $"Affinity's API key may not read {what} (403: {ErrorMessage(error)}); fix the Affinity key or its user's permissions (export rights for persons and lists).",
            stopsJob: true, error.ToException()),
        _ => new ConnectorException($"Reading {what} from Affinity failed after {error.Attempts} attempt(s): {error.Message}", stopsJob: false, error.ToException()),
    };

    /// <summary>The message of Affinity's error body (<c>{"errors":[{"code","message"}]}</c>), or the client's.</summary>
    private static string ErrorMessage(ApiError error)
    {
        if (error.Body is { Length: > 0 } body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                    && errors.GetArrayLength() > 0 && errors[0].TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString()!;
                }
            }
            catch (JsonException)
            {
                // Not Affinity's error shape: the client's own message says what happened.
            }
        }

        return error.Message;
    }

    [LoggerMessage(1, LogLevel.Information, "Affinity schema: {Fields} fields, {Lists} lists")]
    private static partial void SchemaRead(ILogger logger, int fields, int lists);

    [LoggerMessage(2, LogLevel.Warning, "Affinity note {NoteId} lists {Shown} of its {Total} {Kind} in its preview; the rest are not read")]
    private static partial void PreviewCut(ILogger logger, long noteId, int shown, int total, string kind);
}
