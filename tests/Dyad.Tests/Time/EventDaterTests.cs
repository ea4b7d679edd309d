using System.Globalization;
using Dyad.Actors;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Segmentation;
using Dyad.Story;
using Dyad.Syntax;
using Dyad.Text;
using Dyad.Time;

namespace Dyad.Tests.Time;

/// <summary>
/// Dates as coding reads them from parsed sentences: the tense that places a date without a year, and which time
/// dates an event (issue 20, on Reuters stories of 1987 and Wall Street Journal stories of 1989).
/// </summary>
public sealed class EventDaterTests
{
    private static readonly Lazy<ActorDictionary> Actors = new(ActorDictionary.LoadBuiltIn);
    private static readonly Lazy<DocumentCoder> Coder = new(DocumentCoder.CreateDefault);

    [Theory]
    [InlineData("Saouma said he invited President Jose Sarney to make the opening speech in Rome on October 16.", "1987-04-02", "1987-10-16")]
    [InlineData("About 5,000 bank workers voted to strike on March 24 unless their demand for pay rises is met.", "1987-03-14", "1987-03-24")]
    [InlineData("The reduced dividend is payable Jan. 2 to stock of record.", "1989-11-02", "1990-01-02")]
    [InlineData("The talks were held on October 16.", "1987-04-02", "1986-10-16")]
    [InlineData("The company declared a quarterly dividend payable Dec. 1 to holders of record.", "1989-10-27", "1989-12-01")]
    [InlineData("The board approved new capital rules effective Dec. 7.", "1989-10-30", "1989-12-07")]
    [InlineData("His lawyer announced that the father would be flying to Washington Thursday.", "2000-04-05", "2000-04-06")]
    [InlineData("The prosecutor has scheduled a news conference Thursday.", "1999-05-05", "1999-05-06")]
    [InlineData("Exiles planned a large rally on Saturday.", "2000-01-07", "2000-01-08")]
    [InlineData("The agency set Friday as the deadline for his return.", "2000-01-15", "2000-01-14")]
    [InlineData("The assembly voted overwhelmingly Friday to make the country a republic.", "1998-02-13", "1998-02-13")]
    public void Places_a_day_without_a_year_by_the_tense_of_its_clause(string text, string publication, string expected)
    {
        var sentence = DocumentSegmenter.Default.SegmentPlain(text, [new TextSpan(0, text.Length)])[0];
        var view = new SentenceView(sentence, Actors.Value, SyntaxPipeline.Default, mayHaveActorPhrase: true);

        var found = EventDater.Find(view, DateOnly.Parse(publication, CultureInfo.InvariantCulture), null);

        Assert.Equal(expected, Assert.Single(found).Value.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_time_still_to_come_in_another_clause_does_not_date_a_past_event()
    {
        // "imposed" is told in the past; the Wednesday to come is the visit's.
        var text = "The United States imposed sanctions on Japan, and Prime Minister Nakasone will visit Washington on Wednesday.";
        var published = new DateOnly(1987, 4, 24);

        var events = Coder.Value.Code(new Document("dates", text) { Date = published }).Events;

        var sanctions = Assert.Single(events, e => e.Cameo.Code.Value == "163");
        Assert.Equal(EventDate.Publication(published), sanctions.Date);
        var visit = Assert.Single(events, e => e.Cameo.Code.Value == "042");
        Assert.Equal(new DateOnly(1987, 4, 29), visit.Date!.Start);
    }

    [Fact]
    public void An_event_told_in_the_past_without_a_time_takes_the_day_the_lead_names()
    {
        // Wire stories give the day of their news in the lead or the paragraph after it; a clash told in the
        // present perfect there, and the attack reported later without a day, happened on that Thursday, not on
        // the day of publication (a Saturday). What is told as repeated ("has regularly accused") keeps the
        // publication date, and so does what follows another time in its own paragraph.
        var text = "Clashes have erupted between Sudan's army and rebels in Darfur, killing dozens of people, the military says.\n\n"
            + "The latest violence took place on Thursday.\n\n"
            + "The army is fighting rebels in two states.\n\n"
            + "A military spokesman said that rebels attacked the village of Hajr.\n\n"
            + "The United Nations has regularly accused Sudan of bombing villages.\n\n"
            + "Rebels shelled the town of Kadugli on Friday, the army said. Sudan condemned the attack.";
        var published = new DateOnly(2012, 9, 8);

        var events = Coder.Value.Code(new Document("lead", text) { Date = published }).Events;

        var thursday = new DateOnly(2012, 9, 6);
        Assert.Equal(thursday, Assert.Single(events, e => e.Evidence.Trigger == "Clashes").Date!.Start);
        Assert.Equal(thursday, Assert.Single(events, e => e.Evidence.Trigger == "attacked").Date!.Start);
        Assert.Equal(EventDate.Publication(published), Assert.Single(events, e => e.Evidence.Trigger == "accused").Date);

        // After a time in its own paragraph (the shelling on Friday), the condemnation is not put on the Thursday before it.
        Assert.Equal(EventDate.Publication(published), Assert.Single(events, e => e.Evidence.Trigger == "condemned").Date);
    }
}
