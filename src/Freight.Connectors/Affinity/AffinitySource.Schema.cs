namespace Freight.Connectors.Affinity;

public sealed partial class AffinitySource
{
    private static readonly (string, string)[] NoQuery = [];

    /// <summary>
    /// Global fields of companies and persons, the lists and their own fields, and the users the records name.
    /// v2's field metadata carries no dropdown options, so a select's options are the ones its values hold: the
    /// records (or a list's entries) are read once here with only the select fields, and the internal persons seen
    /// on the way become users, with whoami's user.
    /// </summary>
    public async Task<SourceSchema> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        var fields = new List<FieldDefinition>();
        var users = new Dictionary<long, SourceUser>();
        var whoami = await _client.SendAsync<WireWhoAmI>(Freight.Http.ApiRequest.Get("v2/auth/whoami"), cancellationToken).ConfigureAwait(false);
        if (!whoami.IsSuccess)
        {
            throw Failure(whoami.Error, "the key's identity");
        }

        var me = whoami.Value.User;
        users[me.Id] = new SourceUser(Id(me.Id), FullName(me.FirstName, me.LastName), me.EmailAddress);

        var companyFields = Definitions(
            await GetAllAsync<WireFieldMetadata>("v2/companies/fields", NoQuery, "company fields", cancellationToken).ConfigureAwait(false),
            "global", EntityKind.Companies, listId: null);
        var options = await ScanOptionsAsync<WireCompany>("v2/companies", companyFields, c => c.Fields, null, cancellationToken).ConfigureAwait(false);
        fields.AddRange(WithOptions(companyFields, options));

        var personFields = Definitions(
            await GetAllAsync<WireFieldMetadata>("v2/persons/fields", NoQuery, "person fields", cancellationToken).ConfigureAwait(false),
            "global", EntityKind.People, listId: null);
        options = await ScanOptionsAsync<WirePerson>("v2/persons", personFields, p => p.Fields, person =>
        {
            if (person.Type == "internal")
            {
                users.TryAdd(person.Id, new SourceUser(Id(person.Id), FullName(person.FirstName, person.LastName), person.PrimaryEmailAddress));
            }
        }, cancellationToken).ConfigureAwait(false);
        fields.AddRange(WithOptions(personFields, options));

        var lists = new List<ListDefinition>();
        foreach (var list in await ListsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (KindOf(list.Type) is not { } kind)
            {
                continue;
            }

            lists.Add(new ListDefinition(Id(list.Id), list.Name, kind));
            var listFields = Definitions(
                await GetAllAsync<WireFieldMetadata>($"v2/lists/{list.Id}/fields", NoQuery, $"the fields of list {list.Id}", cancellationToken).ConfigureAwait(false),
                "list", kind, Id(list.Id));
            options = await ScanOptionsAsync<WireEntry>($"v2/lists/{list.Id}/list-entries", listFields, e => e.Entity.Fields, null, cancellationToken).ConfigureAwait(false);
            fields.AddRange(WithOptions(listFields, options));
        }

        SchemaRead(_logger, fields.Count, lists.Count, users.Count);
        return new SourceSchema(fields, lists, [.. users.Values.OrderBy(u => long.Parse(u.Id, System.Globalization.CultureInfo.InvariantCulture))]);
    }

    /// <summary>The lists of the workspace, by id, read once per source.</summary>
    private async Task<IReadOnlyList<WireList>> ListsAsync(CancellationToken cancellationToken) =>
        _lists ??= [.. (await GetAllAsync<WireList>("v2/lists", NoQuery, "the lists", cancellationToken).ConfigureAwait(false)).OrderBy(l => l.Id)];

    /// <summary>The fields of one kind (<c>global</c> or <c>list</c>) whose value type has a canonical form.</summary>
    private static List<FieldDefinition> Definitions(IEnumerable<WireFieldMetadata> metadata, string fieldType, EntityKind entity, string? listId) =>
    [
        .. metadata
            .Where(m => m.Type == fieldType)
            .Select(m => AffinityValues.MapType(m.ValueType) is var (type, multiple)
                ? new FieldDefinition(m.Id, m.Name, type, multiple, entity, listId, [])
                : null)
            .OfType<FieldDefinition>(),
    ];

    /// <summary>
    /// The options each select field's values hold across a route, ordered by rank (ranked dropdowns) or option id.
    /// Reads the route only when it has select fields or a caller wants to see every item.
    /// </summary>
    private async Task<Dictionary<string, SortedSet<(int Rank, long Id, string Text)>>> ScanOptionsAsync<T>(
        string path, List<FieldDefinition> fields, Func<T, IReadOnlyList<WireField>?> fieldsOf, Action<T>? visit, CancellationToken cancellationToken)
    {
        var selects = fields.Where(f => f.Type is FieldType.Select or FieldType.RankedSelect).ToList();
        var options = selects.ToDictionary(f => f.Id, _ => new SortedSet<(int, long, string)>());
        if (selects.Count == 0 && visit is null)
        {
            return options;
        }

        var query = selects.Select(f => ("fieldIds", f.Id)).ToList();
        string? cursor = null;
        do
        {
            var (items, next) = await GetPageAsync<T>(path, query, cursor, $"the options of {path}", cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                visit?.Invoke(item);
                foreach (var field in fieldsOf(item) ?? [])
                {
                    if (options.TryGetValue(field.Id, out var seen) && field.Value is { } value)
                    {
                        Collect(seen, value);
                    }
                }
            }

            cursor = next;
        }
        while (cursor is not null);
        return options;
    }

    private static void Collect(SortedSet<(int, long, string)> seen, WireValue value)
    {
        if (value.Data.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in value.Data.EnumerateArray())
            {
                Add(item);
            }
        }
        else
        {
            Add(value.Data);
        }

        void Add(System.Text.Json.JsonElement data)
        {
            if (AffinityValues.Option(data) is var (text, id, rank))
            {
                seen.Add((rank ?? 0, id, text));
            }
        }
    }

    private static IEnumerable<FieldDefinition> WithOptions(
        List<FieldDefinition> fields, Dictionary<string, SortedSet<(int Rank, long Id, string Text)>> options) =>
        fields.Select(f => options.TryGetValue(f.Id, out var seen)
            ? f with { Options = [.. seen.Select(o => o.Text).Distinct(StringComparer.Ordinal)] }
            : f);

    private static EntityKind? KindOf(string listType) => listType switch
    {
        "company" => EntityKind.Companies,
        "person" => EntityKind.People,
        "opportunity" => EntityKind.Deals,
        _ => null,
    };

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string FullName(string? first, string? last) => string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrEmpty(s)));
}
