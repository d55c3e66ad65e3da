using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>domain</c>: <c>"acme.com"</c> or <c>{"domain": "acme.com"}</c>; scheme, path and query are stripped (B5).</summary>
internal sealed class DomainValue(int slot, long activeFrom, string domain) : ValueItem(slot, activeFrom)
{
    public string Domain { get; } = domain;

    public override string Key => Domain;

    public override string DefaultField => "domain";

    public static DomainValue Parse(JsonElement value, in ValueInput input)
    {
        var inner = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("domain", out var domain) ? domain : value;
        if (inner.ValueKind != JsonValueKind.String)
        {
            throw input.WrongType("a domain string or {\"domain\": string}");
        }

        var text = inner.GetString()!;
        return DomainName.Normalize(text) is { } host
            ? new(input.Slot, input.Now, host)
            : throw input.Invalid($"\"{text}\" is not a valid domain.");
    }

    public override string? Field(string property) => property switch
    {
        "domain" => Domain,
        "root_domain" => DomainName.Root(Domain),
        _ => null,
    };

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteString("domain", Domain);
        writer.WriteString("root_domain", DomainName.Root(Domain));
    }
}
