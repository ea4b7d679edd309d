using System.Text;
using System.Text.Json;

namespace Dyad.Storage.Tests;

/// <summary>
/// A fixed-seed fuzz run: a few thousand documents, good ones mixed with ones broken in every way found so far
/// (unpaired surrogates, invalid UTF-8, NUL bytes, giant tokens and lines, deep nesting, random bytes, wrong JSON
/// types), through <c>code</c> and <c>ingest</c>, by path and by standard input. No run may crash or hang; every
/// bad record is reported by its line and nothing else is; every good record is coded and stored.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Seed = 20261207;
    private const int Records = 2500;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Sentences =
    [
        "Japan and China held talks in Geneva on Monday, officials said.",
        "Russia condemned the missile test by North Korea.",
        "The foreign minister of France visited India on Tuesday.",
        "Iran rejected the decision and accused the bloc of hypocrisy.",
        "Kenyan police arrested 40 protesters in Nairobi, witnesses said.",
        "Turkey promised aid to Syria after the earthquake.",
        "Brazil and Argentina signed a trade agreement.",
        "The United Nations urged both sides to return to negotiations.",
    ];

    /// <summary>What a fuzzed corpus holds: its bytes, and which of its lines are broken (1-based) and which ids are good.</summary>
    private sealed record Corpus(byte[] Bytes, SortedSet<int> BadLines, HashSet<string> GoodIds);

    private static Corpus Generate()
    {
        var random = new Random(Seed);
        var output = new MemoryStream();
        var bad = new SortedSet<int>();
        var good = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Records; i++)
        {
            var id = $"fuzz-{i:D5}";
            var text = new StringBuilder();
            for (var s = random.Next(1, 5); s > 0; s--)
            {
                text.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
            }

            // Unique text per record, so ingest stores every good record (it skips a text it has stored).
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"Record {i} was filed.");
            var kind = random.Next(20);
            byte[] line;
            if (kind < 12)
            {
                line = Good(random, id, text.ToString(), kind);
                good.Add(id);
            }
            else
            {
                line = Bad(random, id, text.ToString(), kind);
                bad.Add(i + 1);
            }

            output.Write(line);
            output.WriteByte((byte)'\n');
        }

        return new Corpus(output.ToArray(), bad, good);
    }

    /// <summary>A record that must be coded: plain, or odd but valid (escapes, emoji, long tokens, markup as text, CRLF).</summary>
    private static byte[] Good(Random random, string id, string text, int kind)
    {
        var story = kind switch
        {
            0 => "Caf\u00e9 talks: " + text + " \ud83d\ude00",
            1 => text + " " + new string('x', random.Next(10_000, 200_000)),
            2 => string.Concat(Enumerable.Repeat("<div>", random.Next(100, 5000))) + " " + text,
            3 => text.Replace(". ", ".\n\n", StringComparison.Ordinal),
            4 => "\u202eRTL\u202c " + text + " \u00a0\u2028 end.",
            _ => text,
        };
        var json = JsonSerializer.Serialize(new { id, date = "2024-01-15", text = story });
        return Encoding.UTF8.GetBytes(kind == 5 ? json + "\r" : json);
    }

    /// <summary>A record that must be reported and skipped, each broken in a way that cannot turn out valid.</summary>
    private static byte[] Bad(Random random, string id, string text, int kind)
    {
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id, text }));
        var inside = Array.IndexOf(json, (byte)'R', json.Length - 30);
        return kind switch
        {
            12 => Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"text\":\"{text} \\ud8{random.Next(0, 16):x}{random.Next(0, 16):x}\"}}"),
            13 => [.. json[..inside], (byte)(0xF8 + random.Next(8)), .. json[inside..]],
            14 => [.. json[..inside], 0xE2, 0x82, .. json[inside..]],
            15 => [.. json[..inside], 0x00, .. json[inside..]],
            16 => json[..random.Next(1, json.Length - 1)],
            17 => [0x80, .. Enumerable.Range(0, random.Next(1, 400)).Select(_ => (byte)random.Next(0x0B, 256))],
            18 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            _ => random.Next(3) switch
            {
                0 => Encoding.UTF8.GetBytes($"{{\"id\":{random.Next()},\"text\":\"{text}\"}}"),
                1 => Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"text\":[\"{text}\"]}}"),
                _ => Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"date\":{{\"y\":2024}},\"text\":\"{text}\"}}"),
            },
        };
    }

    private static SortedSet<int> ReportedLines(ChildRun.Result result, string source) =>
        new(result.ErrorLines.Where(l => l.StartsWith($"dyad: {source}:", StringComparison.Ordinal))
            .Select(l => int.Parse(l[$"dyad: {source}:".Length..l.IndexOf(':', $"dyad: {source}:".Length)], System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Thousands_of_mutated_documents_by_path_and_by_stdin_neither_crash_nor_hang_code_or_ingest()
    {
        var corpus = Generate();
        var path = _folder.File("fuzz.jsonl");
        File.WriteAllBytes(path, corpus.Bytes);
        Assert.InRange(corpus.BadLines.Count, Records / 5, Records / 2);

        var codeByPath = ChildRun.Run(_folder.Path, null, "code", path, "--format", "tsv");
        var codeByStdin = ChildRun.Run(_folder.Path, corpus.Bytes, "code", "-", "--format", "tsv");
        var ingestByPath = ChildRun.Run(_folder.Path, null, "ingest", path, "--db", _folder.File("path.duckdb"));
        var ingestByStdin = ChildRun.Run(_folder.Path, corpus.Bytes, "ingest", "-", "--db", _folder.File("stdin.duckdb"));

        foreach (var (run, source) in new[] { (codeByPath, path), (codeByStdin, "<stdin>"), (ingestByPath, path), (ingestByStdin, "<stdin>") })
        {
            Assert.False(run.Hung, "a run hung");
            Assert.Equal(2, run.ExitCode);
            Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
            Assert.Equal(corpus.BadLines, ReportedLines(run, source));
        }

        Assert.Equal(codeByPath.Out, codeByStdin.Out);
        var coded = codeByPath.OutLines.Skip(1).Select(l => l.Split('\t')[1]).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(corpus.GoodIds, coded);
        Assert.True(coded.Count > corpus.GoodIds.Count / 2, $"{coded.Count} of {corpus.GoodIds.Count} good records gave events");
        Assert.Equal(corpus.GoodIds.Count, Tables.Count(_folder.File("path.duckdb"), "documents"));
        Assert.Equal(Tables.Dump(_folder.File("path.duckdb")), Tables.Dump(_folder.File("stdin.duckdb")));
    }

    [Fact]
    public void Mutated_files_of_every_kind_in_one_folder_are_each_read_or_reported()
    {
        var random = new Random(Seed);
        var folder = Directory.CreateDirectory(_folder.File("files")).FullName;
        var expectedBad = new SortedSet<string>(StringComparer.Ordinal);
        var expectedGood = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 60; i++)
        {
            var text = $"{Sentences[random.Next(Sentences.Length)]} File {i} was filed.";
            var name = $"f{i:D3}";
            switch (i % 6)
            {
                case 0:
                    File.WriteAllText(Path.Combine(folder, name + ".txt"), text);
                    expectedGood.Add(name);
                    break;
                case 1:
                    File.WriteAllBytes(Path.Combine(folder, name + ".txt"), [.. Encoding.UTF8.GetBytes(text), 0xC3, 0x28]);
                    expectedBad.Add(Path.Combine(folder, name + ".txt"));
                    break;
                case 2 when i % 4 == 0:
                    File.WriteAllText(Path.Combine(folder, name + ".html"), $"<html><body><article>{string.Concat(Enumerable.Repeat("<div>", 400))}<p>{text}</p></article></body></html>");
                    expectedGood.Add(name);
                    break;
                case 2:
                    File.WriteAllText(Path.Combine(folder, name + ".html"), $"<html><body><article>{string.Concat(Enumerable.Repeat("<div><b>", random.Next(5_000, 60_000)))}<p>{text}</p></article></body></html>");
                    expectedBad.Add(Path.Combine(folder, name + ".html"));
                    break;
                case 3:
                    File.WriteAllBytes(Path.Combine(folder, name + ".html"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A]);
                    expectedBad.Add(Path.Combine(folder, name + ".html"));
                    break;
                case 4:
                    File.WriteAllText(Path.Combine(folder, name + ".json"), $"[{{\"id\":\"{name}\",\"text\":\"{text}\"}}, {{\"id\": 5}}, ]");
                    expectedGood.Add(name);
                    expectedBad.Add(Path.Combine(folder, name + ".json") + "[1]");
                    break;
                default:
                    File.WriteAllText(Path.Combine(folder, name + ".json"), $"{{\"id\":\"{name}\",\"text\":\"{text}");
                    expectedBad.Add(Path.Combine(folder, name + ".json") + ":1");
                    break;
            }
        }

        var result = ChildRun.Run(_folder.Path, null, "sentences", folder);

        Assert.False(result.Hung);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("unexpected error", result.Error, StringComparison.Ordinal);
        Assert.Equal(expectedBad, new SortedSet<string>(result.ErrorLines.Select(l => l["dyad: ".Length..l.IndexOf(": ", "dyad: ".Length, StringComparison.Ordinal)]), StringComparer.Ordinal));
        var read = result.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.TryGetProperty("kind", out var k) && k.GetString() == "document")
            .Select(e => e.GetProperty("doc").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedGood, new SortedSet<string>(read, StringComparer.Ordinal));
    }
}
