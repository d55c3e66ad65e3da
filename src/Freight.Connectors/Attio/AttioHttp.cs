using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Freight.Http;
using Microsoft.Extensions.Logging;

namespace Freight.Connectors.Attio;

/// <summary>
/// Two Freight.Http clients on one Attio workspace: reads (GETs and query POSTs, which Attio counts as reads) and writes,
/// each paced by its own token bucket so the connector stays under Attio's 100 reads/s and 25 writes/s. The buckets are
/// keyed by host and a hash of the key, so every job on one Attio key shares them.
/// </summary>
internal sealed class AttioHttp : IDisposable
{
    private readonly ApiClient _reads;
    private readonly ApiClient _writes;

    public AttioHttp(AttioConfig config, ConnectorContext context, Action<ApiClientOptions>? tune = null)
    {
        var keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config.ApiKey)))[..12];
        _reads = ApiClient.Create(Options(config, context, config.ReadsPerSecond, $"attio-reads:{config.BaseUrl.Authority}:{keyHash}", tune),
            context.LoggerFactory, "attio-reads");
        _writes = ApiClient.Create(Options(config, context, config.WritesPerSecond, $"attio-writes:{config.BaseUrl.Authority}:{keyHash}", tune),
            context.LoggerFactory, "attio-writes");
    }

    public Task<ApiResult<JsonElement>> GetAsync(string path, CancellationToken cancellationToken) =>
        _reads.SendAsync<JsonElement>(ApiRequest.Get(path), cancellationToken);

    /// <summary>A query POST: a read, safe to retry.</summary>
    public Task<ApiResult<JsonElement>> QueryAsync(string path, object body, CancellationToken cancellationToken) =>
        _reads.SendAsync<JsonElement>(new ApiRequest(HttpMethod.Post, path) { Body = RequestBody.Json(body), AllowRetry = true }, cancellationToken);

    /// <summary>An assert (PUT): idempotent, so Freight.Http retries it.</summary>
    public Task<ApiResult<JsonElement>> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        _writes.SendAsync<JsonElement>(ApiRequest.Put(path, body), cancellationToken);

    /// <summary>A create (POST); <paramref name="retrySafe"/> when a repeat cannot create twice (a slug conflict answers it).</summary>
    public Task<ApiResult<JsonElement>> PostAsync(string path, object body, bool retrySafe, CancellationToken cancellationToken) =>
        _writes.SendAsync<JsonElement>(new ApiRequest(HttpMethod.Post, path) { Body = RequestBody.Json(body), AllowRetry = retrySafe }, cancellationToken);

    /// <summary>Attio's error code and message from an error body, or the transport's description.</summary>
    public static (string Code, string Message) Describe(ApiError error)
    {
        if (error.TryGetContentAs<JsonElement>(out var body) && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
        {
            var message = body.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : error.Message;
            return (code.GetString()!, message);
        }

        return (error.StatusCode is { } status ? $"http_{(int)status}" : error.Kind.ToString().ToLowerInvariant(), error.Message);
    }

    /// <summary>
    /// 401 and 403 stop the job: no record can be written until the key or its scopes are fixed. So do a connection
    /// the outbound policy refused and a redirect, which Freight does not follow: no retry can reach Attio there.
    /// </summary>
    public static void ThrowIfStopsJob(ApiError error)
    {
        if (Unreachable.From(error, "Attio", "target") is { } unreachable)
        {
            throw unreachable;
        }

        if (error.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var (code, message) = Describe(error);
            throw new ConnectorException(
                $"Attio refused the API key ({(int)error.StatusCode} {code}: {message}). Fix the Attio API key or give it the scopes "
                + "record_permission:read-write, object_configuration:read-write, list_entry:read-write, list_configuration:read-write, "
                + "note:read-write and user_management:read.",
                stopsJob: true,
                error.ToException());
        }
    }

    /// <summary>How a failed write ends: a refusal (400, 404, 409, 422) is Rejected, everything else left after retries Transient.</summary>
    public static WriteResult ToWriteResult(ApiError error)
    {
        ThrowIfStopsJob(error);
        if (error.Kind == ApiErrorKind.Http && error.StatusCode is { } status && (int)status is >= 400 and < 500 and not 408 and not 429)
        {
            var (code, message) = Describe(error);
            return new WriteResult.Rejected(RejectionOrigin.Target, code, message, Retryable: false);
        }

        return new WriteResult.Transient(error.ToString(), error.Kind == ApiErrorKind.RateLimited ? error.RetryAfter : null);
    }

    public void Dispose()
    {
        _reads.Dispose();
        _writes.Dispose();
    }

    private static ApiClientOptions Options(AttioConfig config, ConnectorContext context, int perSecond, string key, Action<ApiClientOptions>? tune)
    {
        var options = new ApiClientOptions
        {
            BaseAddress = config.BaseUrl,
            Auth = ApiAuth.Bearer(config.ApiKey),
            TimeProvider = context.TimeProvider,
            // One token at a time, returned every 1/perSecond: requests are spread evenly, so none of Attio's one-second
            // windows sees more than the budget. Paced like that, a 429 is the exception, and it makes only the request
            // that got it wait its Retry-After (the engine snoozes that record without using an attempt) instead of
            // stopping every write in flight: when the budget really is spent, each request meets its own 429 and waits.
            // A retry after a 5xx or a cut connection does not wait for a token (ChargeRetries off): queued behind every
            // first attempt it held its write slot longer, and a 10,000-record migration with faults took 5 % longer.
            RateLimit = { PermitLimit = perSecond, Burst = 1, Key = key, PauseOnTooManyRequests = false },

            // Every connection is checked where it goes (redirects are not followed either): see OutboundPolicy.
            Transport = { ConnectPolicy = context.Outbound.ConnectPolicy(AttioConfig.OfficialHost) },
        };
        tune?.Invoke(options);
        return options;
    }
}

/// <summary>Log events of the Attio target.</summary>
internal static class AttioLog
{
    private static readonly Action<ILogger, string, Exception?> SchemaCreatedMessage =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "AttioSchemaCreated"), "Attio schema: created {Created}");

    private static readonly Action<ILogger, EntityKind, string, string, Exception?> WriteWarningMessage =
        LoggerMessage.Define<EntityKind, string, string>(LogLevel.Warning, new EventId(2, "AttioWriteWarning"), "Attio write of {Kind} {SourceId}: {Warning}");

    public static void SchemaCreated(ILogger logger, string created) => SchemaCreatedMessage(logger, created, null);

    public static void WriteWarning(ILogger logger, EntityKind kind, string sourceId, string warning) => WriteWarningMessage(logger, kind, sourceId, warning, null);
}
