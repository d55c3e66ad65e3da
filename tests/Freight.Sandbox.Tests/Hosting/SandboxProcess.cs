using System.Diagnostics;

namespace Freight.Sandbox.Tests.Hosting;

/// <summary>The built Freight.Sandbox program (copied beside the tests) run as a real process, with no standard input.</summary>
internal sealed class SandboxProcess : IDisposable
{
    // A real-time safety net for a process start on a loaded machine, not a measurement.
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private SandboxProcess(Process process) => Process = process;

    public Process Process { get; }

    public static SandboxProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Freight.Sandbox.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Freight.Sandbox did not start.");
        process.StandardInput.Close();
        return new SandboxProcess(process);
    }

    /// <summary>Sends SIGTERM, as a service manager stopping it would.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().WaitAsync(Patience);
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<int> ExitCodeAsync()
    {
        await Process.WaitForExitAsync().WaitAsync(Patience);
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    // The test host runs under the dotnet muxer; dotnet test also names it in DOTNET_HOST_PATH.
    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? Environment.ProcessPath!
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
