using System.CommandLine;
using Dyad.Cli;
using Dyad.Cli.Commands;

var context = new CliContext(StandardInput.Open(), new BufferedStream(Console.OpenStandardOutput(), 1 << 16), Console.Error);
return DyadProgram.Run(args, context);

namespace Dyad.Cli
{
    /// <summary>The <c>dyad</c> command tree and its error handling.</summary>
    internal static class DyadProgram
    {
        public static RootCommand CreateRoot(CliContext context)
        {
            var root = new RootCommand("Dyad turns news stories into political event data: who did what to whom, when, where, and according to whom.");
            root.Subcommands.Add(CodeCommand.Create(context));
            root.Subcommands.Add(IngestCommand.Create(context));
            root.Subcommands.Add(EventsCommand.Create(context));
            root.Subcommands.Add(TimelineCommand.Create(context));
            root.Subcommands.Add(ServeCommand.Create(context));
            root.Subcommands.Add(FuseCommand.Create(context));
            root.Subcommands.Add(SentencesCommand.Create(context));
            root.Subcommands.Add(ParseCommand.Create(context));
            root.Subcommands.Add(TrainCommand.Create(context));
            root.Subcommands.Add(EvalCommand.Create(context));
            return root;
        }

        public static int Run(string[] args, CliContext context)
        {
            var root = CreateRoot(context);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    CliErrors.Report(context.Error, error.Message);
                }

                context.Error.WriteLine("Run 'dyad --help' for usage.");
                return CliErrors.Failure;
            }

            try
            {
                var exitCode = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = new StreamWriter(context.Out) { AutoFlush = true } });
                context.Out.Flush();
                return exitCode;
            }
            catch (CliException e)
            {
                context.Out.Flush();
                CliErrors.Report(context.Error, e.Message);
                return CliErrors.Failure;
            }
            catch (Dyad.Storage.StoreException e)
            {
                context.Out.Flush();
                CliErrors.Report(context.Error, e.Message);
                return CliErrors.Failure;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                context.Out.Flush();
                CliErrors.Report(context.Error, e.Message);
                return CliErrors.Failure;
            }
            catch (Exception e)
            {
                // A bug or a broken installation: still one line, naming what failed, and a failing exit code.
                context.Out.Flush();
                CliErrors.Report(context.Error, $"unexpected error: {e.GetType().Name}: {e.Message}");
                return CliErrors.Failure;
            }
        }
    }
}
