using System.Buffers;
using System.Text.Json;
using Freight.Connectors;

namespace Freight.Core.Batches;

/// <summary>
/// A batch's records as stored before any write: a JSON array of <c>{"id": source id, "data": canonical record}</c>,
/// the canonical JSON embedded as it came from the source.
/// </summary>
internal static class BatchPayload
{
    public static byte[] Write(IEnumerable<SourceRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var record in records)
            {
                writer.WriteStartObject();
                writer.WriteString("id", record.SourceId);
                writer.WritePropertyName("data");
                writer.WriteRawValue(record.Payload.Span, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static List<SourceRecord> Read(byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var records = new List<SourceRecord>(document.RootElement.GetArrayLength());
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var id = item.GetProperty("id").GetString() ?? throw new JsonException("A stored record has no id.");
            records.Add(new SourceRecord(id, JsonSerializer.SerializeToUtf8Bytes(item.GetProperty("data"))));
        }

        return records;
    }
}
