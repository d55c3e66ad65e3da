using System.Text.Json;
using System.Text.Json.Serialization;
using Freight.Core.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Freight.Core.Persistence;

/// <summary>
/// Timestamps are stored as UTC <see cref="DateTime"/> truncated to microseconds: <c>timestamp with time zone</c>
/// on PostgreSQL (which keeps microseconds), sortable ISO text on SQLite, so both hold the same instant and
/// both can compare and order them in SQL. Read back with offset zero.
/// </summary>
internal sealed class UtcTimestampConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => ToStored(value),
    stored => FromStored(stored))
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static DateTime ToStored(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TicksPerMicrosecond), DateTimeKind.Utc);

    public static DateTimeOffset FromStored(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}

internal sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => SnakeCase.Name(value),
    name => SnakeCase.Parse<TEnum>(name))
    where TEnum : struct, Enum;

/// <summary>A job's selected entities as one comma-separated column: <c>companies,people</c>.</summary>
internal sealed class PhaseListConverter() : ValueConverter<IReadOnlyList<Phase>, string>(
    phases => Join(phases),
    text => Split(text))
{
    public static readonly ValueComparer<IReadOnlyList<Phase>> Comparer = new(
        (left, right) => left!.SequenceEqual(right!),
        phases => phases.Aggregate(0, (hash, phase) => HashCode.Combine(hash, phase)),
        phases => phases.ToArray());

    private static string Join(IReadOnlyList<Phase> phases) => string.Join(',', phases.Select(SnakeCase.Name));

    private static Phase[] Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(SnakeCase.Parse<Phase>)];
}

/// <summary>A job's retry policy as a small JSON document; it is read whole and never queried.</summary>
internal sealed class RetryPolicyConverter() : ValueConverter<RetryPolicy, string>(
    policy => JsonSerializer.Serialize(policy, PersistenceJsonContext.Default.RetryPolicy),
    json => JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.RetryPolicy)!);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RetryPolicy))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext;
