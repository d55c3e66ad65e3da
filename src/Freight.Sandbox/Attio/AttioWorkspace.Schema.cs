using System.Text.Json;
using System.Text.RegularExpressions;

namespace Freight.Sandbox.Attio;

internal sealed partial class AttioWorkspace
{
    public List<ObjectDto> ListObjects()
    {
        lock (_gate)
        {
            return [.. _objects.Select(o => o.ToDto())];
        }
    }

    public ObjectDto GetObject(string slugOrId)
    {
        lock (_gate)
        {
            return Object(slugOrId).ToDto();
        }
    }

    public List<AttributeDto> ListAttributes(string target, string identifier, int limit, int offset, bool showArchived)
    {
        lock (_gate)
        {
            return [.. Owner(target, identifier).Attributes.Where(a => showArchived || !a.IsArchived).Skip(offset).Take(limit).Select(a => a.ToDto())];
        }
    }

    public AttributeDto GetAttribute(string target, string identifier, string attribute)
    {
        lock (_gate)
        {
            return Attribute(Owner(target, identifier), attribute).ToDto();
        }
    }

    public AttributeDto CreateAttribute(string target, string identifier, JsonElement data)
    {
        lock (_gate)
        {
            var owner = Owner(target, identifier);
            var request = AttributeRequest.Parse(data);
            if (request.Type == AttributeType.Status && owner is ObjectDef)
            {
                throw Fail.Validation("Attributes of type \"status\" are not supported on objects.", "data", "type");
            }

            var allowed = request.AllowedObjects?.Select(name => FindObject(name)
                ?? throw Fail.ValueNotFound($"Object \"{name}\" in allowed_objects was not found.")).Distinct().ToList();
            if (owner.FindAttribute(request.ApiSlug) is not null)
            {
                throw Fail.SlugConflict($"An attribute with slug \"{request.ApiSlug}\" already exists on \"{owner.ApiSlug}\".");
            }

            var attribute = new AttributeDef
            {
                Id = NewId(IdKind.Attribute),
                Owner = owner,
                ApiSlug = request.ApiSlug,
                Title = request.Title,
                Description = request.Description,
                Type = request.Type,
                IsRequired = request.IsRequired,
                IsUnique = request.IsUnique,
                IsMultiselect = request.IsMultiselect,
                CreatedAt = Options.TimeProvider.GetUtcNow(),
                AllowedObjects = request.Type == AttributeType.RecordReference ? allowed : null,
                DefaultCurrency = request.Currency,
                CurrencyDisplay = request.CurrencyDisplay,
            };
            owner.Add(attribute);
            return attribute.ToDto();
        }
    }

    public List<SelectOptionDto> ListOptions(string target, string identifier, string attribute, bool showArchived)
    {
        lock (_gate)
        {
            var a = Choosable(target, identifier, attribute, AttributeType.Select);
            return [.. a.Options.Where(o => showArchived || !o.IsArchived).Select(o => o.ToDto(a))];
        }
    }

    public SelectOptionDto CreateOption(string target, string identifier, string attribute, JsonElement data)
    {
        lock (_gate)
        {
            var a = Choosable(target, identifier, attribute, AttributeType.Select);
            Body.OnlyKeys(data, ["data"], "title");
            var title = ChoiceTitle(data);
            if (a.Options.Any(o => o.Title == title))
            {
                throw Fail.SlugConflict($"A select option titled \"{title}\" already exists on \"{a.ApiSlug}\".");
            }

            var option = new SelectOption(NewId(IdKind.Option), title);
            a.Options = [.. a.Options, option];
            return option.ToDto(a);
        }
    }

    public List<StatusDto> ListStatuses(string target, string identifier, string attribute, bool showArchived)
    {
        lock (_gate)
        {
            var a = Choosable(target, identifier, attribute, AttributeType.Status);
            return [.. a.Statuses.Where(s => showArchived || !s.IsArchived).Select(s => s.ToDto(a))];
        }
    }

    public StatusDto CreateStatus(string target, string identifier, string attribute, JsonElement data)
    {
        lock (_gate)
        {
            var a = Choosable(target, identifier, attribute, AttributeType.Status);
            Body.OnlyKeys(data, ["data"], "title", "celebration_enabled", "target_time_in_status");
            var title = ChoiceTitle(data);
            var celebration = data.TryGetProperty("celebration_enabled", out _) && Body.Bool(data, "celebration_enabled", ["data"]);
            var targetTime = data.TryGetProperty("target_time_in_status", out _) ? Body.NullableString(data, "target_time_in_status", ["data"]) : null;
            if (targetTime is not null && !DurationPattern().IsMatch(targetTime))
            {
                throw Fail.Validation("\"target_time_in_status\" must be an ISO 8601 duration.", "data", "target_time_in_status");
            }

            if (a.Statuses.Any(s => s.Title == title))
            {
                throw Fail.SlugConflict($"A status titled \"{title}\" already exists on \"{a.ApiSlug}\".");
            }

            var status = new StatusOption(NewId(IdKind.Status), title, celebration, targetTime);
            a.Statuses = [.. a.Statuses, status];
            return status.ToDto(a);
        }
    }

    private AttributeOwner Owner(string target, string identifier) =>
        target == "objects" ? Object(identifier) : List(identifier);

    private static AttributeDef Attribute(AttributeOwner owner, string slugOrId) =>
        owner.FindAttribute(slugOrId) ?? throw Fail.NotFound($"Attribute with slug or ID \"{slugOrId}\" was not found on \"{owner.ApiSlug}\".");

    private AttributeDef Choosable(string target, string identifier, string attribute, AttributeType type)
    {
        var a = Attribute(Owner(target, identifier), attribute);
        return a.Type == type ? a : throw Fail.Validation($"Attribute \"{a.ApiSlug}\" is of type {a.Type.Name()}, not {type.Name()}.");
    }

    private static string ChoiceTitle(JsonElement data)
    {
        var title = Body.String(data, "title", ["data"]);
        return title.Length > 0 ? title : throw Fail.Validation("\"title\" must not be empty.", "data", "title");
    }

    [GeneratedRegex(@"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+(?:[\.,]\d+)?H)?(\d+(?:[\.,]\d+)?M)?(\d+(?:[\.,]\d+)?S)?)?$")]
    private static partial Regex DurationPattern();
}
