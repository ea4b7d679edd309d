using Dyad.Actors;
using Dyad.Events;
using Dyad.Petrarch;

namespace Dyad.Tests.Petrarch;

// The rebuild of the built-in knowledge: a small PETRARCH dictionary in, Dyad's format out, with each defect
// fixed or dropped and counted.
public sealed class KnowledgeCompilerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-knowledge-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private KnowledgeCompiler.CompiledKnowledge Compile()
    {
        File.WriteAllText(Path.Combine(_folder, "Test.actors.txt"), """
            ARNOR_  [ARN]
            GONDOR [GON]
            +MINAS_TIRITH_
            PLA [ARNMIL]
            EARL_B._RUTH_
            	[ARNGOV 19750101-19851231]
            FARAMIR_
            	[GONGOV >19900101]
            	[GONELI <9008223]
            GONDOR [GON]
            OSGILIATH_ [GON+]
            RANGERS_OF_THE_NORTH_(ARNOR)_ [ARNREB]
            DENETHOR_(ACTING [GONGOV]
            (WHO)_ [IGOWHO]

            """);
        File.WriteAllText(Path.Combine(_folder, "Test.agents.txt"), """
            SOLDIER [~MIL]

            """);
        File.WriteAllText(Path.Combine(_folder, "CAMEO.test.txt"), """
            --- MEET   [040] ---
            MEET
            - * TROOPS  [041]
            - * AGAIN  [080!]

            """);
        return KnowledgeCompiler.Compile(_folder, "test dictionaries");
    }

    private static ActorDictionary Read(string compiled)
    {
        var dictionary = new ActorDictionary();
        using var reader = new StringReader(compiled);
        dictionary.ReadDyadFormat(reader, "compiled.txt");
        return dictionary;
    }

    private static string? CodeOf(ActorDictionary dictionary, string text, DateOnly? on = null)
    {
        var keys = text.Split(' ').Select(ActorDictionary.Key).ToArray();
        var matches = dictionary.FindAll(keys, keys);
        var match = matches.Count > 0 ? matches[0] : null;
        return match?.On(on)?.Code;
    }

    [Fact]
    public void Actors_come_out_in_Dyads_format_with_their_dates_and_read_back_to_the_same_codes()
    {
        var compiled = Compile();
        var lines = compiled.Actors.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Contains(lines, l => l.StartsWith("Earl B. Ruth\tARNGOV\t1975-01-01..1985-12-31\t", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("faramir\tGONGOV\t1990-01-01..\t", StringComparison.Ordinal));

        var dictionary = Read(compiled.Actors);
        Assert.Equal("ARN", CodeOf(dictionary, "Arnor"));
        Assert.Equal("GON", CodeOf(dictionary, "Minas Tirith"));
        Assert.Equal("ARNGOV", CodeOf(dictionary, "Earl B. Ruth", new DateOnly(1980, 5, 1)));
        Assert.Equal("GONGOV", CodeOf(dictionary, "Faramir", new DateOnly(1995, 1, 1)));
        Assert.Equal("~MIL", CodeOf(dictionary, "soldier"));
    }

    [Fact]
    public void A_long_stem_still_finds_its_forms_but_a_short_one_finds_only_itself()
    {
        var dictionary = Read(Compile().Actors);
        Assert.Equal("GON", CodeOf(dictionary, "Gondorian"));
        Assert.Equal("ARNMIL", CodeOf(dictionary, "PLA"));
        Assert.Null(CodeOf(dictionary, "place"));
        Assert.Null(CodeOf(dictionary, "planned"));
    }

    [Fact]
    public void Each_defect_is_counted_by_kind_and_left_out()
    {
        var compiled = Compile();
        Assert.Equal(1, compiled.Defects["stem shorter than 5 letters; made an exact word"]);
        Assert.Equal(1, compiled.Defects["entry repeated; later copy dropped"]);
        Assert.Equal(1, compiled.Defects["'…' is not a date (YYYYMMDD or YYMMDD) (restriction skipped)"]);
        Assert.Equal(1, compiled.Defects["actor code Dyad does not use (punctuation in it); entry dropped"]);
        Assert.Equal(1, compiled.Defects["unknown CAMEO code '…' (pattern skipped)"]);
        Assert.DoesNotContain("GON+", compiled.Actors, StringComparison.Ordinal);
        Assert.DoesNotContain("080!", compiled.Verbs, StringComparison.Ordinal);
        Assert.Contains("- * TROOPS  [041]", compiled.Verbs, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_in_brackets_is_taken_out_of_a_name_so_that_news_text_finds_it()
    {
        var compiled = Compile();
        var dictionary = Read(compiled.Actors);
        Assert.Equal("ARNREB", CodeOf(dictionary, "Rangers of the North"));
        Assert.Equal("GONGOV", CodeOf(dictionary, "Denethor"));
        Assert.Equal(3, compiled.Defects["note in brackets inside a name; note removed"]);
        Assert.Equal(1, compiled.Defects["name that is only a note in brackets; entry dropped"]);
        Assert.DoesNotContain(compiled.Actors.Split('\n').Where(l => l.Length > 0 && l[0] != '#'), line => line.Split('\t')[0].Contains('(', StringComparison.Ordinal));
    }

    [Fact]
    public void The_compiled_verbs_load_as_PETRARCH_patterns()
    {
        var compiled = Compile();
        File.WriteAllText(Path.Combine(_folder, "Compiled.verbs.txt"), compiled.Verbs);
        foreach (var name in new[] { "Test.actors.txt", "Test.agents.txt", "CAMEO.test.txt" })
        {
            File.Delete(Path.Combine(_folder, name));
        }

        var (_, events, _) = PetrarchDictionaries.LoadFolder(_folder, new ActorDictionary(), new EventDictionary());
        Assert.Contains(events.For("meet"), p => p.Code.Value == "041");
    }

    [Theory]
    [InlineData("Gondor\tGON\t1990-01-01..2000-01-01\tstem,wobbly", "'wobbly' is not a phrase flag")]
    [InlineData("Gondor\tGON\t..", "is not a date range")]
    public void A_bad_line_in_Dyads_format_is_an_error_naming_the_line(string line, string message)
    {
        var error = Assert.Throws<DictionaryFormatException>(() => Read("# header\n" + line + "\n"));
        Assert.Equal(2, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_knowledge_reads_back_and_knows_office_holders_by_date()
    {
        var actors = new ActorDictionary();
        var events = new EventDictionary();
        PetrarchDictionaries.LoadKnowledge(actors, events);
        Assert.True(actors.Count > 50_000, $"{actors.Count} actor entries");
        Assert.True(events.Count > 5_000, $"{events.Count} verb patterns");
        Assert.Equal("JPNGOV", CodeOf(actors, "Yasuhiro Nakasone", new DateOnly(1987, 4, 1)));
        Assert.Equal("JPNELI", CodeOf(actors, "Yasuhiro Nakasone", new DateOnly(1990, 4, 1)));
        Assert.Equal("IGOEUREEC", CodeOf(actors, "European Union"));
    }

    [Fact]
    public void A_one_word_name_that_is_a_common_English_word_is_matched_only_as_a_name_is_written()
    {
        File.WriteAllText(Path.Combine(_folder, "Test.actors.txt"), """
            YOUTH [ARNREB]
            GONDOR [GON]

            """);

        var compiled = KnowledgeCompiler.Compile(_folder, "test dictionaries", new HashSet<string>(StringComparer.Ordinal) { "youth" });
        var lines = compiled.Actors.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();

        Assert.Contains(lines, l => l.StartsWith("Youth\tARNREB\t\tcased\t", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("YOUTH\tARNREB\t\tcased\t", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("youth\t", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("gondor\tGON\t", StringComparison.Ordinal));
        Assert.Equal(1, compiled.Defects["one-word name that is a common English word; matched only capitalised or in capitals"]);
        Assert.Contains(Read(compiled.Actors).Entries, e => e.Code == "ARNREB" && e.WrittenAs is ["Youth"]);
    }
}
