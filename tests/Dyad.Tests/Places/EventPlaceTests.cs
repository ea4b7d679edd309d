using Dyad.Coding;
using Dyad.Documents;

namespace Dyad.Tests.Places;

/// <summary>
/// The place coding gives an event (event-place-cases.tsv, sentences written for Dyad after the constructions of
/// real news in issue 20): a gathering's place named by a participle ("talks held in Addis Ababa") or as a modifier
/// ("a Washington meeting"), the speaker's place ("speaking in Istanbul"), and no place from "a Portland-based
/// company", which says where a firm is, not where anything happened; where the sentence names no place, the
/// country both actors share, or the dateline's when force lands on it or the source acts from it, and none when
/// the dateline is only the target's country of a statement (a South Korean accusation in a story filed from Beijing).
/// </summary>
public sealed class EventPlaceTests
{
    private static readonly Lazy<DocumentCoder> Coder = new(DocumentCoder.CreateDefault);

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Places", "event-place-cases.tsv")))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var f = line.Split('\t');
                data.Add(f[0], f[1], f[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gives_each_event_the_place_where_it_happened(string id, string text, string place)
    {
        var events = Coder.Value.Code(new Document(id, text) { Date = new DateOnly(2023, 6, 1) }).Events;

        Assert.NotEmpty(events);
        if (place == "-")
        {
            Assert.All(events, e => Assert.Null(e.Place));
            return;
        }

        // The event the place phrase belongs to has it; no event has another place (one coded from a word outside
        // the phrase's clause, "agreed ... after the Dhaka meeting", may have none).
        Assert.Contains(events, e => e.Place?.Name == place);
        Assert.All(events, e => Assert.True(e.Place is null || e.Place.Name == place, $"{e.Cameo.Code.Value} '{e.Evidence.Trigger}' placed in {e.Place?.Name}"));
    }
}
