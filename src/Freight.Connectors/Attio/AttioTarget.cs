using System.Text.Json;
using Freight.Http;
using Microsoft.Extensions.Logging;

namespace Freight.Connectors.Attio;

/// <summary>
/// Writes canonical records into an Attio workspace (REST v2). Every company, person and deal is asserted on a unique
/// <c>affinity_id</c> attribute, list entries are asserted by parent, and notes, which Attio cannot assert, are found
/// again by listing the parent's notes. See src/Freight.Connectors/README.md and docs/MAPPING.md.
/// </summary>
public sealed partial class AttioTarget : ITargetConnector
{
    private readonly AttioHttp _http;
    private readonly ILogger _logger;
    private readonly RecordIdCache _recordIds = new(capacity: 50_000);
    private AttioSchemaMap? _schema;

    public AttioTarget(JsonElement config, ConnectorContext context)
        : this(AttioConfig.Parse(config, (context ?? throw new ArgumentNullException(nameof(context))).Outbound), context, tune: null)
    {
    }

    /// <summary>Tests tune the clients (timeouts, retry jitter) through <paramref name="tune"/>.</summary>
    internal AttioTarget(AttioConfig config, ConnectorContext context, Action<ApiClientOptions>? tune)
    {
        Config = config;
        _http = new AttioHttp(config, context, tune);
        _logger = context.LoggerFactory.CreateLogger<AttioTarget>();
    }

    /// <summary>The registry entry: <c>attio</c>, a target.</summary>
    public static ConnectorDescriptor Descriptor { get; } = new(
        "attio",
        ConnectorRole.Target,
        "Attio REST v2: companies, people and deals asserted on a unique affinity_id, list entries by parent, notes reconciled by listing.",
        AttioConfig.Fields,
        $"{AttioConfig.DefaultWritesPerSecond} writes/s, {AttioConfig.DefaultReadsPerSecond} reads/s",
        CreateTarget: (config, context) => new AttioTarget(config, context));

    public int MaxParallelWrites => Config.MaxParallelWrites;

    internal AttioConfig Config { get; }

    /// <summary>What the last EnsureSchemaAsync found; tests hand it to a second target.</summary>
    internal AttioSchemaMap? SchemaMap
    {
        get => _schema;
        set => _schema = value;
    }

    private AttioSchemaMap Schema => _schema
        ?? throw new InvalidOperationException("EnsureSchemaAsync must run before records are written to Attio.");

    /// <inheritdoc />
    public async Task<CredentialCheck> VerifyCredentialsAsync(CancellationToken cancellationToken)
    {
        var result = await _http.GetAsync("v2/self", cancellationToken).ConfigureAwait(false);
        if (!result.TryGetValue(out var self))
        {
            var (code, message) = AttioHttp.Describe(result.Error!);
            if (result.Error!.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                return new CredentialCheck(false, $"Attio refused the API key: {code}: {message}");
            }

            AttioHttp.ThrowIfStopsJob(result.Error);

            throw new ConnectorException($"Attio could not be reached to check the API key: {result.Error}", stopsJob: false, result.Error.ToException());
        }

        return self.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.True
            ? CredentialCheck.Ok
            : new CredentialCheck(false, "Attio refused the API key: the token is not active.");
    }

    /// <inheritdoc />
    public bool IsIdempotent(EntityKind kind) => kind != EntityKind.Notes;

    /// <inheritdoc />
    public async Task<WriteResult> WriteAsync(EntityKind kind, SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var result = kind switch
            {
                EntityKind.Companies => await WriteCompanyAsync(CanonicalJson.Read<CanonicalCompany>(record), cancellationToken).ConfigureAwait(false),
                EntityKind.People => await WritePersonAsync(CanonicalJson.Read<CanonicalPerson>(record), cancellationToken).ConfigureAwait(false),
                EntityKind.Deals => await WriteDealAsync(CanonicalJson.Read<CanonicalDeal>(record), cancellationToken).ConfigureAwait(false),
                EntityKind.Notes => await WriteNoteAsync(CanonicalJson.Read<CanonicalNote>(record), cancellationToken).ConfigureAwait(false),
                EntityKind.ListEntries => await WriteEntryAsync(CanonicalJson.Read<CanonicalListEntry>(record), cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
            };
            if (result is WriteResult.Written { Warnings.Count: > 0 } written)
            {
                foreach (var warning in written.Warnings)
                {
                    AttioLog.WriteWarning(_logger, kind, record.SourceId, warning);
                }
            }

            return result;
        }
        catch (AttioReadException ex)
        {
            return new WriteResult.Transient($"A lookup the write needed failed: {ex.Message}");
        }
        catch (JsonException ex)
        {
            return new WriteResult.Rejected(RejectionOrigin.Source, "invalid_payload", $"Record {record.SourceId} is not a canonical {kind} record: {ex.Message}", false);
        }
    }

    /// <inheritdoc />
    public async Task<string?> FindWrittenAsync(EntityKind kind, SourceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return await FindAsync(kind, record, cancellationToken).ConfigureAwait(false);
        }
        catch (AttioReadException ex)
        {
            throw new ConnectorException($"Attio could not be asked whether {kind} {record.SourceId} was written: {ex.Message}", stopsJob: false, ex);
        }
    }

    private async Task<string?> FindAsync(EntityKind kind, SourceRecord record, CancellationToken cancellationToken) =>
        kind switch
        {
            EntityKind.Notes => await FindNoteAsync(CanonicalJson.Read<CanonicalNote>(record), cancellationToken).ConfigureAwait(false),
            EntityKind.ListEntries => await FindEntryAsync(CanonicalJson.Read<CanonicalListEntry>(record), cancellationToken).ConfigureAwait(false),
            EntityKind.Companies => await FindRecordIdAsync("companies", CanonicalJson.Read<CanonicalCompany>(record).Id, cancellationToken).ConfigureAwait(false),
            EntityKind.People => await FindRecordIdAsync("people", CanonicalJson.Read<CanonicalPerson>(record).Id, cancellationToken).ConfigureAwait(false),
            _ => await FindRecordIdAsync("deals", CanonicalJson.Read<CanonicalDeal>(record).Id, cancellationToken).ConfigureAwait(false),
        };

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
