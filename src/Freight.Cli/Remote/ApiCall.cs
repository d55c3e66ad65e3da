using System.CommandLine;
using Freight.Cli.Output;
using Freight.Client;
using Freight.Http;
using Freight.Sandbox.Hosting;

namespace Freight.Cli.Remote;

/// <summary>
/// How a command that calls the API runs: build the client, make the call, show the value, or print the API's error
/// (<c>error: message (code, request id)</c> and its details) with exit code 1, or 2 for a validation error.
/// </summary>
internal static class ApiCall
{
    public static async Task<int> RunAsync(ParseResult parse, ConnectionOptions connection, Func<FreightClient, Terminal, Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(work);
        var terminal = Terminal.From(parse);
        FreightClient client;
        try
        {
            client = connection.Client(parse);
        }
        catch (ArgumentException invalid)
        {
            return new CommandError(invalid.Message).Print(terminal);
        }

        using (client)
        {
            try
            {
                return await work(client, terminal);
            }
            catch (ApiException failure)
            {
                return Error(failure.FreightError()).Print(terminal);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: nothing more to say than that the command did not finish.
                return new CommandError("Stopped.").Print(terminal);
            }
        }
    }

    /// <summary>Shows the value of a successful <paramref name="result"/> with <paramref name="show"/>, or its error.</summary>
    public static int Show<T>(Terminal terminal, ApiResult<T> result, Action<T> show)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(show);
        if (!result.TryGetValue(out var value))
        {
            return Error(result.FreightError()).Print(terminal);
        }

        show(value);
        return ExitCodes.Ok;
    }

    /// <summary>Shows a successful answer as JSON with <paramref name="json"/>, else through <paramref name="show"/>; an error as <see cref="Show{T}(Terminal, ApiResult{T}, Action{T})"/> does.</summary>
    public static int Show<T>(Terminal terminal, ApiResult<T> result, bool json, Action<T> show) =>
        Show(terminal, result, value =>
        {
            if (json)
            {
                JsonOutput.Write(terminal, value);
            }
            else
            {
                show(value);
            }
        });

    public static CommandError Error(FreightApiError? error) => error is null
        ? new CommandError("The API gave no answer.")
        : new CommandError(error.Message, error.Error, error.RequestId, [.. error.Details.Select(detail => new Output.ErrorDetail(detail.Field, detail.Message))]);
}
