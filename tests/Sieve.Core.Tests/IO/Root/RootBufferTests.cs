using System.Buffers.Binary;
using System.Text;
using Sieve.IO.Root;
using Sieve.IO.Root.Internal;

namespace Sieve.Core.Tests.IO.Root;

/// <summary>The streamer primitives on hand-made bytes: strings, byte counts, object pointers and their references.</summary>
public sealed class RootBufferTests
{
    [Fact]
    public void ShortAndLongStrings()
    {
        string longText = new('x', 300);
        byte[] bytes = [3, (byte)'a', (byte)'b', (byte)'c', 255, .. BigEndian(300), .. Encoding.Latin1.GetBytes(longText)];
        var buffer = new RootBuffer(bytes, "f.root", "test");
        Assert.Equal("abc", buffer.ReadTString());
        Assert.Equal(longText, buffer.ReadTString());
        Assert.Equal(0, buffer.Remaining);
    }

    [Fact]
    public void ReadsPastTheEndNameTheFileAndPart()
    {
        var buffer = new RootBuffer([0, 1], "f.root", "key 'x'");
        var error = Assert.Throws<RootFormatException>(() => buffer.ReadInt32());
        Assert.Contains("f.root", error.Message, StringComparison.Ordinal);
        Assert.Contains("key 'x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt", error.Message, StringComparison.Ordinal);
        Assert.Throws<RootFormatException>(() => new RootBuffer([5, 1, 2], "f.root", "s").ReadTString());
    }

    [Fact]
    public void AByteCountBeyondTheRecordIsAnError()
    {
        byte[] bytes = [.. BigEndian(0x40000000 | 100), 0, 1];
        var error = Assert.Throws<RootFormatException>(() => new RootBuffer(bytes, "f.root", "t").ReadObjectHeader("TNamed"));
        Assert.Contains("claims 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectPointersResolveNewClassesClassReferencesAndObjectReferences()
    {
        // Three pointers: a new object of class "TThing", a second object of the same class by
        // class reference, a reference to the first object, and a null.
        var bytes = new List<byte>();
        int firstAt = bytes.Count;
        byte[] name = [.. Encoding.Latin1.GetBytes("TThing"), 0];
        bytes.AddRange(BigEndian(0x40000000 | (4 + name.Length + 2)));
        int classTagAt = bytes.Count;
        bytes.AddRange(BigEndian(unchecked((int)0xFFFFFFFF)));
        bytes.AddRange(name);
        bytes.AddRange([0, 7]);
        bytes.AddRange(BigEndian(0x40000000 | (4 + 2)));
        bytes.AddRange(BigEndian(unchecked((int)(0x80000000 | (uint)(classTagAt + 2)))));
        bytes.AddRange([0, 8]);
        bytes.AddRange(BigEndian(firstAt + 2));
        bytes.AddRange(BigEndian(0));

        var buffer = new RootBuffer([.. bytes], "f.root", "t");
        object? first = buffer.ReadObjectAny(ReadThing);
        object? second = buffer.ReadObjectAny(ReadThing);
        object? again = buffer.ReadObjectAny(ReadThing);
        object? none = buffer.ReadObjectAny(ReadThing);
        Assert.Equal(("TThing", (short)7), first);
        Assert.Equal(("TThing", (short)8), second);
        Assert.Same(first, again);
        Assert.Null(none);
        Assert.Equal(0, buffer.Remaining);
    }

    [Fact]
    public void UnknownClassesAreSkippedByTheirByteCount()
    {
        byte[] name = [.. Encoding.Latin1.GetBytes("TOther"), 0];
        byte[] bytes = [.. BigEndian(0x40000000 | (4 + name.Length + 3)), .. BigEndian(unchecked((int)0xFFFFFFFF)), .. name, 1, 2, 3, 42];
        var buffer = new RootBuffer(bytes, "f.root", "t");
        object? value = buffer.ReadObjectAny((_, _) => null);
        Assert.Equal("TOther", Assert.IsType<RootUnknownObject>(value).ClassName);
        Assert.Equal(42, buffer.ReadByte());
    }

    [Fact]
    public void AClassReferenceToNothingIsAnError()
    {
        byte[] bytes = [.. BigEndian(0x40000000 | 4), .. BigEndian(unchecked((int)0x80000000 | 1234))];
        var error = Assert.Throws<RootFormatException>(() => new RootBuffer(bytes, "f.root", "t").ReadObjectAny(ReadThing));
        Assert.Contains("class reference 1234", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingIsBounded()
    {
        // Each object holds a pointer to another object of the same class, without end (old-style
        // pointers without byte counts, so nothing but the depth limit stops the descent).
        byte[] name = [.. Encoding.Latin1.GetBytes("TNest"), 0];
        var flat = new List<byte>();
        for (int i = 0; i < 100; i++)
        {
            flat.AddRange(BigEndian(unchecked((int)0xFFFFFFFF)));
            flat.AddRange(name);
        }

        var buffer = new RootBuffer([.. flat], "f.root", "t");
        object? Nest(string cls, RootBuffer b) => b.ReadObjectAny(Nest) ?? cls;
        var error = Assert.Throws<RootFormatException>(() => buffer.ReadObjectAny(Nest));
        Assert.Contains("nest more than", error.Message, StringComparison.Ordinal);
    }

    private static object? ReadThing(string className, RootBuffer buffer) => (className, buffer.ReadInt16());

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
