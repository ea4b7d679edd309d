using System.Globalization;
using System.Text;

namespace Dyad.Tools;

/// <summary>resources/cameo/cameo.tsv: every CAMEO event code with its quad class, Goldstein weight and name (facts, from GDELT's lookups).</summary>
internal static class CameoBuilder
{
    public static void Build(string data, string resources)
    {
        var names = ReadTable(Path.Combine(data, "cameo", "CAMEO.eventcodes.txt"));
        var weights = ReadTable(Path.Combine(data, "cameo", "CAMEO.goldsteinscale.txt"));
        var output = new StringBuilder();
        output.Append("# CAMEO event codes: code, quad class, Goldstein weight, name.\n");
        output.Append("# Built by `dotnet run --project tools/Dyad.Tools -- cameo` from ../shared/data/cameo (GDELT's lookup tables;\n");
        output.Append("# CAMEO: Schrodt et al.; weights: Goldstein 1992). Quad class by root: 01-04 verbal cooperation (1),\n");
        output.Append("# 05-08 material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4), as GDELT assigns them.\n");
        foreach (var (code, name) in names.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!weights.TryGetValue(code, out var weight))
            {
                throw new InvalidDataException($"no Goldstein weight for CAMEO {code}");
            }

            var root = int.Parse(code[..2], CultureInfo.InvariantCulture);
            var quad = root switch { <= 4 => 1, <= 8 => 2, <= 13 => 3, _ => 4 };
            var goldstein = double.Parse(weight, CultureInfo.InvariantCulture);
            output.Append(CultureInfo.InvariantCulture, $"{code}\t{quad}\t{goldstein:0.0}\t{Clean(name)}\n");
        }

        var path = Path.Combine(resources, "cameo", "cameo.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, output.ToString(), new UTF8Encoding(false));
        Console.Error.WriteLine($"wrote {path} ({names.Count} codes)");
    }

    private static Dictionary<string, string> ReadTable(string path)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                table[line[..tab].Trim()] = line[(tab + 1)..].Trim();
            }
        }

        return table;
    }

    private static string Clean(string name)
    {
        // The GDELT table has a few typos and odd spacing; names are labels, so tidy them. 044's name came through a
        // Mac Roman conversion that turned its quotes around "third" into Ò and Ó, eating the t and the space.
        var tidy = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return tidy.Replace("matyerial", "material", StringComparison.Ordinal).Replace("ÒhirdÓlocation", "third location", StringComparison.Ordinal);
    }
}
