using System.Text;
using Dyad.Documents;

namespace Dyad.Tests.Documents;

/// <summary>Lines and array elements cut from byte streams without holding more than one record.</summary>
public sealed class StreamedInputTests
{
    /// <summary>A stream that hands out at most a few bytes a read, as a pipe may: records must not depend on read sizes.</summary>
    private sealed class TrickleStream(byte[] bytes, int step) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, step));
    }

    private static List<(long Number, string Text, long Length, bool TooLong)> Lines(string input, int limit, int step)
    {
        var reader = new ByteLineReader(new TrickleStream(Encoding.UTF8.GetBytes(input), step), limit);
        var lines = new List<(long, string, long, bool)>();
        while (reader.TryRead(out var line))
        {
            lines.Add((line.Number, Encoding.UTF8.GetString(line.Bytes.Span), line.Length, line.TooLong));
        }

        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(65536)]
    public void Cuts_lines_whatever_the_read_sizes_and_skips_an_overlong_one_without_losing_the_next(int step)
    {
        var overlong = new string('x', 200_000);
        var lines = Lines($"first\r\n{overlong}\nthird\n\nlast without a break", 100_000, step);

        Assert.Equal(
            [(1L, "first", 6L, false), (2L, string.Empty, 200_000L, true), (3L, "third", 5L, false), (4L, string.Empty, 0L, false), (5L, "last without a break", 20L, false)],
            lines);
    }

    [Fact]
    public void An_overlong_last_line_is_counted_to_the_end_of_the_stream()
    {
        var lines = Lines("a\n" + new string('y', 150_000), 70_000, 4096);

        Assert.Equal([(1L, "a", 1L, false), (2L, string.Empty, 150_000L, true)], lines);
    }

    private static List<JsonElementBytes> Elements(string json, int limit = 1000, int step = 3) =>
        [.. new JsonArrayReader(new TrickleStream(Encoding.UTF8.GetBytes(json), step), limit).Elements()];

    [Fact]
    public void Cuts_a_top_level_array_into_its_elements_ignoring_brackets_and_commas_inside_strings()
    {
        var elements = Elements("\uFEFF[ {\"id\":\"a\",\"text\":\"x], [y\\\" ,\"}, {\"id\":\"b\",\"n\":[1,[2]]} ,\n{\"id\":\"c\"}, ]");

        Assert.Equal(
            ["{\"id\":\"a\",\"text\":\"x], [y\\\" ,\"}", "{\"id\":\"b\",\"n\":[1,[2]]}", "{\"id\":\"c\"}"],
            elements.Select(e => Encoding.UTF8.GetString(e.Bytes.Span)));
        Assert.Equal([0, 1, 2], elements.Select(e => e.Index));
        Assert.Equal(2, elements[2].Line);
    }

    [Fact]
    public void Reports_an_element_too_large_by_size_and_reads_on()
    {
        var elements = Elements($"[{{\"text\":\"{new string('z', 5000)}\"}}, {{\"id\":\"ok\"}}]", limit: 1000);

        Assert.True(elements[0].TooLong);
        Assert.Equal(5011, elements[0].Length);
        Assert.Equal("{\"id\":\"ok\"}", Encoding.UTF8.GetString(elements[1].Bytes.Span));
    }

    [Fact]
    public void A_file_that_ends_inside_an_array_or_an_object_is_unterminated()
    {
        Assert.True(Elements("[{\"id\":\"a\"}, {\"id\":").Last().Unterminated);
        Assert.True(Assert.Single(Elements("{\"id\":\"a\",\"text\":\"cut")).Unterminated);
        Assert.False(Assert.Single(Elements("{\"id\":\"a\"}\n")).Unterminated);
    }

    [Fact]
    public void A_JSON_array_file_with_one_bad_element_keeps_the_others()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dyad-json-").FullName, "docs.json");
        File.WriteAllText(path, "[{\"id\":\"a\",\"text\":\"Japan met China.\"}, {\"id\":\"b\",\"text\":\"bad \\udc00\"}, {\"id\":\"c\",\"text\":\"Russia met India.\"}]");

        var inputs = new DocumentReader().Read([path]).ToList();

        Assert.Equal(["a", null, "c"], inputs.Select(i => i.Document?.Id));
        Assert.Equal($"{path}[1]", inputs[1].Error?.Source);
        Assert.Contains("unpaired surrogate", inputs[1].Error?.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
