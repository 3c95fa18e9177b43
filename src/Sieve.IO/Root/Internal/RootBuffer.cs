using System.Buffers.Binary;
using System.Text;

namespace Sieve.IO.Root.Internal;

/// <summary>
/// A bounds-checked big-endian cursor over one decoded ROOT record (a key's object, a basket, a
/// header). Every read past the end is a <see cref="RootFormatException"/> naming the file and the
/// part, so corrupt lengths never surface as IndexOutOfRange. It also keeps the table of class and
/// object references that ROOT's streamers use (positions counted from the start of the key).
/// </summary>
internal sealed class RootBuffer
{
    /// <summary>Set in a byte count: the 30 low bits hold the number of bytes that follow.</summary>
    public const uint ByteCountMask = 0x40000000;

    /// <summary>Tag that introduces a class name the first time a class appears in a record.</summary>
    public const uint NewClassTag = 0xFFFFFFFF;

    /// <summary>Set in a tag that refers to a class seen before in the record.</summary>
    public const uint ClassMask = 0x80000000;

    /// <summary>ROOT offsets every reference position by two (the map reserves 0 and 1).</summary>
    public const int MapOffset = 2;

    private const int MaxDepth = 64;

    private readonly byte[] _data;
    private readonly int _end;
    private readonly int _keyLength;
    private readonly Dictionary<long, object> _refs = [];
    private int _depth;

    public RootBuffer(byte[] data, string file, string part, int keyLength = 0, int start = 0, int? end = null)
    {
        _data = data;
        _end = end ?? data.Length;
        _keyLength = keyLength;
        Position = start;
        File = file;
        Part = part;
    }

    /// <summary>The file, for messages.</summary>
    public string File { get; }

    /// <summary>What is being read (e.g. "key 'events'", "tree 'events'"), for messages.</summary>
    public string Part { get; set; }

    /// <summary>Current index into the data.</summary>
    public int Position { get; private set; }

    /// <summary>End of the readable data (exclusive).</summary>
    public int End => _end;

    /// <summary>Bytes left before <see cref="End"/>.</summary>
    public int Remaining => _end - Position;

    /// <summary>Position as ROOT counts it in references: from the start of the key header.</summary>
    public long Displacement => (long)Position + _keyLength;

    public RootFormatException Fail(string problem, string? expected = null, Exception? inner = null) =>
        new(File, Part, problem, expected, inner);

    public void Seek(int position)
    {
        if (position < 0 || position > _end)
        {
            throw Fail($"a length points to offset {position}, outside the record of {_end} bytes", "lengths within the record");
        }

        Position = position;
    }

    public void Skip(int count) => Take(count);

    public byte ReadByte() => _data[Take(1)];

    public bool ReadBool() => _data[Take(1)] != 0;

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(Take(2), 2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(Take(2), 2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(_data.AsSpan(Take(4), 4));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(Take(4), 4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(_data.AsSpan(Take(8), 8));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleBigEndian(_data.AsSpan(Take(8), 8));

    /// <summary>A seek: 64-bit when <paramref name="big"/>, else 32-bit.</summary>
    public long ReadSeek(bool big) => big ? ReadInt64() : ReadInt32();

    /// <summary>A count that must be non-negative and fit in what is left at <paramref name="bytesEach"/> bytes each.</summary>
    public int ReadCount(string what, int bytesEach)
    {
        int count = ReadInt32();
        if (count < 0 || (bytesEach > 0 && (long)count * bytesEach > Remaining))
        {
            throw Fail($"{what} is {count}, which does not fit in the {Remaining} bytes left", $"a count from 0 to {(bytesEach > 0 ? Remaining / bytesEach : int.MaxValue)}");
        }

        return count;
    }

    /// <summary>A TString: one length byte (255 = a 4-byte length follows), then the bytes.</summary>
    public string ReadTString()
    {
        int length = ReadByte();
        if (length == 255)
        {
            length = ReadInt32();
            if (length < 0)
            {
                throw Fail($"a string length is {length}", "a non-negative length");
            }
        }

        int at = Take(length);
        return Encoding.Latin1.GetString(_data, at, length);
    }

    /// <summary>A zero-terminated string (class names after a new-class tag).</summary>
    public string ReadCString()
    {
        int index = Array.IndexOf(_data, (byte)0, Position, Remaining);
        if (index < 0)
        {
            throw Fail("a class name has no terminating zero byte before the end of the record");
        }

        string text = Encoding.Latin1.GetString(_data, Position, index - Position);
        Position = index + 1;
        return text;
    }

    public long[] ReadInt64Array(int count)
    {
        int at = Take(checked(count * 8));
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt64BigEndian(_data.AsSpan(at + (i * 8), 8));
        }

        return values;
    }

    public int[] ReadInt32Array(int count)
    {
        int at = Take(checked(count * 4));
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32BigEndian(_data.AsSpan(at + (i * 4), 4));
        }

        return values;
    }

    /// <summary>
    /// The byte count and version that open a streamed object. Without the byte-count flag the
    /// object is an old-style one with a 2-byte version only, and its end is unknown.
    /// </summary>
    public RootObjectHeader ReadObjectHeader(string className)
    {
        int start = Position;
        uint count = ReadUInt32();
        int? end = null;
        if ((count & ByteCountMask) != 0)
        {
            long stop = (long)Position + (count & ~ByteCountMask);
            if (stop > _end || (count & ~ByteCountMask) < 2)
            {
                throw Fail($"the {className} object claims {count & ~ByteCountMask} bytes, but {Remaining} are left", "a byte count within the record");
            }

            end = (int)stop;
        }
        else
        {
            Position = start;
        }

        short version = ReadInt16();
        if ((version & 0x4000) != 0)
        {
            throw Fail($"the {className} object is written member-wise, which is not supported", "object-wise streaming");
        }

        return new RootObjectHeader(className, version, start, end);
    }

    /// <summary>Moves to the end of an object; objects without a byte count cannot be skipped.</summary>
    public void SkipObject(RootObjectHeader header)
    {
        if (header.End is not { } end)
        {
            throw Fail($"the {header.ClassName} object has no byte count, so it cannot be skipped", "objects written with byte counts (ROOT 3 and later)");
        }

        if (end < Position)
        {
            throw Fail($"the {header.ClassName} object was read past its byte count ({Position - end} bytes over)", "members within the object's byte count");
        }

        Position = end;
    }

    /// <summary>Skips a whole object that starts with a byte count (an attribute base class).</summary>
    public void SkipObject(string className) => SkipObject(ReadObjectHeader(className));

    /// <summary>
    /// Reads a pointer to any object: null, a reference to an object read before, a new object of
    /// a new class (name follows) or of a class seen before. <paramref name="readClass"/> reads the
    /// object's body; it returns null for classes it does not know, which are skipped by byte count
    /// and returned as a <see cref="RootUnknownObject"/>.
    /// </summary>
    public object? ReadObjectAny(Func<string, RootBuffer, object?> readClass)
    {
        // Objects nest (branches hold branches); a corrupt record must not nest deep enough to
        // exhaust the stack.
        if (_depth >= MaxDepth)
        {
            throw Fail($"objects nest more than {MaxDepth} levels deep", "a tree of branches of reasonable depth");
        }

        _depth++;
        try
        {
            return ReadObjectAnyAtDepth(readClass);
        }
        finally
        {
            _depth--;
        }
    }

    private object? ReadObjectAnyAtDepth(Func<string, RootBuffer, object?> readClass)
    {
        long begin = Displacement;
        uint first = ReadUInt32();
        uint tag;
        int? end = null;
        long start;
        if ((first & ByteCountMask) == 0 || first == NewClassTag)
        {
            tag = first;
            start = 0;
        }
        else
        {
            long stop = (long)Position + (first & ~ByteCountMask);
            if (stop > _end)
            {
                throw Fail($"an object pointer claims {first & ~ByteCountMask} bytes, but {Remaining} are left", "a byte count within the record");
            }

            end = (int)stop;
            start = Displacement;
            tag = ReadUInt32();
        }

        if ((tag & ClassMask) == 0)
        {
            // A reference to an object read before (0 is null). Unknown references are skipped.
            if (tag == 0)
            {
                return null;
            }

            if (_refs.TryGetValue(tag, out object? seen) && seen is not string)
            {
                return seen;
            }

            if (end is { } skipTo)
            {
                Position = skipTo;
            }

            return new RootUnknownObject($"(reference {tag} to an object not read)");
        }

        string className;
        if (tag == NewClassTag)
        {
            className = ReadCString();
            if (end is not null)
            {
                _refs[start + MapOffset] = className;
            }
        }
        else
        {
            long reference = tag & ~ClassMask;
            if (!_refs.TryGetValue(reference, out object? known) || known is not string name)
            {
                throw Fail($"an object refers to class reference {reference}, which is not in the record", "class references to classes named earlier in the record");
            }

            className = name;
        }

        object? value = readClass(className, this);
        if (value is null)
        {
            if (end is not { } skip)
            {
                throw Fail($"an object of class {className} has no byte count, so it cannot be skipped");
            }

            Position = skip;
            value = new RootUnknownObject(className);
        }
        else if (end is { } stop && Position != stop)
        {
            throw Fail($"an object of class {className} was read to offset {Position}, but its byte count ends at {stop}", "the members that this ROOT version writes");
        }

        if (end is not null)
        {
            _refs[begin + MapOffset] = value;
        }

        return value;
    }

    private int Need(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Fail($"needs {count} bytes at offset {Position}, but only {Math.Max(Remaining, 0)} are left (truncated or corrupt)", "a complete record");
        }

        return count;
    }

    private int Take(int count)
    {
        Need(count);
        int at = Position;
        Position += count;
        return at;
    }
}
