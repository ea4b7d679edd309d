using Dyad.Actors;
using Dyad.Tools;
using Fact = Dyad.Tools.LeaderDictionaryBuilder.Fact;

namespace Dyad.Tests.Tools;

/// <summary>The leaders.txt builder: fact rows in, dictionary lines out, and what it drops, and why.</summary>
public sealed class LeaderDictionaryBuilderTests
{
    private const string IfG = "instituteforgov/ifg-ministers-database-public@92e2270:data/appointment.csv";
    private const string Reign = "REIGN leaderlist_3_21 via OEFDataScience/REIGN.github.io@d7a8a6f:data_sets/leaderlist_3_21.csv";
    private const string Wikidata = "every-politician-scrapers/world-leaders-2021@be7039c:data/wikidata.csv";
    private const string ForeignMinisters = "every-politician-scrapers/world@4a3b394:sources/foreign/scraped.csv";

    private static ActorDictionary Dictionary(string text)
    {
        var dictionary = new ActorDictionary();
        dictionary.ReadDyadFormat(new StringReader(text), "test.txt");
        return dictionary;
    }

    [Fact]
    public void Writes_a_line_per_term_and_a_surname_line_where_the_surname_is_distinctive()
    {
        var input = new LeaderDictionaryBuilder.Input(
            [
                new Fact("RUR", "Rudolf Rassendyll", "foreign_minister", "1987-01-05", "1989-07-24", IfG, ""),
                new Fact("RUR", "Flavia", "effective_leader", "2019-05-01", "", Reign, "in office at end of REIGN coverage (2021-03)"),
                new Fact("RUR", "Michael King", "head_of_government", "2021", "", Wikidata, "office: Prime Minister of Ruritania; in office as of source snapshot 2021-10-10"),
                new Fact("RUR", "Rupert Hentzau", "foreign_minister", "2022-11-02", "", ForeignMinisters, "incumbent as of source (Jan 2023); end not in source"),
                new Fact("XXX", "Nobody Known", "effective_leader", "1990-01-01", "1991-01-01", Reign, ""),
            ],
            AmbiguousSurnames: [],
            Reviews: [],
            Earlier: new Dictionary<string, ActorDictionary>
            {
                ["countries.txt"] = Dictionary("Ruritania\tRUR"),
                ["people.txt"] = Dictionary("Hentzau\tRURGOV\t2022-11-02..2030-12-31\t# foreign minister"),
            },
            EnglishWords: new HashSet<string>(StringComparer.Ordinal) { "king" },
            OtherNames: []);

        var result = LeaderDictionaryBuilder.Compile(input);

        Assert.Equal(
            [
                "Rudolf Rassendyll\tRURGOV\t1987-01-05..1989-07-24\t# foreign minister (IfG Ministers Database)",
                "Rassendyll\tRURGOV\t1987-01-05..1989-07-24\t# surname of Rudolf Rassendyll; foreign minister (IfG Ministers Database)",
                "Flavia\tRURGOV\t2019-05-01..2021-03-31\t# effective ruler (REIGN); in office at the source's date, 2021-03-31, and ended there",
                "Michael King\tRURGOV\t2021-01-01..2021-10-10\t# Prime Minister of Ruritania (Wikidata, year precision); in office at the source's date, 2021-10-10, and ended there",
                "Rupert Hentzau\tRURGOV\t2022-11-02..\t# foreign minister (Wikipedia list of foreign ministers); in office at the source's date",
            ],
            result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')));
        Assert.Equal(4, result.Persons);
        Assert.Equal(2, result.SurnameLines); // "Rassendyll", and "Flavia", a name of one word
        Assert.Equal(1, result.Dropped["row: country code XXX unknown to Dyad's dictionaries"]);
        Assert.Equal(1, result.Dropped["surname: an English word (per term)"]);
        Assert.Equal(1, result.Dropped["line: phrase already in people.txt"]);
    }

    [Fact]
    public void What_it_writes_loads_as_a_dictionary_whose_dates_pick_the_code()
    {
        var input = new LeaderDictionaryBuilder.Input(
            [new Fact("RUR", "Rudolf Rassendyll", "foreign_minister", "1987-01-05", "1989-07-24", IfG, "")],
            [], [], new Dictionary<string, ActorDictionary> { ["countries.txt"] = Dictionary("Ruritania\tRUR") }, new HashSet<string>(StringComparer.Ordinal), []);
        var dictionary = Dictionary(LeaderDictionaryBuilder.Compile(input).Text);

        var keys = ActorDictionary.PhraseKeys("Rassendyll");
        var match = Assert.Single(dictionary.FindAll(keys, keys));
        Assert.Equal("RURGOV", match.On(new DateOnly(1988, 6, 1))?.Code);
        Assert.Equal("RURELI", match.On(new DateOnly(1990, 6, 1))?.Code);
    }
}
