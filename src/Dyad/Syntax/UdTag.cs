namespace Dyad.Syntax;

/// <summary>The seventeen Universal Dependencies part-of-speech tags (UPOS), named once.</summary>
internal static class UdTag
{
    public const string Adj = "ADJ";
    public const string Adp = "ADP";
    public const string Adv = "ADV";
    public const string Aux = "AUX";
    public const string Cconj = "CCONJ";
    public const string Det = "DET";
    public const string Intj = "INTJ";
    public const string Noun = "NOUN";
    public const string Num = "NUM";
    public const string Part = "PART";
    public const string Pron = "PRON";
    public const string Propn = "PROPN";
    public const string Punct = "PUNCT";
    public const string Sconj = "SCONJ";
    public const string Sym = "SYM";
    public const string Verb = "VERB";
    public const string X = "X";
}
