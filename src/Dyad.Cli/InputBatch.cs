using Dyad.Documents;
using Dyad.Html;

namespace Dyad.Cli;

/// <summary>Reads a command's inputs, reporting each bad one on standard error and counting what was skipped.</summary>
internal sealed class InputBatch(IReadOnlyList<string> inputs, DateOnly? defaultDate, Stream standardInput, TextWriter error)
{
    private readonly Lock _lock = new();

    public int Read { get; private set; }

    public int Skipped { get; private set; }

    public IEnumerable<Document> Documents()
    {
        var reader = new DocumentReader(defaultDate, new HtmlTextReader());
        foreach (var input in reader.Read(inputs, standardInput))
        {
            if (input.Document is { } document)
            {
                lock (_lock)
                {
                    Read++;
                }

                yield return document;
            }
            else if (input.Error is { } failure)
            {
                lock (_lock)
                {
                    Skipped++;
                    CliErrors.Report(error, failure.Source, failure.Message);
                }
            }
        }
    }

    /// <summary>Reports a document that was read but failed in a later stage, and counts it as skipped.</summary>
    public void Fail(Document document, string message)
    {
        lock (_lock)
        {
            Skipped++;
            Read--;
            CliErrors.Report(error, document.Source, message);
        }
    }

    public int ExitCode()
    {
        if (Read == 0)
        {
            if (Skipped == 0)
            {
                CliErrors.Report(error, "empty input: no documents");
            }

            return CliErrors.Failure;
        }

        return Skipped > 0 ? CliErrors.Skipped : CliErrors.Success;
    }
}
