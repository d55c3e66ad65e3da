using Freight.Connectors;
using Freight.Server.Errors;

namespace Freight.Server.Jobs;

/// <summary>
/// Both sides' credentials checked against their systems' identity endpoints before a job is accepted: a refusal
/// is 400 <c>invalid_credentials</c> naming the side and what to fix, one detail per refused side.
/// </summary>
internal static class CredentialChecks
{
    public static async Task<IResult?> RefusalAsync(ISourceConnector source, ITargetConnector target, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(
            CheckAsync("source", () => source.VerifyCredentialsAsync(cancellationToken), cancellationToken),
            CheckAsync("target", () => target.VerifyCredentialsAsync(cancellationToken), cancellationToken));
        var refused = checks.OfType<ErrorDetail>().ToList();
        if (refused.Count == 0)
        {
            return null;
        }

        var message = refused.Count == 1
            ? refused[0].Message
            : "Neither the source's nor the target's credentials were accepted: fix source_config.api_key and target_config.api_key.";
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
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ErrorDetail(ErrorCodes.InvalidCredentials,
                $"The {side}'s credentials could not be checked ({error.Message}); check {side}_config.base_url and that the system is reachable.", $"{side}_config.base_url");
        }
    }
}
