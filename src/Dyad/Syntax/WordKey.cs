namespace Dyad.Syntax;

/// <summary>How a word or lemma is looked up in the dictionaries and compared by coding: straight quotes, lower case.</summary>
internal static class WordKey
{
    public static string Of(string word) => WordFeatures.NormaliseQuotes(word).ToLowerInvariant();
}
