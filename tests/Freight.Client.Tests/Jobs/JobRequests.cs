using System.Text.Json.Nodes;
using Freight.Server.Tests.Jobs;

namespace Freight.Client.Tests.Jobs;

/// <summary>Job creation bodies for the SDK: the harness's configs, credential check off unless asked.</summary>
internal static class JobRequests
{
    public static CreateJobRequest Valid() =>
        new("affinity", "attio", new JsonObject { ["api_key"] = JobScenario.SourceSecret }, new JsonObject { ["api_key"] = JobScenario.TargetSecret })
        {
            VerifyCredentials = false,
        };
}
