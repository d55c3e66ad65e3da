using System.CommandLine;
using Spectre.Console;

namespace Freight.Cli.Output;

/// <summary>
/// Where a command writes: data to standard output (a table, or JSON with <c>--json</c> and nothing else), and
/// errors and notices to standard error, so that <c>freight ... --json | jq</c> always reads clean JSON.
/// </summary>
internal sealed class Terminal
{
    private const int UnboundedWidth = 4096;

    private Terminal(TextWriter output, TextWriter error, bool outputIsTerminal)
    {
        Output = output;
        Error = error;
        IsInteractive = outputIsTerminal;
        Out = Create(output, outputIsTerminal);
        Err = Create(error, outputIsTerminal: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
        if (!outputIsTerminal)
        {
            // Off a terminal there is no width to fit: an error stays one line, a table as wide as its cells.
            Out.Profile.Width = UnboundedWidth;
        }

        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            Err.Profile.Width = UnboundedWidth;
        }
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Standard output is a terminal: live progress bars instead of one line per event.</summary>
    public bool IsInteractive { get; }

    /// <summary>Tables and progress on standard output.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Errors and warnings on standard error.</summary>
    public IAnsiConsole Err { get; }

    public static Terminal From(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var output = parse.InvocationConfiguration.Output;
        return new Terminal(output, parse.InvocationConfiguration.Error, ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
    }

    /// <summary>A warning in yellow on standard error.</summary>
    public void Warn(string message) => Err.MarkupLineInterpolated($"[yellow]warning: {message}[/]");

    /// <summary>A plain notice on standard error (never on standard output, which holds data).</summary>
    public void Note(string message) => Err.WriteLine(message);

    private static IAnsiConsole Create(TextWriter writer, bool outputIsTerminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = outputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = outputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = outputIsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
    });
}
