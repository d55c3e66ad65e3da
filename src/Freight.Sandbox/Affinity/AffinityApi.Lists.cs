using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Sandbox.Affinity;

// Lists, their fields and their entries. An entry's entity carries the fields selected among the
// entity's global fields and the list's own ("list") fields.
public static partial class AffinityApi
{
    private static Results<Ok<PagedDto<ListDto>>, JsonHttpResult<AffinityErrors>> Lists(HttpRequest request, SandboxDataset data) =>
        Paged(request, data.Lists, l => l.ToDto());

    private static Results<Ok<ListDto>, JsonHttpResult<AffinityErrors>> List(string listId, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(listId, nameof(listId), out var id, out var error))
        {
            return Invalid(error);
        }

        return Found(FindList(data, id)?.ToDto(), "List", id);
    }

    private static Results<Ok<PagedDto<FieldMetadataDto>>, JsonHttpResult<AffinityErrors>> ListFields(
        string listId, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(listId, nameof(listId), out var id, out var error))
        {
            return Invalid(error);
        }

        if (FindList(data, id) is not { } list)
        {
            return NotFound("List", id);
        }

        // A list's own fields first, then the global fields of the entity it holds.
        var fields = ListOwnFields(data, list).Concat(GlobalFields(data, list.Type)).ToList();
        return Paged(request, fields, f => f.ToDto());
    }

    private static Results<Ok<PagedDto<ListEntryDto>>, JsonHttpResult<AffinityErrors>> ListEntries(
        string listId, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(listId, nameof(listId), out var id, out var error))
        {
            return Invalid(error);
        }

        if (FindList(data, id) is not { } list || data.EntriesOf(id) is not { } entries)
        {
            return NotFound("List", id);
        }

        if (!FieldSelection.TryRead(request, EntryFields(data, list), FieldSelection.ListEntryTypes, out var selected, out error))
        {
            return Invalid(error);
        }

        return Paged(request, entries, e => e.ToDto(data, selected));
    }

    private static Results<Ok<ListEntryDto>, JsonHttpResult<AffinityErrors>> ListEntry(
        string listId, string listEntryId, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(listId, nameof(listId), out var id, out var error)
            || !RequestParameters.TryReadId(listEntryId, nameof(listEntryId), out var entryId, out error))
        {
            return Invalid(error);
        }

        if (FindList(data, id) is not { } list)
        {
            return NotFound("List", id);
        }

        if (!FieldSelection.TryRead(request, EntryFields(data, list), FieldSelection.ListEntryTypes, out var selected, out error))
        {
            return Invalid(error);
        }

        return data.ListEntries.FindById(entryId) is { } entry && entry.ListId == id
            ? TypedResults.Ok(entry.ToDto(data, selected))
            : NotFound("List entry", entryId);
    }

    /// <summary>The fields an entry of the list can carry: its entity's global fields, then the list's own.</summary>
    private static List<Field> EntryFields(SandboxDataset data, CrmList list) =>
        [.. GlobalFields(data, list.Type), .. ListOwnFields(data, list)];

    /// <summary>
    /// The list's own fields, its associations (<c>companies</c>, <c>persons</c>) among them, ordered by id as the
    /// v2 document's list field examples are.
    /// </summary>
    private static List<Field> ListOwnFields(SandboxDataset data, CrmList list) =>
        [.. Associations.Of(list).Concat(data.Fields.Where(f => f.ListId == list.Id)).OrderBy(f => f.Id, StringComparer.Ordinal)];
}
