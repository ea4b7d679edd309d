using System.Collections.Frozen;
namespace Dyad.Text;

/// <summary>
/// Splits text into words the way UD English treebanks do: clitics ('s, n't, 're, 'll) and punctuation apart,
/// hyphenated compounds apart unless the first part is a prefix, URLs, e-mail addresses, numbers and
/// abbreviations whole. Every token is a slice of the input, so its offsets are exact.
/// </summary>
internal sealed class Tokenizer
{
    private static readonly string[] SingleCharStrings = CreateSingleCharStrings();

    // Prefixes that UD English keeps attached to the hyphenated word ("co-workers", "non-human", "e-mail").
    private static readonly FrozenSet<string> HyphenPrefixes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "a", "e", "x", "co", "pre", "post", "non", "re", "pro", "semi", "multi", "mid", "ex", "anti", "counter",
        "de", "over", "under", "inter", "intra", "sub", "super", "ultra", "pseudo", "quasi", "neo", "socio",
        "psycho", "bi", "tri", "uni", "vice", "self", "cross", "micro", "macro", "mega", "mini", "trans", "un",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] NoApostropheNegations =
    [
        "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "hasnt", "havent", "hadnt",
        "couldnt", "wouldnt", "shouldnt", "wont", "cant",
    ];

    // Informal spellings without the apostrophe, split as UD English splits them ("thats" = "that" + "s").
    private static readonly string[] NoApostropheClitics = ["thats", "theres", "heres", "whats", "shes", "Ive", "ive", "IVE", "Im", "im", "youre", "theyre"];

    private readonly AbbreviationList _abbreviations;

    public Tokenizer(AbbreviationList abbreviations)
    {
        _abbreviations = abbreviations;
    }

    public static Tokenizer Default { get; } = new(AbbreviationList.Default);

    public AbbreviationList Abbreviations => _abbreviations;

    /// <summary>Tokenizes the whole text.</summary>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="region"/> of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public void Tokenize(string text, TextSpan region, List<Token> output)
    {
        var i = region.Start;
        var end = region.End;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var j = i;
            while (j < end && !char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            if (j > i)
            {
                TokenizeRun(text, i, j, end, output);
            }

            i = j;
        }
    }

    /// <summary>
    /// Splits a whitespace-free run where informal text glues words together ("them...and", "year,and",
    /// "system---a"), then tokenizes each piece.
    /// </summary>
    private void TokenizeRun(string text, int start, int end, int regionEnd, List<Token> output)
    {
        if (IsUrlOrEmail(text, start, end))
        {
            TokenizeChunk(text, start, end, regionEnd, output);
            return;
        }

        var pieceStart = start;
        for (var k = start + 1; k < end - 1; k++)
        {
            var c = text[k];
            int separatorEnd;
            if ((c is ',' or ';') && char.IsLetter(text[k - 1]) && char.IsLetter(text[k + 1]))
            {
                separatorEnd = k + 1;
            }
            else if ((c is '.' or '-') && text[k + 1] == c && char.IsLetterOrDigit(text[k - 1]))
            {
                separatorEnd = k;
                while (separatorEnd < end && text[separatorEnd] == c)
                {
                    separatorEnd++;
                }

                if (separatorEnd >= end || !char.IsLetter(text[separatorEnd]))
                {
                    continue;
                }
            }
            else
            {
                continue;
            }

            TokenizeChunk(text, pieceStart, k, regionEnd, output);
            Emit(text, k, separatorEnd, output);
            pieceStart = separatorEnd;
            k = separatorEnd - 1;
        }

        TokenizeChunk(text, pieceStart, end, regionEnd, output);
    }

    private void TokenizeChunk(string text, int start, int end, int regionEnd, List<Token> output)
    {
        // Leading punctuation, one token each.
        while (start < end)
        {
            var c = text[start];
            if (c == '-' && start + 1 < end && text[start + 1] == '-')
            {
                var k = start;
                while (k < end && text[k] == '-')
                {
                    k++;
                }

                Emit(text, start, k, output);
                start = k;
                continue;
            }

            if (IsRepeatable(c) && start + 1 < end && text[start + 1] == c)
            {
                var k = start;
                while (k < end && text[k] == c)
                {
                    k++;
                }

                Emit(text, start, k, output);
                start = k;
                continue;
            }

            if (IsLeadingPunctuation(text, start, end))
            {
                Emit(text, start, start + 1, output);
                start++;
                continue;
            }

            break;
        }

        if (start >= end)
        {
            return;
        }

        // Trailing punctuation, collected from the end and emitted after the core.
        var trailing = new ValueListBuilder(stackalloc int[16]);
        var coreEnd = end;
        var isUrl = IsUrlOrEmail(text, start, end);
        while (coreEnd > start)
        {
            var c = text[coreEnd - 1];
            if (c == '.')
            {
                var dotsStart = coreEnd - 1;
                while (dotsStart > start && text[dotsStart - 1] == '.')
                {
                    dotsStart--;
                }

                if (coreEnd - dotsStart >= 2)
                {
                    trailing.Append(dotsStart, coreEnd);
                    coreEnd = dotsStart;
                    continue;
                }

                if (!isUrl && IsAbbreviation(text, start, coreEnd - 1, regionEnd, end))
                {
                    break;
                }

                trailing.Append(coreEnd - 1, coreEnd);
                coreEnd--;
                continue;
            }

            if (c == '-' && coreEnd - 1 > start && text[coreEnd - 2] == '-')
            {
                var k = coreEnd - 1;
                while (k > start && text[k - 1] == '-')
                {
                    k--;
                }

                trailing.Append(k, coreEnd);
                coreEnd = k;
                continue;
            }

            if (coreEnd - 1 > start && IsRunOf(c, text[coreEnd - 2]))
            {
                // "!!!", "???", "?!", ".?" and "****" are one token each.
                var k = coreEnd - 1;
                while (k > start && IsRunOf(c, text[k - 1]))
                {
                    k--;
                }

                trailing.Append(k, coreEnd);
                coreEnd = k;
                continue;
            }

            if (IsTrailingPunctuation(c) && !(isUrl && c == '/') && !(c == ')' && HasOpenParenthesis(text, start, coreEnd - 1)))
            {
                trailing.Append(coreEnd - 1, coreEnd);
                coreEnd--;
                continue;
            }

            break;
        }

        if (coreEnd > start)
        {
            if (isUrl)
            {
                Emit(text, start, coreEnd, output);
            }
            else
            {
                TokenizeCore(text, start, coreEnd, output);
            }
        }

        for (var t = trailing.Count - 1; t >= 0; t--)
        {
            var (s, e) = trailing[t];
            Emit(text, s, e, output);
        }
    }

    private static void TokenizeCore(string text, int start, int end, List<Token> output)
    {
        var stemEnd = end;
        var clitic = FindClitic(text, start, end);
        if (clitic > start)
        {
            stemEnd = clitic;
        }

        SplitCompound(text, start, stemEnd, output);
        if (stemEnd < end)
        {
            Emit(text, stemEnd, end, output);
        }
    }

    /// <summary>Where a clitic begins at the end of [start, end), or -1.</summary>
    private static int FindClitic(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var n = span.Length;
        if (n >= 4 && IsApostrophe(span[n - 2]) && (span[n - 1] is 't' or 'T') && (span[n - 3] is 'n' or 'N'))
        {
            return end - 3; // n't
        }

        if (n >= 3 && IsApostrophe(span[n - 2]) && (span[n - 1] is 's' or 'S' or 'm' or 'M' or 'd' or 'D') && char.IsLetter(span[n - 3]))
        {
            return end - 2; // 's 'm 'd
        }

        if (n >= 4 && IsApostrophe(span[n - 3]) && char.IsLetter(span[n - 4]) &&
            (span[^2..].Equals("re", StringComparison.OrdinalIgnoreCase) ||
             span[^2..].Equals("ve", StringComparison.OrdinalIgnoreCase) ||
             span[^2..].Equals("ll", StringComparison.OrdinalIgnoreCase)))
        {
            return end - 3; // 're 've 'll
        }

        if (span.Equals("cannot", StringComparison.OrdinalIgnoreCase))
        {
            return end - 3;
        }

        if (span.Equals("alot", StringComparison.OrdinalIgnoreCase))
        {
            return end - 3;
        }

        if (span.Equals("gonna", StringComparison.OrdinalIgnoreCase) || span.Equals("wanna", StringComparison.OrdinalIgnoreCase)
            || span.Equals("gotta", StringComparison.OrdinalIgnoreCase))
        {
            return end - 2;
        }

        foreach (var form in NoApostropheNegations)
        {
            if (span.Equals(form, StringComparison.OrdinalIgnoreCase))
            {
                return end - 2;
            }
        }

        foreach (var form in NoApostropheClitics)
        {
            if (span.SequenceEqual(form))
            {
                return form[^2..] is "re" or "ve" ? end - 2 : end - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Splits "search-engine" and "5,000-strong" into three tokens, keeps "e-mail", "co-workers", "b/c",
    /// "11/28/2000" and "713-853-3989" whole, splits "and/or" and "81K".
    /// </summary>
    private static void SplitCompound(string text, int start, int end, List<Token> output)
    {
        var span = text.AsSpan(start, end - start);
        if (span.IndexOfAny("-/\u2013\u2014") < 0)
        {
            SplitNumberAndUnit(text, start, end, output);
            return;
        }

        var first = span.IndexOfAny("-/\u2013\u2014");
        if (span[first] == '-' && first > 0 && HyphenPrefixes.Contains(span[..first].ToString()) && span.IndexOfAny("/\u2013\u2014") < 0)
        {
            Emit(text, start, end, output);
            return;
        }

        if (IsCodeLikeNumber(span))
        {
            Emit(text, start, end, output);
            return;
        }

        var pieceStart = start;
        for (var k = start; k < end; k++)
        {
            if (!IsCompoundSeparator(text, start, end, k))
            {
                continue;
            }

            if (k > pieceStart)
            {
                SplitNumberAndUnit(text, pieceStart, k, output);
            }

            Emit(text, k, k + 1, output);
            pieceStart = k + 1;
        }

        if (end > pieceStart)
        {
            SplitNumberAndUnit(text, pieceStart, end, output);
        }
    }

    private static bool IsCompoundSeparator(string text, int start, int end, int k)
    {
        var c = text[k];
        if (c is '\u2013' or '\u2014')
        {
            return !(k > start && k + 1 < end && char.IsDigit(text[k - 1]) && char.IsDigit(text[k + 1]));
        }

        if (k == start || k + 1 >= end || c is not ('-' or '/'))
        {
            return false;
        }

        var before = text[k - 1];
        var after = text[k + 1];
        if (c == '-')
        {
            return char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after);
        }

        // A slash joins dates and fractions (11/28/2000) and short abbreviations (b/c, L/C); it separates words.
        if (char.IsDigit(before) && char.IsDigit(after))
        {
            return false;
        }

        return LetterRun(text, start, k, -1) >= 2 && LetterRun(text, k + 1, end, 1) >= 2
            || char.IsDigit(before) != char.IsDigit(after) || before == '$';
    }

    private static int LetterRun(string text, int from, int to, int direction)
    {
        var count = 0;
        if (direction < 0)
        {
            for (var k = to - 1; k >= from && char.IsLetter(text[k]); k--)
            {
                count++;
            }
        }
        else
        {
            for (var k = from; k < to && char.IsLetter(text[k]); k++)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Phone numbers, dates and ids: digit groups joined by hyphens or slashes, one of three or more digits.</summary>
    private static bool IsCodeLikeNumber(ReadOnlySpan<char> span)
    {
        var longest = 0;
        var run = 0;
        var groups = 1;
        foreach (var c in span)
        {
            if (char.IsDigit(c))
            {
                longest = Math.Max(longest, ++run);
            }
            else if (c is '-' or '/')
            {
                if (run == 0)
                {
                    return false;
                }

                groups++;
                run = 0;
            }
            else
            {
                return false;
            }
        }

        return run > 0 && (longest >= 3 || (groups >= 3 && span.Contains('/')));
    }

    /// <summary>"81K" and "398,487MMBTU" are a number and a unit; "20th", "1970s" and "F16" stay whole.</summary>
    private static void SplitNumberAndUnit(string text, int start, int end, List<Token> output)
    {
        var k = start;
        while (k < end && (char.IsDigit(text[k]) || (k > start && text[k] is ',' or '.' && k + 1 < end && char.IsDigit(text[k + 1]))))
        {
            k++;
        }

        if (k == start || k == end)
        {
            Emit(text, start, end, output);
            return;
        }

        var suffix = text.AsSpan(k, end - k);
        foreach (var c in suffix)
        {
            if (!char.IsLetter(c))
            {
                Emit(text, start, end, output);
                return;
            }
        }

        if (suffix is "st" or "nd" or "rd" or "th" or "s" or "ST" or "ND" or "RD" or "TH" or "S")
        {
            Emit(text, start, end, output);
            return;
        }

        Emit(text, start, k, output);
        Emit(text, k, end, output);
    }

    private bool IsAbbreviation(string text, int start, int periodIndex, int regionEnd, int chunkEnd)
    {
        var word = text.AsSpan(start, periodIndex - start);
        var kind = _abbreviations.Classify(word);
        if (kind == AbbreviationKind.None)
        {
            return false;
        }

        if (kind == AbbreviationKind.Number)
        {
            // "No. 1" is an abbreviation; "said no." is not.
            var k = chunkEnd;
            while (k < regionEnd && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            return k < regionEnd && char.IsDigit(text[k]);
        }

        return true;
    }

    private static bool IsLeadingPunctuation(string text, int index, int end)
    {
        var c = text[index];
        switch (c)
        {
            case '(' or '[' or '{' or '<' or '"' or '\u201C' or '\u2018' or '\u00AB' or '\u00BF' or '\u00A1'
                or '$' or '\u20AC' or '\u00A3' or '\u00A5' or '#' or '*' or '\u2022' or '\u00B7' or '\u2013' or '\u2014' or '\u2026':
                return index + 1 < end || c is not ('$' or '#' or '*');
            case '\'' or '\u2019':
                // '73, 'em and 'cause are words; any other leading apostrophe is a quotation mark.
                if (index + 1 >= end)
                {
                    return false;
                }

                var rest = text.AsSpan(index + 1, end - index - 1);
                return !(char.IsDigit(rest[0]) || rest.StartsWith("em", StringComparison.OrdinalIgnoreCase)
                    || rest.StartsWith("cause", StringComparison.OrdinalIgnoreCase));
            case '-':
                return index + 1 < end && !char.IsDigit(text[index + 1]);
            default:
                return false;
        }
    }

    private static bool IsTrailingPunctuation(char c) => c is ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '>'
        or '"' or '\u201D' or '\u2019' or '\'' or '\u00BB' or '%' or '\u2026' or '-' or '\u2013' or '\u2014' or '*' or '/' or '+';

    private static bool IsRunOf(char last, char previous) =>
        (IsRepeatable(last) && previous == last) || (last is '!' or '?' && previous is '!' or '?' or '.');

    private static bool IsRepeatable(char c) => c is '!' or '?' or '*' or '=' or '~' or '_' or '#' or '+' or '^';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool HasOpenParenthesis(string text, int start, int end) => text.AsSpan(start, end - start).Contains('(');

    private static bool IsUrlOrEmail(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || span.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || span.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        {
            return span.Length > 7;
        }

        var at = span.IndexOf('@');
        if (at > 0 && at < span.Length - 3)
        {
            var domain = span[(at + 1)..];
            var dot = domain.IndexOf('.');
            return dot > 0 && dot < domain.Length - 1 && char.IsLetterOrDigit(span[at - 1]);
        }

        return false;
    }

    private static void Emit(string text, int start, int end, List<Token> output)
    {
        var tokenText = end - start == 1 && text[start] < SingleCharStrings.Length
            ? SingleCharStrings[text[start]]
            : text.Substring(start, end - start);
        output.Add(new Token(tokenText, new TextSpan(start, end)));
    }

    private static string[] CreateSingleCharStrings()
    {
        var strings = new string[128];
        for (var c = 0; c < strings.Length; c++)
        {
            strings[c] = ((char)c).ToString();
        }

        return strings;
    }

    /// <summary>A small stack-first list of (start, end) pairs, so tokenizing a word allocates nothing for its punctuation.</summary>
    private ref struct ValueListBuilder
    {
        private Span<int> _items;

        public ValueListBuilder(Span<int> initial)
        {
            _items = initial;
            Count = 0;
        }

        public int Count { get; private set; }

        public readonly (int Start, int End) this[int index] => (_items[index * 2], _items[(index * 2) + 1]);

        public void Append(int start, int end)
        {
            if ((Count * 2) + 2 > _items.Length)
            {
                var bigger = new int[_items.Length * 2];
                _items.CopyTo(bigger);
                _items = bigger;
            }

            _items[Count * 2] = start;
            _items[(Count * 2) + 1] = end;
            Count++;
        }
    }
}
