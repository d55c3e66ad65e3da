using Freight.Sandbox.Dataset;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Freight.Sandbox.Affinity;

// What hangs off one company, person or opportunity: the lists that hold it, its entries in them (with
// every field's data, no selection needed) and its notes. Membership is found arithmetically and notes
// through the dataset's reverse index, so no request scans the dataset.
public static partial class AffinityApi
{
    private static Results<Ok<PagedDto<ListSummaryDto>>, JsonHttpResult<AffinityErrors>> CompanyLists(
        string companyId, HttpRequest request, SandboxDataset data) =>
        EntityLists(EntityType.Company, companyId, nameof(companyId), request, data);

    private static Results<Ok<PagedDto<ListSummaryDto>>, JsonHttpResult<AffinityErrors>> PersonLists(
        string personId, HttpRequest request, SandboxDataset data) =>
        EntityLists(EntityType.Person, personId, nameof(personId), request, data);

    private static Results<Ok<PagedDto<EntityListEntryDto>>, JsonHttpResult<AffinityErrors>> CompanyListEntries(
        string companyId, HttpRequest request, SandboxDataset data) =>
        EntityListEntries(EntityType.Company, companyId, nameof(companyId), request, data);

    private static Results<Ok<PagedDto<EntityListEntryDto>>, JsonHttpResult<AffinityErrors>> PersonListEntries(
        string personId, HttpRequest request, SandboxDataset data) =>
        EntityListEntries(EntityType.Person, personId, nameof(personId), request, data);

    private static Results<Ok<PagedDto<ListSummaryDto>>, JsonHttpResult<AffinityErrors>> EntityLists(
        EntityType type, string text, string param, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(text, param, out var id, out var error))
        {
            return Invalid(error);
        }

        if (!Exists(data, type, id))
        {
            return NotFound(KindName(type), id);
        }

        var lists = data.EntriesFor(type, id).Select(e => FindList(data, e.ListId)!).Distinct().ToList();
        return Paged(request, lists, l => l.ToSummaryDto());
    }

    private static Results<Ok<PagedDto<EntityListEntryDto>>, JsonHttpResult<AffinityErrors>> EntityListEntries(
        EntityType type, string text, string param, HttpRequest request, SandboxDataset data)
    {
        if (!RequestParameters.TryReadId(text, param, out var id, out var error))
        {
            return Invalid(error);
        }

        var person = type == EntityType.Person ? data.Persons.FindById(id) : null;
        var values = type == EntityType.Company ? data.Companies.FindById(id)?.Fields : person is null ? null : Enrichment.ValuesOf(person);
        if (values is null)
        {
            return NotFound(KindName(type), id);
        }

        return Paged(request, data.EntriesFor(type, id), entry => new EntityListEntryDto(
            entry.Id,
            entry.ListId,
            entry.CreatedAt.UtcDateTime,
            entry.CreatorId,
            FieldData.Of(
                EntryFields(data, FindList(data, entry.ListId)!),
                values,
                person is null ? entry.Fields : Associations.With(entry.Fields, person),
                data)));
    }

    private static bool Exists(SandboxDataset data, EntityType type, long id) => id <= type switch
    {
        EntityType.Company => data.Counts.Companies,
        EntityType.Person => data.Counts.Persons,
        _ => data.Counts.Opportunities,
    };

    private static string KindName(EntityType type) => type switch
    {
        EntityType.Company => "Company",
        EntityType.Person => "Person",
        _ => "Opportunity",
    };
}
