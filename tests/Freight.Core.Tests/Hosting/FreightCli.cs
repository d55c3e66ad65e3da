using System.Diagnostics;

namespace Freight.Core.Tests.Hosting;

/// <summary>The built <c>freight</c> command (copied beside the tests), run as a real process with no standard input.</summary>
internal static class FreightCli
{
    // A real-time safety net for a process on a loaded machine, not a measurement.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static ProcessStartInfo StartInfo(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "freight.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Settings come from these tests alone, not from the machine running them.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("FREIGHT_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        return start;
    }

    /// <summary>Runs <c>freight</c> with <paramref name="arguments"/> to its end.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = StartInfo(arguments);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("freight did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        return (process.ExitCode, await output, await error);
    }

    // The test host runs under the dotnet muxer; dotnet test also names it in DOTNET_HOST_PATH.
    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? Environment.ProcessPath!
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
