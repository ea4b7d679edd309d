using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Dyad.Cli;
using Dyad.Cli.Commands;

var context = new CliContext(StandardInput.Open(), new BufferedStream(Console.OpenStandardOutput(), 1 << 16), Console.Error,
    OutIsTerminal: !Console.IsOutputRedirected, ErrorIsTerminal: !Console.IsErrorRedirected);
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
            // No command at all: the help, which lists them, is the answer.
            var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
            if (parse.Errors.Count > 0)
            {
                CliErrors.Report(context.Error, ParseErrors.Describe(parse));
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

    /// <summary>
    /// A command line that does not parse, as one line: System.CommandLine reports an unknown command as two errors
    /// (the word, and "Required command was not provided") and a bad number with the CLR's type name.
    /// </summary>
    internal static class ParseErrors
    {
        public static string Describe(ParseResult parse)
        {
            var command = parse.CommandResult.Command;
            if (parse.UnmatchedTokens.Count > 0)
            {
                var token = parse.UnmatchedTokens[0];
                if (command.Subcommands.Count > 0)
                {
                    return $"'{token}' is not a command of {Path(parse.CommandResult)} (one of {Names(command)})";
                }

                return $"{Path(parse.CommandResult)}: unexpected argument '{token}' ({Path(parse.CommandResult)} --help lists its arguments and options)";
            }

            foreach (var error in parse.Errors)
            {
                var option = error.SymbolResult as OptionResult ?? (error.SymbolResult as ArgumentResult)?.Parent as OptionResult;
                if (option is not null && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
                {
                    var got = string.Join(' ', error.SymbolResult!.Tokens.Select(t => t.Value));
                    return $"{option.Option.Name} must be {Kind(option.Option.ValueType)} (got '{got}')";
                }

                if (option is not null && error.Message.StartsWith("Required argument missing", StringComparison.Ordinal))
                {
                    return $"{option.Option.Name} needs a value";
                }

                if (error.SymbolResult is ArgumentResult { Argument: var missing } && error.Message.StartsWith("Required argument", StringComparison.Ordinal))
                {
                    return $"{Path(parse.CommandResult)} needs {missing.Name} ({Path(parse.CommandResult)} --help says what it is)";
                }
            }

            if (command.Subcommands.Count > 0 && parse.Errors.Any(e => e.SymbolResult is CommandResult))
            {
                return $"{Path(parse.CommandResult)} needs a command: one of {Names(command)}";
            }

            return parse.Errors[0].Message;
        }

        private static string Names(Command command) => string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));

        /// <summary>The command as typed: "dyad", "dyad eval", "dyad eval time".</summary>
        private static string Path(CommandResult result)
        {
            var names = new List<string>();
            for (SymbolResult? r = result; r is not null; r = r.Parent)
            {
                if (r is CommandResult c)
                {
                    names.Insert(0, c.Parent is null ? "dyad" : c.Command.Name);
                }
            }

            return string.Join(' ', names);
        }

        private static string Kind(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(double) => "a number",
            var t when t == typeof(bool) => "true or false",
            var t => string.Create(CultureInfo.InvariantCulture, $"a {t.Name.ToLowerInvariant()}"),
        };
    }
}
