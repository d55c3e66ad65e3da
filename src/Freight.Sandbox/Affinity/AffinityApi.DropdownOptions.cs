using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Sandbox.Affinity;

// A dropdown field's options (API versions from 2026-09-17; not in the Nov 2025 document): the options the field
// defines now, in their order, paged like every v2 collection. An option that values still hold but the field no
// longer defines (the dataset's retired Industry option) is not among them.
public static partial class AffinityApi
{
    /// <summary>
    /// The answer for a field that is not a dropdown. The API reference does not say; 400 <c>bad-request</c> tells the
    /// client its request, not the field, is wrong, where 404 would read as an unknown field.
    /// </summary>
    internal const int NotADropdownStatus = StatusCodes.Status400BadRequest;

    internal const string NotADropdownCode = "bad-request";

    private static Results<Ok<PagedDto<object>>, JsonHttpResult<AffinityErrors>> CompanyDropdownOptions(
        string fieldId, HttpRequest request, SandboxDataset data) =>
        DropdownOptions(GlobalFields(data, EntityType.Company), fieldId, request);

    private static Results<Ok<PagedDto<object>>, JsonHttpResult<AffinityErrors>> PersonDropdownOptions(
        string fieldId, HttpRequest request, SandboxDataset data) =>
        DropdownOptions(GlobalFields(data, EntityType.Person), fieldId, request);

    /// <summary>Options of a field the list offers (<c>/v2/lists/{listId}/fields</c>): its own and its entity's global ones.</summary>
    private static Results<Ok<PagedDto<object>>, JsonHttpResult<AffinityErrors>> ListDropdownOptions(
        string listId, string fieldId, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(listId, nameof(listId), out var id, out var error))
        {
            return Invalid(error);
        }

        return FindList(data, id) is { } list
            ? DropdownOptions([.. ListOwnFields(data, list), .. GlobalFields(data, list.Type)], fieldId, request)
            : NotFound("List", id);
    }

    private static Results<Ok<PagedDto<object>>, JsonHttpResult<AffinityErrors>> DropdownOptions(
        IReadOnlyList<Field> offered, string fieldId, HttpRequest request)
    {
        if (offered.FirstOrDefault(f => f.Id == fieldId) is not { } field)
        {
            return TypedResults.Json(
                AffinityErrors.Of("not-found", $"Field {fieldId} was not found."), statusCode: StatusCodes.Status404NotFound);
        }

        if (field.ValueType is not (FieldValueType.Dropdown or FieldValueType.RankedDropdown))
        {
            return TypedResults.Json(
                AffinityErrors.Of(NotADropdownCode, $"Field {fieldId} is a {FieldData.ValueType(field)} field; only dropdown and ranked-dropdown fields have options."),
                statusCode: NotADropdownStatus);
        }

        return Paged(request, field.Options, option => field.ValueType == FieldValueType.RankedDropdown
            ? new RankedDropdownOptionDto("ranked-dropdown", option.Id, option.Text, option.Rank ?? 0, option.Color)
            : (object)new DropdownOptionDto("dropdown", option.Id, option.Text));
    }
}

/// <summary>An option of a dropdown field (<c>.../fields/{fieldId}/dropdown-options</c>).</summary>
internal sealed record DropdownOptionDto(string Type, long Id, string Text);

/// <summary>An option of a ranked-dropdown field, with the rank and color its values carry.</summary>
internal sealed record RankedDropdownOptionDto(string Type, long Id, string Text, int Rank, string? Color);
