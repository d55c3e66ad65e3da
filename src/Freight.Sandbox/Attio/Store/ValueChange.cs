using System.Text.Json;

namespace Freight.Sandbox.Attio;

/// <summary>The parsed input for one attribute of a write.</summary>
internal sealed record ValueChange(AttributeDef Attribute, List<ValueItem> Items);

/// <summary>How a write combines its values with a multiselect attribute's existing ones.</summary>
internal enum Merge
{
    /// <summary>PUT, create and assert: the attribute ends up with exactly the values sent.</summary>
    Replace,

    /// <summary>PATCH, and assert on its matching attribute: new values are added in front, none removed.</summary>
    Prepend,
}

internal sealed partial class AttioWorkspace
{
    /// <summary>Parses <c>data.values</c> (or <c>data.entry_values</c>): each key an attribute slug or id of the owner.</summary>
    private List<ValueChange> ParseValues(AttributeOwner owner, JsonElement values, string property)
    {
        if (values.ValueKind != JsonValueKind.Object)
        {
            throw Fail.Type($"\"{property}\" must be an object keyed by attribute slug or ID.", "data", property);
        }

        var now = Now;
        var changes = new List<ValueChange>();
        foreach (var entry in values.EnumerateObject())
        {
            var attribute = owner.FindAttribute(entry.Name)
                ?? throw Fail.ValueNotFound($"Cannot find attribute with slug/ID \"{entry.Name}\" on \"{owner.ApiSlug}\".");
            if (!attribute.IsWritable)
            {
                throw Fail.SystemEdit($"Cannot write to the system attribute \"{attribute.ApiSlug}\": it is not writable.");
            }

            if (changes.Exists(c => c.Attribute == attribute))
            {
                throw Fail.Validation($"Attribute \"{attribute.ApiSlug}\" is given twice.", "data", property, entry.Name);
            }

            changes.Add(new(attribute, ValueParser.Parse(entry.Value, new ValueInput(attribute, now, this, ["data", property, entry.Name]))));
        }

        return changes;
    }

    /// <summary>
    /// Applies parsed values to a row: checks required and unique attributes first, so a refused write changes
    /// nothing, then stores the values, updates the unique indexes and the other side of relationships.
    /// </summary>
    private void Write(Row row, List<ValueChange> changes, Func<AttributeDef, Merge> merge, bool creating)
    {
        var results = new List<(AttributeDef Attribute, List<ValueItem> Before, List<ValueItem> After)>(changes.Count);
        foreach (var (attribute, items) in changes)
        {
            var before = row.ValuesOf(attribute);
            List<ValueItem> after;
            if (attribute.IsMultiselect && merge(attribute) == Merge.Prepend)
            {
                after = [.. items.Where(item => !before.Exists(old => old.Key == item.Key)), .. before];
            }
            else
            {
                // An unchanged value keeps its item, and so its active_from.
                after = [.. items.Select(item => before.Find(old => old.Key == item.Key) ?? item)];
            }

            results.Add((attribute, before, after));
        }

        foreach (var attribute in row.Owner.Attributes.Where(a => a.IsRequired))
        {
            var result = results.Find(r => r.Attribute == attribute);
            if ((result.Attribute is not null && result.After.Count == 0) || (result.Attribute is null && creating))
            {
                throw Fail.MissingValue($"Required value for attribute \"{attribute.ApiSlug}\" was not provided.");
            }
        }

        foreach (var (attribute, _, after) in results.Where(r => r.Attribute.UniqueIndex is not null))
        {
            foreach (var item in after)
            {
                if (attribute.UniqueIndex!.TryGetValue(item.Key, out var owner) && owner != row)
                {
                    throw Fail.Uniqueness(
                        $"The value \"{item.Key}\" of unique attribute \"{attribute.ApiSlug}\" is already used by another {(owner is RecordRow ? "record" : "entry")}.");
                }
            }
        }

        var values = row.Values;
        foreach (var (attribute, before, after) in results)
        {
            values = Replace(values, attribute.Ordinal, after);
            if (attribute.UniqueIndex is { } index)
            {
                foreach (var item in before.Where(old => !after.Contains(old)))
                {
                    if (index.TryGetValue(item.Key, out var owner) && owner == row)
                    {
                        index.Remove(item.Key);
                    }
                }

                foreach (var item in after)
                {
                    index[item.Key] = row;
                }
            }
        }

        row.Values = values;
        foreach (var (attribute, before, after) in results.Where(r => r.Attribute.Inverse is not null))
        {
            var source = (RecordRow)row;
            foreach (var target in Targets(before).Except(Targets(after)))
            {
                RemoveReference(target, attribute.Inverse!, source);
            }

            foreach (var target in Targets(after).Except(Targets(before)))
            {
                AddReference(target, attribute.Inverse!, source);
            }
        }
    }

    /// <summary>Makes <paramref name="target"/>'s <paramref name="attribute"/> point at <paramref name="source"/> as well.</summary>
    private void AddReference(RecordRow target, AttributeDef attribute, RecordRow source)
    {
        var existing = target.ValuesOf(attribute);
        if (existing.Exists(item => ((RecordReferenceValue)item).Target == source))
        {
            return;
        }

        if (!attribute.IsMultiselect)
        {
            // A single-valued side moves: whatever it pointed at loses its reference back.
            foreach (var old in existing)
            {
                RemoveReference(((RecordReferenceValue)old).Target, attribute.Inverse!, target);
            }

            existing.Clear();
        }

        target.Values = Replace(target.Values, attribute.Ordinal, [new RecordReferenceValue(attribute.Ordinal, Now, source), .. existing]);
    }

    private static void RemoveReference(RecordRow target, AttributeDef attribute, RecordRow source) =>
        target.Values = Replace(target.Values, attribute.Ordinal,
            target.ValuesOf(attribute).Where(item => ((RecordReferenceValue)item).Target != source));

    private static IEnumerable<RecordRow> Targets(List<ValueItem> items) => items.Select(item => ((RecordReferenceValue)item).Target);

    /// <summary>The values with one slot's items replaced, still sorted by slot.</summary>
    private static ValueItem[] Replace(ValueItem[] values, int slot, IEnumerable<ValueItem> items)
    {
        var result = new List<ValueItem>(values.Length + 2);
        result.AddRange(values.Where(v => v.Slot < slot));
        result.AddRange(items);
        result.AddRange(values.Where(v => v.Slot > slot));
        return [.. result];
    }

    /// <summary>Drops a row's unique values from the indexes and its relationships from the other side.</summary>
    private static void Unlink(Row row)
    {
        foreach (var attribute in row.Owner.Attributes)
        {
            var items = row.ValuesOf(attribute);
            if (attribute.UniqueIndex is { } index)
            {
                foreach (var item in items.Where(item => index.TryGetValue(item.Key, out var owner) && owner == row))
                {
                    index.Remove(item.Key);
                }
            }

            if (attribute.Inverse is { } inverse)
            {
                foreach (var target in Targets(items))
                {
                    RemoveReference(target, inverse, (RecordRow)row);
                }
            }
        }
    }
}
