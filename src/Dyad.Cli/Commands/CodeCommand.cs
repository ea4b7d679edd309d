using System.CommandLine;
using System.Text;
using Dyad.Actors;
using Dyad.Coding;
using Dyad.Records;
using Dyad.Storage.Exports;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad code INPUT...</c>: coded events as the contract's JSON Lines (or TSV).</summary>
internal static class CodeCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = CommonOptions.Inputs();
        var date = CommonOptions.Date();
        var format = new Option<string?>("--format") { Description = "table (the default when standard output is a terminal), jsonl (the default otherwise), tsv or polecat (POLECAT's event columns, PLOVER events only)." };
        OptionValues.OneOf(format, [EventTable.Name, .. EventFormats.ForCodedEvents]);
        var dictionaries = new Option<string?>("--dictionaries") { Description = "A folder of PETRARCH/TABARI dictionaries (*.verbs.txt, *.actors.txt, *.agents.txt, *.discards.txt) to use as well as the built-in ones." };
        var onlyExternal = new Option<bool>("--only-external") { Description = "Use only the dictionaries given with --dictionaries." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on standard error (shown for long runs whose output goes to a file or a pipe)." };
        var command = new Command("code", "Code documents into events: one JSON object per event (the record in docs/record.md), with its evidence, or a table for reading.\n"
            + "Example: dyad code samples/ --date 2023-03-07")
        {
            inputs,
            date,
            format,
            dictionaries,
            onlyExternal,
            quiet,
        };
        command.SetAction(parse =>
        {
            // The models and dictionaries (half a gigabyte in memory) load when the first story is read: input that
            // holds no story, such as one overlong line, is reported without them.
            CoderFactory.CheckOptions(parse.GetValue(dictionaries), parse.GetValue(onlyExternal));
            var coder = new Lazy<DocumentCoder>(() => CoderFactory.Create(parse.GetValue(dictionaries), parse.GetValue(onlyExternal), context.Error));
            var batch = new InputBatch(parse.GetValue(inputs)!, CommonOptions.ParseDate(parse.GetValue(date)), context.In, context.Error);
            // A person at a terminal reads a table; a pipe or a file gets JSON Lines, the record whole.
            var formatName = parse.GetValue(format) ?? (context.OutIsTerminal ? EventTable.Name : EventFormats.Jsonl.Name);
            var (header, row) = formatName == EventTable.Name
                ? (EventTable.Header, EventTable.Row)
                : EventFormats.Named(formatName) is var chosen
                    ? (chosen.Columns is { } columns ? string.Join('\t', columns) : null, chosen.CodedRow!)
                    : default;
            if (header is not null)
            {
                context.Out.Write(Encoding.UTF8.GetBytes(header + "\n"));
            }

            // Progress goes to standard error; when both streams are one terminal, it would break the table's lines.
            var progress = Progress.Start("code", context, parse.GetValue(quiet) || (context.OutIsTerminal && context.ErrorIsTerminal), parse.GetValue(inputs)!);
            long stories = 0, events = 0;
            var ids = new DocumentIds();
            foreach (var document in batch.Documents())
            {
                if (ids.Clash(document) is { } clash)
                {
                    batch.Fail(document, clash);
                    stories++;
                    continue;
                }

                var documentCoder = coder.Value;
                CodedDocument coded;
                try
                {
                    coded = documentCoder.Code(document);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One story that trips a bug is reported and skipped; the stories after it are still coded.
                    batch.Fail(document, $"could not be coded: {e.GetType().Name}: {e.Message}");
                    stories++;
                    continue;
                }

                foreach (var e in coded.Events)
                {
                    if (row(EventRecord.From(e)) is { } line)
                    {
                        context.Out.Write(Encoding.UTF8.GetBytes(line + "\n"));
                    }
                }

                events += coded.Events.Count;
                progress?.Report(++stories, events);
            }

            progress?.Finish();
            context.Out.Flush();
            return batch.ExitCode();
        });
        return command;
    }
}

/// <summary>Builds the document coder from the built-in dictionaries and any given on the command line.</summary>
internal static class CoderFactory
{
    public static DocumentCoder Create(string? dictionaries, bool onlyExternal, TextWriter error)
    {
        CheckOptions(dictionaries, onlyExternal);
        try
        {
            return DocumentCoder.Create(dictionaries, onlyExternal, warning => CliErrors.Report(error, "warning: " + warning));
        }
        catch (DictionaryFormatException e)
        {
            throw new CliException($"dictionary error: {e.Message}");
        }
    }

    /// <summary>The dictionary options, checked before any input is read.</summary>
    public static void CheckOptions(string? dictionaries, bool onlyExternal)
    {
        if (onlyExternal && dictionaries is null)
        {
            throw new CliException("--only-external needs --dictionaries DIR");
        }

        if (dictionaries is not null && !Directory.Exists(dictionaries))
        {
            throw new CliException($"--dictionaries: {dictionaries}: no such folder");
        }
    }
}
