using Dyad.Events;

namespace Dyad.Tests.Events;

/// <summary>The sentence's words add PLOVER's mode and topics to the conversion table's coding, never its type.</summary>
public sealed class PloverRefinementTests
{
    private static readonly Lazy<Dyad.Coding.DocumentCoder> Coder = new(Dyad.Coding.DocumentCoder.CreateDefault);

    private static PloverCoding? Refined(string cameo, string sentence) => PloverRefinement.Default.Refine(PloverTable.Default.For(cameo), sentence);

    [Fact]
    public void A_fight_with_artillery_takes_the_heavy_weapons_mode_and_keeps_the_tables_context()
    {
        Assert.Equal(new PloverCoding("ASSAULT", null, "military"), PloverTable.Default.For("190"));
        Assert.Equal(new PloverCoding("ASSAULT", "heavy-weapons", "military"), Refined("190", "Government forces shelled rebel positions outside the city on Tuesday."));
    }

    [Fact]
    public void A_meeting_about_trade_is_economic_and_a_visit_says_so()
    {
        Assert.Equal(new PloverCoding("CONSULT", "visit", "economic"), Refined("040", "The Japanese prime minister visited Jakarta to discuss trade and investment."));
        Assert.Equal(new PloverCoding("CONSULT", "visit", "economic"), Refined("042", "The Japanese prime minister visited Jakarta to discuss trade and investment."));
    }

    [Fact]
    public void The_tables_mode_is_kept_and_topics_follow_it_in_the_order_of_the_word_list()
    {
        // 173 is COERCE "arrest" in a legal context by the table; the sentence adds corruption, not another mode.
        var coding = Refined("173", "Police detained the former minister on charges of corruption and bribery.");
        Assert.Equal("COERCE", coding!.Type);
        Assert.Equal("arrest", coding.Mode);
        Assert.Equal("legal; corruption", coding.Context);
    }

    [Fact]
    public void The_cyber_mode_brings_the_cyber_context_as_the_manual_says()
    {
        Assert.Equal(new PloverCoding("COERCE", "cyber", "cyber"), Refined("176", "Hackers broke into the ministry's network."));
    }

    [Fact]
    public void A_sentence_that_says_nothing_more_leaves_the_tables_coding_and_no_event_stays_none()
    {
        Assert.Equal(PloverTable.Default.For("190"), Refined("190", "The two sides clashed on Sunday."));
        Assert.Null(Refined("010", "The minister said the economy would grow by three percent."));
    }

    [Fact]
    public void Words_are_matched_whole_or_by_their_listed_beginning_not_inside_other_words()
    {
        // "important" is no import, "courtesy" no court: an ordinary meeting keeps the table's empty context. Its
        // envoy is a diplomat, though ("envoy" is listed).
        Assert.Equal(new PloverCoding("CONSULT", null, "diplomatic"), Refined("040", "The envoy paid a courtesy call, an important gesture, officials said."));
        Assert.Equal(new PloverCoding("CONSULT", null, null), Refined("040", "The leaders paid a courtesy call, an important gesture, officials said."));
    }

    [Fact]
    public void The_refined_coding_is_the_records()
    {
        var coded = Coder.Value.Code(new Dyad.Documents.Document("refine", "Rebels fired rockets at government troops in Syria on Monday.") { Date = new DateOnly(2024, 3, 5) });
        var assault = Assert.Single(coded.Events, e => PloverTable.Default.For(e.Cameo.Code.Value)?.Type == "ASSAULT");
        // CAMEO 190 (fight with conventional weapons) has no mode in the table; the rockets give one.
        Assert.Equal("190", assault.Cameo.Code.Value);
        Assert.Equal(new PloverCoding("ASSAULT", "heavy-weapons", "military"), Dyad.Records.EventRecord.From(assault).Plover);
    }
}
