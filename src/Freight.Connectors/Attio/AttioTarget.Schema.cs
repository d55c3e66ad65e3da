using System.Text.Json;

namespace Freight.Connectors.Attio;

public sealed partial class AttioTarget
{
    private static readonly EntityKind[] ObjectKinds = [EntityKind.Companies, EntityKind.People, EntityKind.Deals];

    /// <summary>
    /// Reads what the workspace has, then creates only what is missing: a unique text <c>affinity_id</c> on companies,
    /// people and deals, one attribute per custom field (with its select options), one list per source list with its
    /// attributes. Remembers field slugs, list slugs, members and deal stages for the writes.
    /// </summary>
    /// <remarks>
    /// The objects, the lists, the members and the stages are prepared side by side, and each attribute's options
    /// while the next attribute is created; what Attio shows in order (an object's or a list's attributes, an
    /// attribute's options, the stages) is still created in the source's order.
    /// </remarks>
    public async Task<SchemaReport> EnsureSchemaAsync(SourceSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            var run = new SchemaRun(this, cancellationToken);
            var objects = Task.WhenAll(ObjectKinds.Select(kind => EnsureObjectAsync(run, schema, kind)));
            var lists = run.EnsureListsAsync(schema);
            var members = run.ReadAsync("v2/workspace_members");
            var stages = run.EnsureStagesAsync(schema);
            await Task.WhenAll(objects, lists, members, stages).ConfigureAwait(false);
            _schema = new AttioSchemaMap(
                run.Fields,
                await lists.ConfigureAwait(false),
                [.. (await members.ConfigureAwait(false)).Where(m => m.GetProperty("access_level").GetString() != "suspended").Select(m => m.GetProperty("email_address").GetString()!)],
                [.. (await stages.ConfigureAwait(false)).Where(s => !s.GetProperty("is_archived").GetBoolean()).Select(s => s.GetProperty("title").GetString()!)]);
            var report = run.Report();
            if (report.Created.Count > 0)
            {
                AttioLog.SchemaCreated(_logger, string.Join(", ", report.Created));
            }

            return report;
        }
        catch (AttioReadException ex)
        {
            throw new ConnectorException($"The Attio schema could not be prepared: {ex.Message}", stopsJob: false, ex);
        }
    }

    private static async Task EnsureObjectAsync(SchemaRun run, SourceSchema schema, EntityKind kind)
    {
        var path = $"v2/objects/{AttioSchemaMap.ObjectOf(kind)}";
        var existing = await run.AttributesAsync(path).ConfigureAwait(false);
        await run.EnsureAffinityIdAsync(path, existing).ConfigureAwait(false);
        // An Affinity opportunity lives in exactly one opportunity list, so that list's fields are the deal's own.
        await run.EnsureFieldsAsync(path, existing, schema.Fields.Where(f => f.Entity == kind && (f.ListId is null || kind == EntityKind.Deals)), onList: false)
            .ConfigureAwait(false);
    }

    /// <summary>One EnsureSchemaAsync: its requests, and what it created or warned about.</summary>
    private sealed class SchemaRun(AttioTarget target, CancellationToken cancellationToken)
    {
        private readonly Lock _lock = new();
        private readonly List<string> _created = [];
        private readonly List<string> _warnings = [];

        // Each source field's Attio attribute, on its object and on its list; a field on both (a deal list's) maps to the list's.
        private readonly Dictionary<string, MappedField> _objectFields = new(StringComparer.Ordinal);
        private readonly Dictionary<string, MappedField> _listFields = new(StringComparer.Ordinal);

        /// <summary>Each source field's Attio attribute, once every attribute is prepared.</summary>
        public Dictionary<string, MappedField> Fields
        {
            get
            {
                lock (_lock)
                {
                    var fields = new Dictionary<string, MappedField>(_objectFields, StringComparer.Ordinal);
                    foreach (var (id, mapped) in _listFields)
                    {
                        fields[id] = mapped;
                    }

                    return fields;
                }
            }
        }

        /// <summary>What was created and warned about, each in a stable order (requests run side by side).</summary>
        public SchemaReport Report()
        {
            lock (_lock)
            {
                return new SchemaReport([.. _created.Order(StringComparer.Ordinal)], [.. _warnings.Order(StringComparer.Ordinal)]);
            }
        }

        /// <summary>
        /// The attributes of <paramref name="fields"/> one after another, in order; each one's options are prepared
        /// while the next attribute is.
        /// </summary>
        public async Task EnsureFieldsAsync(string path, Dictionary<string, JsonElement> existing, IEnumerable<FieldDefinition> fields, bool onList)
        {
            var options = new List<Task>();
            foreach (var field in fields)
            {
                var mapped = await EnsureAttributeAsync(path, existing, field, onList).ConfigureAwait(false);
                lock (_lock)
                {
                    (onList ? _listFields : _objectFields)[field.Id] = mapped;
                }

                if (mapped.Kind is AttioValueKind.Select or AttioValueKind.Status)
                {
                    options.Add(EnsureOptionsAsync(path, mapped, field));
                }
            }

            await Task.WhenAll(options).ConfigureAwait(false);
        }

        private void Add(List<string> notes, string note)
        {
            lock (_lock)
            {
                notes.Add(note);
            }
        }

        public async Task<List<JsonElement>> ReadAsync(string path)
        {
            var result = await target._http.GetAsync(path, cancellationToken).ConfigureAwait(false);
            if (!result.TryGetValue(out var answer))
            {
                AttioHttp.ThrowIfStopsJob(result.Error!);
                throw new AttioReadException(result.Error!);
            }

            return [.. answer.GetProperty("data").EnumerateArray()];
        }

        /// <summary>
        /// Attio's deal stages, with a status added to <c>deals.stage</c> for each option of the first ranked select of
        /// every deal list (the source's pipeline stages) that Attio does not have yet.
        /// </summary>
        public async Task<List<JsonElement>> EnsureStagesAsync(SourceSchema schema)
        {
            const string path = "v2/objects/deals/attributes/stage/statuses";
            var stages = await ReadAsync(path).ConfigureAwait(false);
            var titles = stages.Select(s => s.GetProperty("title").GetString()).ToHashSet(StringComparer.Ordinal);
            var wanted = schema.Lists.Where(l => l.Entity == EntityKind.Deals)
                .Select(l => schema.Fields.FirstOrDefault(f => f.ListId == l.Id && f.Type == FieldType.RankedSelect))
                .OfType<FieldDefinition>()
                .SelectMany(f => f.Options)
                .Where(title => !titles.Contains(title))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            foreach (var title in wanted)
            {
                await CreateAsync(path, new { data = new { title } }).ConfigureAwait(false);
            }

            return wanted.Count == 0 ? stages : await ReadAsync(path).ConfigureAwait(false);
        }

        public async Task<Dictionary<string, JsonElement>> AttributesAsync(string ownerPath) =>
            (await ReadAsync($"{ownerPath}/attributes").ConfigureAwait(false)).ToDictionary(a => a.GetProperty("api_slug").GetString()!, StringComparer.Ordinal);

        public async Task EnsureAffinityIdAsync(string path, Dictionary<string, JsonElement> existing)
        {
            if (existing.TryGetValue(AttioSchemaMap.AffinityId, out var attribute))
            {
                if (!attribute.GetProperty("is_unique").GetBoolean())
                {
                    throw new ConnectorException(
                        $"{path}/attributes/{AttioSchemaMap.AffinityId} exists but is not unique: Freight asserts every record on it. "
                        + "Make it unique in Attio (or remove it so Freight creates it) and run the job again.",
                        stopsJob: true);
                }

                return;
            }

            await CreateAsync($"{path}/attributes", Attribute("Affinity ID", AttioSchemaMap.AffinityId, "text", unique: true, multiselect: false, config: new { }))
                .ConfigureAwait(false);
        }

        private async Task<MappedField> EnsureAttributeAsync(string path, Dictionary<string, JsonElement> existing, FieldDefinition field, bool onList)
        {
            var kind = AttioSchemaMap.KindOf(field, onList);
            var slug = AttioSchemaMap.FieldSlug(field.Id);
            var type = AttioSchemaMap.AttributeType(kind);
            var multiple = field.Multiple && kind is AttioValueKind.Select or AttioValueKind.PersonReference or AttioValueKind.CompanyReference;
            if (existing.TryGetValue(slug, out var attribute))
            {
                var actual = attribute.GetProperty("type").GetString();
                if (actual != type)
                {
                    Add(_warnings, $"{path}/attributes/{slug} is {actual}, not {type}: values of field {field.Id} ({field.Name}) may be refused.");
                }
            }
            else
            {
                object config = kind switch
                {
                    AttioValueKind.PersonReference => new { record_reference = new { allowed_objects = new[] { "people" } } },
                    AttioValueKind.CompanyReference => new { record_reference = new { allowed_objects = new[] { "companies" } } },
                    _ => new { },
                };
                await CreateAsync($"{path}/attributes", Attribute(field.Name, slug, type, unique: false, multiple, config)).ConfigureAwait(false);
            }

            return new MappedField(slug, kind, multiple);
        }

        /// <summary>The select options (or statuses) of the field that Attio does not have yet, in the source's order.</summary>
        private async Task EnsureOptionsAsync(string path, MappedField mapped, FieldDefinition field)
        {
            var choices = mapped.Kind == AttioValueKind.Select ? "options" : "statuses";
            var titles = (await ReadAsync($"{path}/attributes/{mapped.Slug}/{choices}").ConfigureAwait(false))
                .Select(o => o.GetProperty("title").GetString()).ToHashSet(StringComparer.Ordinal);
            foreach (var option in field.Options.Where(o => !titles.Contains(o)).Distinct(StringComparer.Ordinal))
            {
                await CreateAsync($"{path}/attributes/{mapped.Slug}/{choices}", new { data = new { title = option } }).ConfigureAwait(false);
            }
        }

        public async Task<Dictionary<string, string>> EnsureListsAsync(SourceSchema schema)
        {
            var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
            var existing = (await ReadAsync("v2/lists").ConfigureAwait(false)).Select(l => l.GetProperty("api_slug").GetString()).ToHashSet(StringComparer.Ordinal);
            foreach (var list in schema.Lists)
            {
                var slug = AttioSchemaMap.ListSlug(list.Id);
                if (!existing.Contains(slug))
                {
                    await CreateAsync("v2/lists", new
                    {
                        data = new
                        {
                            name = list.Name,
                            api_slug = slug,
                            parent_object = AttioSchemaMap.ObjectOf(list.Entity),
                            workspace_access = "full-access",
                            workspace_member_access = Array.Empty<object>(),
                        },
                    }).ConfigureAwait(false);
                }

                slugs[list.Id] = slug;
                var path = $"v2/lists/{slug}";
                var attributes = await AttributesAsync(path).ConfigureAwait(false);
                await EnsureFieldsAsync(path, attributes, schema.Fields.Where(f => f.ListId == list.Id), onList: true).ConfigureAwait(false);
            }

            return slugs;
        }

        private static object Attribute(string title, string slug, string type, bool unique, bool multiselect, object config) => new
        {
            data = new
            {
                title,
                description = "Migrated from Affinity by Freight.",
                api_slug = slug,
                type,
                is_required = false,
                is_unique = unique,
                is_multiselect = multiselect,
                config,
            },
        };

        /// <summary>Creates a schema object; a slug or title conflict means an earlier, unanswered try made it.</summary>
        private async Task CreateAsync(string path, object body)
        {
            var result = await target._http.PostAsync(path, body, retrySafe: true, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess || result.Error.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                Add(_created, $"{path} {Describe(body)}");
                return;
            }

            AttioHttp.ThrowIfStopsJob(result.Error);
            var (code, message) = AttioHttp.Describe(result.Error);
            if (result.Error.Kind == Freight.Http.ApiErrorKind.Http && (int)result.Error.StatusCode!.Value is >= 400 and < 500)
            {
                Add(_warnings, $"Attio refused {path} {Describe(body)}: {code}: {message}");
                return;
            }

            throw new AttioReadException(result.Error);
        }

        private static string Describe(object body)
        {
            var data = JsonSerializer.SerializeToElement(body).GetProperty("data");
            return data.TryGetProperty("api_slug", out var slug) ? slug.GetString()! : data.GetProperty("title").GetString()!;
        }
    }
}
