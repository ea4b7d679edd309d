namespace Dyad.Vetting;

/// <summary>What the learned models' files share: a shipped model is optional, and a file opens with its kind and version.</summary>
internal static class ModelFile
{
    /// <summary>The shipped model at a resource path, or null when this build has none.</summary>
    public static T? LoadBuiltIn<T>(string path, Func<Stream, T> read)
        where T : class
    {
        if (!ResourceFiles.Exists(path))
        {
            return null;
        }

        using var stream = ResourceFiles.Open(path);
        return read(stream);
    }

    public static BinaryWriter Begin(Stream stream, int magic, int version)
    {
        var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(magic);
        writer.Write(version);
        return writer;
    }

    /// <summary>A reader past the file's header, or a clear error when the file is not this kind of model in this version.</summary>
    public static BinaryReader Open(Stream stream, int magic, int version, string what)
    {
        var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != magic || reader.ReadInt32() != version)
        {
            reader.Dispose();
            throw new InvalidDataException($"not a Dyad {what} (version {version})");
        }

        return reader;
    }
}
