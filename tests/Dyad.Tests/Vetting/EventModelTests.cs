using Dyad.Coding;
using Dyad.Documents;
using Dyad.Vetting;

namespace Dyad.Tests.Vetting;

// The event model's machinery on candidates coded from the bundled samples: features are read from real events,
// a model learns a rule it is shown, survives writing and reading, and coding with it keeps only what it accepts.
public sealed class EventModelTests
{
    private static readonly DocumentCoder Default = DocumentCoder.CreateDefault();

    private static List<CodedEvent> Candidates()
    {
        var coder = new DocumentCoder(Default) { KeepEveryCandidate = true };
        var documents = new DocumentReader(new DateOnly(2023, 3, 7)).Read([Path.Combine(SharedData.RepoRoot, "samples")]).Select(i => i.Document).OfType<Document>();
        return documents.SelectMany(d => coder.Code(d).Events).ToList();
    }

    [Fact]
    public void Every_candidate_carries_the_features_the_model_reads()
    {
        var candidates = Candidates();
        Assert.True(candidates.Count >= 10, $"only {candidates.Count} candidate events in the samples");
        Assert.All(candidates, e =>
        {
            Assert.NotNull(e.ModelFeatures);
            Assert.Contains("root=" + e.Cameo.Code.Value[..2], e.ModelFeatures!);
            Assert.Contains(e.ModelFeatures!, f => e.Target is null ? f == "target.kind=none" : f.StartsWith("target.kind=", StringComparison.Ordinal) && f != "target.kind=none");
        });
    }

    [Fact]
    public void A_trained_model_learns_what_it_is_shown_and_reads_back_the_same()
    {
        var candidates = Candidates();
        // Teach it one plain rule: consultations (root 04) are right, every other event wrong.
        var labelled = candidates.Select(e => new LabelledCandidate(e.Doc, e.ModelFeatures!, e.Cameo.Code.Root == "04")).ToList();
        Assert.Contains(labelled, c => c.IsEvent);
        Assert.Contains(labelled, c => !c.IsEvent);
        var (model, report) = EventModelTrainer.Train(labelled, folds: 2);
        Assert.All(labelled, c => Assert.Equal(c.IsEvent, model.Probability(c.Features) >= 0.5));

        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;
        var read = EventModel.Read(stream);
        Assert.Equal(model.Threshold, read.Threshold);
        Assert.All(labelled, c => Assert.Equal(model.Probability(c.Features), read.Probability(c.Features), 6));
        Assert.Equal(labelled.Count, report.Candidates);
    }

    [Fact]
    public void Coding_with_a_model_keeps_only_the_candidates_it_accepts_and_gives_its_confidence()
    {
        var candidates = Candidates();
        var labelled = candidates.Select(e => new LabelledCandidate(e.Doc, e.ModelFeatures!, e.Cameo.Code.Root == "04")).ToList();
        var (model, _) = EventModelTrainer.Train(labelled, folds: 2);
        var coder = new DocumentCoder(Dyad.Segmentation.DocumentSegmenter.Default, Dyad.Syntax.SyntaxPipeline.Default, Dyad.Actors.ActorDictionary.LoadBuiltIn(), Dyad.Events.EventDictionary.LoadBuiltIn(), Dyad.Events.CameoCodebook.Default, DocumentCleaner.Default, model: model);
        var documents = new DocumentReader(new DateOnly(2023, 3, 7)).Read([Path.Combine(SharedData.RepoRoot, "samples")]).Select(i => i.Document).OfType<Document>();
        var kept = documents.SelectMany(d => coder.Code(d).Events).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, e => Assert.Equal("04", e.Cameo.Code.Root));
        Assert.All(kept, e => Assert.InRange(e.Confidence, model.Threshold, 1.0));
    }
}
