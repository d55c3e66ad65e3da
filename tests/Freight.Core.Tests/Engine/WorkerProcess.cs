using System.Diagnostics;
using System.Globalization;
using Freight.Core.Tests.Databases;
using Freight.Core.Tests.Hosting;
using Xunit.Abstractions;

namespace Freight.Core.Tests.Engine;

/// <summary>
/// <c>freight worker</c> (the built CLI, copied beside the tests) as a real process on a test database, configured
/// through its <c>FREIGHT_*</c> variables with a short lease, so a worker that was killed is replaced quickly.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);

    private readonly ITestOutputHelper _output;

    private WorkerProcess(Process process, string workerId, ITestOutputHelper output)
    {
        Process = process;
        WorkerId = workerId;
        _output = output;
    }

    public Process Process { get; }

    public string WorkerId { get; }

    public static WorkerProcess Start(TestDatabase db, string workerId, ITestOutputHelper output)
    {
        var start = FreightCli.StartInfo("worker");
        start.Environment["FREIGHT_DATABASE"] = db.ConnectionString;
        start.Environment["FREIGHT_KEY_RING"] = db.KeyRingDirectory;
        start.Environment["FREIGHT_MIGRATE_ON_START"] = "false";
        start.Environment["FREIGHT_OUTBOUND_ALLOWLIST"] = "127.0.0.1";
        start.Environment["FREIGHT_WORKER_ID"] = workerId;
        start.Environment["FREIGHT_LEASE_DURATION"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture);
        start.Environment["FREIGHT_HEARTBEAT_INTERVAL"] = "00:00:00.25";
        start.Environment["FREIGHT_POLL_INTERVAL"] = "00:00:00.1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("freight worker did not start.");
        process.StandardInput.Close();
        var worker = new WorkerProcess(process, workerId, output);
        process.OutputDataReceived += (_, line) => worker.Echo(line.Data);
        process.ErrorDataReceived += (_, line) => worker.Echo(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>SIGKILL: no shutdown, no lease handed back; the job stays claimed until its lease expires.</summary>
    public async Task KillAsync()
    {
        Process.Kill();
        await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private void Echo(string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            _output.WriteLine($"[{WorkerId}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has ended; its output is closed.
        }
    }
}
