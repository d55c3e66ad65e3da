using Freight.Sandbox.Inspection;

namespace Freight.Sandbox.Attio;

/// <summary>
/// The simulated workspace: its schema, records, lists, entries and notes behind one lock. Nothing here
/// awaits, so the lock is never held across an await.
/// </summary>
internal sealed partial class AttioWorkspace : ISandboxResettable
{
    private readonly Lock _gate = new();

    public AttioWorkspace(AttioSimulatorOptions options)
    {
        Options = options;
        Members = [.. options.WorkspaceMembers.Select((member, i) => new Member(AttioIds.Make(IdKind.Member, i + 1), member))];
    }

    public AttioSimulatorOptions Options { get; }

    public IReadOnlyList<Member> Members { get; }

    public void Reset()
    {
        lock (_gate)
        {
        }
    }
}

/// <summary>A workspace member and its id.</summary>
internal sealed record Member(Guid Id, AttioWorkspaceMember Info);
