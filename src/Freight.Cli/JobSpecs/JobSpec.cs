using System.Text.Json.Nodes;

namespace Freight.Cli.JobSpecs;

/// <summary>
/// A migration as the command line describes it: systems and their configs (credentials included), and how to
/// run it. Both <c>freight jobs create</c> (sent to the API) and <c>freight migrate</c> (run here) start from it.
/// </summary>
internal sealed record JobSpec(
    string SourceSystem,
    string TargetSystem,
    JsonObject SourceConfig,
    JsonObject TargetConfig,
    int? BatchSize,
    IReadOnlyList<string>? Entities,
    bool DryRun);
