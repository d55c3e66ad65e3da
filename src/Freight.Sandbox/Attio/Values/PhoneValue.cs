using System.Text;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>
/// <c>phone-number</c>: <c>"+15558675309"</c> (a string must start with + and the country code), or
/// <c>{"original_phone_number", "country_code"}</c> where a local number needs the country. Stored in E.164 (B5).
/// </summary>
internal sealed class PhoneValue(int slot, long activeFrom, string original, string country, string e164) : ValueItem(slot, activeFrom)
{
    public string Original { get; } = original;

    public string Country { get; } = country;

    public string E164 { get; } = e164;

    public override string Key => E164;

    public override string DefaultField => "phone_number";

    public static PhoneValue Parse(JsonElement value, in ValueInput input)
    {
        string? country = null;
        JsonElement number = value;
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (!value.TryGetProperty("original_phone_number", out number))
            {
                throw input.Invalid("\"original_phone_number\" is required.");
            }

            if (value.TryGetProperty("country_code", out var code) && code.ValueKind != JsonValueKind.Null)
            {
                country = code.ValueKind == JsonValueKind.String && Countries.IsCountry(code.GetString())
                    ? code.GetString()
                    : throw input.Invalid("\"country_code\" must be an ISO 3166-1 alpha-2 code or null.");
            }
        }

        if (number.ValueKind != JsonValueKind.String)
        {
            throw input.WrongType("a phone number string or {\"original_phone_number\", \"country_code\"}");
        }

        var original = number.GetString()!;
        return TryNormalize(original, country, value.ValueKind == JsonValueKind.Object, out var e164, out var resolved)
            ? new(input.Slot, input.Now, original, resolved, e164)
            : throw input.Invalid($"\"{original}\" is not a valid phone number: give it in E.164 form (+ and the country code).");
    }

    // E.164: at most 15 digits with the calling code; fewer than 7 cannot be a subscriber number.
    private static bool TryNormalize(string original, string? country, bool countryAllowed, out string e164, out string resolved)
    {
        e164 = resolved = "";
        var text = original.Trim();
        var international = text.StartsWith('+');
        var digits = new StringBuilder();
        foreach (var c in international ? text[1..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        if (!international)
        {
            // A local number needs the country, and drops its trunk prefix.
            if (!countryAllowed || country is null || Countries.CallingCode(country) is not { } code)
            {
                return false;
            }

            var national = digits.ToString().TrimStart('0');
            digits.Clear().Append(code).Append(national);
        }

        var all = digits.ToString();
        if (all.Length is < 7 or > 15 || !Countries.TryMatchCallingCode(all, out var callingCode, out var main))
        {
            return false;
        }

        e164 = "+" + all;
        resolved = country is not null && Countries.CallingCode(country) == callingCode ? country : main;
        return true;
    }

    public override string? Field(string property) => property switch
    {
        "phone_number" or "normalized_phone_number" => E164,
        "original_phone_number" => Original,
        "country_code" => Country,
        _ => null,
    };

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteString("original_phone_number", Original);
        writer.WriteString("country_code", Country);
        // The OpenAPI document names it phone_number, the attribute-type page normalized_phone_number (B5): both are sent.
        writer.WriteString("phone_number", E164);
        writer.WriteString("normalized_phone_number", E164);
    }
}
