using Freight.Sandbox.Hosting;
using Spectre.Console;

namespace Freight.Cli.Output;

/// <summary>One field the input got wrong, as the API's 422 details name it.</summary>
internal sealed record ErrorDetail(string? Field, string Message);

/// <summary>
/// Why a command failed, printed as one red line on standard error,
/// <c>error: &lt;message&gt; (&lt;code&gt;, request &lt;id&gt;)</c>, then one line per detail; never a stack trace.
/// </summary>
internal sealed record CommandError(string Message, string? Code = null, string? RequestId = null, IReadOnlyList<ErrorDetail>? Details = null)
{
    /// <summary>The code the API gives input it refuses; the command line was wrong, so the exit code is 2.</summary>
    public const string ValidationCode = "validation_error";

    public int ExitCode => Code == ValidationCode ? ExitCodes.Usage : ExitCodes.Failure;

    /// <summary>Prints the error and returns <see cref="ExitCode"/>.</summary>
    public int Print(Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        var context = (Code, RequestId) switch
        {
            (null, null) => "",
            (_, null) => $" ({Code})",
            (null, _) => $" (request {RequestId})",
            _ => $" ({Code}, request {RequestId})",
        };
        terminal.Err.MarkupLineInterpolated($"[red]error: {Message}{context}[/]");
        foreach (var detail in Details ?? [])
        {
            terminal.Err.MarkupLineInterpolated($"[red]  - {(detail.Field is null ? "" : detail.Field + ": ")}{detail.Message}[/]");
        }

        return ExitCode;
    }
}
