using System.Runtime.CompilerServices;
using System.Text;
using Xunit.Sdk;

namespace Dyad.Tests.Shared;

/// <summary>
/// Compares output with an approved file checked in beside the calling test (in its files/ folder), byte for byte. On a difference the test fails
/// with the lines that changed and leaves the output as <c>NAME.received</c> beside the approved file, so accepting a
/// deliberate change is a rename. With DYAD_APPROVE=1 the output is written as the approved file instead (to create
/// one; review the diff before committing it).
/// </summary>
internal static class ApprovedFile
{
    /// <summary>Lines shown around a change: enough to place it, few enough to read.</summary>
    private const int ShownLines = 20;

    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        // The approved files live in the source tree, not the build output, so a failed run can be inspected and
        // accepted where it is committed.
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "files");
        var approvedPath = Path.Combine(folder, name);
        var receivedPath = approvedPath + ".received";
        var actualBytes = Encoding.UTF8.GetBytes(actual);
        if (Environment.GetEnvironmentVariable("DYAD_APPROVE") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(approvedPath, actualBytes);
            File.Delete(receivedPath);
            return;
        }

        var approvedBytes = File.Exists(approvedPath) ? File.ReadAllBytes(approvedPath) : null;
        if (approvedBytes is not null && approvedBytes.AsSpan().SequenceEqual(actualBytes))
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllBytes(receivedPath, actualBytes);
        var message = approvedBytes is null
            ? $"{name}: no approved file; the output is in {receivedPath}"
            : $"{name}: output differs from the approved file (received: {receivedPath})\n{Diff(Encoding.UTF8.GetString(approvedBytes), actual)}";
        throw new XunitException(message);
    }

    /// <summary>
    /// The changed region: the lines between the longest common head and tail, approved ones marked '-' and received
    /// ones '+'. Outputs here are a few hundred lines, so one region is what a reader needs, not a minimal diff.
    /// </summary>
    internal static string Diff(string approved, string received)
    {
        var before = approved.Split('\n');
        var after = received.Split('\n');
        var head = 0;
        while (head < before.Length && head < after.Length && before[head] == after[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < before.Length - head && tail < after.Length - head && before[^(tail + 1)] == after[^(tail + 1)])
        {
            tail++;
        }

        var diff = new StringBuilder().Append("@@ line ").Append(head + 1).Append(" @@\n");
        foreach (var line in before[head..^tail].Take(ShownLines))
        {
            diff.Append("- ").Append(Visible(line)).Append('\n');
        }

        foreach (var line in after[head..^tail].Take(ShownLines))
        {
            diff.Append("+ ").Append(Visible(line)).Append('\n');
        }

        return diff.ToString();
    }

    /// <summary>Tabs and carriage returns shown, so a change in whitespace alone is visible in the message.</summary>
    private static string Visible(string line) => line.Replace("\t", "→", StringComparison.Ordinal).Replace("\r", "␍", StringComparison.Ordinal);
}
