using System.Text;

namespace Dyad.Tools;

/// <summary>
/// resources/cameo/cameo-plover.tsv: each CAMEO code's PLOVER event type, mode and context, as the PLOVER manual's
/// conversion table (draft 0.8, 2021; openeventdata/PLOVER, CC BY-SA 4.0) gives them. Facts, taken as they stand.
/// </summary>
internal static class PloverTableBuilder
{
    public const string SourceName = "CAMEO2PLOVER-2021.txt";

    public static void Build(string data, string resources)
    {
        // The table is kept with the PLOVER records in ../shared/eval/plover, beside ../shared/data.
        var source = Path.GetFullPath(Path.Combine(data, "..", "eval", "plover", SourceName));
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"the CAMEO to PLOVER table is not at {source}");
        }

        var table = Convert(File.ReadLines(source));
        var path = Path.Combine(resources, "cameo", "cameo-plover.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, table, new UTF8Encoding(false));
        Console.Error.WriteLine($"wrote {path} ({table.Split('\n').Count(l => l.Length > 0 && l[0] != '#')} codes)");
    }

    /// <summary>
    /// The resource from the manual's lines (<c>CODE: TYPE, MODE, CONTEXT # CAMEO name</c>): one line a code, sorted,
    /// blank fields left empty. A root's own line (<c>03: AGREE</c>) gives only a type; the manual gives root 08 two
    /// (CONCEDE, then RETREAT, as it splits the root), and then the root takes the type of its general code (080).
    /// A code listed twice must say the same both times.
    /// </summary>
    public static string Convert(IEnumerable<string> lines)
    {
        var rows = new Dictionary<string, (string Type, string Mode, string Context)>(StringComparer.Ordinal);
        var rootTypes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var code = line[..colon].Trim();
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"not a CAMEO code: '{raw}'");
            }

            var fields = line[(colon + 1)..].Split(',').Select(Tidy).ToArray();
            if (fields.Length > 3 || fields[0].Length == 0 || !fields[0].All(char.IsAsciiLetterUpper))
            {
                throw new InvalidDataException($"not a PLOVER row: '{raw}'");
            }

            if (code.Length == 2)
            {
                if (fields.Length > 1)
                {
                    throw new InvalidDataException($"a root's line gives only its type: '{raw}'");
                }

                if (!rootTypes.TryGetValue(code, out var types))
                {
                    rootTypes[code] = types = [];
                }

                types.Add(fields[0]);
                continue;
            }

            var row = (fields[0], fields.Length > 1 ? fields[1] : string.Empty, fields.Length > 2 ? fields[2] : string.Empty);
            if (rows.TryGetValue(code, out var earlier) && earlier != row)
            {
                throw new InvalidDataException($"CAMEO {code} is listed twice with different PLOVER fields");
            }

            rows[code] = row;
        }

        foreach (var (root, types) in rootTypes)
        {
            var type = types.Distinct(StringComparer.Ordinal).Count() == 1 ? types[0]
                : rows.TryGetValue(root + "0", out var general) && types.Contains(general.Type) ? general.Type
                : throw new InvalidDataException($"root {root} has types {string.Join(", ", types)} and no general code to choose between them");
            rows[root] = (type, string.Empty, string.Empty);
        }

        var output = new StringBuilder();
        output.Append("# CAMEO code to PLOVER event type, mode and context: code, type, mode, context (empty when the table gives none).\n");
        output.Append("# Built by `dotnet run --project tools/Dyad.Tools -- plover` from the PLOVER manual's conversion table\n");
        output.Append("# (draft 0.8, 2021-09-17, Philip Schrodt; openeventdata/PLOVER, CC BY-SA 4.0; see NOTICE). Codes the table\n");
        output.Append("# leaves out (01 make public statement, 02 appeal) have no PLOVER fields.\n");
        foreach (var (code, (type, mode, context)) in rows.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.Append(code).Append('\t').Append(type).Append('\t').Append(mode).Append('\t').Append(context).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>A field without its padding; several contexts ("crime; corruption") keep the table's separator.</summary>
    private static string Tidy(string field) => string.Join(' ', field.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
