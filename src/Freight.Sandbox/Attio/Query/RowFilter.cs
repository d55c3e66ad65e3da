using System.Globalization;
using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>
/// Attio's filter language over records or entries (B6): shorthand equality (<c>{"email_addresses":"a@b.com"}</c>), properties
/// (<c>{"name":{"full_name":{"$eq":"Ada"}}}</c>), the operators <c>$eq $in $contains $starts_with $ends_with $lt $lte $gt $gte
/// $not_empty</c>, and <c>$and $or $not</c>. A record matches an attribute condition when one of its values does.
/// </summary>
internal static class RowFilter
{
    private static readonly string[] CaseFreeFields = ["email_address", "email_domain", "email_root_domain", "domain", "root_domain", "target_record_id"];

    public static Func<Row, bool> Compile(AttributeOwner owner, JsonElement filter)
    {
        var parts = new List<Func<Row, bool>>();
        foreach (var property in filter.EnumerateObject())
        {
            parts.Add(property.Name switch
            {
                "$and" => All(Each(owner, property.Value)),
                "$or" => Any(Each(owner, property.Value)),
                "$not" when property.Value.ValueKind == JsonValueKind.Object => Not(Compile(owner, property.Value)),
                var name when name.StartsWith('$') => throw Fail.Filter($"Unknown filter operator \"{name}\"."),
                var name => Attribute(owner.FindAttribute(name) ?? throw Fail.Filter($"Unknown attribute \"{name}\" in filter."), property.Value),
            });
        }

        return All(parts);
    }

    /// <summary>
    /// The attribute and values of a filter that is one equality (shorthand or <c>$eq</c>) or one <c>$in</c> on a unique
    /// attribute, so its index answers it; null for any other filter.
    /// </summary>
    public static (AttributeDef Attribute, List<JsonElement> Values)? UniqueEquality(AttributeOwner owner, JsonElement filter)
    {
        if (filter.EnumerateObject().Count() != 1)
        {
            return null;
        }

        var property = filter.EnumerateObject().First();
        if (owner.FindAttribute(property.Name) is not { UniqueIndex: not null } attribute)
        {
            return null;
        }

        List<JsonElement> values = [property.Value];
        if (property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Count() == 1)
        {
            values = property.Value.TryGetProperty("$eq", out var eq) ? [eq]
                : property.Value.TryGetProperty("$in", out var any) && any.ValueKind == JsonValueKind.Array ? [.. any.EnumerateArray()]
                : [];
        }

        return values.Count > 0 && values.TrueForAll(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number) ? (attribute, values) : null;
    }

    public static IEnumerable<ValueItem> ItemsOf(Row row, AttributeDef attribute) => attribute.Derived switch
    {
        Derived.RecordId => [new TextValue(attribute.Ordinal, row.CreatedTicks, ((RecordRow)row).Id.ToString())],
        Derived.CreatedAt => [new TimestampValue(attribute.Ordinal, row.CreatedTicks, row.CreatedTicks)],
        _ => row.ValuesOf(attribute),
    };

    private static List<Func<Row, bool>> Each(AttributeOwner owner, JsonElement filters) =>
        filters.ValueKind == JsonValueKind.Array && filters.EnumerateArray().All(f => f.ValueKind == JsonValueKind.Object)
            ? [.. filters.EnumerateArray().Select(f => Compile(owner, f))]
            : throw Fail.Filter("$and and $or take an array of filter objects.");

    private static Func<Row, bool> Attribute(AttributeDef attribute, JsonElement condition)
    {
        bool? notEmpty = null;
        var tests = new List<Func<ValueItem, bool>>();
        if (condition.ValueKind != JsonValueKind.Object)
        {
            tests.Add(Field(null, "$eq", condition));
        }
        else
        {
            foreach (var property in condition.EnumerateObject())
            {
                if (property.Name == "$not_empty")
                {
                    notEmpty = property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? property.Value.GetBoolean()
                        : throw Fail.Filter("$not_empty takes true or false.");
                }
                else if (property.Name.StartsWith('$'))
                {
                    tests.Add(Field(null, property.Name, property.Value));
                }
                else if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    tests.AddRange(property.Value.EnumerateObject().Select(op => Field(property.Name, op.Name, op.Value)));
                }
                else
                {
                    tests.Add(Field(property.Name, "$eq", property.Value));
                }
            }
        }

        return row =>
        {
            var items = ItemsOf(row, attribute);
            if (notEmpty is { } wanted && items.Any() != wanted)
            {
                return false;
            }

            return tests.Count == 0 || items.Any(item => tests.TrueForAll(test => test(item)));
        };
    }

    private static Func<ValueItem, bool> Field(string? field, string op, JsonElement operand)
    {
        if (op is not ("$eq" or "$in" or "$contains" or "$starts_with" or "$ends_with" or "$lt" or "$lte" or "$gt" or "$gte"))
        {
            throw Fail.Filter($"Unknown filter operator \"{op}\".");
        }

        if ((op == "$in") != (operand.ValueKind == JsonValueKind.Array))
        {
            throw Fail.Filter(op == "$in" ? "$in takes an array." : $"{op} takes a string, number or boolean.");
        }

        return item =>
        {
            var name = field ?? item.DefaultField;
            var value = item.Field(name);
            if (value is null && !(item is LocationValue && LocationValue.Keys.Contains(name)))
            {
                throw Fail.Filter($"\"{name}\" is not a property of this attribute's values.");
            }

            return op switch
            {
                "$eq" => Equal(value, operand, name),
                "$in" => operand.EnumerateArray().Any(o => Equal(value, o, name)),
                "$contains" => value?.Contains(Text(operand), StringComparison.OrdinalIgnoreCase) == true,
                "$starts_with" => value?.StartsWith(Text(operand), StringComparison.OrdinalIgnoreCase) == true,
                "$ends_with" => value?.EndsWith(Text(operand), StringComparison.OrdinalIgnoreCase) == true,
                "$lt" => Compare(value, operand) < 0,
                "$lte" => Compare(value, operand) <= 0,
                "$gt" => Compare(value, operand) > 0,
                _ => Compare(value, operand) >= 0,
            };
        };
    }

    private static string Text(JsonElement operand) => operand.ValueKind switch
    {
        JsonValueKind.String => operand.GetString()!,
        JsonValueKind.Number => operand.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw Fail.Filter("Filter values must be strings, numbers or booleans."),
    };

    private static bool Equal(string? value, JsonElement operand, string field)
    {
        if (value is null)
        {
            return false;
        }

        if (operand.ValueKind == JsonValueKind.Number)
        {
            return double.TryParse(value, CultureInfo.InvariantCulture, out var number) && number == operand.GetDouble();
        }

        return string.Equals(value, Text(operand), CaseFreeFields.Contains(field) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static int? Compare(string? value, JsonElement operand)
    {
        if (value is null)
        {
            return null;
        }

        return operand.ValueKind == JsonValueKind.Number && double.TryParse(value, CultureInfo.InvariantCulture, out var number)
            ? number.CompareTo(operand.GetDouble())
            : string.CompareOrdinal(value, Text(operand));
    }

    private static Func<Row, bool> All(List<Func<Row, bool>> parts) => row => parts.TrueForAll(part => part(row));

    private static Func<Row, bool> Any(List<Func<Row, bool>> parts) => row => parts.Exists(part => part(row));

    private static Func<Row, bool> Not(Func<Row, bool> part) => row => !part(row);
}
