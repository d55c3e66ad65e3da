namespace Freight.Cli.Tests;

/// <summary>How a <c>freight</c> process ended: its exit code and everything it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts the exit code, showing both streams when it differs.</summary>
    public CliResult Exits(int code)
    {
        Assert.True(code == ExitCode, $"exit {ExitCode}, expected {code}\nstdout:\n{Output}\nstderr:\n{Error}");
        return this;
    }
}
