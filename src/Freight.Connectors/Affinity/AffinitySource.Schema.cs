namespace Freight.Connectors.Affinity;

public sealed partial class AffinitySource
{
    private static readonly (string, string)[] NoQuery = [];

    /// <summary>
    /// Global fields of companies and persons, the lists and their own fields. A dropdown's options are the ones the
    /// field defines now (its <c>dropdown-options</c> route), never ones that only old values still hold.
    /// </summary>
    public async Task<SourceSchema> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        // The reads are independent: they go side by side, and are put together in a fixed order.
        var companyFields = GlobalFieldsAsync("v2/companies/fields", "company fields", EntityKind.Companies, cancellationToken);
        var personFields = GlobalFieldsAsync("v2/persons/fields", "person fields", EntityKind.People, cancellationToken);
        var lists = ListsWithFieldsAsync(cancellationToken);
        await Task.WhenAll(companyFields, personFields, lists).ConfigureAwait(false);

        var fields = new List<FieldDefinition>(await companyFields.ConfigureAwait(false));
        fields.AddRange(await personFields.ConfigureAwait(false));
        var listDefinitions = new List<ListDefinition>();
        foreach (var (list, listFields) in await lists.ConfigureAwait(false))
        {
            listDefinitions.Add(list);
            fields.AddRange(listFields);
        }

        SchemaRead(_logger, fields.Count, listDefinitions.Count);
        return new SourceSchema(fields, listDefinitions);
    }

    private async Task<List<FieldDefinition>> GlobalFieldsAsync(string path, string what, EntityKind kind, CancellationToken cancellationToken)
    {
        var definitions = Definitions(
            await GetAllAsync<WireFieldMetadata>(path, NoQuery, what, cancellationToken).ConfigureAwait(false), "global", kind, listId: null);
        return await WithOptionsAsync(definitions, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each list Freight migrates, in id order, with its own fields.</summary>
    private async Task<(ListDefinition List, List<FieldDefinition> Fields)[]> ListsWithFieldsAsync(CancellationToken cancellationToken)
    {
        var lists = (await ListsAsync(cancellationToken).ConfigureAwait(false))
            .Select(list => (List: list, Kind: KindOf(list.Type)))
            .Where(list => list.Kind is not null);
        return await Task.WhenAll(lists.Select(async list =>
        {
            var path = $"v2/lists/{list.List.Id}/fields";
            var definitions = Definitions(
                await GetAllAsync<WireFieldMetadata>(path, NoQuery, $"the fields of list {list.List.Id}", cancellationToken).ConfigureAwait(false),
                "list", list.Kind!.Value, Id(list.List.Id));
            return (new ListDefinition(Id(list.List.Id), list.List.Name, list.Kind.Value), await WithOptionsAsync(definitions, path, cancellationToken).ConfigureAwait(false));
        })).ConfigureAwait(false);
    }

    /// <summary>The lists of the workspace, by id, read once per source.</summary>
    private async Task<IReadOnlyList<WireList>> ListsAsync(CancellationToken cancellationToken) =>
        _lists ??= [.. (await GetAllAsync<WireList>("v2/lists", NoQuery, "the lists", cancellationToken).ConfigureAwait(false)).OrderBy(l => l.Id)];

    /// <summary>
    /// The custom fields of one kind (<c>global</c> or <c>list</c>) whose value type has a canonical form. A list's
    /// associations (<c>companies</c>, <c>persons</c>) are the records' links, not custom fields, and are left out.
    /// </summary>
    private static List<FieldDefinition> Definitions(IEnumerable<WireFieldMetadata> metadata, string fieldType, EntityKind entity, string? listId) =>
    [
        .. metadata
            .Where(m => m.Type == fieldType && !IsAssociation(m.Id))
            .Select(m => AffinityValues.MapType(m.ValueType) is var (type, multiple)
                ? new FieldDefinition(m.Id, m.Name, type, multiple, entity, listId, [])
                : null)
            .OfType<FieldDefinition>(),
    ];

    /// <summary>
    /// Each select field with the options Affinity defines for it (<c>{fieldsPath}/{fieldId}/dropdown-options</c>, every
    /// page), in Affinity's order; ranked options by rank.
    /// </summary>
    private async Task<List<FieldDefinition>> WithOptionsAsync(List<FieldDefinition> fields, string fieldsPath, CancellationToken cancellationToken)
    {
        var withOptions = new List<FieldDefinition>(fields.Count);
        foreach (var field in fields)
        {
            if (field.Type is not (FieldType.Select or FieldType.RankedSelect))
            {
                withOptions.Add(field);
                continue;
            }

            var options = await GetAllAsync<WireDropdownOption>(
                $"{fieldsPath}/{Uri.EscapeDataString(field.Id)}/dropdown-options", NoQuery, $"the options of field {field.Id}", cancellationToken)
                .ConfigureAwait(false);
            var ordered = field.Type == FieldType.RankedSelect ? options.OrderBy(o => o.Rank ?? 0) : options.AsEnumerable();
            withOptions.Add(field with { Options = [.. ordered.Select(o => o.Text).Distinct(StringComparer.Ordinal)] });
        }

        return withOptions;
    }

    private static EntityKind? KindOf(string listType) => listType switch
    {
        "company" => EntityKind.Companies,
        "person" => EntityKind.People,
        "opportunity" => EntityKind.Deals,
        _ => null,
    };

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
