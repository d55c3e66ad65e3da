using System.Diagnostics.CodeAnalysis;
using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;

namespace Freight.Sandbox.Affinity;

/// <summary>
/// The fields a request asks for with <c>fieldIds=</c> and <c>fieldTypes=</c> (repeated parameters,
/// CRM_APIS.md A6 "Field selection"). Without either, records carry no field data. A field is selected
/// when its id or its type is named; the answer lists the selected fields in the order they are offered.
/// </summary>
internal static class FieldSelection
{
    /// <summary>The <c>fieldTypes</c> values of entity endpoints; list entries also take <c>list</c>.</summary>
    public static readonly string[] EntityTypes = ["enriched", "global", "relationship-intelligence"];

    public static readonly string[] ListEntryTypes = ["enriched", "global", "list", "relationship-intelligence"];

    /// <summary>
    /// The selected fields among <paramref name="offered"/>, or null when the request selects none;
    /// false (with a 400 validation error) for a type outside <paramref name="types"/> or an id not offered.
    /// </summary>
    public static bool TryRead(
        HttpRequest request,
        IReadOnlyList<Field> offered,
        string[] types,
        out IReadOnlyList<Field>? selected,
        [NotNullWhen(false)] out AffinityErrors? error)
    {
        selected = null;
        error = null;
        var ids = request.Query["fieldIds"];
        var fieldTypes = request.Query["fieldTypes"];
        foreach (var type in fieldTypes)
        {
            if (!types.Contains(type, StringComparer.Ordinal))
            {
                error = AffinityErrors.Of("validation", $"fieldTypes must be one of {string.Join(", ", types)}.", "fieldTypes");
                return false;
            }
        }

        foreach (var id in ids)
        {
            if (!offered.Any(field => field.Id == id))
            {
                error = AffinityErrors.Of("validation", $"Field {id} was not found.", "fieldIds");
                return false;
            }
        }

        if (ids.Count == 0 && fieldTypes.Count == 0)
        {
            return true;
        }

        selected = [.. offered.Where(field =>
            ids.Contains(field.Id) || fieldTypes.Contains(FieldData.FieldType(field)))];
        return true;
    }
}
