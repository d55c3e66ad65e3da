using System.Globalization;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary><c>sorts</c>: <c>[{"direction":"asc|desc","attribute":"name","field":"last_name"}]</c>, applied in order.</summary>
internal static class RowSort
{
    public static IEnumerable<T> Apply<T>(IEnumerable<T> rows, AttributeOwner owner, JsonElement sorts)
        where T : Row
    {
        IOrderedEnumerable<T>? ordered = null;
        foreach (var sort in sorts.EnumerateArray())
        {
            if (sort.ValueKind != JsonValueKind.Object || !sort.TryGetProperty("direction", out var direction)
                || !(direction.ValueEquals("asc") || direction.ValueEquals("desc")))
            {
                throw Fail.Validation("Each sort needs a direction of \"asc\" or \"desc\".", "sorts");
            }

            if (!sort.TryGetProperty("attribute", out var name) || name.ValueKind != JsonValueKind.String)
            {
                throw Fail.Validation("Sorting by path is not simulated; sort by \"attribute\".", "sorts");
            }

            var attribute = owner.FindAttribute(name.GetString()!) ?? throw Fail.Filter($"Unknown attribute \"{name.GetString()}\" in sorts.");
            var field = sort.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            Func<T, SortKey> key = row => SortKey.Of(RowFilter.ItemsOf(row, attribute).FirstOrDefault() is { } item ? item.Field(field ?? item.DefaultField) : null);
            var descending = direction.ValueEquals("desc");
            ordered = ordered is null
                ? descending ? rows.OrderByDescending(key) : rows.OrderBy(key)
                : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }

        return ordered ?? rows;
    }

    /// <summary>Numbers by value, then text; an empty value sorts last.</summary>
    private readonly record struct SortKey(int Kind, double Number, string Text) : IComparable<SortKey>
    {
        public static SortKey Of(string? value) =>
            value is null ? new(2, 0, "")
            : double.TryParse(value, CultureInfo.InvariantCulture, out var number) ? new(0, number, value)
            : new(1, 0, value);

        public int CompareTo(SortKey other) =>
            Kind != other.Kind ? Kind.CompareTo(other.Kind)
            : Kind == 0 ? Number.CompareTo(other.Number)
            : string.CompareOrdinal(Text, other.Text);
    }
}
