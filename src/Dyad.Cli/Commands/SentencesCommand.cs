using System.CommandLine;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad sentences INPUT...</c>: the cleaned body's sentences and tokens, with offsets, as JSON Lines.</summary>
internal static class SentencesCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = CommonOptions.Inputs();
        var date = CommonOptions.Date();
        var command = new Command("sentences", "Print each document's body sentences and tokens, with offsets into its text, as JSON Lines.\n"
            + "Before a document's sentences comes one line with \"kind\": \"document\" naming its headline, byline, dateline and removed boilerplate.\n"
            + "Example: dyad sentences samples/")
        {
            inputs,
            date,
        };
        command.SetAction(parse =>
        {
            var batch = new InputBatch(parse.GetValue(inputs)!, CommonOptions.ParseDate(parse.GetValue(date)), context.In, context.Error);
            using var json = new Utf8JsonWriter(context.Out, new JsonWriterOptions { SkipValidation = true });
            foreach (var document in batch.Documents())
            {
                var segmented = DocumentSegmenter.Default.Segment(document);
                WriteDocument(json, segmented, context.Out);
                foreach (var sentence in segmented.Sentences)
                {
                    WriteSentence(json, document.Id, sentence, context.Out);
                }
            }

            context.Out.Flush();
            return batch.ExitCode();
        });
        return command;
    }

    private static void WriteDocument(Utf8JsonWriter json, SegmentedDocument segmented, Stream output)
    {
        var layout = segmented.Layout;
        json.WriteStartObject();
        json.WriteString("kind", "document");
        json.WriteString("doc", segmented.Document.Id);
        JsonFields.WriteDate(json, "date", segmented.Document.Date);
        json.WriteNumber("sentences", segmented.Sentences.Count);
        if (layout.Headline is { } headline)
        {
            json.WriteStartObject("headline");
            json.WriteString("text", headline.Text);
            JsonFields.WriteSpan(json, headline.Span);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("headline");
        }

        if (layout.Byline is { } byline)
        {
            json.WriteStartObject("byline");
            json.WriteString("text", byline.Text);
            json.WriteString("name", byline.Name);
            json.WriteBoolean("agency", byline.IsAgency);
            JsonFields.WriteSpan(json, byline.Span);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("byline");
        }

        if (layout.Dateline is { } dateline)
        {
            json.WriteStartObject("dateline");
            json.WriteString("text", dateline.Text);
            json.WriteString("place", dateline.Place);
            json.WriteString("date", dateline.DateText);
            json.WriteString("agency", dateline.Agency);
            JsonFields.WriteSpan(json, dateline.Span);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("dateline");
        }

        json.WriteStartArray("boilerplate");
        foreach (var removed in layout.Boilerplate)
        {
            json.WriteStartObject();
            json.WriteString("text", removed.Text);
            json.WriteString("reason", removed.Reason);
            JsonFields.WriteSpan(json, removed.Span);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        JsonFields.EndLine(json, output);
    }

    private static void WriteSentence(Utf8JsonWriter json, string doc, Sentence sentence, Stream output)
    {
        json.WriteStartObject();
        json.WriteString("kind", "sentence");
        json.WriteString("doc", doc);
        json.WriteNumber("index", sentence.Index);
        json.WriteNumber("start", sentence.Span.Start);
        json.WriteNumber("end", sentence.Span.End);
        json.WriteString("text", sentence.Text);
        json.WriteStartArray("tokens");
        foreach (var token in sentence.Tokens)
        {
            json.WriteStartObject();
            json.WriteString("text", token.Text);
            json.WriteNumber("start", token.Start);
            json.WriteNumber("end", token.End);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        JsonFields.EndLine(json, output);
    }
}
