namespace Dyad.Cli;

/// <summary>
/// A file a command writes with --out: never the store being read (nor its write-ahead log), never an existing
/// file unless --force, and never half-written: rows go to a temporary file beside it, moved into place when complete.
/// </summary>
internal static class OutputFile
{
    public static void Check(string path, string? storeFile, bool force)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"--out {path}: is a folder");
        }

        var target = Dyad.Documents.FolderWalker.RealPath(path);
        if (storeFile is not null)
        {
            var store = Dyad.Documents.FolderWalker.RealPath(storeFile);
            if (target == store || target == store + ".wal")
            {
                throw new CliException($"--out {path}: is the store being read; choose another file");
            }
        }

        if (File.Exists(path) && !force)
        {
            throw new CliException($"--out {path}: the file exists; add --force to replace it");
        }
    }

    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await write(file).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
