using System.Collections.Frozen;

namespace Dyad.Syntax;

/// <summary>
/// The verbs that open a reporting or denying frame ("X said", "X denied"). Attribution reads frames with them,
/// and the parse repairs, before it, use them to tell a closing reporting clause from a relative clause.
/// </summary>
internal static class FrameVerbs
{
    public static FrozenSet<string> Reporting { get; } = new[]
    {
        "say", "tell", "report", "add", "state", "announce", "claim", "insist", "confirm", "disclose", "reveal", "note", "explain",
        "acknowledge", "admit", "concede", "quote", "write", "learn", "understand", "indicate", "assert", "allege", "testify", "brief", "inform",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Denying { get; } = new[] { "deny", "dismiss", "refute", "reject", "contest", "dispute" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The reporting and the denying ones.</summary>
    public static IReadOnlySet<string> All { get; } = Reporting.Union(Denying).ToFrozenSet(StringComparer.Ordinal);
}
