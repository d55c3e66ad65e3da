using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Affinity;

/// <summary>
/// The association fields of person and opportunity lists: <c>companies</c> ("Organizations", company-multi) on both,
/// <c>persons</c> ("People", person-multi) on opportunity lists, as the v2 document's list field examples show them
/// and as "nested associations" describes them for person and opportunity list entries. They are list fields, so
/// <c>fieldTypes=list</c> or <c>fieldIds=companies</c> selects them like any other; their values are the record's
/// company and person ids, cut at 100 like every nested array. A company id the dataset does not hold (an
/// opportunity Attio must reject) is sent as <c>{id, name: "", domain: null}</c>, as note previews send it.
/// </summary>
internal static class Associations
{
    public const string CompaniesId = "companies";
    public const string PersonsId = "persons";

    /// <summary>The association fields of a list: none on company lists.</summary>
    public static IReadOnlyList<Field> Of(CrmList list) => list.Type switch
    {
        EntityType.Opportunity => [Companies(list), Persons(list)],
        EntityType.Person => [Companies(list)],
        _ => [],
    };

    /// <summary>An opportunity entry's values with its companies and persons.</summary>
    public static IReadOnlyList<FieldValue> With(IReadOnlyList<FieldValue> entryValues, Opportunity opportunity) =>
    [
        .. entryValues,
        new(CompaniesId, FieldValueType.Company, ReferenceIds: opportunity.CompanyIds),
        new(PersonsId, FieldValueType.Person, ReferenceIds: opportunity.PersonIds),
    ];

    /// <summary>A person entry's values with the person's companies.</summary>
    public static IReadOnlyList<FieldValue> With(IReadOnlyList<FieldValue> entryValues, Person person) =>
        [.. entryValues, new(CompaniesId, FieldValueType.Company, ReferenceIds: person.CompanyIds)];

    private static Field Companies(CrmList list) =>
        new(CompaniesId, "Organizations", list.Type, list.Id, FieldValueType.Company, [], AllowsMultiple: true);

    private static Field Persons(CrmList list) =>
        new(PersonsId, "People", list.Type, list.Id, FieldValueType.Person, [], AllowsMultiple: true);
}
