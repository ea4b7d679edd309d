namespace Dyad.Cli;

/// <summary>
/// The process's standard input as bytes, or a stream that fails with a clear message when it was closed at start.
/// </summary>
internal static class StandardInput
{
    public static Stream Open() => WasClosedAtStart() ? new ClosedStream() : Console.OpenStandardInput();

    /// <summary>
    /// With standard input closed (<c>dyad code - &lt;&amp;-</c>) the runtime's first pipe takes descriptor 0, and a
    /// read from it waits forever on a pipe whose writing end this very process holds. That is the tell: descriptor 0
    /// is a pipe, and another descriptor of this process writes into it. A real pipe's writer is another process.
    /// </summary>
    private static bool WasClosedAtStart()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var input = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (input is null || !input.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                var name = Path.GetFileName(descriptor);
                if (name != "0" && new FileInfo(descriptor).LinkTarget == input && WritesOnly(name))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc to ask: read standard input as it is.
        }

        return false;
    }

    /// <summary>Whether a descriptor of this process was opened write-only (its flags end in octal 1).</summary>
    private static bool WritesOnly(string descriptor)
    {
        foreach (var line in File.ReadLines($"/proc/self/fdinfo/{descriptor}"))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                return line.TrimEnd().EndsWith('1');
            }
        }

        return false;
    }

    private sealed class ClosedStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("standard input is closed");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
