namespace Freight.Sandbox.Attio;

/// <summary>An object or a list: something with attributes and rows (records or entries) that hold their values.</summary>
internal abstract class AttributeOwner(Guid id, string apiSlug, DateTimeOffset createdAt)
{
    private readonly Dictionary<string, AttributeDef> _bySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, AttributeDef> _byId = [];

    public Guid Id { get; } = id;

    public string ApiSlug { get; } = apiSlug;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary><c>objects</c> or <c>lists</c>, as in the attribute routes.</summary>
    public abstract string Target { get; }

    /// <summary>In creation order; replaced whole when an attribute is added.</summary>
    public AttributeDef[] Attributes { get; private set; } = [];

    public AttributeDef? FindAttribute(string slugOrId) =>
        _bySlug.GetValueOrDefault(slugOrId) ?? (Guid.TryParse(slugOrId, out var id) ? _byId.GetValueOrDefault(id) : null);

    public void Add(AttributeDef attribute)
    {
        attribute.Ordinal = Attributes.Length;
        if (attribute.IsUnique && attribute.Derived == Derived.None)
        {
            attribute.UniqueIndex = new Dictionary<string, Row>(StringComparer.Ordinal);
        }

        _bySlug.Add(attribute.ApiSlug, attribute);
        _byId.Add(attribute.Id, attribute);
        Attributes = [.. Attributes, attribute];
    }

    public bool IsIdentifiedBy(string slugOrId) =>
        string.Equals(ApiSlug, slugOrId, StringComparison.Ordinal) || (Guid.TryParse(slugOrId, out var id) && id == Id);
}

/// <summary>An object such as people or companies, with its records in creation order.</summary>
internal sealed class ObjectDef(Guid id, string apiSlug, string singularNoun, string pluralNoun, DateTimeOffset createdAt)
    : AttributeOwner(id, apiSlug, createdAt)
{
    public override string Target => "objects";

    public string SingularNoun { get; } = singularNoun;

    public string PluralNoun { get; } = pluralNoun;

    public List<RecordRow> Rows { get; } = [];
}

/// <summary>A list of records of one object, with its entries and an index of them by parent record.</summary>
internal sealed class ListDef(
    Guid id, string apiSlug, string name, ObjectDef parent, string? workspaceAccess, IReadOnlyList<MemberAccess> memberAccess,
    DateTimeOffset createdAt)
    : AttributeOwner(id, apiSlug, createdAt)
{
    public override string Target => "lists";

    public string Name { get; } = name;

    public ObjectDef Parent { get; } = parent;

    public string? WorkspaceAccess { get; } = workspaceAccess;

    public IReadOnlyList<MemberAccess> MemberAccess { get; } = memberAccess;

    public List<EntryRow> Rows { get; } = [];

    /// <summary>Entries by parent record counter; a parent may have several (B6).</summary>
    public Dictionary<long, EntryRow[]> ByParent { get; } = [];
}

/// <summary>A workspace member's access to a list.</summary>
internal sealed record MemberAccess(Guid WorkspaceMemberId, string Level);
