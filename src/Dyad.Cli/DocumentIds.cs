using Dyad.Documents;

namespace Dyad.Cli;

/// <summary>
/// The document ids one run has read. Event ids are built from document ids, so a second document under an id
/// already read would give its events the ids of the first's: it is reported and skipped, never coded under them.
/// </summary>
internal sealed class DocumentIds
{
    private readonly Dictionary<string, (string Hash, string Source)> _seen = new(StringComparer.Ordinal);

    /// <summary>Why this document cannot be coded under its id, or null when its id is new.</summary>
    public string? Clash(Document document)
    {
        var hash = document.ContentHash;
        if (!_seen.TryGetValue(document.Id, out var first))
        {
            _seen[document.Id] = (hash, document.Source);
            return null;
        }

        return first.Hash == hash
            ? $"document id '{document.Id}' was already read with the same text (at {first.Source}); skipped, not coded twice"
            : $"document id '{document.Id}' was already read with different text (at {first.Source}); skipped, as its events would take the first one's ids";
    }
}
