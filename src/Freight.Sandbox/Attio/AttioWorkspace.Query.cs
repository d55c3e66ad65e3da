using System.Text.Json;

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
    /// <summary><c>POST /records/query</c>: filtered, sorted, then paged by limit and offset (B6, B7).</summary>
    public List<RecordSnapshot> QueryRecords(string objectName, QueryRequest query)
    {
        lock (_gate)
        {
            var obj = Object(objectName);
            return [.. Select(obj, obj.Rows, query).Select(Snapshot)];
        }
    }

    private List<T> Select<T>(AttributeOwner owner, List<T> rows, QueryRequest query)
        where T : Row
    {
        IEnumerable<T> matches = rows;
        if (query.Filter is { } filter)
        {
            // One equality or $in on a unique attribute is answered from its index, in creation order.
            if (RowFilter.UniqueEquality(owner, filter) is var (attribute, values))
            {
                matches = values.Select(value => Lookup(attribute, value)).OfType<T>().Distinct().OrderBy(row => row.Counter);
            }
            else
            {
                var predicate = RowFilter.Compile(owner, filter);
                matches = rows.Where(row => predicate(row));
            }
        }

        if (query.Sorts is { } sorts)
        {
            matches = RowSort.Apply(matches, owner, sorts);
        }

        // A plain page of all rows is a slice, not a scan.
        return query.Filter is null && query.Sorts is null
            ? rows.GetRange(Math.Min(query.Offset, rows.Count), Math.Min(query.Limit, Math.Max(0, rows.Count - query.Offset)))
            : [.. matches.Skip(query.Offset).Take(query.Limit)];
    }

    private Row? Lookup(AttributeDef attribute, JsonElement value)
    {
        try
        {
            var key = ValueParser.ParseOne(value, new ValueInput(attribute, Now, this, ["filter", attribute.ApiSlug])).Key;
            return attribute.UniqueIndex!.GetValueOrDefault(key);
        }
        catch (AttioException)
        {
            return null; // a value the attribute could not hold matches nothing
        }
    }
}
