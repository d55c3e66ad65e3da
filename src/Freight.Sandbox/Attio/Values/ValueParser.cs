using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>Turns one attribute's input into value items: the shapes of B5, and its single/multiselect rules.</summary>
internal static class ValueParser
{
    /// <summary>
    /// <c>null</c> and <c>[]</c> clear; a multiselect attribute needs an array; a single-value attribute takes one
    /// value or an array of at most one. Repeated values of a multiselect are kept once.
    /// </summary>
    public static List<ValueItem> Parse(JsonElement value, in ValueInput input)
    {
        var attribute = input.Attribute;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return attribute.IsMultiselect
                ? throw Fail.Type($"Attribute \"{attribute.ApiSlug}\" is multiselect: its values must be an array.", input.Path)
                : [ParseOne(value, input)];
        }

        if (!attribute.IsMultiselect && value.GetArrayLength() > 1)
        {
            throw Fail.Validation($"Attribute \"{attribute.ApiSlug}\" is not multiselect: give at most one value.", input.Path);
        }

        var items = new List<ValueItem>(value.GetArrayLength());
        foreach (var element in value.EnumerateArray())
        {
            var item = ParseOne(element, input);
            if (!items.Exists(existing => existing.Key == item.Key))
            {
                items.Add(item);
            }
        }

        return items;
    }

    public static ValueItem ParseOne(JsonElement value, in ValueInput input) => input.Attribute.Type switch
    {
        AttributeType.Text => TextValue.Parse(value, input),
        AttributeType.Number or AttributeType.Rating => NumberValue.Parse(value, input),
        AttributeType.Checkbox => CheckboxValue.Parse(value, input),
        AttributeType.Currency => CurrencyValue.Parse(value, input),
        AttributeType.Date => DateValue.Parse(value, input),
        AttributeType.Timestamp => TimestampValue.Parse(value, input),
        AttributeType.Select => SelectValue.Parse(value, input),
        AttributeType.Status => StatusValue.Parse(value, input),
        AttributeType.RecordReference => RecordReferenceValue.Parse(value, input),
        AttributeType.ActorReference => ActorReferenceValue.Parse(value, input),
        AttributeType.Location => LocationValue.Parse(value, input),
        AttributeType.Domain => DomainValue.Parse(value, input),
        AttributeType.EmailAddress => EmailValue.Parse(value, input),
        AttributeType.PhoneNumber => PhoneValue.Parse(value, input),
        AttributeType.PersonalName => PersonalNameValue.Parse(value, input),
        // Interaction values are written by Attio alone; no interaction attribute is writable.
        _ => throw Fail.SystemEdit($"Attribute \"{input.Attribute.ApiSlug}\" cannot be written through the API."),
    };
}
