using System.Text.Json;
using System.Text.Json.Serialization;

namespace Freight.Sandbox.Attio;

/// <summary>A record as it stood when read: its values array and its object's attributes, both immutable.</summary>
[JsonConverter(typeof(RecordJson))]
internal readonly record struct RecordSnapshot(RecordRow Row, ValueItem[] Values, AttributeDef[] Attributes);

/// <summary>A list entry as it stood when read.</summary>
[JsonConverter(typeof(EntryJson))]
internal readonly record struct EntrySnapshot(EntryRow Row, ValueItem[] Values, AttributeDef[] Attributes);

/// <summary>Writes a record as Attio does (B5): ids, <c>created_at</c>, <c>web_url</c> and every attribute's values.</summary>
internal sealed class RecordJson : JsonConverter<RecordSnapshot>
{
    public override RecordSnapshot Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, RecordSnapshot value, JsonSerializerOptions options)
    {
        var row = value.Row;
        writer.WriteStartObject();
        writer.WriteStartObject("id");
        writer.WriteString("workspace_id", Workspace.Id);
        writer.WriteString("object_id", row.Object.Id);
        writer.WriteString("record_id", row.Id);
        writer.WriteEndObject();
        writer.WriteString("created_at", AttioJson.Timestamp(row.CreatedTicks));
        writer.WriteString("web_url", $"https://app.attio.com/{Workspace.Slug}/{row.Object.SingularNoun.ToLowerInvariant()}/{row.Id}");
        writer.WritePropertyName("values");
        ValuesJson.Write(writer, row, value.Values, value.Attributes);
        writer.WriteEndObject();
    }
}

/// <summary>Writes a list entry (B6): ids, parent, <c>created_at</c> and every list attribute's values.</summary>
internal sealed class EntryJson : JsonConverter<EntrySnapshot>
{
    public override EntrySnapshot Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, EntrySnapshot value, JsonSerializerOptions options)
    {
        var row = value.Row;
        writer.WriteStartObject();
        writer.WriteStartObject("id");
        writer.WriteString("workspace_id", Workspace.Id);
        writer.WriteString("list_id", row.List.Id);
        writer.WriteString("entry_id", row.Id);
        writer.WriteEndObject();
        writer.WriteString("parent_record_id", row.Parent.Id);
        writer.WriteString("parent_object", row.Parent.Object.ApiSlug);
        writer.WriteString("created_at", AttioJson.Timestamp(row.CreatedTicks));
        writer.WritePropertyName("entry_values");
        ValuesJson.Write(writer, row, value.Values, value.Attributes);
        writer.WriteEndObject();
    }
}

/// <summary>
/// The <c>values</c> object: every attribute by slug, <c>[]</c> when it has none. Values are sorted by slot and
/// attributes by ordinal, so one pass pairs them.
/// </summary>
internal static class ValuesJson
{
    public static void Write(Utf8JsonWriter writer, Row row, ValueItem[] values, AttributeDef[] attributes)
    {
        writer.WriteStartObject();
        var next = 0;
        foreach (var attribute in attributes)
        {
            writer.WriteStartArray(attribute.ApiSlug);
            switch (attribute.Derived)
            {
                case Derived.RecordId:
                    new TextValue(attribute.Ordinal, row.CreatedTicks, ((RecordRow)row).Id.ToString()).Write(writer, attribute);
                    break;
                case Derived.CreatedAt:
                    new TimestampValue(attribute.Ordinal, row.CreatedTicks, row.CreatedTicks).Write(writer, attribute);
                    break;
                case Derived.CreatedBy:
                    WriteCreator(writer, row.CreatedTicks);
                    break;
                default:
                    while (next < values.Length && values[next].Slot < attribute.Ordinal)
                    {
                        next++;
                    }

                    for (; next < values.Length && values[next].Slot == attribute.Ordinal; next++)
                    {
                        values[next].Write(writer, attribute);
                    }

                    break;
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    // Every record is created by the simulator's API token.
    private static void WriteCreator(Utf8JsonWriter writer, long created)
    {
        writer.WriteStartObject();
        writer.WriteString("active_from", AttioJson.Timestamp(created));
        writer.WriteNull("active_until");
        writer.WriteStartObject("created_by_actor");
        writer.WriteString("type", "api-token");
        writer.WriteString("id", Workspace.TokenId);
        writer.WriteEndObject();
        writer.WriteString("attribute_type", "actor-reference");
        writer.WriteString("referenced_actor_type", "api-token");
        writer.WriteString("referenced_actor_id", Workspace.TokenId);
        writer.WriteEndObject();
    }
}
