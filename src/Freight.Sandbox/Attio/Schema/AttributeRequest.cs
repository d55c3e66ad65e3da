using System.Text.Json;
using System.Text.RegularExpressions;

namespace Freight.Sandbox.Attio;

/// <summary>The body of <c>POST /v2/{target}/{identifier}/attributes</c>, checked against the create-attribute schema.</summary>
internal sealed partial record AttributeRequest(
    string Title,
    string? Description,
    string ApiSlug,
    AttributeType Type,
    bool IsRequired,
    bool IsUnique,
    bool IsMultiselect,
    string? Currency,
    string? CurrencyDisplay,
    IReadOnlyList<string>? AllowedObjects)
{
    private static readonly string[] Keys =
        ["title", "description", "api_slug", "type", "is_required", "is_unique", "is_multiselect", "default_value", "config"];

    private static readonly string[] CurrencyCodes =
    [
        "AUD", "BRL", "BEL", "CAD", "CNY", "COP", "CZK", "DKK", "EUR", "HKD", "ISK", "INR", "ILS", "JPY", "KRW", "MYR", "MXN",
        "NTD", "NZD", "NGN", "NOK", "XPF", "PEN", "PHP", "PLN", "GBP", "SAR", "SGD", "ZAR", "SEK", "CHF", "AED", "USD",
    ];

    private static readonly string[] CurrencyDisplays = ["code", "name", "narrowSymbol", "symbol"];

    public static AttributeRequest Parse(JsonElement data)
    {
        string[] at = ["data"];
        Body.OnlyKeys(data, at, Keys);
        var title = Body.String(data, "title", at);
        var description = Body.NullableString(data, "description", at);
        var slug = Body.String(data, "api_slug", at);
        var typeName = Body.String(data, "type", at);
        if (!AttributeTypes.TryParseCreatable(typeName, out var type))
        {
            throw Fail.Validation($"\"{typeName}\" is not a type attributes can be created with.", "data", "type");
        }

        var request = new AttributeRequest(
            title, description, slug, type,
            Body.Bool(data, "is_required", at), Body.Bool(data, "is_unique", at), Body.Bool(data, "is_multiselect", at),
            null, null, null);
        if (Body.Optional(data, "default_value") is { ValueKind: not JsonValueKind.Null })
        {
            throw Fail.Validation("Default values are not supported by the simulator; send null.", "data", "default_value");
        }

        return request.WithConfig(Body.Object(data, "config", at)).Checked();
    }

    private AttributeRequest WithConfig(JsonElement config)
    {
        string[] at = ["data", "config"];
        Body.OnlyKeys(config, at, "currency", "record_reference");
        var result = this;
        if (Body.Optional(config, "currency") is { } currency)
        {
            var code = Body.String(Body.Object(config, "currency", at), "default_currency_code", [.. at, "currency"]);
            var display = Body.String(currency, "display_type", [.. at, "currency"]);
            if (!CurrencyCodes.Contains(code) || !CurrencyDisplays.Contains(display))
            {
                throw Fail.Validation("Unknown currency code or display type.", [.. at, "currency"]);
            }

            result = result with { Currency = code, CurrencyDisplay = display };
        }

        if (Body.Optional(config, "record_reference") is { } reference)
        {
            var allowed = Body.Required(Body.Object(config, "record_reference", at), "allowed_objects", [.. at, "record_reference"]);
            if (allowed.ValueKind != JsonValueKind.Array || allowed.GetArrayLength() == 0
                || allowed.EnumerateArray().Any(o => o.ValueKind != JsonValueKind.String))
            {
                throw Fail.Type("\"allowed_objects\" must be a non-empty array of object slugs or ids.", [.. at, "record_reference", "allowed_objects"]);
            }

            result = result with { AllowedObjects = [.. allowed.EnumerateArray().Select(o => o.GetString()!)] };
        }

        return result;
    }

    private AttributeRequest Checked()
    {
        if (!SlugPattern().IsMatch(ApiSlug))
        {
            throw Fail.Validation($"\"{ApiSlug}\" is not a snake_case slug.", "data", "api_slug");
        }

        if (IsUnique && !Type.AllowsUnique())
        {
            throw Fail.Validation($"Attributes of type {Type.Name()} cannot be unique.", "data", "is_unique");
        }

        if (IsMultiselect && !Type.AllowsMultiselect())
        {
            throw Fail.Validation($"Attributes of type {Type.Name()} cannot be multiselect.", "data", "is_multiselect");
        }

        return Type == AttributeType.Currency && Currency is null ? this with { Currency = "USD", CurrencyDisplay = "symbol" } : this;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SlugPattern();
}
