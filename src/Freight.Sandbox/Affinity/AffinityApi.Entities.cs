using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Sandbox.Affinity;

// Companies, persons and opportunities: pages (with ids=), one record, field metadata. Companies and
// persons carry the fields that fieldIds=/fieldTypes= select among their global fields; opportunities
// have no field data of their own (it is read through list entries).
public static partial class AffinityApi
{
    private static Results<Ok<PagedDto<CompanyDto>>, JsonHttpResult<AffinityErrors>> Companies(HttpRequest request, SandboxDataset data)
    {
        if (!FieldSelection.TryRead(request, GlobalFields(data, EntityType.Company), FieldSelection.EntityTypes, out var selected, out var error)
            || !RequestParameters.TryReadIds(request, out var ids, out error))
        {
            return Invalid(error);
        }

        return Paged(request, Filter(data.Companies, ids), c => c.ToDto(Fields(selected, c.Fields, data)));
    }

    private static Results<Ok<CompanyDto>, JsonHttpResult<AffinityErrors>> Company(string companyId, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(companyId, nameof(companyId), out var id, out var error)
            || !FieldSelection.TryRead(request, GlobalFields(data, EntityType.Company), FieldSelection.EntityTypes, out var selected, out error))
        {
            return Invalid(error);
        }

        return Found(data.Companies.FindById(id) is { } c ? c.ToDto(Fields(selected, c.Fields, data)) : null, "Company", id);
    }

    private static Results<Ok<PagedDto<FieldMetadataDto>>, JsonHttpResult<AffinityErrors>> CompanyFields(HttpRequest request, SandboxDataset data) =>
        Paged(request, GlobalFields(data, EntityType.Company), f => f.ToDto());

    private static Results<Ok<PagedDto<PersonDto>>, JsonHttpResult<AffinityErrors>> Persons(HttpRequest request, SandboxDataset data)
    {
        if (!FieldSelection.TryRead(request, GlobalFields(data, EntityType.Person), FieldSelection.EntityTypes, out var selected, out var error)
            || !RequestParameters.TryReadIds(request, out var ids, out error))
        {
            return Invalid(error);
        }

        return Paged(request, Filter(data.Persons, ids), p => p.ToDto(Fields(selected, Enrichment.ValuesOf(p), data)));
    }

    private static Results<Ok<PersonDto>, JsonHttpResult<AffinityErrors>> Person(string personId, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(personId, nameof(personId), out var id, out var error)
            || !FieldSelection.TryRead(request, GlobalFields(data, EntityType.Person), FieldSelection.EntityTypes, out var selected, out error))
        {
            return Invalid(error);
        }

        return Found(data.Persons.FindById(id) is { } p ? p.ToDto(Fields(selected, Enrichment.ValuesOf(p), data)) : null, "Person", id);
    }

    private static Results<Ok<PagedDto<FieldMetadataDto>>, JsonHttpResult<AffinityErrors>> PersonFields(HttpRequest request, SandboxDataset data) =>
        Paged(request, GlobalFields(data, EntityType.Person), f => f.ToDto());

    private static Results<Ok<PagedDto<OpportunityDto>>, JsonHttpResult<AffinityErrors>> Opportunities(HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadIds(request, out var ids, out var error))
        {
            return Invalid(error);
        }

        return Paged(request, Filter(data.Opportunities, ids), o => o.ToDto());
    }

    private static Results<Ok<OpportunityDto>, JsonHttpResult<AffinityErrors>> Opportunity(string opportunityId, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(opportunityId, nameof(opportunityId), out var id, out var error))
        {
            return Invalid(error);
        }

        return Found(data.Opportunities.FindById(id)?.ToDto(), "Opportunity", id);
    }

    private static List<FieldDto>? Fields(IReadOnlyList<Field>? selected, IReadOnlyList<FieldValue> values, SandboxDataset data) =>
        selected is null ? null : FieldData.Of(selected, values, data);

    /// <summary>The records an <c>ids=</c> filter names, ascending and without unknown ids; all records without one.</summary>
    private static IReadOnlyList<T> Filter<T>(RecordSet<T> records, SortedSet<long>? ids)
        where T : class
    {
        if (ids is null)
        {
            return records;
        }

        long[] known = [.. ids.GetViewBetween(records.FirstId, records.FirstId + records.Count - 1)];
        return new IndexedList<T>(known.Length, index => records.FindById(known[index])!);
    }
}
