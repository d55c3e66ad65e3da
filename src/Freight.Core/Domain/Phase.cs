namespace Freight.Core.Domain;

/// <summary>A job's phases, declared in the dependency order they run in.</summary>
public enum Phase
{
    /// <summary>Ensures target attributes exist, such as the unique <c>affinity_id</c> on every object.</summary>
    Schema,
    Companies,
    People,
    Deals,
    Notes,
    ListEntries,
}

public static class Phases
{
    /// <summary>Every phase, in dependency order.</summary>
    public static IReadOnlyList<Phase> InOrder { get; } = Enum.GetValues<Phase>();

    /// <summary>The phases a job can select (all but <see cref="Phase.Schema"/>, which always runs).</summary>
    public static IReadOnlyList<Phase> Entities { get; } = [.. InOrder.Where(phase => phase != Phase.Schema)];

    /// <summary>The schema phase followed by the selected entities in dependency order; none selected means all.</summary>
    public static IReadOnlyList<Phase> ForSelection(IEnumerable<Phase> entities)
    {
        var selected = entities.ToHashSet();
        if (selected.Count == 0)
        {
            return InOrder;
        }

        return [.. InOrder.Where(phase => phase == Phase.Schema || selected.Contains(phase))];
    }
}
