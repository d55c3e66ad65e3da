namespace Freight.Http.Tests.Streaming;

/// <summary>A write-only sink that keeps nothing but the number of bytes written, and signals when a count is reached.</summary>
internal sealed class CountingStream(long signalAt = long.MaxValue) : Stream
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _bytesWritten;

    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    public int Writes { get; private set; }

    /// <summary>Completes once at least the count given at construction has been written.</summary>
    public Task Reached => _reached.Task;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => BytesWritten;

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Count(count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Count(int bytes)
    {
        Writes++;
        if (Interlocked.Add(ref _bytesWritten, bytes) >= signalAt)
        {
            _reached.TrySetResult();
        }
    }
}
