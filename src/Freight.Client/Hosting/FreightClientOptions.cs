using Freight.Http;

namespace Freight.Client;

/// <summary>Where a <see cref="FreightClient"/> sends its calls and with which keys.</summary>
public sealed class FreightClientOptions
{
    /// <summary>The server's address, such as <c>http://127.0.0.1:8080</c> (routes are under <c>/api/v1</c> and <c>/health</c>).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A tenant's API key, sent as <c>X-API-Key</c> on tenant calls (jobs, stats, connectors).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The operator's admin key, sent as <c>X-Admin-Key</c> on <see cref="FreightClient.Admin"/> calls.</summary>
    public string? AdminKey { get; set; }

    /// <summary>The clock every wait (retry backoff, timeouts) goes through.</summary>
    /// <value>Default: <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Changes to the Freight.Http options (timeouts, retry, circuit breaker, hooks) after the SDK set its own
    /// (base address, clock, JSON). Keep the JSON options: the records depend on them.
    /// </summary>
    public Action<ApiClientOptions>? ConfigureHttp { get; set; }

    /// <summary>
    /// The handler requests go through; the caller keeps ownership. When <see langword="null"/>, the client owns one
    /// from <see cref="ApiClientOptions.PrimaryHandlerFactory"/>, or else built from <see cref="ApiClientOptions.Transport"/>.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>The name of the underlying clients in Freight.Http's logs and metrics.</summary>
    /// <value>Default: <c>freight</c>.</value>
    public string Name { get; set; } = "freight";
}
