namespace Freight.Sandbox.Attio;

// Wire shapes of notes and lists (ATT-SPEC components note and list; B6).

internal sealed record ActorDto(string? Id, string? Type)
{
    public static readonly ActorDto ApiToken = new(Workspace.TokenId.ToString(), "api-token");
}

internal sealed record NoteIdDto(Guid WorkspaceId, Guid NoteId);

internal sealed record NoteDto(
    NoteIdDto Id,
    string ParentObject,
    Guid ParentRecordId,
    string Title,
    string? MeetingId,
    string ContentPlaintext,
    string ContentMarkdown,
    IReadOnlyList<object> Tags,
    ActorDto CreatedByActor,
    string CreatedAt);

internal sealed record ListIdDto(Guid WorkspaceId, Guid ListId);

internal sealed record MemberAccessDto(Guid WorkspaceMemberId, string Level);

internal sealed record ListDto(
    ListIdDto Id,
    string ApiSlug,
    string Name,
    IReadOnlyList<string> ParentObject,
    string? WorkspaceAccess,
    IReadOnlyList<MemberAccessDto> WorkspaceMemberAccess,
    ActorDto CreatedByActor,
    string CreatedAt);

internal sealed record RecordEntryDto(Guid ListId, string ListApiSlug, Guid EntryId, string CreatedAt);

internal static class NoteMapping
{
    public static NoteDto ToDto(this NoteRow note) => new(
        new(Workspace.Id, note.Id),
        note.Parent.Object.ApiSlug,
        note.Parent.Id,
        note.Title,
        null,
        note.Plaintext,
        note.Markdown,
        [],
        ActorDto.ApiToken,
        AttioJson.Timestamp(note.CreatedTicks));

    public static ListDto ToDto(this ListDef list) => new(
        new(Workspace.Id, list.Id),
        list.ApiSlug,
        list.Name,
        [list.Parent.ApiSlug],
        list.WorkspaceAccess,
        [.. list.MemberAccess.Select(a => new MemberAccessDto(a.WorkspaceMemberId, a.Level))],
        ActorDto.ApiToken,
        AttioJson.Timestamp(list.CreatedAt));
}
