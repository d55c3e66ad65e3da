using System.Diagnostics.CodeAnalysis;
using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Sandbox.Affinity;

public static partial class AffinityApi
{
    private static Results<Ok<PagedDto<NoteDto>>, JsonHttpResult<AffinityErrors>> Notes(HttpRequest request, SandboxDataset data)
    {
        if (!TryReadIncludes(request, out var includes, out var error))
        {
            return error;
        }

        return Paged(request, data.Notes, n => n.ToDto(data, includes), PageLimits.Notes);
    }

    private static Results<Ok<NoteDto>, JsonHttpResult<AffinityErrors>> Note(long noteId, HttpRequest request, SandboxDataset data)
    {
        if (!TryReadIncludes(request, out var includes, out var error))
        {
            return error;
        }

        return Found(data.Notes.FindById(noteId)?.ToDto(data, includes), "Note", noteId);
    }

    private static bool TryReadIncludes(HttpRequest request, out NoteIncludes includes, [NotNullWhen(false)] out JsonHttpResult<AffinityErrors>? error)
    {
        var values = request.Query["includes"];
        includes = NoteIncludes.From(values);
        error = null;
        if (values.All(v => NoteIncludes.Names.Contains(v, StringComparer.Ordinal)))
        {
            return true;
        }

        error = TypedResults.Json(
            AffinityErrors.Of("validation", $"includes must be one of {string.Join(", ", NoteIncludes.Names)}.", "includes"),
            statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}
