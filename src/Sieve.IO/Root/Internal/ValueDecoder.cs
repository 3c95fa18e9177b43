using System.Buffers.Binary;

namespace Sieve.IO.Root.Internal;

/// <summary>Big-endian numbers of every leaf type to doubles.</summary>
internal static class ValueDecoder
{
    public static int SizeOf(RootElementType type) => type switch
    {
        RootElementType.Bool or RootElementType.Int8 or RootElementType.UInt8 => 1,
        RootElementType.Int16 or RootElementType.UInt16 => 2,
        RootElementType.Int32 or RootElementType.UInt32 or RootElementType.Float32 => 4,
        _ => 8,
    };

    /// <summary>Decodes <paramref name="target"/>.Length values from <paramref name="source"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> source, RootElementType type, Span<double> target)
    {
        switch (type)
        {
            case RootElementType.Bool:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = source[i] != 0 ? 1 : 0;
                }

                break;
            case RootElementType.Int8:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = (sbyte)source[i];
                }

                break;
            case RootElementType.UInt8:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = source[i];
                }

                break;
            case RootElementType.Int16:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadInt16BigEndian(source[(2 * i)..]);
                }

                break;
            case RootElementType.UInt16:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadUInt16BigEndian(source[(2 * i)..]);
                }

                break;
            case RootElementType.Int32:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadInt32BigEndian(source[(4 * i)..]);
                }

                break;
            case RootElementType.UInt32:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadUInt32BigEndian(source[(4 * i)..]);
                }

                break;
            case RootElementType.Int64:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadInt64BigEndian(source[(8 * i)..]);
                }

                break;
            case RootElementType.UInt64:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadUInt64BigEndian(source[(8 * i)..]);
                }

                break;
            case RootElementType.Float32:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadSingleBigEndian(source[(4 * i)..]);
                }

                break;
            default:
                for (int i = 0; i < target.Length; i++)
                {
                    target[i] = BinaryPrimitives.ReadDoubleBigEndian(source[(8 * i)..]);
                }

                break;
        }
    }
}
