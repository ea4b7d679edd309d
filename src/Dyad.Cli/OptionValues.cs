using System.CommandLine;

namespace Dyad.Cli;

/// <summary>
/// Options that take one of a few words, checked with one message naming them all, on one line:
/// "--format must be one of jsonl, tsv (got 'xx')". System.CommandLine's own check lists them with tabs.
/// </summary>
internal static class OptionValues
{
    public static void OneOf(Option option, IReadOnlyList<string> allowed)
    {
        option.Validators.Add(result =>
        {
            // The words as typed (an option may be given more than once; each is checked).
            foreach (var token in result.Tokens)
            {
                if (!allowed.Contains(token.Value, StringComparer.Ordinal))
                {
                    result.AddError(Message(option.Name, allowed, token.Value));
                    return;
                }
            }
        });
    }

    public static string Message(string name, IReadOnlyList<string> allowed, string got) =>
        $"{name} must be one of {string.Join(", ", allowed)} (got '{got}')";
}
