using System.Text.RegularExpressions;

namespace Dyad.Tests;

// The core's folders are the stages of coding a story, in data-flow order; each may use only those before it:
//
//   Text          spans, tokens, the tokenizer and the sentence splitter: the text model everything points into
//   Documents     reading stories and cleaning them into a layout (headline, byline, dateline, body)
//   Segmentation  a story's body cut into tokenized sentences
//   Syntax        tags, lemmas and the dependency parse, and the questions asked of a sentence's tree
//   Actors        the actor dictionary, its codes, and the actor phrases it finds among a sentence's words
//   ParseRepairs  the repairs of the parser's mistakes around who acts (they read the actor phrases)
//   Story         one story's sentences as coding reads them, and what carries from one sentence to the next
//   Arguments     who a verb's arguments are: subject, object, prepositional target, antecedent, as actors
//   Events        the verb-pattern dictionary and matching its patterns in a sentence
//   Petrarch      the reader of PETRARCH/TABARI dictionaries into the actor and event dictionaries
//   Time          time expressions and event dates
//   Places        place names and event places
//   Attribution   who reports or denies an event, secrecy, linked disputes
//   Vetting       the event model: how likely a candidate event is one a careful coder would code
//   Triage        which sentences coding may leave untagged, unparsed or uncoded (it reads patterns, phrases and frame verbs)
//   Coding        the chain of stages for a story, and the coded event
//   Records       the coded event as the published record (EventRecord) and its JSON, read back typed by storage and web
//
// Evaluation (scoring against treebanks and gold sets) stands outside the chain: it may use any stage, no stage may use it.
public sealed class StageOrderTests
{
    private static readonly string[] Stages =
    [
        "Text", "Documents", "Segmentation", "Syntax", "Actors", "ParseRepairs", "Story", "Arguments", "Events", "Petrarch",
        "Time", "Places", "Attribution", "Vetting", "Triage", "Coding", "Records",
    ];

    private const string OutsideTheChain = "Evaluation";

    // "using Dyad.X;" (also static and global usings) and fully qualified "Dyad.X." names, in code or in doc comments.
    private static readonly Regex Reference = new(@"\busing\s+(?:static\s+)?Dyad\.(\w+)\s*;|\bDyad\.(\w+)\.", RegexOptions.Compiled);

    // The core's sources; the variable points the test at another copy (an older checkout) to see what it reports there.
    private static string CoreSources =>
        Environment.GetEnvironmentVariable("DYAD_STAGE_ORDER_SOURCES") is { Length: > 0 } other ? other : Path.Combine(SharedData.RepoRoot, "src", "Dyad");

    [Fact]
    public void Every_folder_of_the_core_is_a_stage_or_evaluation()
    {
        var folders = Directory.GetDirectories(CoreSources)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj") && Directory.EnumerateFiles(Path.Combine(CoreSources, name!), "*.cs", SearchOption.AllDirectories).Any())
            .ToList();

        var unplaced = folders.Where(f => f != OutsideTheChain && !Stages.Contains(f)).ToList();
        Assert.True(unplaced.Count == 0, "Folders with no place in the stage order: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_stage_refers_to_a_later_stage_or_to_evaluation()
    {
        var wrong = new List<string>();
        for (var stage = 0; stage < Stages.Length; stage++)
        {
            var folder = Path.Combine(CoreSources, Stages[stage]);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                foreach (var referenced in ReferencedFolders(File.ReadAllText(file)))
                {
                    var at = Array.IndexOf(Stages, referenced);
                    if (at > stage || referenced == OutsideTheChain)
                    {
                        wrong.Add($"{Path.GetRelativePath(CoreSources, file)} ({Stages[stage]}) refers to {referenced}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, "References against the stage order:\n" + string.Join('\n', wrong));
    }

    private static IEnumerable<string> ReferencedFolders(string source) =>
        Reference.Matches(source)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Distinct(StringComparer.Ordinal);
}
