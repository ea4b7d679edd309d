using System.CommandLine;
using System.Globalization;
using System.Text;
using Dyad.Segmentation;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary><c>dyad parse INPUT...</c>: CoNLL-U for raw text, through Dyad's own splitter, tokenizer, tagger and parser.</summary>
internal static class ParseCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = CommonOptions.Inputs();
        var date = CommonOptions.Date();
        var command = new Command("parse", "Print each body sentence as CoNLL-U: tags, lemmas and a dependency tree; MISC gives TokenRange=start:end into the document text.\n"
            + "Example: dyad parse samples/seoul-talks.txt")
        {
            inputs,
            date,
        };
        command.SetAction(parse =>
        {
            var batch = new InputBatch(parse.GetValue(inputs)!, CommonOptions.ParseDate(parse.GetValue(date)), context.In, context.Error);
            using var writer = new StreamWriter(context.Out, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            var syntax = SyntaxPipeline.Default;
            foreach (var document in batch.Documents())
            {
                var segmented = DocumentSegmenter.Default.Segment(document);
                var first = true;
                foreach (var sentence in segmented.Sentences)
                {
                    var parsed = syntax.Parse(sentence);
                    var comments = new List<string>();
                    if (first)
                    {
                        comments.Add($"newdoc id = {document.Id}");
                        first = false;
                    }

                    comments.Add(string.Create(CultureInfo.InvariantCulture, $"sent_id = {document.Id}-{sentence.Index}"));
                    comments.Add($"text = {sentence.Text.ReplaceLineEndings(" ")}");
                    Conllu.Write(writer, ToConllu(parsed, comments));
                }
            }

            writer.Flush();
            return batch.ExitCode();
        });
        return command;
    }

    private static ConlluSentence ToConllu(ParsedSentence parsed, List<string> comments)
    {
        var words = new List<ConlluWord>();
        foreach (var word in parsed.Words)
        {
            var next = word.Index + 1 < parsed.Words.Count ? parsed.Words[word.Index + 1].Token.Start : word.Token.End + 1;
            var misc = string.Create(CultureInfo.InvariantCulture, $"TokenRange={word.Token.Start}:{word.Token.End}");
            if (next == word.Token.End)
            {
                misc = "SpaceAfter=No|" + misc;
            }

            words.Add(new ConlluWord(word.Index + 1, word.Text, word.Lemma, word.Upos, word.Xpos, null, word.Head + 1, word.Relation, null, misc));
        }

        return new ConlluSentence(comments, words, []);
    }
}
