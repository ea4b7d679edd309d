using System.Runtime.InteropServices;

namespace Dyad.Syntax;

/// <summary>
/// A fixed array of a model's scoring table, outside the garbage-collected heap and, where Linux allows it
/// (transparent huge pages in "madvise" mode, the default on Debian and Ubuntu), in 2 MB pages. Scoring reads
/// tens of megabytes at random; with 4 KB pages nearly every read also misses the TLB, and on a virtual machine
/// a TLB miss costs about as much as the cache miss itself.
/// </summary>
internal sealed unsafe class HugePageArray<T> where T : unmanaged
{
    private const nuint HugePage = 2 * 1024 * 1024;

    public HugePageArray(ReadOnlySpan<T> items)
    {
        Length = items.Length;
        var bytes = (nuint)Math.Max(1, items.Length) * (nuint)sizeof(T);
        if (bytes >= HugePage / 2)
        {
            // Whole huge pages, so the advice covers every byte.
            bytes = (bytes + HugePage - 1) / HugePage * HugePage;
            Pointer = (T*)NativeMemory.AlignedAlloc(bytes, HugePage);
            if (OperatingSystem.IsLinux())
            {
                // Only advice: where the kernel declines, the table works the same in small pages.
                _ = LinuxMemory.AdviseHugePages((nint)Pointer, bytes);
            }
        }
        else
        {
            Pointer = (T*)NativeMemory.AlignedAlloc(bytes, 64);
        }

        items.CopyTo(new Span<T>(Pointer, items.Length));
    }

    ~HugePageArray() => NativeMemory.AlignedFree(Pointer);

    public T* Pointer { get; }

    public int Length { get; }
}

internal static partial class LinuxMemory
{
    private const int MadviseHugePage = 14;

    public static int AdviseHugePages(nint address, nuint length) => Madvise(address, length, MadviseHugePage);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
