namespace Freight.Cli.Demo;

/// <summary>What the demo shows and checks of a job: its status and counters, and each phase's.</summary>
internal sealed record JobState(
    string Status, string? StatusReason, long Total, long Processed, long Failed, bool Finished, IReadOnlyList<PhaseState> Phases);

/// <summary>One phase of a job (<c>schema</c>, <c>companies</c>, …): pending, running or completed, and its records.</summary>
internal sealed record PhaseState(string Name, string Status, long Read, long Written, long Failed, long Skipped)
{
    public long Done => Written + Failed + Skipped;
}
