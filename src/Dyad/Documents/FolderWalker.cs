using System.Runtime.InteropServices;

namespace Dyad.Documents;

/// <summary>What walking a folder found: the story files in ordinal path order, and what could not be read or was read already.</summary>
internal sealed record FolderContents(IReadOnlyList<string> Files, IReadOnlyList<DocumentError> Problems);

/// <summary>
/// Lists a folder's story files recursively, one folder at a time with its own error handling, so an unreadable
/// subfolder is reported and the rest is still read. Symbolic links are followed, but each real folder and file
/// is read once: a link back to a folder already being read (a loop) is reported, not followed again.
/// </summary>
internal static partial class FolderWalker
{
    public static FolderContents Walk(string root, IReadOnlyCollection<string> extensions)
    {
        var files = new List<string>();
        var problems = new List<DocumentError>();
        var folders = new Dictionary<string, string>(StringComparer.Ordinal) { [RealPath(root)] = root };
        var realFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, string Real)>();
        pending.Push((root, RealPath(root)));
        while (pending.TryPop(out var folder))
        {
            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(folder.Path);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                problems.Add(new DocumentError(folder.Path, $"cannot read folder ({e.Message}); its stories were skipped"));
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            for (var i = entries.Length - 1; i >= 0; i--)
            {
                var entry = entries[i];
                FileAttributes attributes;
                try
                {
                    attributes = File.GetAttributes(entry);
                }
                catch (Exception e) when (e is UnauthorizedAccessException or IOException)
                {
                    problems.Add(new DocumentError(entry, $"cannot read ({e.Message})"));
                    continue;
                }

                var isLink = attributes.HasFlag(FileAttributes.ReparsePoint);
                var real = isLink ? RealPath(entry) : Path.Combine(folder.Real, Path.GetFileName(entry));
                if (Directory.Exists(entry))
                {
                    if (folders.TryGetValue(real, out var first))
                    {
                        var what = IsWithin(folder.Real, real) ? "a symbolic link loop: it leads back to" : "the same folder as";
                        problems.Add(new DocumentError(entry, $"{what} {first}; not read again"));
                        continue;
                    }

                    folders[real] = entry;
                    pending.Push((entry, real));
                }
                else if (File.Exists(entry))
                {
                    if (!extensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (realFiles.TryGetValue(real, out var first))
                    {
                        problems.Add(new DocumentError(entry, $"the same file as {first} (a symbolic link); read once"));
                        continue;
                    }

                    realFiles[real] = entry;
                    files.Add(entry);
                }
                else if (isLink)
                {
                    problems.Add(new DocumentError(entry, "a symbolic link to nothing (broken link); skipped"));
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return new FolderContents(files, problems);
    }

    /// <summary>Whether <paramref name="folder"/> is <paramref name="ancestor"/> or inside it.</summary>
    private static bool IsWithin(string folder, string ancestor) =>
        folder == ancestor || folder.StartsWith(ancestor.EndsWith(Path.DirectorySeparatorChar) ? ancestor : ancestor + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every symbolic link resolved: what tells two names of one folder apart from two folders.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return full;
        }

        var resolved = NativeRealPath(full, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return full;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? full;
        }
        finally
        {
            NativeFree(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr NativeRealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void NativeFree(IntPtr pointer);
}
