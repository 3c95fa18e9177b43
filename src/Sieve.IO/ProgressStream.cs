namespace Sieve.IO;

/// <summary>
/// A read-only view of a stream that reports how many bytes have been read so far, at most once
/// per <see cref="ReportEvery"/> bytes and once at the end, so a reader can show progress by bytes
/// without knowing who listens.
/// </summary>
public sealed class ProgressStream : Stream
{
    /// <summary>Bytes between two reports (1 MiB): often enough for a bar, rare enough to cost nothing.</summary>
    public const long ReportEvery = 1 << 20;

    private readonly Stream _inner;
    private readonly IProgress<long> _progress;
    private readonly bool _ownsInner;
    private long _read;
    private long _reported;

    /// <summary>Wraps <paramref name="inner"/>; disposing this disposes it when <paramref name="ownsInner"/>.</summary>
    public ProgressStream(Stream inner, IProgress<long> progress, bool ownsInner = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(progress);
        _inner = inner;
        _progress = progress;
        _ownsInner = ownsInner;
    }

    /// <summary>Wraps <paramref name="inner"/> when there is someone to report to; otherwise returns it as it is.</summary>
    public static Stream Wrap(Stream inner, IProgress<long>? progress) => progress is null ? inner : new ProgressStream(inner, progress);

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => _inner.Length;

    /// <inheritdoc/>
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException("a progress stream reads forward only.");
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a progress stream reads forward only.");

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException("a progress stream is read-only.");

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("a progress stream is read-only.");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsInner)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int n)
    {
        _read += n;
        if (n == 0 || _read - _reported >= ReportEvery)
        {
            _reported = _read;
            _progress.Report(_read);
        }

        return n;
    }
}
