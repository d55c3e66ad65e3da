using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Affinity;

/// <summary>The short <c>PersonData</c> and <c>CompanyData</c> forms that references (field values, note previews) carry.</summary>
internal static class EntityData
{
    // A reference past the end of the dataset (a record Attio must reject) keeps the dangling id,
    // so the reference reaches the target as it is.
    public static PersonDataDto Person(SandboxDataset data, long id) =>
        data.Persons.FindById(id) is { } person
            ? new(person.Id, person.FirstName, person.LastName, person.PrimaryEmailAddress, PersonType(person))
            : new(id, null, null, null, "external");

    public static CompanyDataDto Company(SandboxDataset data, long id) =>
        data.Companies.FindById(id) is { } company ? new(company.Id, company.Name, company.Domain) : new(id, "", null);

    public static string PersonType(Person person) => person.Type == Dataset.PersonType.Internal ? "internal" : "external";
}
