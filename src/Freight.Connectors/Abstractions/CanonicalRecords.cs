using System.Text.Json;
using System.Text.Json.Serialization;

namespace Freight.Connectors;

// The canonical records a source produces and a target consumes, one per EntityKind. Ids are the
// source's, as strings; references point at other records of the same source by those ids. They travel
// as UTF-8 JSON (CanonicalJson) inside SourceRecord.Payload and the engine's batches.

public sealed record CanonicalCompany(
    string Id, string Name, IReadOnlyList<string> Domains, IReadOnlyList<FieldValue> Fields);

/// <summary>A person; <see cref="CompanyIds"/> in the source's order, the current company first.</summary>
public sealed record CanonicalPerson(
    string Id,
    string FirstName,
    string? LastName,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> CompanyIds,
    IReadOnlyList<FieldValue> Fields);

/// <summary>A deal; <see cref="Stage"/> and <see cref="OwnerEmail"/> when the source knows them.</summary>
public sealed record CanonicalDeal(
    string Id,
    string Name,
    IReadOnlyList<string> CompanyIds,
    IReadOnlyList<string> PersonIds,
    string? Stage,
    string? OwnerEmail,
    IReadOnlyList<FieldValue> Fields);

/// <summary>
/// A note on one parent record. A source note on several parents becomes one canonical note per parent,
/// with <see cref="Id"/> = note id + parent, and <see cref="NoteId"/> the source note's own id.
/// </summary>
public sealed record CanonicalNote(
    string Id,
    string NoteId,
    EntityKind ParentKind,
    string ParentId,
    NoteContentFormat Format,
    string Content,
    DateTimeOffset CreatedAt,
    string? AuthorEmail);

public enum NoteContentFormat
{
    PlainText,
    Html,
}

/// <summary>A record's membership in a list (<see cref="ListId"/> of <see cref="SourceSchema.Lists"/>), with the list's own fields.</summary>
public sealed record CanonicalListEntry(
    string Id, string ListId, EntityKind ParentKind, string ParentId, IReadOnlyList<FieldValue> Fields);

/// <summary>
/// A custom field's value; its shape follows the field's <see cref="FieldType"/>: Text, Date (ISO 8601) and
/// Select/RankedSelect (the option title) are strings, Number a number, Person and Company the referenced
/// record's source id as a string, Location an object <c>{street_address, city, state, country}</c>; a
/// <see cref="FieldDefinition.Multiple"/> field holds an array of those.
/// </summary>
public sealed record FieldValue(string FieldId, JsonElement Value);

/// <summary>The JSON form of the canonical records: snake_case names and enum values, nulls left out.</summary>
public static class CanonicalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static SourceRecord ToRecord<T>(string sourceId, T canonical) =>
        new(sourceId, JsonSerializer.SerializeToUtf8Bytes(canonical, Options));

    /// <summary>The canonical record in a payload; <see cref="JsonException"/> when the payload is not one.</summary>
    public static T Read<T>(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Deserialize<T>(record.Payload.Span, Options)
            ?? throw new JsonException($"Record {record.SourceId} has an empty payload.");
    }
}
