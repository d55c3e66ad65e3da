using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>
/// One stored value of one attribute: immutable, tagged with the attribute's ordinal (<see cref="Slot"/>) and the
/// moment it became active. <see cref="Key"/> identifies equal values (uniqueness, dedupe, matching).
/// </summary>
internal abstract class ValueItem(int slot, long activeFrom)
{
    public int Slot { get; } = slot;

    public long ActiveFrom { get; } = activeFrom;

    public abstract string Key { get; }

    /// <summary>The value of one property for filters, e.g. <c>full_name</c>; null when the type has no such property.</summary>
    public abstract string? Field(string property);

    /// <summary>The property a shorthand filter compares, e.g. <c>email_address</c>.</summary>
    public abstract string DefaultField { get; }

    /// <summary>Writes the whole item as Attio reads it back (B5).</summary>
    public void Write(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteStartObject();
        writer.WriteString("active_from", AttioJson.Timestamp(ActiveFrom));
        writer.WriteNull("active_until");
        writer.WriteStartObject("created_by_actor");
        writer.WriteString("type", "api-token");
        writer.WriteString("id", Workspace.TokenId);
        writer.WriteEndObject();
        writer.WriteString("attribute_type", attribute.Type.Name());
        WriteFields(writer, attribute);
        writer.WriteEndObject();
    }

    protected abstract void WriteFields(Utf8JsonWriter writer, AttributeDef attribute);
}

/// <summary>What a parser needs: the attribute, the time of the write, the workspace and where the value sits in the body.</summary>
internal readonly record struct ValueInput(AttributeDef Attribute, long Now, AttioWorkspace Workspace, string[] Path)
{
    public int Slot => Attribute.Ordinal;

    public AttioException Invalid(string message) =>
        Fail.Validation($"Invalid value for attribute \"{Attribute.ApiSlug}\": {message}", Path);

    public AttioException WrongType(string expected) =>
        Fail.Type($"Invalid value for attribute \"{Attribute.ApiSlug}\" of type {Attribute.Type.Name()}: expected {expected}.", Path);

    /// <summary>
    /// The input itself, or the one property of its object form: <c>"x"</c> and <c>{"value":"x"}</c> mean the same.
    /// An object form with other properties is refused, as the input schemas forbid them.
    /// </summary>
    public JsonElement Unwrap(JsonElement value, string property, string expected)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return value;
        }

        if (!value.TryGetProperty(property, out var inner))
        {
            throw WrongType(expected);
        }

        foreach (var other in value.EnumerateObject())
        {
            if (other.Name != property)
            {
                throw Invalid($"unexpected property \"{other.Name}\".");
            }
        }

        return inner;
    }

    public string String(JsonElement value, string property, string expected)
    {
        var inner = Unwrap(value, property, expected);
        return inner.ValueKind == JsonValueKind.String ? inner.GetString()! : throw WrongType(expected);
    }
}
