using System.Text;

namespace Dyad.Storage.Tests;

/// <summary>
/// The faults found by probing the program with hostile input, each run as a child process on the exact input
/// that showed it: nothing already stored is lost or overwritten, no input hangs a run, a bad record costs only itself.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        // A test may leave a folder that only its owner could not read; open it again so it can be removed.
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var folder in Directory.EnumerateDirectories(_folder.Path, "*", walk))
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _folder.Dispose();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private string Store(int stories)
    {
        var db = _folder.File("r.duckdb");
        var ingest = DyadProcess.Run("ingest", Stories.WriteCorpus(_folder.File("corpus.jsonl"), stories), "--db", db);
        Assert.Equal(0, ingest.ExitCode);
        return db;
    }

    [Fact]
    public void Out_never_overwrites_the_store_its_log_or_an_existing_file()
    {
        var db = Store(20);
        var before = File.ReadAllBytes(db);
        File.CreateSymbolicLink(_folder.File("alias.duckdb"), db);
        File.WriteAllText(_folder.File("kept.jsonl"), "keep me\n");

        var asParquet = DyadProcess.Run("events", "--db", db, "--format", "parquet", "--out", db);
        var asJsonl = DyadProcess.Run("events", "--db", db, "--out", db);
        var ontoLog = DyadProcess.Run("events", "--db", db, "--out", db + ".wal");
        var throughLink = DyadProcess.Run("events", "--db", db, "--out", _folder.File("alias.duckdb"));
        var existing = DyadProcess.Run("events", "--db", db, "--out", _folder.File("kept.jsonl"));

        foreach (var refused in new[] { asParquet, asJsonl, ontoLog, throughLink })
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("is the store being read", Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }

        Assert.Equal(1, existing.ExitCode);
        Assert.Contains("add --force", existing.Error, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(_folder.File("kept.jsonl")));
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.False(File.Exists(db + ".wal"));

        var forced = DyadProcess.Run("events", "--db", db, "--out", _folder.File("kept.jsonl"), "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(DyadProcess.Run("events", "--db", db).Out, File.ReadAllText(_folder.File("kept.jsonl")));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void A_lone_surrogate_is_reported_and_the_records_around_it_are_coded_and_stored()
    {
        var corpus = _folder.File("s.jsonl");
        File.WriteAllText(corpus,
            "{\"id\":\"a\",\"date\":\"2016-11-28\",\"text\":\"Japan met China on Monday.\"}\n"
            + "{\"id\":\"s\",\"text\":\"Officials met \\ud800 in Tokyo.\"}\n"
            + "{\"id\":\"b\",\"date\":\"2016-11-28\",\"text\":\"Russia condemned Ukraine.\"}\n");

        foreach (var (stdin, input) in new[] { ((byte[]?)null, corpus), (File.ReadAllBytes(corpus), "-") })
        {
            var code = ChildRun.Run(_folder.Path, stdin, "code", input);
            var db = _folder.File($"s{(stdin is null ? "path" : "stdin")}.duckdb");
            var ingest = ChildRun.Run(_folder.Path, stdin, "ingest", input, "--db", db);

            Assert.False(code.Hung);
            Assert.False(ingest.Hung, "ingest hung on a lone surrogate");
            Assert.Equal(2, code.ExitCode);
            Assert.Equal(["a:0:0", "b:0:0"], code.OutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
            Assert.Contains(":2: \"text\" holds an unpaired surrogate", code.Error, StringComparison.Ordinal);
            Assert.Equal(2, ingest.ExitCode);
            Assert.Equal(2, Tables.Count(db, "documents"));
        }
    }

    [Fact]
    public void One_bad_byte_or_NUL_in_a_large_JSON_Lines_file_costs_only_its_own_record_by_path_and_by_stdin()
    {
        var lines = File.ReadAllLines(Stories.WriteCorpus(_folder.File("clean.jsonl"), 2000)).Select(Utf8).ToList();
        lines[700] = [.. lines[700][..40], 0xFF, .. lines[700][40..]];
        lines[1400] = [.. lines[1400][..40], 0x00, .. lines[1400][40..]];
        var bytes = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
        var corpus = _folder.File("bad.jsonl");
        File.WriteAllBytes(corpus, bytes);

        // --quiet: a run this long would also write progress lines, which depend on timing.
        var byPath = ChildRun.Run(_folder.Path, null, "code", corpus, "--format", "tsv", "--quiet");
        var byStdin = ChildRun.Run(_folder.Path, bytes, "code", "-", "--format", "tsv", "--quiet");
        var ingest = ChildRun.Run(_folder.Path, null, "ingest", corpus, "--db", _folder.File("bad.duckdb"));

        Assert.Equal(2, byPath.ExitCode);
        Assert.Equal(byPath.Out, byStdin.Out);
        Assert.Equal(byPath.Error.Replace(corpus, "<stdin>", StringComparison.Ordinal), byStdin.Error);
        Assert.Equal([$"dyad: {corpus}:701: not valid UTF-8 (invalid byte 0xFF at byte offset 40)", $"dyad: {corpus}:1401: malformed JSON ('0x00' is invalid within a JSON string)"],
            byPath.ErrorLines);
        var codedStories = byPath.OutLines.Skip(1).Select(l => l.Split('\t')[1]).ToHashSet();
        Assert.True(codedStories.Count > 1500, $"only {codedStories.Count} stories coded");
        Assert.DoesNotContain("story-0700", codedStories);
        Assert.Contains("story-0701", codedStories);
        Assert.Equal(2, ingest.ExitCode);
        Assert.Equal(1998, Tables.Count(_folder.File("bad.duckdb"), "documents"));
    }

    [Fact]
    public void Symbolic_link_loops_are_reported_and_each_real_story_is_read_once()
    {
        var root = Directory.CreateDirectory(_folder.File("loops")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "a", "b"));
        File.WriteAllText(Path.Combine(root, "a", "talks.txt"), "Japan met China on Monday.");
        File.WriteAllText(Path.Combine(root, "top.txt"), "Russia condemned Ukraine on Tuesday.");
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "up"), "..");
        var one = ChildRun.Run(_folder.Path, null, "code", root, "--date", "2016-11-28");
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "b", "up2"), "../..");
        var two = ChildRun.Run(_folder.Path, null, "code", root, "--date", "2016-11-28");

        foreach (var result in new[] { one, two })
        {
            Assert.False(result.Hung);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal(["talks:0:0", "top:0:0"], result.OutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
            Assert.All(result.ErrorLines, line => Assert.Contains("a symbolic link loop: it leads back to", line, StringComparison.Ordinal));
        }

        Assert.Single(one.ErrorLines);
        Assert.Equal(2, two.ErrorLines.Count);
    }

    [Fact]
    public void Two_stories_under_one_id_are_never_coded_under_the_same_event_ids()
    {
        var corpus = _folder.File("dup.jsonl");
        File.WriteAllText(corpus,
            "{\"id\":\"dupx\",\"text\":\"Japan met China on Monday.\"}\n{\"id\":\"dupx\",\"text\":\"Russia condemned Ukraine.\"}\n");

        var code = ChildRun.Run(_folder.Path, null, "code", corpus);

        Assert.Equal(2, code.ExitCode);
        var ids = code.OutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Contains("Japan", Assert.Single(code.OutLines), StringComparison.Ordinal);
        Assert.Contains($"{corpus}:2: document id 'dupx' was already read with different text (at {corpus}:1)", Assert.Single(code.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_subfolder_is_reported_and_the_rest_of_the_folder_is_coded()
    {
        var root = Directory.CreateDirectory(_folder.File("tree")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "ok"));
        Directory.CreateDirectory(Path.Combine(root, "locked"));
        File.WriteAllText(Path.Combine(root, "ok", "talks.txt"), "Japan met China on Monday.");
        File.WriteAllText(Path.Combine(root, "locked", "hidden.txt"), "Russia condemned Ukraine.");
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(_folder.Path, open);
        File.SetUnixFileMode(root, open);
        File.SetUnixFileMode(Path.Combine(root, "ok"), open);
        File.SetUnixFileMode(Path.Combine(root, "ok", "talks.txt"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(Path.Combine(root, "locked"), UnixFileMode.None);

        // Root reads any folder, so the program runs as nobody there; as anyone else it runs as itself.
        var result = ChildRun.IsRoot ? ChildRun.RunAsNobody(root, "code", ".") : ChildRun.Run(root, null, "code", ".");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Japan", Assert.Single(result.OutLines), StringComparison.Ordinal);
        Assert.StartsWith("dyad: ./locked: cannot read folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_standard_input_ends_code_and_ingest_with_one_line_and_leaves_no_store()
    {
        var code = ChildRun.RunShell(_folder.Path, "<&-", "code", "-");
        var ingest = ChildRun.RunShell(_folder.Path, "<&-", "ingest", "-", "--db", "closed.duckdb");

        foreach (var result in new[] { code, ingest })
        {
            Assert.False(result.Hung, "a closed standard input hung the run");
            Assert.Equal(1, result.ExitCode);
            Assert.Equal("dyad: <stdin>: cannot read: standard input is closed", result.ErrorLines[0]);
        }

        Assert.False(File.Exists(_folder.File("closed.duckdb")));
    }

    [Fact]
    public void Events_refuses_an_unknown_id_and_a_negative_limit_with_one_line()
    {
        var db = Store(5);

        var unknown = DyadProcess.Run("events", "--db", db, "--id", "nosuch");
        var negative = DyadProcess.Run("events", "--db", db, "--limit", "-1");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("dyad: --id nosuch: no such event\n", unknown.Error);
        Assert.Equal(1, negative.ExitCode);
        Assert.Equal("dyad: --limit: -1 is not a number of events (0 or more)\n", negative.Error);
    }

    [Fact]
    public void A_date_that_is_not_a_string_is_reported_and_a_huge_bad_date_is_not_echoed_whole()
    {
        var huge = new string('9', 1_000_000);
        var corpus = _folder.File("dates.jsonl");
        File.WriteAllText(corpus,
            "{\"id\":\"n\",\"date\":20161128,\"text\":\"Japan met China.\"}\n"
            + $"{{\"id\":\"h\",\"date\":\"{huge}\",\"text\":\"Japan met China.\"}}\n");

        var result = ChildRun.Run(_folder.Path, null, "code", corpus);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.ErrorLines.Count);
        Assert.Equal($"dyad: {corpus}:1: \"date\" must be a string, not a number", result.ErrorLines[0]);
        Assert.InRange(result.ErrorLines[1].Length, 1, 300);
        Assert.Contains("(1,000,000 characters)", result.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_line_file_far_beyond_the_size_of_a_story_is_skipped_unread_within_a_small_heap()
    {
        // 60 MB on one line, read under a 128 MB heap limit: holding the file whole (as bytes and then as text) cannot
        // fit, reading it a line at a time with a story-sized buffer does. The limit stands in for a measurement of
        // peak memory, which a test cannot take reliably; the benchmark figure is in docs/measurements.md.
        var corpus = _folder.File("huge.jsonl");
        using (var file = File.Create(corpus))
        {
            file.Write("{\"id\":\"big\",\"text\":\""u8);
            var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Japan met China. ", 4096)));
            for (var written = 0L; written < 60_000_000; written += block.Length)
            {
                file.Write(block);
            }

            file.Write("\"}\n"u8);
        }

        var result = ChildRun.RunWithEnvironment(new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x8000000" }, _folder.Path, "code", corpus);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"dyad: {corpus}:1: line is too long (60,", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
