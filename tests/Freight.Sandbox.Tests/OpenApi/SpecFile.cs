using Xunit.Abstractions;

namespace Freight.Sandbox.Tests.OpenApi;

/// <summary>
/// Finds a published OpenAPI document. The documents are third-party and stay outside the
/// repository, in <c>shared/specs/</c> beside or above the checkout; without one, tests that need it
/// pass with a note, except under CI, where its absence fails them.
/// </summary>
internal static class SpecFile
{
    public const string Affinity = "affinity-v2.openapi.json";
    public const string Attio = "attio-v2.openapi.json";

    /// <summary>The document's path, or null after noting why the test checks nothing.</summary>
    public static string? FindOrNote(string fileName, ITestOutputHelper output)
    {
        var relative = Path.Combine("shared", "specs", fileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Null(Environment.GetEnvironmentVariable("CI")); // CI must provide the document
        output.WriteLine($"Not checked: {relative} was not found above {AppContext.BaseDirectory}.");
        return null;
    }
}
