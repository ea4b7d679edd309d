using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>What an abbreviation does at a sentence boundary.</summary>
internal enum AbbreviationKind
{
    /// <summary>Not an abbreviation.</summary>
    None,

    /// <summary>Precedes a name ("Gen.", "St."): never ends a sentence.</summary>
    Title,

    /// <summary>Precedes a number ("No. 1"): an abbreviation only when a digit follows.</summary>
    Number,

    /// <summary>A month or weekday ("Sept."): ends a sentence only before a sentence-opening word.</summary>
    Month,

    /// <summary>Anything else ("Inc.", "U.S."): ends a sentence before a sentence-opening word.</summary>
    Other,

    /// <summary>A single capital letter and a period: a person's initial.</summary>
    Initial,
}

/// <summary>The abbreviations whose final period belongs to the word, loaded from resources/lexicon/abbreviations.txt.</summary>
internal sealed class AbbreviationList
{
    private readonly FrozenDictionary<string, AbbreviationKind> _forms;
    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private AbbreviationList(Dictionary<string, AbbreviationKind> forms)
    {
        _forms = forms.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _forms.Count;

    public static AbbreviationList Default { get; } = Parse(ResourceFiles.ReadText("lexicon/abbreviations.txt"), "abbreviations.txt");

    public static AbbreviationList Parse(string content, string fileName)
    {
        var forms = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in content.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[1].Length == 0)
            {
                throw new FormatException($"{fileName}:{lineNumber}: expected KIND<TAB>FORM");
            }

            var kind = parts[0] switch
            {
                "title" => AbbreviationKind.Title,
                "number" => AbbreviationKind.Number,
                "month" => AbbreviationKind.Month,
                "other" => AbbreviationKind.Other,
                _ => throw new FormatException($"{fileName}:{lineNumber}: unknown kind '{parts[0]}'"),
            };
            forms[parts[1]] = kind;
            forms.TryAdd(parts[1].ToUpperInvariant(), kind);
        }

        return new AbbreviationList(forms);
    }

    /// <summary>Classifies a word written without its final period ("Gen", "U.S", "J").</summary>
    public AbbreviationKind Classify(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return AbbreviationKind.None;
        }

        if (_lookup.TryGetValue(word, out var kind))
        {
            return kind;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return AbbreviationKind.Initial;
        }

        // Dotted letter sequences: U.S, a.m, Ph.D, D.C — letters of one or two characters separated by periods.
        return IsDottedLetters(word) ? AbbreviationKind.Other : AbbreviationKind.None;
    }

    private static bool IsDottedLetters(ReadOnlySpan<char> word)
    {
        var dots = 0;
        var run = 0;
        foreach (var c in word)
        {
            if (c == '.')
            {
                if (run == 0)
                {
                    return false;
                }

                dots++;
                run = 0;
            }
            else if (char.IsLetter(c))
            {
                if (++run > 2)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return dots >= 1 && run > 0;
    }
}
