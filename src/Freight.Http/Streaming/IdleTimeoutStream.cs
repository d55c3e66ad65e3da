namespace Freight.Http;

/// <summary>
/// A read-only wrapper that fails a read when no bytes arrive within the idle timeout. Unlike a total timeout it
/// never cuts off a long body that keeps moving.
/// </summary>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _callerToken;

    public IdleTimeoutStream(Stream inner, TimeSpan idleTimeout, TimeProvider time, CancellationToken callerToken)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _callerToken = callerToken;
        _idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _idle.Token);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _idle.CancelAfter(_idleTimeout);
        try
        {
            return await _inner.ReadAsync(buffer, _linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (_idle.IsCancellationRequested && !_callerToken.IsCancellationRequested)
        {
            throw new ApiTimeoutException(new ApiError(ApiErrorKind.Timeout, $"The response body stalled: no data for {_idleTimeout.TotalSeconds:0.###} s.") { Exception = ex });
        }
        finally
        {
            _idle.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _linked.Dispose();
            _idle.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
