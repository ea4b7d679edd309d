using System.CommandLine;
using Dyad.Cli;

namespace Dyad.Tests.Cli;

/// <summary>Every command's --help is held to an approved file (tests/Dyad.Storage.Tests/Approved/files/help-*.txt).</summary>
public sealed class HelpCoverageTests
{
    private static IEnumerable<string> Paths(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            var path = prefix.Length == 0 ? sub.Name : $"{prefix}-{sub.Name}";
            yield return path;
            foreach (var deeper in Paths(sub, path))
            {
                yield return deeper;
            }
        }
    }

    [Fact]
    public void Every_command_and_subcommand_has_an_approved_help_file()
    {
        var root = DyadProgram.CreateRoot(new CliContext(Stream.Null, Stream.Null, TextWriter.Null));
        var files = Path.Combine(SampleStore.RepoRoot(), "tests", "Dyad.Storage.Tests", "Approved", "files");

        var missing = Paths(root, string.Empty).Where(path => !File.Exists(Path.Combine(files, $"help-{path}.txt"))).ToList();

        Assert.True(Paths(root, string.Empty).Count() > 10);
        Assert.Empty(missing);
    }
}
