namespace Freight.Sandbox.Attio;

// Wire shapes of the schema endpoints (ATT-SPEC components: object, attribute, select-option, status,
// workspace-member), written snake_case by AttioJson.Options.

internal sealed record DataDto<T>(T Data);

internal sealed record ObjectIdDto(Guid WorkspaceId, Guid ObjectId);

internal sealed record ObjectDto(ObjectIdDto Id, string ApiSlug, string SingularNoun, string PluralNoun, string CreatedAt);

internal sealed record AttributeIdDto(Guid WorkspaceId, Guid ObjectId, Guid AttributeId);

internal sealed record AttributeDto(
    AttributeIdDto Id,
    string Title,
    string? Description,
    string ApiSlug,
    string Type,
    bool IsSystemAttribute,
    bool IsWritable,
    bool IsRequired,
    bool IsUnique,
    bool IsMultiselect,
    bool IsDefaultValueEnabled,
    bool IsArchived,
    object? DefaultValue,
    RelationshipDto? Relationship,
    string CreatedAt,
    ConfigDto Config);

internal sealed record RelationshipDto(AttributeIdDto Id);

internal sealed record ConfigDto(CurrencyConfigDto Currency, RecordReferenceConfigDto RecordReference);

internal sealed record CurrencyConfigDto(string? DefaultCurrencyCode, string? DisplayType);

internal sealed record RecordReferenceConfigDto(IReadOnlyList<Guid>? AllowedObjectIds);

internal sealed record OptionIdDto(Guid WorkspaceId, Guid ObjectId, Guid AttributeId, Guid OptionId);

internal sealed record SelectOptionDto(OptionIdDto Id, string Title, bool IsArchived);

internal sealed record StatusIdDto(Guid WorkspaceId, Guid ObjectId, Guid AttributeId, Guid StatusId);

internal sealed record StatusDto(StatusIdDto Id, string Title, bool IsArchived, bool CelebrationEnabled, string? TargetTimeInStatus);

internal sealed record MemberIdDto(Guid WorkspaceId, Guid WorkspaceMemberId);

internal sealed record WorkspaceMemberDto(
    MemberIdDto Id, string FirstName, string LastName, string? AvatarUrl, string EmailAddress, string CreatedAt, string AccessLevel);

internal static class SchemaMapping
{
    public static ObjectDto ToDto(this ObjectDef obj) =>
        new(new(Workspace.Id, obj.Id), obj.ApiSlug, obj.SingularNoun, obj.PluralNoun, AttioJson.Timestamp(obj.CreatedAt));

    public static AttributeDto ToDto(this AttributeDef a) => new(
        Id(a),
        a.Title,
        a.Description,
        a.ApiSlug,
        a.Type.Name(),
        a.IsSystem,
        a.IsWritable,
        a.IsRequired,
        a.IsUnique,
        a.IsMultiselect,
        IsDefaultValueEnabled: false,
        a.IsArchived,
        DefaultValue: null,
        a.Inverse is { } inverse ? new RelationshipDto(Id(inverse)) : null,
        AttioJson.Timestamp(a.CreatedAt),
        new ConfigDto(
            new CurrencyConfigDto(a.DefaultCurrency, a.CurrencyDisplay),
            new RecordReferenceConfigDto(a.Type == AttributeType.RecordReference ? a.AllowedObjects?.Select(o => o.Id).ToList() ?? [] : null)));

    public static SelectOptionDto ToDto(this SelectOption option, AttributeDef a) =>
        new(new(Workspace.Id, a.Owner.Id, a.Id, option.Id), option.Title, option.IsArchived);

    public static StatusDto ToDto(this StatusOption status, AttributeDef a) =>
        new(new(Workspace.Id, a.Owner.Id, a.Id, status.Id), status.Title, status.IsArchived, status.CelebrationEnabled, status.TargetTimeInStatus);

    public static WorkspaceMemberDto ToDto(this Member member) => new(
        new(Workspace.Id, member.Id),
        member.Info.FirstName,
        member.Info.LastName,
        null,
        member.Info.EmailAddress,
        AttioJson.Timestamp(Workspace.CreatedAt),
        member.Info.AccessLevel);

    private static AttributeIdDto Id(AttributeDef a) => new(Workspace.Id, a.Owner.Id, a.Id);
}
