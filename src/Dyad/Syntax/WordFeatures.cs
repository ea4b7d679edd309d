using System.Text;

namespace Dyad.Syntax;

/// <summary>The hashed views of one word that tagger and parser features are built from, computed once per word.</summary>
internal readonly record struct WordFeatures(ulong Form, ulong Lower, ulong Suffix1, ulong Suffix2, ulong Suffix3, ulong Suffix4, ulong Prefix1, ulong Prefix2, ulong Shape, int Flags)
{
    public const int Capitalised = 1;
    public const int AllCaps = 2;
    public const int HasDigit = 4;
    public const int HasHyphen = 8;

    /// <summary>Padding for positions before the start and after the end of a sentence.</summary>
    public static readonly WordFeatures Start = FromNormalised("<s>", "<s>");
    public static readonly WordFeatures End = FromNormalised("</s>", "</s>");

    public static WordFeatures Of(string word)
    {
        var normalised = Normalise(word);
        var lower = normalised.ToLowerInvariant();
        return FromNormalised(normalised, lower);
    }

    private static WordFeatures FromNormalised(string normalised, string lower)
    {
        var span = lower.AsSpan();
        var flags = 0;
        var letters = 0;
        var upper = 0;
        foreach (var c in normalised)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
            else if (char.IsDigit(c))
            {
                flags |= HasDigit;
            }
            else if (c == '-')
            {
                flags |= HasHyphen;
            }
        }

        if (normalised.Length > 0 && char.IsUpper(normalised[0]))
        {
            flags |= Capitalised;
        }

        if (letters > 1 && upper == letters)
        {
            flags |= AllCaps;
        }

        return new WordFeatures(
            FeatureHash.Of(normalised),
            FeatureHash.Of(lower),
            FeatureHash.Of(span[Math.Max(0, span.Length - 1)..]),
            FeatureHash.Of(span[Math.Max(0, span.Length - 2)..]),
            FeatureHash.Of(span[Math.Max(0, span.Length - 3)..]),
            FeatureHash.Of(span[Math.Max(0, span.Length - 4)..]),
            FeatureHash.Of(normalised.AsSpan(0, Math.Min(1, normalised.Length))),
            FeatureHash.Of(span[..Math.Min(2, span.Length)]),
            FeatureHash.Of(ShapeOf(normalised)),
            flags);
    }

    /// <summary>
    /// The form as the models see it: curly quotes and apostrophes made straight, digits made 0, so "’s" is "'s"
    /// and "1,200" is "0,000".
    /// </summary>
    public static string Normalise(string word) => Normalise(word, digits: true);

    /// <summary>Straight quotes and apostrophes only; digits kept (lemmas keep their numbers).</summary>
    public static string NormaliseQuotes(string word) => Normalise(word, digits: false);

    private static string Normalise(string word, bool digits)
    {
        var needs = false;
        foreach (var c in word)
        {
            if (c is '\u2019' or '\u2018' or '\u201C' or '\u201D' or '`' || (digits && char.IsDigit(c)))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return word;
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            builder.Append(c switch
            {
                '\u2019' or '\u2018' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                _ when digits && char.IsDigit(c) => '0',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>A compressed shape: "Tokyo" → "Xx", "U.S." → "X.X.", "1,200" → "d,d", "e-mail" → "x-x".</summary>
    public static string ShapeOf(string word)
    {
        var builder = new StringBuilder(8);
        var last = '\0';
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s != last)
            {
                builder.Append(s);
                last = s;
            }

            if (builder.Length >= 8)
            {
                break;
            }
        }

        return builder.ToString();
    }
}
