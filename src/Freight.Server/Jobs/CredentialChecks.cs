using Freight.Connectors;
using Freight.Server.Errors;

namespace Freight.Server.Jobs;

/// <summary>
/// Both sides' credentials checked against their systems' identity endpoints before a job is accepted: a refusal
/// is 400 <c>invalid_credentials</c> naming the side and what to fix, one detail per refused side.
/// </summary>
internal static class CredentialChecks
{
    /// <summary>How long the checks may take: the request waits for them, and an unreachable system would otherwise hold it through every retry.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<IResult?> RefusalAsync(ISourceConnector source, ITargetConnector target, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var checks = await Task.WhenAll(
            CheckAsync("source", () => source.VerifyCredentialsAsync(linked.Token), cancellationToken),
            CheckAsync("target", () => target.VerifyCredentialsAsync(linked.Token), cancellationToken));
        var refused = checks.OfType<ErrorDetail>().ToList();
        if (refused.Count == 0)
        {
            return null;
        }

        var message = refused.Count == 1
            ? refused[0].Message
            : $"Neither side's credentials passed their check. {refused[0].Message} {refused[1].Message}";
        return Problems.Status(StatusCodes.Status400BadRequest, ErrorCodes.InvalidCredentials, message, refused);
    }

    private static async Task<ErrorDetail?> CheckAsync(string side, Func<Task<CredentialCheck>> verify, CancellationToken cancellationToken)
    {
        try
        {
            var check = await verify();
            return check.Valid
                ? null
                : new ErrorDetail(ErrorCodes.InvalidCredentials, $"The {side} refused the credentials in {side}_config ({check.Problem}); fix {side}_config.api_key.", $"{side}_config.api_key");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(side, "no answer within 30 s");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return Unreachable(side, error.Message);
        }
    }

    private static ErrorDetail Unreachable(string side, string why) => new(
        ErrorCodes.InvalidCredentials,
        $"The {side}'s credentials could not be checked ({why}); check {side}_config.base_url and that the system is reachable.",
        $"{side}_config.base_url");
}
