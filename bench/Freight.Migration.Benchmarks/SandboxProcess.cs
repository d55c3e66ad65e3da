using System.Diagnostics;
using System.Globalization;

namespace Freight.Migration.Benchmarks;

/// <summary>
/// The simulators in a process of their own (<c>dotnet Freight.Sandbox.dll</c>, the command <c>freight sandbox</c> runs),
/// so the benchmark process's memory is the engine's alone. Both listen on free loopback ports; the printed
/// <c>affinity URL key KEY</c> and <c>attio URL key KEY</c> lines say where.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private SandboxProcess(Process process, SimulatorAddress affinity, SimulatorAddress attio)
    {
        _process = process;
        Affinity = affinity;
        Attio = attio;
    }

    public SimulatorAddress Affinity { get; }

    public SimulatorAddress Attio { get; }

    public int ProcessId => _process.Id;

    public static async Task<SandboxProcess> StartAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.SandboxPath))
        {
            throw new FileNotFoundException($"Freight.Sandbox.dll not found at {settings.SandboxPath}; build the solution or pass --sandbox.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            settings.SandboxPath,
            "--records", settings.Records.ToString(CultureInfo.InvariantCulture),
            "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
            "--speed", settings.Speed.ToString(CultureInfo.InvariantCulture),
            "--faults", settings.Faults.SandboxRate.ToString(CultureInfo.InvariantCulture),
            "--affinity-url", "http://127.0.0.1:0",
            "--attio-url", "http://127.0.0.1:0",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
        // Its stderr carries one note; read it so the pipe never fills.
        process.ErrorDataReceived += (_, line) => { };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            SimulatorAddress? affinity = null, attio = null;
            while ((affinity is null || attio is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var parts = line.Split(' ');
                if (parts is [var name, var url, "key", var key])
                {
                    var address = new SimulatorAddress(new Uri(url + "/"), key);
                    affinity = name == "affinity" ? address : affinity;
                    attio = name == "attio" ? address : attio;
                }
            }

            return affinity is not null && attio is not null
                ? new SandboxProcess(process, affinity, attio)
                : throw new InvalidOperationException($"The sandbox exited ({(process.HasExited ? process.ExitCode : -1)}) before printing both addresses.");
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }
}

/// <summary>Where a simulator listens and the API key it takes.</summary>
internal sealed record SimulatorAddress(Uri BaseAddress, string ApiKey);
