using System.CommandLine;

namespace Freight.Sandbox.Hosting;

/// <summary>Exit codes of <c>freight</c> and of the standalone sandbox: 0 done, 1 failed, 2 misused.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command could not do its work, e.g. a port was taken.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown or invalid options.</summary>
    public const int Usage = 2;

    /// <summary>How long a command may take to stop after Ctrl+C or SIGTERM before the process ends anyway (130 / 143).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs the parsed command with Ctrl+C and SIGTERM cancelling its token (System.CommandLine leaves that
    /// off unless asked); parse and validation errors are printed with the help and exit <see cref="Usage"/>.
    /// </summary>
    public static async Task<int> InvokeWithExitCodesAsync(
        this ParseResult parse, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        configuration ??= new InvocationConfiguration { ProcessTerminationTimeout = StopTimeout };
        var code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parse.Errors.Count > 0 ? Usage : code;
    }
}
