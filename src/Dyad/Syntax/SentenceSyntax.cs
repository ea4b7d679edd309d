using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Syntax;

/// <summary>
/// A sentence as coding asks about it: its words' keys, tags and lemmas, its dependency tree, and the questions
/// asked of that tree (children by relation, case, passive, negation). It may be tagged when first asked for its
/// tags or lemmas, and parsed when first asked for its tree, so that coding need not tag or parse a sentence that
/// cannot yield an event (see Coding's triage).
/// </summary>
internal class SentenceSyntax
{
    private static readonly FrozenSet<string> NegationWords = new HashSet<string>(StringComparer.Ordinal) { "not", "n't", "never", "no" }.ToFrozenSet(StringComparer.Ordinal);

    private Func<TaggedSentence>? _tagger;
    private IReadOnlyList<ParsedWord> _words = [];
    private string[] _lemmaKeys = [];
    private Func<ParsedSentence>? _parser;
    private ParsedSentence? _parse;
    private List<int>[] _children = [];

    /// <summary>A sentence already parsed; its tree is taken (and repaired, see <see cref="Repaired"/>) when first asked for.</summary>
    public SentenceSyntax(ParsedSentence parse)
        : this(parse.Sentence)
    {
        SetWords(parse.Words);
        _parser = () => parse;
    }

    /// <summary>A sentence tagged by <paramref name="syntax"/> when first asked for its tags, and parsed when first asked for its tree.</summary>
    public SentenceSyntax(Sentence sentence, SyntaxPipeline syntax)
        : this(sentence)
    {
        _tagger = () => syntax.Tag(sentence);
        _parser = () => syntax.Parse(Tagged);
    }

    private SentenceSyntax(Sentence sentence)
    {
        Sentence = sentence;
        Keys = new string[sentence.Tokens.Count];
        for (var i = 0; i < Keys.Length; i++)
        {
            Keys[i] = WordKey.Of(sentence.Tokens[i].Text);
        }
    }

    private TaggedSentence Tagged { get; set; } = null!;

    private void SetWords(IReadOnlyList<ParsedWord> words)
    {
        _words = words;
        _lemmaKeys = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            _lemmaKeys[i] = WordKey.Of(words[i].Lemma);
        }
    }

    private void EnsureTagged()
    {
        if (_tagger is { } tagger)
        {
            _tagger = null;
            Tagged = tagger();
            SetWords(Tagged.Words);
        }
    }

    /// <summary>The dependency tree (made now if it was not yet), as <see cref="Repaired"/> leaves it.</summary>
    public ParsedSentence Parse
    {
        get
        {
            EnsureParsed();
            return _parse!;
        }
    }

    /// <summary>Whether the sentence has been parsed (coding leaves some unparsed).</summary>
    public bool IsParsed => _parse is not null;

    /// <summary>Whether the sentence has been tagged (coding leaves some untagged).</summary>
    public bool IsTagged => _tagger is null;

    private List<int>[] Tree
    {
        get
        {
            EnsureParsed();
            return _children;
        }
    }

    /// <summary>Parses the sentence now if it was not yet (a sentence given its parse takes it now).</summary>
    protected void EnsureParsed()
    {
        EnsureTagged();
        if (_parser is { } parser)
        {
            _parser = null;
            _parse = Repaired(parser());
            _children = DependencyTree.ChildrenOf(_parse);
        }
    }

    /// <summary>
    /// The parser's tree as later stages read it. Syntax takes it as it is; a sentence that knows more (the actor
    /// phrases in it) repairs the parser's mistakes here, before anything reads the tree.
    /// </summary>
    protected virtual ParsedSentence Repaired(ParsedSentence parse) => parse;

    /// <summary>The first and last word of the subtree under <paramref name="head"/>.</summary>
    public (int First, int Last) SubtreeSpan(int head) => DependencyTree.SubtreeSpan(Tree, head);

    public Sentence Sentence { get; }

    public int Count => Keys.Length;

    public string[] Keys { get; }

    /// <summary>Each word's lemma, lower case (tagging the sentence if it was not yet).</summary>
    public string[] LemmaKeys
    {
        get
        {
            EnsureTagged();
            return _lemmaKeys;
        }
    }

    /// <summary>A word with its tags and lemma; its place in the tree is read through <see cref="Head"/> and <see cref="Relation"/>.</summary>
    public ParsedWord this[int index]
    {
        get
        {
            EnsureTagged();
            return _words[index];
        }
    }

    public string Lemma(int index) => LemmaKeys[index];

    public string Relation(int index) => Parse.Words[index].Relation;

    public int Head(int index) => Parse.Words[index].Head;

    public IReadOnlyList<int> Children(int head) => Tree[head];

    /// <summary>Children whose relation is <paramref name="relation"/> or one of its subtypes ("obl" matches "obl:tmod").</summary>
    public IEnumerable<int> Children(int head, string relation)
    {
        foreach (var child in Tree[head])
        {
            var rel = Relation(child);
            if (rel == relation || (rel.StartsWith(relation, StringComparison.Ordinal) && rel.Length > relation.Length && rel[relation.Length] == ':'))
            {
                yield return child;
            }
        }
    }

    public int FirstChild(int head, string relation)
    {
        foreach (var child in Children(head, relation))
        {
            return child;
        }

        return -1;
    }

    /// <summary>The preposition that introduces a nominal argument ("with" of "with Japan"), lower case, or null.</summary>
    public string? CaseOf(int word)
    {
        foreach (var child in Tree[word])
        {
            if (Relation(child) == UdRelation.Case)
            {
                return Lemma(child);
            }
        }

        // A clause introduced by a preposition-like marker ("with North Korea's ruling party" parsed as a clause).
        foreach (var child in Tree[word])
        {
            if (Relation(child) == UdRelation.Mark && this[child].Upos == UdTag.Adp)
            {
                return Lemma(child);
            }
        }

        return null;
    }

    /// <summary>What a verb acts on: its direct object, or in the passive its subject; -1 when it has none.</summary>
    public int ObjectOf(int verb, bool passive) => FirstChild(verb, passive ? UdRelation.NsubjPass : UdRelation.Obj);

    public bool IsPassive(int verb) =>
        Children(verb, UdRelation.NsubjPass).Any() || Children(verb, UdRelation.AuxPass).Any() || Children(verb, UdRelation.OblAgent).Any();

    /// <summary>"did not meet", "never met": a negation on the verb itself.</summary>
    public bool IsNegated(int verb) =>
        Tree[verb].Any(c => Relation(c) is UdRelation.Advmod or UdRelation.Neg && NegationWords.Contains(Lemma(c)));

    public bool IsPronoun(int word) => this[word].Upos == UdTag.Pron;

    public bool IsRelativePronoun(int word) => Lemma(word) is "which" or "who" or "that" or "whom";

    public bool HasPrecedingCoordinator(int word) => Tree[word].Any(c => Relation(c) == UdRelation.Cc);

    /// <summary>All words under <paramref name="head"/> (itself included) reached through the given relations.</summary>
    public List<int> Subtree(int head, Func<string, bool> follow)
    {
        var result = new List<int> { head };
        var stack = new Stack<int>();
        stack.Push(head);
        while (stack.Count > 0)
        {
            foreach (var child in Tree[stack.Pop()])
            {
                if (follow(Relation(child)))
                {
                    result.Add(child);
                    stack.Push(child);
                }
            }
        }

        result.Sort();
        return result;
    }

    public TextSpan SpanOf(int first, int last) => new(Sentence.Tokens[first].Start, Sentence.Tokens[last].End);

    /// <summary>The sentence's text at a document span inside it.</summary>
    public string TextOf(TextSpan span) => Sentence.Text.Substring(span.Start - Sentence.Span.Start, span.Length);
}
