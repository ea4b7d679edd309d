using System.Text;
using Dyad.Documents;

namespace Dyad.Tests.Documents;

public sealed class DocumentReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dyad-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void A_text_file_is_one_document_named_after_the_file()
    {
        var path = Write("tokyo-talks.txt", "Japan met China.");

        var input = Assert.Single(new DocumentReader(new DateOnly(2016, 11, 28)).Read([path]));

        Assert.Equal("tokyo-talks", input.Document?.Id);
        Assert.Equal(new DateOnly(2016, 11, 28), input.Document?.Date);
    }

    [Fact]
    public void Reads_a_folder_recursively_in_ordinal_order()
    {
        Write("b.txt", "B happened.");
        Write("a/z.txt", "Z happened.");
        Write("a/c.jsonl", "{\"id\":\"c1\",\"text\":\"C happened.\"}\n{\"id\":\"c2\",\"text\":\"D happened.\"}");
        Write("ignored.csv", "x,y");

        var ids = new DocumentReader().Read([_folder]).Select(i => i.Document?.Id).ToList();

        Assert.Equal(["c1", "c2", "z", "b"], ids);
    }

    [Fact]
    public void Reports_a_binary_file_with_the_offset_of_its_first_NUL_byte()
    {
        var path = WriteBytes("image.txt", [0x47, 0x49, 0x46, 0x00, 0x01]);

        var error = Assert.Single(new DocumentReader().Read([path])).Error;

        Assert.NotNull(error);
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_invalid_UTF8_with_its_byte_offset()
    {
        var path = WriteBytes("latin1.txt", [.. "Caf"u8.ToArray(), 0xE9, .. " ouvert"u8.ToArray()]);

        var error = Assert.Single(new DocumentReader().Read([path])).Error;

        Assert.NotNull(error);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("byte offset 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_malformed_JSON_line_by_number_and_reads_the_rest()
    {
        var path = Write("docs.jsonl", "{\"id\":\"a\",\"text\":\"A met B.\"}\n{\"id\": \"b\", \"text\": \n{\"id\":\"c\",\"text\":\"C met D.\"}\n");

        var inputs = new DocumentReader().Read([path]).ToList();

        Assert.Equal(3, inputs.Count);
        Assert.Equal("a", inputs[0].Document?.Id);
        Assert.Equal($"{path}:2", inputs[1].Error?.Source);
        Assert.Contains("malformed JSON", inputs[1].Error?.Message, StringComparison.Ordinal);
        Assert.Equal("c", inputs[2].Document?.Id);
    }

    [Theory]
    [InlineData("{\"text\":\"no id\"}", "\"id\"")]
    [InlineData("{\"id\":\"x\"}", "\"text\"")]
    [InlineData("{\"id\":\"x\",\"text\":\"t\",\"date\":\"yesterday\"}", "ISO date")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"id\":\"x\",\"text\":\"   \"}", "empty document")]
    public void Reports_a_JSON_document_that_breaks_the_contract(string line, string expected)
    {
        var path = Write("bad.jsonl", line);

        var error = Assert.Single(new DocumentReader().Read([path])).Error;

        Assert.Contains(expected, error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_empty_files_and_missing_paths()
    {
        var empty = WriteBytes("empty.txt", []);
        var missing = Path.Combine(_folder, "missing.txt");

        var inputs = new DocumentReader().Read([empty, missing]).ToList();

        Assert.Contains("empty", inputs[0].Error?.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", inputs[1].Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_JSON_Lines_from_standard_input()
    {
        var stdin = new MemoryStream("{\"id\":\"s1\",\"date\":\"2016-11-28\",\"text\":\"Japan met China.\",\"publisher\":\"Kyodo\"}\n"u8.ToArray());

        var document = Assert.Single(new DocumentReader().Read(["-"], stdin)).Document;

        Assert.Equal("s1", document?.Id);
        Assert.Equal("Kyodo", document?.Publisher);
        Assert.Equal(new DateOnly(2016, 11, 28), document?.Date);
    }

    [Fact]
    public void Normalises_text_to_NFC()
    {
        var path = Write("accents.txt", "Jose\u0301 met officials.");

        var document = Assert.Single(new DocumentReader().Read([path])).Document;

        Assert.Equal("José met officials.", document?.Text);
    }
}
