using System.Globalization;

namespace Freight.Connectors.Attio;

public sealed partial class AttioTarget
{
    private const int NotesPageSize = 50;

    /// <summary>The title of a migrated note; it carries the source note id, so reconciliation finds exactly this note.</summary>
    internal static string NoteTitle(CanonicalNote note) => $"Note from Affinity #{note.NoteId}";

    /// <summary>POST /v2/notes on the parent (found by affinity_id). Not retried: the engine reconciles an unknown outcome with FindWrittenAsync.</summary>
    private async Task<WriteResult> WriteNoteAsync(CanonicalNote note, CancellationToken cancellationToken)
    {
        var parentObject = AttioSchemaMap.ObjectOf(note.ParentKind);
        var parentId = await FindRecordIdAsync(parentObject, note.ParentId, cancellationToken).ConfigureAwait(false);
        if (parentId is null)
        {
            return MissingParent("Note", note.Id, parentObject, note.ParentId);
        }

        var (format, content) = NoteBody(note);
        var result = await _http.PostAsync("v2/notes", new
        {
            data = new
            {
                parent_object = parentObject,
                parent_record_id = parentId,
                title = NoteTitle(note),
                format,
                content,
                created_at = Timestamp(note.CreatedAt),
            },
        }, retrySafe: false, cancellationToken).ConfigureAwait(false);
        return result.TryGetValue(out var answer)
            ? new WriteResult.Written(answer.GetProperty("data").GetProperty("id").GetProperty("note_id").GetString()!, [])
            : AttioHttp.ToWriteResult(result.Error!);
    }

    /// <summary>Lists the parent's notes, 50 at a time, for the one this record would create (title, created_at and content).</summary>
    private async Task<string?> FindNoteAsync(CanonicalNote note, CancellationToken cancellationToken)
    {
        var parentObject = AttioSchemaMap.ObjectOf(note.ParentKind);
        var parentId = await FindRecordIdAsync(parentObject, note.ParentId, cancellationToken).ConfigureAwait(false);
        if (parentId is null)
        {
            return null;
        }

        var title = NoteTitle(note);
        var createdAt = Truncated(note.CreatedAt);
        var (format, content) = NoteBody(note);
        var wanted = Normalized(content);
        for (var offset = 0; ; offset += NotesPageSize)
        {
            var path = $"v2/notes?parent_object={parentObject}&parent_record_id={parentId}&limit={NotesPageSize}&offset={offset}";
            var result = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
            if (!result.TryGetValue(out var answer))
            {
                AttioHttp.ThrowIfStopsJob(result.Error!);
                throw new AttioReadException(result.Error!);
            }

            var page = answer.GetProperty("data");
            foreach (var candidate in page.EnumerateArray())
            {
                if (candidate.GetProperty("title").GetString() == title
                    && DateTimeOffset.TryParse(candidate.GetProperty("created_at").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    && Truncated(at) == createdAt
                    && Normalized(candidate.GetProperty(format == "markdown" ? "content_markdown" : "content_plaintext").GetString() ?? "") == wanted)
                {
                    return candidate.GetProperty("id").GetProperty("note_id").GetString();
                }
            }

            if (page.GetArrayLength() < NotesPageSize)
            {
                return null;
            }
        }
    }

    private static (string Format, string Content) NoteBody(CanonicalNote note) => note.Format == NoteContentFormat.Html
        ? ("markdown", HtmlToMarkdown.Convert(note.Content))
        : ("plaintext", note.Content);

    private static WriteResult.Rejected MissingParent(string what, string id, string parentObject, string parentId) =>
        new WriteResult.Rejected(RejectionOrigin.Target, "not_found",
            $"{what} {id}: its parent, {parentObject} {parentId}, is not in Attio (no record has affinity_id {parentId}).", Retryable: false);

    private static DateTimeOffset Truncated(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static string Timestamp(DateTimeOffset time) =>
        Truncated(time).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Normalized(string content) => string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
