using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>
/// Finds sentence boundaries among the tokens of one paragraph: after terminal punctuation (and any closing
/// quotes or brackets) when the next word can open a sentence; never after a title abbreviation or an initial;
/// after other abbreviations only when a typical sentence opener follows; at bullets and headline-style lines.
/// </summary>
internal sealed class SentenceSplitter
{
    // Capitalised words that usually open a sentence rather than continue a name: after "Inc." or "U.S."
    // a boundary is assumed only before one of these.
    private static readonly FrozenSet<string> SentenceOpeners = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "This",
        "That", "These", "Those", "There", "In", "On", "At", "As", "After", "Before", "But", "And", "Or", "So", "Yet",
        "If", "When", "While", "Although", "Though", "However", "Meanwhile", "Earlier", "Later", "Last", "Next",
        "Some", "Many", "Most", "Other", "Others", "No", "Not", "What", "Who", "Why", "How", "Where", "Which", "For",
        "From", "With", "By", "Under", "Since", "Also", "Both", "All", "Each", "One", "Two", "Three", "Officials",
        "Sources", "According", "Asked", "Despite", "During", "Until", "Such", "Then", "Now", "Still", "Even",
        "Analysts", "Experts", "Government", "Police",
    }.ToFrozenSet(StringComparer.Ordinal);

    // After "U.S." or "U.K." wire copy (Reuters above all) capitalises the next word even inside a sentence ("the U.S.
    // And Japan", "U.S. Officials said", "exports to the U.S. In March rose"): there a boundary is assumed only before
    // a word that opens sentences and almost never continues one.
    private static readonly FrozenSet<string> CountryAbbreviations = new[] { "U.S.", "U.K." }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StrongSentenceOpeners = new[]
    {
        "The", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "There", "No",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Sentence openers that also follow "U.S." as the noun it modifies ("U.S. Government officials", "U.S. Officials").
    private static readonly FrozenSet<string> ModifiedByCountry = new[] { "Government", "Officials", "Police", "Analysts", "Experts", "Sources" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly AbbreviationList _abbreviations;

    public SentenceSplitter(AbbreviationList abbreviations)
    {
        _abbreviations = abbreviations;
    }

    public static SentenceSplitter Default { get; } = new(AbbreviationList.Default);

    /// <summary>Appends to <paramref name="output"/> the [first, last] token index range of each sentence.</summary>
    public void Split(string text, IReadOnlyList<Token> tokens, List<Range> output)
    {
        var sentenceStart = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = EndOfBoundaryCandidate(text, tokens, i);
            if (end < 0)
            {
                continue;
            }

            if (end == tokens.Count - 1 || IsBoundary(text, tokens, i, end))
            {
                output.Add(new Range(sentenceStart, end + 1));
                sentenceStart = end + 1;
            }

            i = end;
        }

        if (sentenceStart < tokens.Count)
        {
            output.Add(new Range(sentenceStart, tokens.Count));
        }
    }

    /// <summary>
    /// If token <paramref name="i"/> may end a sentence, the index of the last token that belongs to that sentence
    /// (closing quotes and brackets included); otherwise -1.
    /// </summary>
    private int EndOfBoundaryCandidate(string text, IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        var isCandidate = IsTerminal(token.Text)
            || (token.Text.Length > 1 && token.Text[^1] == '.' && Classify(token.Text) is AbbreviationKind.Other or AbbreviationKind.Month)
            || (i + 1 < tokens.Count && LineBreakBetween(text, token, tokens[i + 1]) && StartsNewLine(text, tokens, i));
        if (!isCandidate)
        {
            return -1;
        }

        var end = i;
        while (end + 1 < tokens.Count && IsClosing(text, tokens[end], tokens[end + 1]))
        {
            end++;
        }

        return end;
    }

    private static bool IsBoundary(string text, IReadOnlyList<Token> tokens, int terminal, int last)
    {
        var next = tokens[last + 1];
        var token = tokens[terminal];
        var lineBreak = LineBreakBetween(text, tokens[last], next);

        if (!IsTerminal(token.Text) && token.Text[^1] != '.')
        {
            // A line break without punctuation: a headline-style line or a bullet list.
            return true;
        }

        if (!IsTerminal(token.Text))
        {
            // An abbreviation: "Acme Inc. The company ..." but not "U.S. President ..." or "Sept. 11".
            if (CountryAbbreviations.Contains(token.Text))
            {
                // Hard-wrapped wire copy breaks lines anywhere, so a line break after "U.S." ("interference by
                // U.S.\nGovernment officials", "warned the U.S.\nCongress") is no boundary by itself: only a word
                // that opens sentences and is not one "U.S." often modifies, or an opening quote, starts one.
                return StrongSentenceOpeners.Contains(next.Text)
                    || (lineBreak && ((SentenceOpeners.Contains(next.Text) && !ModifiedByCountry.Contains(next.Text)) || IsOpening(next.Text[0])));
            }

            return SentenceOpeners.Contains(next.Text) || (lineBreak && StartsUpper(next.Text));
        }

        var first = next.Text[0];
        if (char.IsLower(first))
        {
            return false; // "“Why?” he asked."
        }

        if (token.Text is "..." or "\u2026" && !lineBreak)
        {
            return StartsUpper(next.Text) && SentenceOpeners.Contains(next.Text);
        }

        return char.IsUpper(first) || char.IsDigit(first) || IsOpening(first) || IsBullet(first) || !char.IsLetter(first);
    }

    private AbbreviationKind Classify(string tokenText) => _abbreviations.Classify(tokenText.AsSpan(0, tokenText.Length - 1));

    private static bool IsTerminal(string token)
    {
        if (token.Length == 0)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (c is not ('.' or '!' or '?' or '\u2026'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsClosing(string text, Token previous, Token token)
    {
        if (token.Text.Length != 1)
        {
            return false;
        }

        var c = token.Text[0];
        if (c is ')' or ']' or '\u201D' or '\u00BB')
        {
            return true;
        }

        // A straight quote or apostrophe right after the period closes the quotation; after a space it opens one.
        return c is '"' or '\'' or '\u2019' && token.Start == previous.End && !LineBreakBetween(text, previous, token);
    }

    /// <summary>True when token i ends a line and the next line looks like its own unit (a bullet, or this line a headline).</summary>
    private static bool StartsNewLine(string text, IReadOnlyList<Token> tokens, int i)
    {
        var next = tokens[i + 1];
        if (IsBullet(next.Text[0]))
        {
            return true;
        }

        // A line written all in capitals is a headline or a section title.
        var lineStart = i;
        while (lineStart > 0 && !LineBreakBetween(text, tokens[lineStart - 1], tokens[lineStart]))
        {
            lineStart--;
        }

        var letters = 0;
        for (var k = lineStart; k <= i; k++)
        {
            foreach (var c in tokens[k].Text)
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                if (char.IsLetter(c))
                {
                    letters++;
                }
            }
        }

        return letters >= 4;
    }

    private static bool LineBreakBetween(string text, Token a, Token b) => text.AsSpan(a.End, b.Start - a.End).Contains('\n');

    private static bool StartsUpper(string s) => s.Length > 0 && char.IsUpper(s[0]);

    private static bool IsOpening(char c) => c is '"' or '\u201C' or '\u2018' or '\'' or '(' or '[' or '\u00AB';

    private static bool IsBullet(char c) => c is '\u2022' or '\u00B7' or '*' or '\u25CF' or '\u25AA' or '\u2013' or '\u2014';
}
