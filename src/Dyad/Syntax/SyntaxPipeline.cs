using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Syntax;

/// <summary>Tags, lemmatises and parses sentences with Dyad's own models (resources/models/).</summary>
internal sealed class SyntaxPipeline
{
    private static readonly Lazy<SyntaxPipeline> Shipped = new(LoadShipped);

    public SyntaxPipeline(PerceptronTagger tagger, Lemmatizer lemmatizer, ArcHybridParser parser)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        for (var tag = 0; tag < tagger.TagCount; tag++)
        {
            if (tagger.Xpos(tag) == "VBD" && tagger.Upos(tag) == "VERB")
            {
                _simplePast = tag;
            }

            if (tagger.Xpos(tag) == "NNP" && tagger.Upos(tag) == UdTag.Propn)
            {
                _properNoun = tag;
            }

            if (tagger.Xpos(tag) == "NN" && tagger.Upos(tag) == UdTag.Noun)
            {
                _commonNoun = tag;
            }
        }
    }

    // The tags of a singular proper and common noun (PROPN/NNP, NOUN/NN), for the closed-class repair.
    private readonly int? _properNoun;
    private readonly int? _commonNoun;

    /// <summary>
    /// The pronouns of English, in the forms the treebanks write them (informal ones too): a closed class, so a word
    /// outside it is never one, however it ends.
    /// </summary>
    private static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(
    [
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself",
        "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "ourselves", "they", "them",
        "their", "theirs", "themselves", "one", "ones", "oneself", "this", "that", "these", "those", "who", "whom", "whose",
        "which", "what", "whatever", "whoever", "whomever", "whichever", "whosoever", "something", "anything", "nothing",
        "everything", "someone", "anyone", "everyone", "noone", "somebody", "anybody", "everybody", "nobody", "none",
        "there", "'s", "s", "em", "'em", "u", "ya", "ye", "yo", "thou", "thee", "thy", "y'all", "s/he", "it's", "you're",
        "they're", "who's", "self",
    ], StringComparer.OrdinalIgnoreCase);

    // The tag of a simple past verb (VERB/VBD), for the finite-verb repair; null for a tagger without one.
    private readonly int? _simplePast;

    /// <summary>The shipped models, loaded once on first use.</summary>
    public static SyntaxPipeline Default => Shipped.Value;

    public PerceptronTagger Tagger { get; }

    public Lemmatizer Lemmatizer { get; }

    public ArcHybridParser Parser { get; }

    public ParsedSentence Parse(Sentence sentence) => Parse(Tag(sentence));

    /// <summary>Tags and lemmatises a sentence without parsing it (its words have no head yet: -1, relation "_").</summary>
    public TaggedSentence Tag(Sentence sentence)
    {
        var tokens = sentence.Tokens;
        var features = new WordFeatures[tokens.Count];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = WordFeatures.Of(tokens[i].Text);
        }

        var tags = new int[features.Length];
        Tagger.Tag(features, tags);
        (features, tags) = VerbsCapitalisedAfterAbbreviations(tokens, features, tags);
        tags = FiniteVerbWhereNoneWasTagged(tokens, tags);
        tags = NamesTaggedAsPronouns(tokens, tags);
        var words = new ParsedWord[features.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var xpos = Tagger.Xpos(tags[i]);
            words[i] = new ParsedWord(i, tokens[i], Tagger.Upos(tags[i]), xpos, Lemmatizer.Lemmatize(tokens[i].Text, xpos), -1, "_");
        }

        return new TaggedSentence(sentence, words) { Features = features, Tags = tags };
    }

    /// <summary>
    /// Older wire copy (Reuters in the 1980s, set in capitals and recased by machine) capitalises the word after
    /// "U.S." or "U.K." as if a sentence began there: "the U.S. Criticised Japan's policy", "the U.K. Would fight".
    /// Read capitalised, such a verb is tagged as a name and the parse loses the clause. Where the word, lowercased,
    /// is tagged as a verb or auxiliary in the same sentence, it is read lowercased; names ("U.S. Navy", "U.S. Trade
    /// Representative") stay as they are, since lowercased they are still nouns.
    /// </summary>
    private (WordFeatures[] Features, int[] Tags) VerbsCapitalisedAfterAbbreviations(IReadOnlyList<Token> tokens, WordFeatures[] features, int[] tags)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (tokens[i - 1].Text is not ("U.S." or "U.K.") || word.Length < 2 || !char.IsUpper(word[0]) || !word.AsSpan(1).ContainsAnyInRange('a', 'z')
                || word.AsSpan(1).ContainsAnyInRange('A', 'Z'))
            {
                continue;
            }

            var lowered = (WordFeatures[])features.Clone();
            lowered[i] = WordFeatures.Of(word.ToLowerInvariant());
            var retagged = new int[tags.Length];
            Tagger.Tag(lowered, retagged);
            if (Tagger.Xpos(retagged[i]) is { } xpos && (xpos.StartsWith("VB", StringComparison.Ordinal) || xpos == "MD"))
            {
                features = lowered;
                tags = retagged;
            }
        }

        return (features, tags);
    }

    /// <summary>
    /// The tagger guesses a word it never saw from its ending and shape, and some names end like pronouns: "Nakasone"
    /// like "someone", opening a sentence where capitals say nothing. Read as a pronoun, a name is taken to refer back
    /// and its actor is lost. Pronouns are a closed class (<see cref="Pronouns"/>), so a word outside it that was tagged
    /// as one is a proper noun when capitalised and a common noun otherwise.
    /// </summary>
    private int[] NamesTaggedAsPronouns(IReadOnlyList<Token> tokens, int[] tags)
    {
        if (_properNoun is not { } properNoun || _commonNoun is not { } commonNoun)
        {
            return tags;
        }

        int[]? repaired = null;
        for (var i = 0; i < tags.Length; i++)
        {
            var word = tokens[i].Text;
            if (Tagger.Upos(tags[i]) != UdTag.Pron || Pronouns.Contains(WordFeatures.NormaliseQuotes(word)) || !word.Any(char.IsLetter))
            {
                continue;
            }

            repaired ??= (int[])tags.Clone();
            repaired[i] = char.IsUpper(word[0]) ? properNoun : commonNoun;
        }

        return repaired ?? tags;
    }

    /// <summary>
    /// A sentence of news prose has a finite verb. The tagger, trained mostly on web text, sometimes reads a simple
    /// past as a participle right after a plural or compound subject ("the Turkish jets bombed/VBN positions",
    /// "military commanders made/VBN progress", "fierce fighting resumed/VBN"), and the parser then hangs it on the
    /// noun as a reduced relative clause: the sentence loses its clause and its event. Where no word is tagged as a
    /// finite verb or modal, the first participle that no auxiliary governs and that follows a noun or pronoun is
    /// read as a simple past. Headline-style fragments ("Five killed in attack") have no words before a noun, so a
    /// participle opening the sentence or following only a number is left alone.
    /// </summary>
    private int[] FiniteVerbWhereNoneWasTagged(IReadOnlyList<Token> tokens, int[] tags)
    {
        if (_simplePast is not { } simplePast)
        {
            return tags;
        }

        // An opening participle with an object is the clause's verb whatever follows. Any other candidate is repaired
        // only where no finite verb could be its clause's verb instead: one before it, or one after it in the same
        // stretch ("the troops deployed in the area were attacked"). A finite verb past a comma or a relative word
        // belongs to another clause ("fighting resumed on Sunday, officials said"; "jets bombed positions that the
        // rebels held"), so it does not stand in the way.
        var participle = OpeningParticipleWithObject(tokens, tags);
        var opensWithParticiple = participle >= 0;
        var anotherClauseSince = false;
        for (var i = 0; i < tags.Length && !opensWithParticiple; i++)
        {
            var xpos = Tagger.Xpos(tags[i]);
            if (xpos is "VBD" or "VBZ" or "VBP" or "MD" && !anotherClauseSince)
            {
                return tags;
            }

            if (participle >= 0 && (xpos is "," or "WDT" or "WP" or "WRB" || tokens[i].Text.Equals("that", StringComparison.OrdinalIgnoreCase)))
            {
                anotherClauseSince = true;
            }

            if (participle < 0 && xpos == "VBN" && WordBeforeAdverbs(tags, i) is { } before && IsSubjectWord(Tagger.Xpos(tags[before])) && !AuxiliaryBefore(tokens, i))
            {
                participle = i;
            }
        }

        if (participle < 0)
        {
            return tags;
        }

        var repaired = (int[])tags.Clone();
        repaired[participle] = simplePast;
        return repaired;

        // "Indian and Chinese military commanders made/VBN progress in talks ..., officials said": a sentence that
        // opens with a noun phrase and then a participle that takes an object (a passive participle takes none: "the
        // troops deployed in the area") opens with its clause's past verb, whatever verb follows.
        int OpeningParticipleWithObject(IReadOnlyList<Token> tokens, int[] tags)
        {
            var i = 0;
            while (i < tags.Length && Tagger.Xpos(tags[i]) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "CC" or "POS" or "PRP$" or "HYPH")
            {
                i++;
            }

            if (i == 0 || i + 1 >= tags.Length || Tagger.Xpos(tags[i]) != "VBN" || !IsSubjectWord(Tagger.Xpos(tags[i - 1])))
            {
                return -1;
            }

            var next = tokens[i + 1].Text;
            var takesObject = Tagger.Xpos(tags[i + 1]) is "DT" or "PRP$" or "NN" or "NNS" or "CD"
                || (Tagger.Xpos(tags[i + 1]) is "JJ" && next is not ("last" or "next" or "this" or "that" or "each" or "late" or "early"));
            return takesObject && !TimeWord(next) ? i : -1;

            static bool TimeWord(string word) => word.ToLowerInvariant() is "last" or "next" or "this" or "that" or "each" or "every"
                or "today" or "yesterday" or "tonight" or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday";
        }

        // "Morawiecki meanwhile accused": the word before the participle, past any adverbs.
        int? WordBeforeAdverbs(int[] tags, int i)
        {
            var before = i - 1;
            while (before >= 0 && Tagger.Xpos(tags[before]) == "RB")
            {
                before--;
            }

            return before >= 0 ? before : null;
        }

        static bool IsSubjectWord(string xpos) => xpos is "NN" or "NNS" or "NNP" or "NNPS" or "PRP";

        static bool AuxiliaryBefore(IReadOnlyList<Token> tokens, int participle)
        {
            for (var i = 0; i < participle; i++)
            {
                if (tokens[i].Text.ToLowerInvariant() is "has" or "have" or "had" or "is" or "are" or "was" or "were" or "be" or "been" or "being" or "get" or "got" or "gets")
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Parses a tagged sentence: the same words with their heads and relations.</summary>
    public ParsedSentence Parse(TaggedSentence tagged)
    {
        var tags = tagged.Tags;
        var xpos = new ulong[tags.Length];
        var upos = new ulong[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            xpos[i] = Tagger.XposHash(tags[i]);
            upos[i] = Tagger.UposHash(tags[i]);
        }

        var (heads, relations) = Parser.Parse(new DependencyInput(tagged.Features, xpos, upos));
        var parsed = new ParsedWord[tags.Length];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = tagged.Words[i] with { Head = heads[i + 1] - 1, Relation = relations[i + 1] };
        }

        return new ParsedSentence(tagged.Sentence, parsed);
    }

    /// <summary>Tags and parses words given as strings (gold tokenisation); heads are 1-based with 0 the root.</summary>
    internal (string[] Upos, string[] Xpos, string[] Lemmas, int[] Heads, string[] Relations) ParseWords(IReadOnlyList<string> forms)
    {
        var words = new WordFeatures[forms.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = WordFeatures.Of(forms[i]);
        }

        var tags = new int[words.Length];
        Tagger.Tag(words, tags);
        var (heads, relations) = Parser.Parse(new DependencyInput(words, tags.Select(Tagger.XposHash).ToArray(), tags.Select(Tagger.UposHash).ToArray()));
        var upos = new string[words.Length];
        var xpos = new string[words.Length];
        var lemmas = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            upos[i] = Tagger.Upos(tags[i]);
            xpos[i] = Tagger.Xpos(tags[i]);
            lemmas[i] = Lemmatizer.Lemmatize(forms[i], xpos[i]);
        }

        return (upos, xpos, lemmas, heads[1..], relations[1..]);
    }

    public static SyntaxPipeline Load(string taggerPath, string parserPath)
    {
        using var tagger = File.OpenRead(taggerPath);
        using var parser = File.OpenRead(parserPath);
        return Load(tagger, parser);
    }

    public static SyntaxPipeline Load(Stream taggerFile, Stream parserFile)
    {
        var tagger = PerceptronTagger.Read(taggerFile);
        var lemmatizer = Lemmatizer.Read(taggerFile);
        return new SyntaxPipeline(tagger, lemmatizer, ArcHybridParser.Read(parserFile));
    }

    private static SyntaxPipeline LoadShipped()
    {
        using var tagger = new BufferedStream(ResourceFiles.Open("models/tagger.bin"));
        using var parser = new BufferedStream(ResourceFiles.Open("models/parser.bin"));
        return Load(tagger, parser);
    }
}
