using System.Diagnostics.CodeAnalysis;
using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Sandbox.Affinity;

// Beta notes: all notes, one note, and the notes of a company, person or opportunity. A company's
// notes include those of its persons, an opportunity's those of its persons (A6); a person's are its own.
public static partial class AffinityApi
{
    private static Results<Ok<PagedDto<NoteDto>>, JsonHttpResult<AffinityErrors>> Notes(HttpRequest request, SandboxDataset data)
    {
        if (!TryReadIncludes(request, out var includes, out var error)
            || !RequestParameters.TryReadTotalCount(request, out var totalCount, out error)
            || !RequestParameters.TryRefuseFilter(request, out error))
        {
            return Invalid(error);
        }

        return Paged(request, data.Notes, n => n.ToDto(data, includes), PageLimits.Notes, totalCount);
    }

    private static Results<Ok<NoteDto>, JsonHttpResult<AffinityErrors>> Note(string noteId, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(noteId, nameof(noteId), out var id, out var error, int.MaxValue)
            || !TryReadIncludes(request, out var includes, out error))
        {
            return Invalid(error);
        }

        return Found(data.Notes.FindById(id)?.ToDto(data, includes), "Note", id);
    }

    private static Results<Ok<PagedDto<NoteDto>>, JsonHttpResult<AffinityErrors>> CompanyNotes(
        string companyId, HttpRequest request, SandboxDataset data) =>
        EntityNotes(EntityType.Company, companyId, nameof(companyId), request, data);

    private static Results<Ok<PagedDto<NoteDto>>, JsonHttpResult<AffinityErrors>> PersonNotes(
        string personId, HttpRequest request, SandboxDataset data) =>
        EntityNotes(EntityType.Person, personId, nameof(personId), request, data);

    private static Results<Ok<PagedDto<NoteDto>>, JsonHttpResult<AffinityErrors>> OpportunityNotes(
        string opportunityId, HttpRequest request, SandboxDataset data) =>
        EntityNotes(EntityType.Opportunity, opportunityId, nameof(opportunityId), request, data);

    private static Results<Ok<PagedDto<NoteDto>>, JsonHttpResult<AffinityErrors>> EntityNotes(
        EntityType type, string text, string param, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(text, param, out var id, out var error)
            || !RequestParameters.TryReadTotalCount(request, out var totalCount, out error)
            || !RequestParameters.TryRefuseFilter(request, out error))
        {
            return Invalid(error);
        }

        if (!Exists(data, type, id))
        {
            return NotFound(KindName(type), id);
        }

        var noteIds = NoteIdsOf(data, type, id);
        var notes = new IndexedList<Note>(noteIds.Count, index => data.Notes.FindById(noteIds[index])!);
        return Paged(request, notes, n => n.ToDto(data, default), PageLimits.Notes, totalCount);
    }

    /// <summary>The entity's notes and, for a company or an opportunity, its persons' notes: ascending, each once.</summary>
    private static List<long> NoteIdsOf(SandboxDataset data, EntityType type, long id)
    {
        var ids = new List<long>(data.NoteIdsOf(type, id));
        var persons = type switch
        {
            EntityType.Company => data.PersonIdsOf(id),
            EntityType.Opportunity => data.Opportunities.FindById(id)!.PersonIds,
            _ => [],
        };
        foreach (var personId in persons)
        {
            ids.AddRange(data.NoteIdsOf(EntityType.Person, personId));
        }

        ids.Sort();
        var distinct = ids.Count == 0 ? 0 : 1;
        for (var i = 1; i < ids.Count; i++)
        {
            if (ids[i] != ids[distinct - 1])
            {
                ids[distinct++] = ids[i];
            }
        }

        ids.RemoveRange(distinct, ids.Count - distinct);
        return ids;
    }

    private static bool TryReadIncludes(HttpRequest request, out NoteIncludes includes, [NotNullWhen(false)] out AffinityErrors? error)
    {
        var values = request.Query["includes"];
        includes = NoteIncludes.From(values);
        error = null;
        if (!values.All(v => NoteIncludes.Names.Contains(v, StringComparer.Ordinal)))
        {
            error = RequestParameters.Invalid("includes", $"includes must be one of {string.Join(", ", NoteIncludes.Names)}.");
            return false;
        }

        // The spec declares the items unique.
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            error = RequestParameters.Invalid("includes", "includes must not repeat a value.");
            return false;
        }

        return true;
    }
}
