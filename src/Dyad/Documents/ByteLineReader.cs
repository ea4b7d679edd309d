namespace Dyad.Documents;

/// <summary>One line of a byte stream: its bytes (without the line break), or only its length when it was too long to keep.</summary>
internal readonly record struct ByteLine(long Number, ReadOnlyMemory<byte> Bytes, long Length, bool TooLong);

/// <summary>
/// Splits a byte stream into lines while holding at most one line, up to a limit: a longer line is counted and
/// passed over, never buffered, so a 600 MB one-line file costs no more memory than a short one. Lines are bytes,
/// not text, so one bad byte spoils only its own line (decoding happens per line, by the caller).
/// </summary>
internal sealed class ByteLineReader
{
    private const int InitialBuffer = 1 << 16;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _lineNumber;

    public ByteLineReader(Stream stream, int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>
    /// The next line, or false at the end of the stream. The bytes are valid until the next call: the buffer is reused.
    /// </summary>
    public bool TryRead(out ByteLine line)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                line = new ByteLine(++_lineNumber, TrimCarriageReturn(_buffer.AsMemory(_start, length)), length, false);
                _start += length + 1;
                return true;
            }

            scanned = _end - _start;
            if (_endOfStream)
            {
                if (scanned == 0)
                {
                    line = default;
                    return false;
                }

                line = new ByteLine(++_lineNumber, TrimCarriageReturn(_buffer.AsMemory(_start, scanned)), scanned, false);
                _start = _end;
                return true;
            }

            if (scanned > _maxLineBytes)
            {
                line = new ByteLine(++_lineNumber, ReadOnlyMemory<byte>.Empty, SkipRestOfLine(scanned), true);
                return true;
            }

            Fill();
        }
    }

    /// <summary>Reads more bytes after those held, moving them to the front or growing the buffer (up to the line limit) first.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxLineBytes + (long)InitialBuffer));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }

    /// <summary>Drops the held part of an overlong line and reads on to its end, counting its bytes.</summary>
    private long SkipRestOfLine(long held)
    {
        var length = held;
        _start = _end = 0;
        while (true)
        {
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _endOfStream = true;
                return length;
            }

            var newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _end = read;
                return length + newline;
            }

            length += read;
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
