using System.Text.Json;

namespace Freight.Connectors.Affinity;

public sealed partial class AffinitySource
{
    // The association fields of opportunity (and person) lists: company-multi and person-multi.
    internal const string CompaniesField = "companies";
    internal const string PersonsField = "persons";

    /// <summary>
    /// The entries of the lists of <paramref name="listType"/> (every list when null), list after list in id order.
    /// The cursor names the list and Affinity's cursor within it; a list gone since is skipped to the next id.
    /// </summary>
    private async Task<SourcePage> ReadEntriesAsync(
        string? listType,
        string? cursor,
        Func<WireList, WireEntry, CancellationToken, ValueTask<SourceRecord>> map,
        CancellationToken cancellationToken)
    {
        var start = AffinityCursor.Parse(cursor, perList: true);
        var lists = (await ListsAsync(cancellationToken).ConfigureAwait(false))
            .Where(l => (listType is null && KindOf(l.Type) is not null) || l.Type == listType)
            .ToList();
        var list = lists.Find(l => l.Id >= (start.ListId ?? 0));
        if (list is null)
        {
            return new SourcePage([], null);
        }

        var page = list.Id == start.ListId ? start.Page : null;
        var (entries, next) = await GetPageAsync<WireEntry>(
            $"v2/lists/{list.Id}/list-entries", ListFields, page, $"the entries of list {list.Id}", cancellationToken).ConfigureAwait(false);
        var records = new List<SourceRecord>(entries.Count);
        foreach (var entry in entries)
        {
            records.Add(await map(list, entry, cancellationToken).ConfigureAwait(false));
        }

        var following = lists.Find(l => l.Id > list.Id);
        var nextCursor = next is not null ? new AffinityCursor(list.Id, next)
            : following is not null ? new AffinityCursor(following.Id, null)
            : (AffinityCursor?)null;
        return new SourcePage(records, nextCursor?.ToString());
    }

    private ValueTask<SourceRecord> ListEntryAsync(WireList list, WireEntry entry, CancellationToken cancellationToken)
    {
        var parentKind = KindOf(entry.Type) ?? KindOf(list.Type) ?? EntityKind.Companies;
        var canonical = new CanonicalListEntry(
            Id(entry.Id), Id(list.Id), parentKind, Id(entry.Entity.Id), AffinityValues.Convert(entry.Entity.Fields, IsCustomListField));
        return ValueTask.FromResult(CanonicalJson.ToRecord(Id(entry.Id), canonical));
    }

    /// <summary>
    /// An opportunity from its list entry: its companies and persons from the list's <c>companies</c> and <c>persons</c>
    /// association fields, the list's custom fields, Stage from the list's ranked-dropdown field, the owner from a
    /// person field named "Owner", or else the entry's creator (resolved by id once per person).
    /// </summary>
    private async ValueTask<SourceRecord> DealAsync(WireList list, WireEntry entry, CancellationToken cancellationToken)
    {
        var fields = entry.Entity.Fields ?? [];
        var stage = fields.FirstOrDefault(f => f.Type == "list" && f.Value?.Type == "ranked-dropdown")?.Value is { } status
            ? AffinityValues.Option(status.Data)?.Text
            : null;
        var owner = fields.FirstOrDefault(f => f.Type == "list" && f.Value?.Type == "person"
            && string.Equals(f.Name, "Owner", StringComparison.OrdinalIgnoreCase))?.Value?.Data;
        var ownerEmail = owner is { ValueKind: JsonValueKind.Object } person
            && person.TryGetProperty("primaryEmailAddress", out var email) && email.ValueKind == JsonValueKind.String
                ? email.GetString()
                : await EmailOfAsync(entry.CreatorId, cancellationToken).ConfigureAwait(false);
        var id = Id(entry.Entity.Id);
        var deal = new CanonicalDeal(
            id,
            entry.Entity.Name ?? "",
            AssociatedIds(fields, CompaniesField),
            AssociatedIds(fields, PersonsField),
            stage,
            ownerEmail,
            AffinityValues.Convert(fields, IsCustomListField));
        return CanonicalJson.ToRecord(id, deal);
    }

    private static bool IsCustomListField(WireField field) => field.Type == "list" && !IsAssociation(field.Id);

    /// <summary>Affinity's association fields on person and opportunity lists: the records' links, not custom fields.</summary>
    private static bool IsAssociation(string fieldId) => fieldId is CompaniesField or PersonsField;

    /// <summary>The ids an association field holds, in Affinity's order (v2 sends the first 100); none when it is absent or empty.</summary>
    private static List<string> AssociatedIds(IReadOnlyList<WireField> fields, string fieldId) =>
        fields.FirstOrDefault(f => f.Id == fieldId && f.Type == "list")?.Value is { } value
            && AffinityValues.Convert(value) is { ValueKind: JsonValueKind.Array } ids
            ? [.. ids.EnumerateArray().Select(i => i.GetString()!)]
            : [];
}
