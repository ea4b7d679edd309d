using System.Security.Cryptography;
using System.Text;

namespace Dyad.Documents;

/// <summary>
/// A news story as read: its id, its full text (NFC-normalised; every offset Dyad reports points into it)
/// and what the input said about it.
/// </summary>
public sealed record Document(string Id, string Text)
{
    public DateOnly? Date { get; init; }

    /// <summary>
    /// Whether <see cref="Date"/> was read from the story's own dateline ("TOKYO, March 12 (Reuters) -") because the
    /// input gave none: the month and day are the dateline's, the year a guess (see <see cref="DatelineDate"/>).
    /// </summary>
    public bool DateFromDateline { get; init; }

    /// <summary>
    /// Where <see cref="Date"/> came from: "input" (the input's own metadata), "--date" (the run's default), "dateline"
    /// (the story's dateline, its year from --date), "dateline, latest year" (the dateline, in the latest year that
    /// puts it not after the run's date), or null when there is no date.
    /// </summary>
    public string? DateFrom { get; init; }

    public string? Title { get; init; }

    public string? Publisher { get; init; }

    public string? Url { get; init; }

    /// <summary>A dateline given by the input itself, apart from the text (Reuters-21578 has one).</summary>
    public string? Dateline { get; init; }

    /// <summary>Where the document came from: a file path, with a line number for JSON Lines.</summary>
    public string Source { get; init; } = Id;

    /// <summary>
    /// SHA-256 of the text, in lower-case hex: what makes ingest idempotent, the same in every store. Computed when
    /// asked (once or twice per story), so the record holds no derived state that a <c>with</c> could leave stale.
    /// </summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text)));
}

/// <summary>One input that could not be read as a document, and why; the rest of the input goes on.</summary>
internal sealed record DocumentError(string Source, string Message);
