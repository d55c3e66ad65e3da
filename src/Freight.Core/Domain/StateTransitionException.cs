namespace Freight.Core.Domain;

/// <summary>
/// A change the current state does not allow (cancelling a completed job, retrying a running one), or a row
/// another writer changed first. The REST API answers it with 409.
/// </summary>
public sealed class StateTransitionException : InvalidOperationException
{
    public StateTransitionException()
    {
    }

    public StateTransitionException(string message)
        : base(message)
    {
    }

    public StateTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
