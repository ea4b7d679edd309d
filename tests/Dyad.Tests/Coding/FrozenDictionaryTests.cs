using Dyad.Actors;
using Dyad.Events;

namespace Dyad.Tests.Coding;

/// <summary>Dictionaries are frozen once a coder takes them: coding threads share them, so nothing may change them after.</summary>
public sealed class FrozenDictionaryTests
{
    [Fact]
    public void Dictionaries_given_to_a_coder_take_no_more_entries()
    {
        var actors = new ActorDictionary();
        actors.ReadDyadFormat(new StringReader("Ruritania\tRUR"), "test.txt");
        var events = new EventDictionary();
        events.ReadDyadFormat(new StringReader("hold obj:talk\t043"), "test.txt");

        _ = new Dyad.Coding.DocumentCoder(
            Dyad.Segmentation.DocumentSegmenter.Default, Dyad.Syntax.SyntaxPipeline.Default, actors, events, CameoCodebook.Default, Dyad.Documents.DocumentCleaner.Default);

        Assert.True(actors.IsFrozen);
        Assert.True(events.IsFrozen);
        Assert.Throws<InvalidOperationException>(() => actors.ReadDyadFormat(new StringReader("Freedonia\tFRD"), "late.txt"));
        Assert.Throws<InvalidOperationException>(() => events.ReadDyadFormat(new StringReader("meet obj:*\t040"), "late.txt"));
        Assert.Equal(1, actors.Count);
    }
}
