using System.Diagnostics;

namespace Freight.Cli.Tests;

/// <summary>
/// Runs the built <c>freight</c> (<c>dotnet freight.dll</c>) as a real process in a working directory of its own,
/// with no FREIGHT_* variable but those a test sets; the directory is deleted on dispose.
/// </summary>
internal sealed class FreightCli : IDisposable
{
    /// <summary>A real-time safety net: a process that has not ended by then fails the test instead of hanging it.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Dll = new(FindDll);

    public FreightCli()
    {
        WorkingDirectory = Path.Combine(Path.GetTempPath(), "freight-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(WorkingDirectory);
        Environment["FREIGHT_KEY_RING"] = Path.Combine(WorkingDirectory, "keys");
    }

    public string WorkingDirectory { get; }

    /// <summary>FREIGHT_* variables for the processes; the test's own environment's ones are never passed on.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs <c>freight <paramref name="args"/></c> to its end.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        return await process.ExitAsync();
    }

    /// <summary>Starts <c>freight <paramref name="args"/></c>; its output is read as it comes.</summary>
    public RunningCli Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll.Value);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("FREIGHT_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return new RunningCli(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(WorkingDirectory, recursive: true);
    }

    /// <summary>src/Freight.Cli's build output of the configuration these tests were built in.</summary>
    private static string FindDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Freight.slnx")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("No Freight.slnx above the tests."),
            "src", "Freight.Cli", "bin", configuration, framework, "freight.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Freight.Cli first.", dll);
    }
}
