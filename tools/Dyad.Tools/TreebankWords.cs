namespace Dyad.Tools;

/// <summary>Words the English treebanks in the shared data write in lower case: what builders take for English words.</summary>
internal static class TreebankWords
{
    /// <summary>Every form written all in lower case in the ud-english* treebanks under <paramref name="data"/>.</summary>
    public static HashSet<string> LowerCase(string data) =>
        Tokens(data).Select(t => t.Form).Where(form => form.All(char.IsLower)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Words the treebanks write in lower case at least twice and more often than capitalised inside a sentence:
    /// common English words ("organization", "youth", "male"), as against names the web also writes in lower case.
    /// </summary>
    public static HashSet<string> MostlyLowerCase(string data)
    {
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var capitalised = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, form) in Tokens(data))
        {
            if (form.All(char.IsLower))
            {
                lower[form] = lower.GetValueOrDefault(form) + 1;
            }
            else if (id != "1" && form.Length > 1 && char.IsUpper(form[0]) && form.Skip(1).All(char.IsLower))
            {
                var key = form.ToLowerInvariant();
                capitalised[key] = capitalised.GetValueOrDefault(key) + 1;
            }
        }

        return lower.Where(w => w.Value >= 2 && w.Value > capitalised.GetValueOrDefault(w.Key)).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Each token line's id and form, treebank by treebank in a fixed order.</summary>
    private static IEnumerable<(string Id, string Form)> Tokens(string data)
    {
        var treebanks = Directory.GetFiles(data, "*.conllu", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)!).StartsWith("ud-english", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var treebank in treebanks)
        {
            foreach (var line in File.ReadLines(treebank).Where(l => l.Length > 0 && char.IsDigit(l[0])))
            {
                var fields = line.Split('\t');
                yield return (fields[0], fields[1]);
            }
        }
    }
}
