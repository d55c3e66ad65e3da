using System.Globalization;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>
/// <c>record-reference</c>: <c>{"target_object", "target_record_id"}</c>, or a match on a unique attribute of the target,
/// <c>{"target_object":"companies","domains":[{"domain":"acme.com"}]}</c>, or, where only companies (people) are allowed,
/// a plain domain (email) string. The target must exist (B5).
/// </summary>
internal sealed class RecordReferenceValue(int slot, long activeFrom, RecordRow target) : ValueItem(slot, activeFrom)
{
    public RecordRow Target { get; } = target;

    public override string Key => Target.Counter.ToString(CultureInfo.InvariantCulture);

    public override string DefaultField => "target_record_id";

    public static RecordReferenceValue Parse(JsonElement value, in ValueInput input)
    {
        var allowed = input.Attribute.AllowedObjects;
        if (value.ValueKind == JsonValueKind.String)
        {
            // A bare string is a domain where only companies are allowed, an email where only people are.
            var only = allowed is { Count: 1 } ? allowed[0].ApiSlug : null;
            var matching = only switch
            {
                "companies" => "domains",
                "people" => "email_addresses",
                _ => throw input.WrongType("{\"target_object\", \"target_record_id\"}"),
            };
            return new(input.Slot, input.Now, Match(allowed![0], matching, value, input));
        }

        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("target_object", out var objectName)
            || objectName.ValueKind != JsonValueKind.String)
        {
            throw input.WrongType("{\"target_object\", \"target_record_id\"} or {\"target_object\", \"<unique attribute>\": [value]}");
        }

        var target = input.Workspace.FindObject(objectName.GetString()!)
            ?? throw Fail.ValueNotFound($"Object \"{objectName.GetString()}\" was not found.");
        if (allowed is not null && !allowed.Contains(target))
        {
            throw input.Invalid($"attribute \"{input.Attribute.ApiSlug}\" does not allow records of \"{target.ApiSlug}\".");
        }

        var properties = value.EnumerateObject().Where(p => p.Name != "target_object").ToList();
        if (properties.Count != 1)
        {
            throw input.Invalid("give either \"target_record_id\" or one matching attribute besides \"target_object\".");
        }

        var property = properties[0];
        if (property.Name == "target_record_id")
        {
            var id = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            return new(input.Slot, input.Now, input.Workspace.FindRecord(target, id)
                ?? throw Fail.ValueNotFound($"Record \"{id}\" of \"{target.ApiSlug}\" referenced by \"{input.Attribute.ApiSlug}\" was not found."));
        }

        // Matching takes an array holding a single value (ATT-SPEC).
        var single = property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 1
            ? property.Value[0]
            : throw input.Invalid($"\"{property.Name}\" must be an array holding one value to match on.");
        return new(input.Slot, input.Now, Match(target, property.Name, single, input));
    }

    private static RecordRow Match(ObjectDef target, string attributeName, JsonElement value, in ValueInput input)
    {
        var attribute = target.FindAttribute(attributeName)
            ?? throw Fail.ValueNotFound($"Attribute \"{attributeName}\" was not found on \"{target.ApiSlug}\".");
        if (attribute.UniqueIndex is null)
        {
            throw input.Invalid($"records can only be matched on a unique attribute; \"{attribute.ApiSlug}\" is not unique.");
        }

        var key = ValueParser.ParseOne(value, input with { Attribute = attribute }).Key;
        return attribute.UniqueIndex.TryGetValue(key, out var row) && row is RecordRow record
            ? record
            : throw Fail.ValueNotFound($"No \"{target.ApiSlug}\" record has \"{attribute.ApiSlug}\" equal to \"{key}\".");
    }

    public override string? Field(string property) => property switch
    {
        "target_record_id" => Target.Id.ToString(),
        "target_object" => Target.Object.ApiSlug,
        _ => null,
    };

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteString("target_object", Target.Object.ApiSlug);
        writer.WriteString("target_record_id", Target.Id);
    }
}
