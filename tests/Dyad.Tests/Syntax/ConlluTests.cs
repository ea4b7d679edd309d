using Dyad.Syntax;

namespace Dyad.Tests.Syntax;

public sealed class ConlluTests
{
    private const string Sample = """
        # newdoc id = wire-1
        # sent_id = wire-1-0
        # text = Japan didn't meet them.
        1	Japan	Japan	PROPN	NNP	Number=Sing	3	nsubj	3:nsubj	_
        2-3	didn't	_	_	_	_	_	_	_	_
        2	did	do	AUX	VBD	Mood=Ind	4	aux	4:aux	_
        3	n't	not	PART	RB	_	4	advmod	4:advmod	_
        4	meet	meet	VERB	VB	VerbForm=Inf	0	root	0:root	_
        5	them	they	PRON	PRP	Case=Acc	4	obj	4:obj	SpaceAfter=No
        5.1	met	meet	VERB	VBD	_	_	_	4:conj	_
        6	.	.	PUNCT	.	_	4	punct	4:punct	_

        """;

    [Fact]
    public void Reads_words_multiword_tokens_and_comments_and_skips_empty_nodes()
    {
        var sentence = Assert.Single(Conllu.Read(new StringReader(Sample.ReplaceLineEndings("\n")), "sample"));

        Assert.Equal("wire-1", sentence.NewDoc);
        Assert.Equal("Japan didn't meet them.", sentence.Text);
        Assert.Equal(6, sentence.Words.Count);
        Assert.Equal(new ConlluMultiword(2, 3, "didn't", null), Assert.Single(sentence.Multiwords));
        Assert.Equal("nsubj", sentence.Words[0].Deprel);
        Assert.Equal(4, sentence.Words[4].Head);
        Assert.False(sentence.Words[4].SpaceAfter);
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        var text = Sample.ReplaceLineEndings("\n").Replace("5.1\tmet\tmeet\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n", string.Empty, StringComparison.Ordinal);
        var sentence = Assert.Single(Conllu.Read(new StringReader(text), "sample"));
        var writer = new StringWriter();

        Conllu.Write(writer, sentence);

        Assert.Equal(text.TrimEnd('\n') + "\n\n", writer.ToString());
    }

    [Fact]
    public void A_line_with_the_wrong_number_of_columns_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => Conllu.Read(new StringReader("# text = x\n1\tx\tx\n"), "bad.conllu").ToList());

        Assert.Equal("bad.conllu:2: expected 10 tab-separated columns, found 3", error.Message);
    }
}
