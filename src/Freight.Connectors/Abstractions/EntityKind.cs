namespace Freight.Connectors;

/// <summary>The kinds of record a migration moves, declared in the dependency order they are written in.</summary>
public enum EntityKind
{
    Companies,
    People,
    Deals,
    Notes,
    ListEntries,
}
