using Dyad.Events;

namespace Dyad.Tests.Events;

/// <summary>What the event dictionary says a word can mean, as the pair and trigger models read it.</summary>
public sealed class EventDictionaryTests
{
    private const string Patterns = "meet\t036\nmeet obj:talk\t043\nmeet prep:with\t036\naccuse\t112";

    private static EventDictionary Load(bool frozen)
    {
        var events = new EventDictionary();
        events.ReadDyadFormat(new StringReader(Patterns), "test.txt");
        if (frozen)
        {
            events.Freeze();
        }

        return events;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_trigger_means_the_roots_of_its_patterns_each_once_in_the_order_read(bool frozen)
    {
        var events = Load(frozen);

        Assert.Equal(["03", "04"], events.RootsMeant("meet"));
        Assert.Equal(["03", "04"], events.RootsMeant("meet"));
        Assert.Equal(["11"], events.RootsMeant("accuse"));
        Assert.Empty(events.RootsMeant("banana"));
    }
}
