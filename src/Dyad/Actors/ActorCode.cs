using System.Collections.Frozen;

namespace Dyad.Actors;

/// <summary>
/// A CAMEO actor code as the Phoenix dictionaries write it: a three-letter country (ISO alpha-3) or international
/// prefix (IGO, NGO, IMG ...), then three-letter role codes ("JPNGOV", "PRKMIL", "IGOUNO").
/// </summary>
public readonly record struct ActorCode
{
    private static readonly FrozenSet<string> NonCountryPrefixes = new[]
    {
        "IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "---",

        // A code that starts with a role names no country: the Phoenix dictionaries code news agencies "MED"
        // ("Reuters"), which a story's country count must not take for a country. None is an ISO alpha-3 code
        // (MUS, Muslim, is left out: it is Mauritius).
        "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "BUS", "MED", "CVL", "EDU",
        "HLH", "HRI", "LAB", "AGR", "ELI", "ENV", "REF", "CRM", "REL", "CHR", "JEW", "BUD", "HIN", "PKO",
    }.ToFrozenSet(StringComparer.Ordinal);

    private ActorCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The country's alpha-3 code, or null for international and unknown actors.</summary>
    public string? Country => Value.Length >= 3 && !NonCountryPrefixes.Contains(Value[..3]) ? Value[..3] : null;

    /// <summary>The role codes after the country ("GOV" of "JPNGOV"); for international actors, all parts.</summary>
    public IReadOnlyList<string> Sectors
    {
        get
        {
            var start = Country is null ? 0 : 3;
            var parts = new List<string>();
            for (var i = start; i + 3 <= Value.Length; i += 3)
            {
                parts.Add(Value.Substring(i, 3));
            }

            return parts;
        }
    }

    public bool IsEmpty => Value is null || Value.Length == 0;

    // Armed or political actors that stand against their own country's state: a country acts on them as on another
    // party ("Turkish jets bombed PKK positions", "Ankara banned the opposition party").
    private static readonly FrozenSet<string> OpposingRoles = new[] { "REB", "INS", "SEP", "OPP", "UAF", "CRM" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The three letters after the first three ("GOV" of "JPNGOV", "BUS" of "---BUS"), or null for a bare code.</summary>
    public string? FirstRole => Value.Length >= 6 ? Value.Substring(3, 3) : null;

    /// <summary>Whether the actor's first role sets it against its own country's state (rebels, insurgents, separatists, the opposition, armed groups, criminals).</summary>
    public bool OpposesItsState => Country is not null && FirstRole is { } role && OpposingRoles.Contains(role);

    public static ActorCode Parse(string value)
    {
        if (!TryParse(value, out var code))
        {
            throw new FormatException($"'{value}' is not an actor code (letters and digits in groups of three)");
        }

        return code;
    }

    public static bool TryParse(string? value, out ActorCode code)
    {
        code = default;
        if (string.IsNullOrEmpty(value) || value.Length > 30)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        code = new ActorCode(value);
        return true;
    }

    /// <summary>This code with a role appended, unless it already ends in that role ("JPN" + "GOV" = "JPNGOV").</summary>
    public ActorCode WithRole(string role) =>
        string.IsNullOrEmpty(role) || Value.EndsWith(role, StringComparison.Ordinal) ? this : new ActorCode(Value + role);

    public override string ToString() => Value;
}
