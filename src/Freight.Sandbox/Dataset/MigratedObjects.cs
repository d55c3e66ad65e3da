namespace Freight.Sandbox.Dataset;

/// <summary>The objects a migration of the dataset writes, named as Freight's API names a job's phases, in their order.</summary>
public static class MigratedObjects
{
    public const string Companies = "companies";
    public const string People = "people";
    public const string Deals = "deals";
    public const string Notes = "notes";
    public const string ListEntries = "list_entries";

    public static IReadOnlyList<string> All { get; } = [Companies, People, Deals, Notes, ListEntries];
}
