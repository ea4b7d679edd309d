namespace Dyad.Tools;

/// <summary>Words the English treebanks in the shared data write in lower case: what builders take for English words.</summary>
internal static class TreebankWords
{
    /// <summary>Every form written all in lower case in the ud-english* treebanks under <paramref name="data"/>.</summary>
    public static HashSet<string> LowerCase(string data)
    {
        var english = new HashSet<string>(StringComparer.Ordinal);
        var treebanks = Directory.GetFiles(data, "*.conllu", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)!).StartsWith("ud-english", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var treebank in treebanks)
        {
            foreach (var line in File.ReadLines(treebank).Where(l => l.Length > 0 && char.IsDigit(l[0])))
            {
                var form = line.Split('\t')[1];
                if (form.All(char.IsLower))
                {
                    english.Add(form);
                }
            }
        }

        return english;
    }
}
