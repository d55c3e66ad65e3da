using Freight.Sandbox.Dataset;

namespace Freight.Sandbox.Affinity;

/// <summary>
/// The one enriched field the simulator serves: a person's <c>affinity-data-current-organization</c> ("Current
/// Organization", type <c>enriched</c>, enrichment source <c>affinity-data</c>, value type <c>company</c>), as the v2
/// document's person field examples list it, which is how v2 tells which company a person belongs to. Its value is
/// the person's first company, or null when the person has none. <c>fieldTypes=enriched</c> or its id selects it.
/// </summary>
internal static class Enrichment
{
    public const string Source = "affinity-data";
    public const string CurrentOrganizationId = "affinity-data-current-organization";

    public static readonly Field CurrentOrganization =
        new(CurrentOrganizationId, "Current Organization", EntityType.Person, ListId: null, FieldValueType.Company, []);

    public static bool IsEnriched(Field field) => field.Id.StartsWith(Source + "-", StringComparison.Ordinal);

    /// <summary>The enriched fields of an entity type.</summary>
    public static IReadOnlyList<Field> FieldsOf(EntityType entity) => entity == EntityType.Person ? [CurrentOrganization] : [];

    /// <summary>A person's own values with its enriched ones.</summary>
    public static IReadOnlyList<FieldValue> ValuesOf(Person person) =>
        [.. person.Fields, new(CurrentOrganizationId, FieldValueType.Company, ReferenceId: person.CompanyIds.Count > 0 ? person.CompanyIds[0] : null)];
}
