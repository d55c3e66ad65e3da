using System.Text.Json;

namespace Freight.Connectors.Affinity;

public sealed partial class AffinitySource
{
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
            Id(entry.Id), Id(list.Id), parentKind, Id(entry.Entity.Id), AffinityValues.Convert(entry.Entity.Fields, f => f.Type == "list"));
        return ValueTask.FromResult(CanonicalJson.ToRecord(Id(entry.Id), canonical));
    }

    /// <summary>
    /// An opportunity from its list entry: the list's fields, Stage from the list's ranked-dropdown field, the owner
    /// from a person field named "Owner", or else the entry's creator (resolved by id once per person).
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
            id, entry.Entity.Name ?? "", [], [], stage, ownerEmail, AffinityValues.Convert(fields, f => f.Type == "list"));
        return CanonicalJson.ToRecord(id, deal);
    }
}
