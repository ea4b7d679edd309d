using System.Globalization;
using System.Text;

namespace Dyad.Syntax;

/// <summary>One syntactic word of a CoNLL-U sentence (ten columns; "_" is read as null).</summary>
internal sealed record ConlluWord(
    int Id,
    string Form,
    string? Lemma,
    string? Upos,
    string? Xpos,
    string? Feats,
    int Head,
    string? Deprel,
    string? Deps,
    string? Misc)
{
    public bool SpaceAfter => Misc is null || !Misc.Split('|').Contains("SpaceAfter=No", StringComparer.Ordinal);
}

/// <summary>A multiword token line ("3-4 don't"): the surface form of words First..Last.</summary>
internal sealed record ConlluMultiword(int First, int Last, string Form, string? Misc)
{
    public bool SpaceAfter => Misc is null || !Misc.Split('|').Contains("SpaceAfter=No", StringComparer.Ordinal);
}

/// <summary>A CoNLL-U sentence: its comments (sent_id, text, newdoc, newpar), words and multiword tokens.</summary>
internal sealed record ConlluSentence(
    IReadOnlyList<string> Comments,
    IReadOnlyList<ConlluWord> Words,
    IReadOnlyList<ConlluMultiword> Multiwords)
{
    public string? SentId => Comment("sent_id");

    public string? Text => Comment("text");

    public string? NewDoc => Comments.Any(c => c.StartsWith("newdoc", StringComparison.Ordinal)) ? Comment("newdoc id") ?? string.Empty : null;

    public bool NewPar => Comments.Any(c => c.StartsWith("newpar", StringComparison.Ordinal));

    public string? Comment(string key)
    {
        foreach (var comment in Comments)
        {
            if (comment.StartsWith(key, StringComparison.Ordinal))
            {
                var rest = comment.AsSpan(key.Length).TrimStart();
                if (rest.StartsWith("="))
                {
                    return rest[1..].Trim().ToString();
                }
            }
        }

        return null;
    }
}

/// <summary>Reads and writes CoNLL-U (universaldependencies.org/format.html). Empty nodes ("8.1") are skipped.</summary>
internal static class Conllu
{
    public static IEnumerable<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        foreach (var sentence in Read(reader, path))
        {
            yield return sentence;
        }
    }

    public static IEnumerable<ConlluSentence> Read(TextReader reader, string source)
    {
        var comments = new List<string>();
        var words = new List<ConlluWord>();
        var multiwords = new List<ConlluMultiword>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new ConlluSentence(comments.ToArray(), words.ToArray(), multiwords.ToArray());
                }

                comments.Clear();
                words.Clear();
                multiwords.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                comments.Add(line[1..].Trim());
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new FormatException($"{source}:{lineNumber}: expected 10 tab-separated columns, found {cols.Length}");
            }

            var id = cols[0];
            if (id.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var dash = id.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                multiwords.Add(new ConlluMultiword(ParseInt(id[..dash], source, lineNumber), ParseInt(id[(dash + 1)..], source, lineNumber), cols[1], Null(cols[9])));
                continue;
            }

            words.Add(new ConlluWord(
                ParseInt(id, source, lineNumber),
                cols[1],
                Null(cols[2]),
                Null(cols[3]),
                Null(cols[4]),
                Null(cols[5]),
                cols[6] == "_" ? -1 : ParseInt(cols[6], source, lineNumber),
                Null(cols[7]),
                Null(cols[8]),
                Null(cols[9])));
        }

        if (words.Count > 0)
        {
            yield return new ConlluSentence(comments.ToArray(), words.ToArray(), multiwords.ToArray());
        }
    }

    public static void Write(TextWriter writer, ConlluSentence sentence)
    {
        foreach (var comment in sentence.Comments)
        {
            writer.Write("# ");
            writer.Write(comment);
            writer.Write('\n');
        }

        var multiwordIndex = 0;
        foreach (var word in sentence.Words)
        {
            while (multiwordIndex < sentence.Multiwords.Count && sentence.Multiwords[multiwordIndex].First == word.Id)
            {
                var mwt = sentence.Multiwords[multiwordIndex++];
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{mwt.First}-{mwt.Last}\t{mwt.Form}\t_\t_\t_\t_\t_\t_\t_\t{mwt.Misc ?? "_"}\n"));
            }

            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{word.Id}\t{word.Form}\t{word.Lemma ?? "_"}\t{word.Upos ?? "_"}\t{word.Xpos ?? "_"}\t{word.Feats ?? "_"}\t{(word.Head < 0 ? "_" : word.Head.ToString(CultureInfo.InvariantCulture))}\t{word.Deprel ?? "_"}\t{word.Deps ?? "_"}\t{word.Misc ?? "_"}\n"));
        }

        writer.Write('\n');
    }

    private static string? Null(string value) => value == "_" ? null : value;

    private static int ParseInt(string value, string source, int line) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{source}:{line}: '{value}' is not a word index");
}
