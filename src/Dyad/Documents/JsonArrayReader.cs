namespace Dyad.Documents;

/// <summary>One element of a JSON file's top-level array (or the file's one value): its bytes, or only its size when too large.</summary>
internal readonly record struct JsonElementBytes(int Index, long Line, ReadOnlyMemory<byte> Bytes, long Length, bool TooLong, bool Unterminated);

/// <summary>
/// Cuts a JSON file into the elements of its top-level array without parsing the whole file: it follows only
/// strings, escapes and bracket depth, so it holds one element at a time (up to a limit) and a huge file or a huge
/// element costs no more memory than that limit. Each element is then parsed on its own, so one bad element is
/// reported while the others are read. A file whose value is not an array yields that value as its one element.
/// </summary>
internal sealed class JsonArrayReader
{
    private readonly Stream _stream;
    private readonly int _maxElementBytes;
    private readonly byte[] _chunk = new byte[1 << 16];
    private int _position;
    private int _filled;
    private long _line = 1;

    public JsonArrayReader(Stream stream, int maxElementBytes)
    {
        _stream = stream;
        _maxElementBytes = maxElementBytes;
    }

    /// <summary>Whether the file's value is an array (known after the first element is read).</summary>
    public bool IsArray { get; private set; }

    public IEnumerable<JsonElementBytes> Elements()
    {
        SkipByteOrderMark();
        var first = NextNonSpace();
        if (first < 0)
        {
            yield break;
        }

        if (first != '[')
        {
            // Not an array: the whole file is one value, read like any element.
            _position--;
            var single = ReadElement(0, stopAtComma: false);
            if (single.Length > 0 || single.TooLong || single.Unterminated)
            {
                yield return single;
            }

            yield break;
        }

        IsArray = true;
        var index = 0;
        while (true)
        {
            var next = NextNonSpace();
            if (next < 0)
            {
                yield return new JsonElementBytes(index, _line, ReadOnlyMemory<byte>.Empty, 0, false, true);
                yield break;
            }

            if (next == ']')
            {
                yield break;
            }

            if (next == ',')
            {
                // An empty slot (a trailing or doubled comma) is tolerated, as the old whole-file reader allowed trailing commas.
                continue;
            }

            _position--;
            var element = ReadElement(index++, stopAtComma: true);
            yield return element;
            if (element.Unterminated)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Reads one value up to the comma or bracket that ends it at depth zero. Brackets inside strings do not count.
    /// </summary>
    private JsonElementBytes ReadElement(int index, bool stopAtComma)
    {
        var line = _line;
        var bytes = new MemoryStream();
        long length = 0;
        var depth = 0;
        var inString = false;
        var escaped = false;
        while (true)
        {
            if (_position == _filled && !Refill())
            {
                // End of file: fine for a lone value, a broken array otherwise.
                var unterminated = stopAtComma || depth > 0 || inString;
                return Element(index, line, bytes, length, unterminated);
            }

            var b = _chunk[_position];
            if (!inString && depth == 0 && stopAtComma && (b == ',' || b == ']'))
            {
                // Leave a closing bracket for the caller; consume a comma.
                if (b == ',')
                {
                    _position++;
                }

                return Element(index, line, bytes, length, false);
            }

            _position++;
            length++;
            if (length <= _maxElementBytes)
            {
                bytes.WriteByte(b);
            }

            if (b == '\n')
            {
                _line++;
            }

            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == '\\')
                {
                    escaped = true;
                }
                else if (b == '"')
                {
                    inString = false;
                }
            }
            else if (b == '"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                depth--;
            }
        }
    }

    private JsonElementBytes Element(int index, long line, MemoryStream bytes, long length, bool unterminated)
    {
        var tooLong = length > _maxElementBytes;
        var memory = tooLong ? ReadOnlyMemory<byte>.Empty : bytes.GetBuffer().AsMemory(0, (int)bytes.Length).TrimEnd(" \t\r\n"u8);
        return new JsonElementBytes(index, line, memory, length, tooLong, unterminated);
    }

    private int NextNonSpace()
    {
        while (true)
        {
            if (_position == _filled && !Refill())
            {
                return -1;
            }

            var b = _chunk[_position++];
            if (b == '\n')
            {
                _line++;
            }

            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }
    }

    private void SkipByteOrderMark()
    {
        if (Refill() && _filled >= 3 && _chunk[0] == 0xEF && _chunk[1] == 0xBB && _chunk[2] == 0xBF)
        {
            _position = 3;
        }
    }

    private bool Refill()
    {
        if (_position < _filled)
        {
            return true;
        }

        _filled = _stream.Read(_chunk, 0, _chunk.Length);
        _position = 0;
        return _filled > 0;
    }
}
