using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>
/// <c>email-address</c>: <c>"a@b.com"</c> or <c>{"email_address": "a@b.com"}</c>, strictly validated, stored lowercased;
/// domain, root domain and local part are derived (B5).
/// </summary>
internal sealed class EmailValue(int slot, long activeFrom, string original, string address) : ValueItem(slot, activeFrom)
{
    public string Original { get; } = original;

    public string Address { get; } = address;

    public override string Key => Address;

    public override string DefaultField => "email_address";

    private string Domain => Address[(Address.IndexOf('@', StringComparison.Ordinal) + 1)..];

    public static EmailValue Parse(JsonElement value, in ValueInput input)
    {
        var inner = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("email_address", out var address) ? address : value;
        if (inner.ValueKind != JsonValueKind.String)
        {
            throw input.WrongType("an email address string or {\"email_address\": string}");
        }

        var text = inner.GetString()!.Trim();
        if (!EmailAddress.TrySplit(text, out var local, out var domain))
        {
            throw input.Invalid($"\"{text}\" is not a valid email address.");
        }

        var normalized = local + "@" + domain;
        return new(input.Slot, input.Now, normalized == text ? normalized : text, normalized);
    }

    public override string? Field(string property) => property switch
    {
        "email_address" => Address,
        "original_email_address" => Original,
        "email_domain" => Domain,
        "email_root_domain" => DomainName.Root(Domain),
        "email_local_specifier" => Address[..Address.IndexOf('@', StringComparison.Ordinal)],
        _ => null,
    };

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteString("original_email_address", Original);
        writer.WriteString("email_address", Address);
        writer.WriteString("email_domain", Domain);
        writer.WriteString("email_root_domain", DomainName.Root(Domain));
        writer.WriteString("email_local_specifier", Field("email_local_specifier"));
    }
}
