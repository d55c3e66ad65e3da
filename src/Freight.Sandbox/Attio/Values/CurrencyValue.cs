using System.Globalization;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>currency</c>: a number or <c>{"currency_value": number}</c> (at most 4 decimals), in the attribute's currency.</summary>
internal sealed class CurrencyValue(int slot, long activeFrom, decimal amount) : ValueItem(slot, activeFrom)
{
    public decimal Amount { get; } = amount;

    public override string Key => Amount.ToString(CultureInfo.InvariantCulture);

    public override string DefaultField => "currency_value";

    public static CurrencyValue Parse(JsonElement value, in ValueInput input)
    {
        var inner = input.Unwrap(value, "currency_value", "a number or {\"currency_value\": number}");
        if (inner.ValueKind != JsonValueKind.Number || !inner.TryGetDecimal(out var amount))
        {
            throw input.WrongType("a number or {\"currency_value\": number}");
        }

        return amount.Scale > 4 && amount != Math.Round(amount, 4)
            ? throw input.Invalid("currency values have at most 4 decimal places.")
            : new(input.Slot, input.Now, amount);
    }

    public override string? Field(string property) => property == "currency_value" ? Key : null;

    protected override void WriteFields(Utf8JsonWriter writer, AttributeDef attribute)
    {
        writer.WriteNumber("currency_value", Amount);
        writer.WriteString("currency_code", attribute.DefaultCurrency);
    }
}
