using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Dyad.Tests;

// Only what another assembly uses is public. CA1515 says so for the hosts (exe assemblies); for the libraries the
// analyzer cannot know who uses them, so this test looks: a library's public type must be used by one of our assemblies
// that has no InternalsVisibleTo access to the library (the hosts, the tests and the tools have it, and see internals).
//
// "Used" is read from the compiled assemblies: a consumer's TypeRef table names every type of another assembly it uses
// anywhere, in signatures and in method bodies alike. A type no consumer names may still have to be public when a type
// they do use shows it in a public or protected member (a record's component, say): the compiler requires it, so such
// types count as used too.
public sealed class PublicSurfaceTests
{
    // The libraries whose public types are checked.
    private static readonly string[] Libraries = ["Dyad.Core", "Dyad.Storage", "Dyad.Storage.ClickHouse", "Dyad.Html"];

    // Every product assembly of ours; the tests, tools and benchmarks are not consumers here: they reach what they need
    // through InternalsVisibleTo.
    private static readonly string[] Assemblies = [.. Libraries, "Dyad.Web", "dyad"];

    // The compiled assemblies (the product is copied beside the tests through the CLI's references); the variable points
    // the test at another build's output (an older checkout) to see what it reports there.
    private static string Binaries =>
        Environment.GetEnvironmentVariable("DYAD_PUBLIC_SURFACE_BINARIES") is { Length: > 0 } other ? other : AppContext.BaseDirectory;

    [Fact]
    public void Every_public_type_of_a_library_is_used_by_an_assembly_without_access_to_its_internals()
    {
        var assemblies = Assemblies.ToDictionary(name => name, name => AssemblyFacts.Read(Path.Combine(Binaries, name + ".dll")), StringComparer.Ordinal);

        var unused = new List<string>();
        foreach (var library in Libraries)
        {
            var facts = assemblies[library];
            var named = assemblies.Values
                .Where(consumer => consumer.Name != library && !facts.InternalsVisibleTo.Contains(consumer.Name))
                .SelectMany(consumer => consumer.Referenced.TryGetValue(library, out var types) ? types : [])
                .ToHashSet(StringComparer.Ordinal);

            var used = facts.ClosureOfExposed(named);
            unused.AddRange(facts.PublicTypes
                .Where(type => !used.Contains(type))
                .Select(type => $"{library}: {type}"));
        }

        Assert.True(unused.Count == 0, $"Public types no assembly without InternalsVisibleTo access uses ({unused.Count}); make them internal:\n" + string.Join('\n', unused.Order(StringComparer.Ordinal)));
    }

    private sealed class AssemblyFacts
    {
        private readonly MetadataReader _reader;
        private readonly Dictionary<string, TypeDefinitionHandle> _topLevel;

        private AssemblyFacts(MetadataReader reader)
        {
            _reader = reader;
            Name = reader.GetString(reader.GetAssemblyDefinition().Name);
            _topLevel = reader.TypeDefinitions
                .Where(handle => reader.GetTypeDefinition(handle).GetDeclaringType().IsNil)
                .ToDictionary(handle => FullName(reader, reader.GetTypeDefinition(handle)), StringComparer.Ordinal);
            PublicTypes = [.. _topLevel.Where(pair => (reader.GetTypeDefinition(pair.Value).Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public).Select(pair => pair.Key)];
            InternalsVisibleTo = ReadInternalsVisibleTo(reader);
            Referenced = ReadReferencedTypes(reader);
        }

        public string Name { get; }

        /// <summary>The full names of the assembly's public top-level types.</summary>
        public IReadOnlyList<string> PublicTypes { get; }

        /// <summary>The assemblies the assembly grants its internals to.</summary>
        public HashSet<string> InternalsVisibleTo { get; }

        /// <summary>By assembly, the full names of the top-level types this assembly uses from it.</summary>
        public Dictionary<string, HashSet<string>> Referenced { get; }

        public static AssemblyFacts Read(string path)
        {
            Assert.True(File.Exists(path), $"{path} is not built");
            // The reader points into the image, so the image is read whole and kept.
            var image = File.ReadAllBytes(path);
            return new AssemblyFacts(new PEReader(ImmutableArray.Create(image)).GetMetadataReader());
        }

        /// <summary>The given types and every type of this assembly that their public and protected members show, transitively.</summary>
        public HashSet<string> ClosureOfExposed(IEnumerable<string> types)
        {
            var closure = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(types.Where(_topLevel.ContainsKey));
            while (pending.TryPop(out var type))
            {
                if (!closure.Add(type))
                {
                    continue;
                }

                foreach (var shown in Exposed(_topLevel[type]).Where(name => !closure.Contains(name)))
                {
                    pending.Push(shown);
                }
            }

            return closure;
        }

        // The top-level types of this assembly named by a type's base type, interfaces, and visible fields and methods
        // (properties and events show their types through their accessors), and by those of its visible nested types.
        private IEnumerable<string> Exposed(TypeDefinitionHandle handle)
        {
            var provider = new OwnTypes(this);
            var type = _reader.GetTypeDefinition(handle);
            var shown = new List<string>();

            if (!type.BaseType.IsNil)
            {
                shown.AddRange(provider.Of(type.BaseType));
            }

            foreach (var implementation in type.GetInterfaceImplementations())
            {
                shown.AddRange(provider.Of(_reader.GetInterfaceImplementation(implementation).Interface));
            }

            foreach (var field in type.GetFields().Select(_reader.GetFieldDefinition))
            {
                if ((field.Attributes & FieldAttributes.FieldAccessMask) is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                {
                    shown.AddRange(field.DecodeSignature(provider, null));
                }
            }

            foreach (var method in type.GetMethods().Select(_reader.GetMethodDefinition))
            {
                if ((method.Attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem)
                {
                    var signature = method.DecodeSignature(provider, null);
                    shown.AddRange(signature.ReturnType);
                    shown.AddRange(signature.ParameterTypes.SelectMany(parameter => parameter));
                }
            }

            foreach (var nested in type.GetNestedTypes())
            {
                var visibility = _reader.GetTypeDefinition(nested).Attributes & TypeAttributes.VisibilityMask;
                if (visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem)
                {
                    shown.AddRange(Exposed(nested));
                }
            }

            return shown;
        }

        private string OutermostName(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            while (!type.GetDeclaringType().IsNil)
            {
                type = _reader.GetTypeDefinition(type.GetDeclaringType());
            }

            return FullName(_reader, type);
        }

        private static string FullName(MetadataReader reader, TypeDefinition type) =>
            Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name));

        private static string Qualified(string space, string name) => space.Length == 0 ? name : space + "." + name;

        private static HashSet<string> ReadInternalsVisibleTo(MetadataReader reader)
        {
            var friends = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attribute in reader.GetAssemblyDefinition().GetCustomAttributes().Select(reader.GetCustomAttribute))
            {
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (parent.Kind != HandleKind.TypeReference || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) != nameof(System.Runtime.CompilerServices.InternalsVisibleToAttribute))
                {
                    continue;
                }

                // The blob is the prolog (0x0001) and the one string argument: "Name" or "Name, PublicKey=...".
                var value = reader.GetBlobReader(attribute.Value);
                value.ReadUInt16();
                friends.Add(value.ReadSerializedString()!.Split(',')[0].Trim());
            }

            return friends;
        }

        private static Dictionary<string, HashSet<string>> ReadReferencedTypes(MetadataReader reader)
        {
            var referenced = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var handle in reader.TypeReferences)
            {
                // A nested type is referenced through its declaring type; what counts is the top-level type.
                var type = reader.GetTypeReference(handle);
                while (type.ResolutionScope.Kind == HandleKind.TypeReference)
                {
                    type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
                }

                if (type.ResolutionScope.Kind != HandleKind.AssemblyReference)
                {
                    continue;
                }

                var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name);
                if (!referenced.TryGetValue(assembly, out var types))
                {
                    referenced[assembly] = types = new HashSet<string>(StringComparer.Ordinal);
                }

                types.Add(Qualified(reader.GetString(type.Namespace), reader.GetString(type.Name)));
            }

            return referenced;
        }

        // Decodes a signature into the top-level types of this assembly it names (types of other assemblies name none).
        private sealed class OwnTypes(AssemblyFacts owner) : ISignatureTypeProvider<ImmutableArray<string>, object?>
        {
            public ImmutableArray<string> Of(EntityHandle handle) => handle.Kind switch
            {
                HandleKind.TypeDefinition => GetTypeFromDefinition(owner._reader, (TypeDefinitionHandle)handle, 0),
                HandleKind.TypeSpecification => GetTypeFromSpecification(owner._reader, null, (TypeSpecificationHandle)handle, 0),
                _ => [],
            };

            public ImmutableArray<string> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [owner.OutermostName(handle)];

            public ImmutableArray<string> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];

            public ImmutableArray<string> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

            public ImmutableArray<string> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

            public ImmutableArray<string> GetGenericMethodParameter(object? genericContext, int index) => [];

            public ImmutableArray<string> GetGenericTypeParameter(object? genericContext, int index) => [];

            public ImmutableArray<string> GetGenericInstantiation(ImmutableArray<string> genericType, ImmutableArray<ImmutableArray<string>> typeArguments) =>
                [.. genericType, .. typeArguments.SelectMany(argument => argument)];

            public ImmutableArray<string> GetSZArrayType(ImmutableArray<string> elementType) => elementType;

            public ImmutableArray<string> GetArrayType(ImmutableArray<string> elementType, ArrayShape shape) => elementType;

            public ImmutableArray<string> GetByReferenceType(ImmutableArray<string> elementType) => elementType;

            public ImmutableArray<string> GetPointerType(ImmutableArray<string> elementType) => elementType;

            public ImmutableArray<string> GetPinnedType(ImmutableArray<string> elementType) => elementType;

            public ImmutableArray<string> GetModifiedType(ImmutableArray<string> modifier, ImmutableArray<string> unmodifiedType, bool isRequired) => unmodifiedType;

            public ImmutableArray<string> GetFunctionPointerType(MethodSignature<ImmutableArray<string>> signature) =>
                [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(parameter => parameter)];
        }
    }
}
