namespace Freight.TestUtils;

/// <summary>
/// A reusable "something changed" notification. Waiters read <see cref="Next"/> (under the owner's lock,
/// together with the state they check) and are woken by the first <see cref="Pulse"/> after that read.
/// </summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _current = Create();

    public Task Next => Volatile.Read(ref _current).Task;

    public void Pulse() => Interlocked.Exchange(ref _current, Create()).TrySetResult();

    // Asynchronous continuations: pulsing happens inside timer creation and request handling, which must
    // not run a waiter's loop (e.g. RunAsync advancing the clock) inline.
    private static TaskCompletionSource Create() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
