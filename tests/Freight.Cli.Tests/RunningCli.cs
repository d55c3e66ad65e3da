using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Freight.Cli.Tests;

/// <summary>A <c>freight</c> process while it runs: its output lines as they come, a way to stop it, its end.</summary>
internal sealed class RunningCli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly ConcurrentBag<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunningCli(Process process)
    {
        _process = process;
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, line) => Received(line.Data, _output, _outputClosed);
        _process.ErrorDataReceived += (_, line) => Received(line.Data, _error, _errorClosed);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Completes with the first line of standard output that <paramref name="match"/> accepts (or already did).</summary>
    public async Task<string> WaitForOutputLineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add((match, seen));
        lock (_output)
        {
            if (_output.ToString().Split('\n').FirstOrDefault(match) is { } line)
            {
                seen.TrySetResult(line);
            }
        }

        var ended = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, ended).WaitAsync(FreightCli.SafetyNet);
        Assert.True(first == seen.Task, $"freight ended before the line was written.\nstdout:\n{_output}\nstderr:\n{_error}");
        return await seen.Task;
    }

    /// <summary>Sends SIGTERM, as a service manager (or Ctrl+C's SIGINT) would.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<CliResult> ExitAsync()
    {
        try
        {
            await Task.WhenAll(_process.WaitForExitAsync(), _outputClosed.Task, _errorClosed.Task).WaitAsync(FreightCli.SafetyNet);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"freight did not end within {FreightCli.SafetyNet}.\nstdout:\n{_output}\nstderr:\n{_error}");
        }

        lock (_output)
        {
            lock (_error)
            {
                return new CliResult(_process.ExitCode, _output.ToString(), _error.ToString());
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Received(string? line, StringBuilder into, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (into)
        {
            into.Append(line).Append('\n');
        }

        if (ReferenceEquals(into, _output))
        {
            foreach (var (match, seen) in _waiters.Where(waiter => waiter.Match(line)))
            {
                seen.TrySetResult(line);
            }
        }
    }
}
